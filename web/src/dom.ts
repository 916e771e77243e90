// Small DOM helpers: the page builds its elements with these rather than
// with innerHTML, so that text from articles is never parsed as markup.

type Attrs = Record<string, string | number | boolean | EventListener | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {},
  ...children: (Node | string | null | undefined | false)[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (typeof v === "function") el.addEventListener(k.replace(/^on/, ""), v);
    else if (v === true) el.setAttribute(k, "");
    else el.setAttribute(k, String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

export function $(sel: string, root: ParentNode = document): HTMLElement {
  const el = root.querySelector<HTMLElement>(sel);
  if (!el) throw new Error(`page element ${sel} is missing`);
  return el;
}

// Panel states: every view shows loading, empty and error states the same
// way, in a status line screen readers announce.
export function status(panel: HTMLElement, kind: "loading" | "empty" | "error" | "ok", text = "") {
  const st = $(".status", panel);
  panel.dataset.state = kind;
  st.textContent = kind === "ok" ? "" : text || (kind === "loading" ? "Loading…" : "");
  st.className = `status ${kind}`;
  // The browser tests read these marks to say where the first view's
  // time goes.
  if (kind !== "loading") performance.mark(`${panel.className.replace(/\s+/g, ".")}:${kind}`);
}

export const fmt = new Intl.NumberFormat("en");

// bytesToChars converts the API's byte offsets into a UTF-8 text into
// offsets into the JavaScript (UTF-16) string.
export function byteIndex(text: string): (b: number) => number {
  const enc = new TextEncoder();
  const map: number[] = [];
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    map[bytes] = i;
    const cp = text.codePointAt(i)!;
    const n = enc.encode(String.fromCodePoint(cp)).length;
    for (let k = 1; k < n; k++) map[bytes + k] = i;
    bytes += n;
    if (cp > 0xffff) i++;
  }
  map[bytes] = text.length;
  return (b) => (b <= 0 ? 0 : b >= bytes ? text.length : map[b]);
}

export interface Mark { start: number; end: number; cls: string; title?: string; rank: number }

// highlight renders text with marks given as byte spans. Marks may nest or
// overlap: the text is cut at every boundary and each piece takes the
// classes of all marks over it, the lowest rank first, so that an actor
// inside the evidence span shows as the actor.
export function highlight(text: string, marks: Mark[]): DocumentFragment {
  const toChar = byteIndex(text);
  const ms = marks.map((m) => ({ ...m, start: toChar(m.start), end: toChar(m.end) }))
    .filter((m) => m.end > m.start);
  const cuts = new Set<number>([0, text.length]);
  for (const m of ms) { cuts.add(m.start); cuts.add(m.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const frag = document.createDocumentFragment();
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    const over = ms.filter((m) => m.start <= a && m.end >= b).sort((x, y) => x.rank - y.rank);
    const piece = text.slice(a, b);
    if (!over.length) { frag.append(piece); continue; }
    const el = h("mark", { class: over.map((m) => m.cls).join(" ") }, piece);
    const titles = over.map((m) => m.title).filter(Boolean);
    if (titles.length) el.title = titles.join("; ");
    frag.append(el);
  }
  return frag;
}
