// The filter bar: one form whose fields are the API's filter parameters.
// It drives every view through the Store, and so the URL.

import { get, type Actor } from "./api";
import { h, $ } from "./dom";
import { quadNames, rootNames, type Filter, type Store } from "./state";

const actorCode = /^[A-Z0-9]{3,30}$/;

export function mountFilterBar(root: HTMLElement, store: Store) {
  const roots = Object.entries(rootNames).map(([c, n]) => h("option", { value: c }, `${c} ${n}`));
  const quads = Object.entries(quadNames).map(([c, n]) => h("option", { value: c }, `${c} ${n}`));
  const form = h("form", { class: "filters", role: "search", "aria-label": "Event filter" },
    field("Actor", h("input", { name: "actor_text", type: "search", list: "actor-list", autocomplete: "off",
      placeholder: "name or code, e.g. IRN", "aria-describedby": "actor-help" })),
    h("datalist", { id: "actor-list" }),
    field("Side", h("select", { name: "side" },
      h("option", { value: "" }, "either"), h("option", { value: "source" }, "source"),
      h("option", { value: "target" }, "target"))),
    field("Country", h("input", { name: "country", type: "text", maxlength: 3, size: 4, placeholder: "ISO3",
      pattern: "[A-Za-z]{3}", title: "three-letter ISO code, e.g. SYR" })),
    field("Event root", h("select", { name: "root" }, h("option", { value: "" }, "any"), ...roots)),
    field("Code", h("input", { name: "code", type: "text", size: 5, maxlength: 4, pattern: "[0-9]{2,4}",
      placeholder: "e.g. 190", title: "CAMEO code prefix, 2 to 4 digits" })),
    field("Quad class", h("select", { name: "quad_class" }, h("option", { value: "" }, "any"), ...quads)),
    field("From", h("input", { name: "from", type: "date" })),
    field("To", h("input", { name: "to", type: "date" })),
    field("Place", h("input", { name: "place", type: "search", placeholder: "name or geonames:ID" })),
    field("Text", h("input", { name: "q", type: "search", placeholder: "words of the sentence" })),
    h("div", { class: "buttons" },
      h("button", { type: "submit" }, "Apply"),
      h("button", { type: "button", class: "secondary", onclick: () => store.update({ filter: cleared() }) }, "Clear")),
    h("p", { id: "actor-help", class: "help" },
      "An actor in capitals (USAGOV) is a code prefix; anything else is searched in the actors' names."),
  );
  root.replaceChildren(form);
  const input = (n: string) => form.elements.namedItem(n) as HTMLInputElement | HTMLSelectElement;

  const read = (): Filter => {
    const f: Filter = cleared();
    const actor = input("actor_text").value.trim();
    if (actor && actorCode.test(actor)) f.actor = actor; else if (actor) f.actor_name = actor;
    for (const k of ["side", "root", "code", "quad_class", "from", "to", "place", "q"] as const) {
      f[k] = input(k).value.trim() || undefined;
    }
    f.country = input("country").value.trim().toUpperCase() || undefined;
    return f;
  };
  const write = (f: Filter) => {
    input("actor_text").value = f.actor ?? f.actor_name ?? "";
    input("country").value = f.country ?? "";
    for (const k of ["side", "root", "code", "quad_class", "from", "to", "place", "q"] as const) {
      input(k).value = f[k] ?? "";
    }
  };

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    if (!form.reportValidity()) return;
    store.update({ filter: read(), view: { event: undefined, article: undefined } });
  });
  // Selects and dates apply at once; typed fields on Enter or Apply.
  for (const n of ["side", "root", "quad_class", "from", "to"]) {
    input(n).addEventListener("change", () => form.requestSubmit());
  }

  // Suggestions for the actor field, from /api/actors.
  let pending: AbortController | undefined;
  const list = $("#actor-list", form);
  input("actor_text").addEventListener("input", async () => {
    const q = input("actor_text").value.trim();
    pending?.abort();
    if (q.length < 2) return;
    pending = new AbortController();
    try {
      const r = await get<{ actors: Actor[] }>("/api/actors", new URLSearchParams({ q, limit: "10" }), pending.signal);
      list.replaceChildren(...r.actors.map((a) =>
        h("option", { value: a.code }, `${a.code}${a.country ? ` (${a.country})` : ""}: ${a.events} events`)));
    } catch { /* suggestions are optional; the filter itself reports errors */ }
  });

  write(store.state.filter);
  store.subscribe((s) => write(s.filter));
}

function field(label: string, control: HTMLElement): HTMLElement {
  return h("label", { class: "field" }, h("span", {}, label), control);
}

function cleared(): Filter {
  return { actor: undefined, actor_name: undefined, side: undefined, country: undefined, root: undefined,
    code: undefined, quad_class: undefined, from: undefined, to: undefined, place: undefined, q: undefined };
}
