// The evidence view: an event with each of its mentions, the sentence that
// produced it with the source, the coded span and the target marked, and
// on demand the whole article with its entities, places, dates, quotes and
// counts marked.

import { get, type EventDetail, type Mention, type StoredArticle } from "./api";
import { $, h, highlight, status, type Mark } from "./dom";
import { quadNames, type State, type Store } from "./state";

export function mountEvidence(dialog: HTMLDialogElement, store: Store) {
  const body = $(".body", dialog);
  let shown = "";
  let pending: AbortController | undefined;
  let opener: Element | null = null;

  $("button.close", dialog).addEventListener("click", () => dialog.close());
  // Closing (Escape or the button) drops the event from the URL and gives
  // the focus back to the row that opened it.
  dialog.addEventListener("close", () => {
    shown = "";
    if (store.state.view.event) store.update({ view: { event: undefined, article: undefined } });
    if (opener instanceof HTMLElement) opener.focus();
  });

  async function load(s: State) {
    const id = s.view.event;
    const key = `${id}/${s.view.article ?? ""}`;
    if (!id) { if (dialog.open) dialog.close(); return; }
    if (key === shown) return;
    shown = key;
    if (!dialog.open) { opener = document.activeElement; dialog.showModal(); }
    pending?.abort();
    pending = new AbortController();
    status(dialog, "loading");
    body.replaceChildren();
    try {
      const d = await get<EventDetail>(`/api/events/${encodeURIComponent(id)}`, undefined, pending.signal);
      body.replaceChildren(eventSummary(d), h("h3", {}, `Mentions (${d.mentions.length})`),
        h("ol", { class: "mentions" }, ...d.mentions.map((m) => mention(m, store))));
      if (s.view.article) {
        const a = await get<StoredArticle>(`/api/articles/${encodeURIComponent(s.view.article)}`, undefined, pending.signal);
        const m = d.mentions.find((x) => x.article.id === s.view.article);
        body.append(articleView(a, m));
        body.querySelector(".article .current")?.scrollIntoView({ block: "center" });
      }
      status(dialog, "ok");
    } catch (e) {
      if ((e as Error).name === "AbortError") return;
      status(dialog, "error", (e as Error).message);
    }
  }
  store.subscribe((s) => void load(s));
  void load(store.state);
}

function eventSummary(d: EventDetail): HTMLElement {
  const e = d.event;
  return h("dl", { class: "summary" },
    h("dt", {}, "Event"), h("dd", {}, `${e.name} (${e.code}), ${quadNames[String(e.quad_class)] ?? ""}, Goldstein ${e.goldstein}`),
    h("dt", {}, "Source"), h("dd", {}, e.source.code),
    h("dt", {}, "Target"), h("dd", {}, e.target?.code ?? "none"),
    h("dt", {}, "Date"), h("dd", {}, e.date || "undated"),
    h("dt", {}, "Place"), h("dd", {}, e.location ? `${e.location.name}, ${e.location.country}` : "not located"),
    h("dt", {}, "Seen"), h("dd", {}, `${e.num_mentions} mentions in ${e.num_articles} articles from ${e.num_sources} sources, ${e.first_seen} to ${e.last_seen}`));
}

function mention(m: Mention, store: Store): HTMLElement {
  const s = m.sentence;
  const marks: Mark[] = [
    { start: s.evidence[0], end: s.evidence[1], cls: "ev-span", title: `coded span; rule ${m.event.rule}`, rank: 2 },
    { start: s.source[0], end: s.source[1], cls: "ev-source", title: `source ${m.event.source.code}`, rank: 0 },
  ];
  if (s.target) marks.push({ start: s.target[0], end: s.target[1], cls: "ev-target", title: `target ${m.event.target?.code ?? ""}`, rank: 1 });
  const a = m.article;
  return h("li", { class: "mention" },
    h("p", { class: "ref" },
      a.url ? h("a", { href: a.url, target: "_blank", rel: "noopener noreferrer" }, a.title || a.url) : (a.title || a.id),
      ` · ${a.source || "unknown source"} · ${a.published || "undated"}`),
    h("blockquote", { class: "sentence" }, highlight(s.text, marks)),
    h("p", { class: "meta" },
      h("span", { class: "key ev-source" }, `source: ${m.event.source.text || m.event.source.code} (${m.event.source.code})`), " ",
      h("span", { class: "key ev-span" }, `rule: ${m.event.rule}`), " ",
      m.event.target ? h("span", { class: "key ev-target" }, `target: ${m.event.target.text || m.event.target.code} (${m.event.target.code})`) : "no target",
      ` · confidence ${m.event.confidence}`, m.event.date_text ? ` · date from “${m.event.date_text}”` : ""),
    h("button", { type: "button", class: "secondary", onclick: () => store.update({ view: { article: a.id } }, true) }, "Read the article"));
}

const articleKinds = [
  ["ent-PERSON", "person"], ["ent-ORG", "organisation"], ["ent-LOC", "location"], ["ent-MISC", "other name"],
  ["place", "place"], ["date", "date"], ["quote", "quote"], ["count", "count"], ["current", "this event"],
] as const;

function articleView(a: StoredArticle, m?: Mention): HTMLElement {
  const d = a.document, text = d.article.text ?? "";
  const marks: Mark[] = [];
  const n: Record<string, number> = {};
  const add = (cls: string, sp: [number, number], title: string, rank: number) => {
    marks.push({ start: sp[0], end: sp[1], cls, title, rank });
    n[cls] = (n[cls] ?? 0) + 1;
  };
  for (const q of d.quotes ?? []) add("quote", q.span, `quote by ${q.speaker || "unknown"}`, 5);
  for (const e of d.entities ?? []) add(`ent-${e.type}`, e.span, `${e.type}${e.actor ? ` ${e.actor}` : ""}`, 3);
  for (const p of d.places ?? []) add("place", p.span, `place ${p.name}, ${p.country}`, 2);
  for (const t of d.dates ?? []) add("date", t.span, `date ${t.value}`, 1);
  for (const c of d.counts ?? []) add("count", c.span, `count ${c.type} ${c.number}`, 0);
  if (m) add("current", m.sentence.span, "the sentence of this event", 6);
  // Paragraphs are blank-line separated in the body; the marks are cut per
  // paragraph so that each keeps its offsets.
  const paras: HTMLElement[] = [];
  const enc = new TextEncoder();
  let at = 0;
  for (const part of text.split(/(\n\s*\n)/)) {
    const len = enc.encode(part).length;
    if (part.trim() && !/^\n\s*\n$/.test(part)) {
      const local = marks.filter((k) => k.end > at && k.start < at + len)
        .map((k) => ({ ...k, start: Math.max(0, k.start - at), end: Math.min(len, k.end - at) }));
      paras.push(h("p", {}, highlight(part, local)));
    }
    at += len;
  }
  return h("article", { class: "article", "aria-label": "Article text" },
    h("h3", {}, d.article.title || d.article.id),
    h("p", { class: "ref" }, `${d.article.source} · ${d.article.published}`,
      d.article.url ? h("span", {}, " · ", h("a", { href: d.article.url, target: "_blank", rel: "noopener noreferrer" }, "original")) : ""),
    h("p", { class: "legend" }, ...articleKinds.filter(([c]) => n[c]).map(([c, label]) =>
      h("span", { class: `key ${c}` }, `${label} ${n[c]}`))),
    ...paras);
}

export const evidenceDialog = () => h("dialog", { class: "evidence", "aria-labelledby": "evd-h" },
  h("header", {}, h("h2", { id: "evd-h" }, "Evidence"),
    h("button", { type: "button", class: "close secondary", "aria-label": "Close the evidence view" }, "Close")),
  h("p", { class: "status", role: "status", "aria-live": "polite" }),
  h("div", { class: "body" }));
