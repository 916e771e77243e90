// The event table: one page of /api/events at a time, sorted by date or by
// mentions (the orders the API keeps an index for), paged with its cursor.

import { get, type AggregateEvent, type EventPage } from "./api";
import { $, h, status } from "./dom";
import { filterParams, quadNames, type State, type Store } from "./state";

const pageLen = 25;

export function mountTable(panel: HTMLElement, store: Store) {
  const body = $("tbody", panel);
  const prev = $("button.prev", panel) as HTMLButtonElement;
  const next = $("button.next", panel) as HTMLButtonElement;
  const pageNo = $(".page", panel);
  // cursors[i] is the cursor that fetches page i; page 0 needs none.
  let cursors: string[] = [""];
  let page = 0;
  let pending: AbortController | undefined;

  for (const b of panel.querySelectorAll<HTMLButtonElement>("th button[data-sort]")) {
    b.addEventListener("click", () => store.update({ view: { sort: b.dataset.sort === "mentions" ? undefined : b.dataset.sort } }, true));
  }
  prev.addEventListener("click", () => { if (page > 0) void load(store.state, page - 1); });
  next.addEventListener("click", () => { if (cursors[page + 1]) void load(store.state, page + 1); });

  async function load(s: State, to: number) {
    pending?.abort();
    pending = new AbortController();
    const p = filterParams(s.filter);
    // Most-mentioned first by default: the best-corroborated events are the
    // ones to look at first.
    const sort = s.view.sort === "date" ? "date" : "mentions";
    p.set("sort", sort);
    p.set("limit", String(pageLen));
    if (cursors[to]) p.set("cursor", cursors[to]);
    for (const th of panel.querySelectorAll<HTMLElement>("th[data-col]")) {
      th.setAttribute("aria-sort", th.dataset.col === sort ? "descending" : "none");
    }
    status(panel, "loading");
    let r: EventPage;
    try {
      r = await get<EventPage>("/api/events", p, pending.signal);
    } catch (e) {
      if ((e as Error).name === "AbortError") return;
      status(panel, "error", (e as Error).message);
      body.replaceChildren();
      prev.disabled = next.disabled = true;
      return;
    }
    page = to;
    cursors = cursors.slice(0, to + 1);
    if (r.next) cursors[to + 1] = r.next;
    prev.disabled = page === 0;
    next.disabled = !r.next;
    pageNo.textContent = `page ${page + 1}`;
    panel.dataset.rows = String(r.events.length);
    body.replaceChildren(...r.events.map((e) => row(e, () => store.update({ view: { event: e.id, article: undefined } }))));
    if (!r.events.length) status(panel, "empty", "No events match the filter.");
    else status(panel, "ok");
  }

  let lastSort = store.state.view.sort;
  store.subscribe((s, changed) => {
    if (changed || s.view.sort !== lastSort) { lastSort = s.view.sort; cursors = [""]; void load(s, 0); }
  });
  void load(store.state, 0);
}

function actor(a: { code: string } | null) { return a ? a.code : "—"; }

function row(e: AggregateEvent, open: () => void): HTMLTableRowElement {
  const place = e.location ? `${e.location.name}${e.location.country ? `, ${e.location.country}` : ""}` : "";
  return h("tr", { "data-id": e.id },
    h("td", {}, e.date || "undated"),
    h("td", {}, actor(e.source)),
    h("td", {}, h("button", { type: "button", class: "link open", onclick: open,
      title: `${quadNames[String(e.quad_class)] ?? ""}; Goldstein ${e.goldstein}` },
      h("span", { class: `dot quad-${e.quad_class}`, "aria-hidden": "true" }), `${e.name} `, h("code", {}, e.code))),
    h("td", {}, actor(e.target)),
    h("td", {}, place),
    h("td", { class: "num" }, `${e.num_mentions} / ${e.num_sources}`));
}

export const tablePanel = () => h("section", { class: "panel events", "aria-labelledby": "ev-h" },
  h("header", {}, h("h2", { id: "ev-h" }, "Events")),
  h("p", { class: "status", role: "status", "aria-live": "polite" }),
  h("div", { class: "scroll" },
    h("table", {},
      h("thead", {}, h("tr", {},
        h("th", { scope: "col", "data-col": "date" }, h("button", { type: "button", class: "link", "data-sort": "date" }, "Date")),
        h("th", { scope: "col" }, "Source"),
        h("th", { scope: "col" }, "Event"),
        h("th", { scope: "col" }, "Target"),
        h("th", { scope: "col" }, "Place"),
        h("th", { scope: "col", "data-col": "mentions", class: "num" },
          h("button", { type: "button", class: "link", "data-sort": "mentions" }, "Mentions / sources")))),
      h("tbody", {}))),
  h("nav", { class: "pager", "aria-label": "Event pages" },
    h("button", { type: "button", class: "prev secondary", disabled: true }, "Previous"),
    h("span", { class: "page" }),
    h("button", { type: "button", class: "next secondary", disabled: true }, "Next")));
