// The page's state lives in the URL, so that a link reproduces the view:
// the filter (the API's own parameter names) plus what the page chose to
// show (the timeline interval, the table order, the opened event).

export const filterKeys = ["actor", "actor_name", "side", "country", "root", "code", "quad_class",
  "from", "to", "place", "q"] as const;
export type FilterKey = typeof filterKeys[number];
export type Filter = Partial<Record<FilterKey, string>>;

export const viewKeys = ["interval", "sort", "event", "article"] as const;
export type ViewKey = typeof viewKeys[number];

export interface State { filter: Filter; view: Partial<Record<ViewKey, string>> }

export function fromURL(search: string): State {
  const p = new URLSearchParams(search);
  const s: State = { filter: {}, view: {} };
  for (const k of filterKeys) { const v = p.get(k)?.trim(); if (v) s.filter[k] = v; }
  for (const k of viewKeys) { const v = p.get(k)?.trim(); if (v) s.view[k] = v; }
  return s;
}

export function toSearch(s: State): string {
  const p = new URLSearchParams();
  for (const k of filterKeys) if (s.filter[k]) p.set(k, s.filter[k]!);
  for (const k of viewKeys) if (s.view[k]) p.set(k, s.view[k]!);
  const q = p.toString();
  return q ? `?${q}` : "";
}

// filterParams gives the API query of a filter; side only means something
// with an actor or country to apply it to.
export function filterParams(f: Filter): URLSearchParams {
  const p = new URLSearchParams();
  for (const k of filterKeys) if (f[k]) p.set(k, f[k]!);
  if (!f.actor && !f.actor_name && !f.country) p.delete("side");
  return p;
}

export function sameFilter(a: Filter, b: Filter): boolean {
  return filterKeys.every((k) => (a[k] ?? "") === (b[k] ?? ""));
}

type Listener = (s: State, filterChanged: boolean) => void;

// Store holds the state and tells the views when it changes; views change
// it only through update, which writes the URL.
export class Store {
  private listeners: Listener[] = [];
  state: State;

  constructor() {
    this.state = fromURL(location.search);
    window.addEventListener("popstate", () => this.set(fromURL(location.search)));
  }

  subscribe(fn: Listener) { this.listeners.push(fn); }

  update(change: { filter?: Filter; view?: State["view"] }, replace = false) {
    const next: State = {
      filter: clean({ ...this.state.filter, ...change.filter }),
      view: clean({ ...this.state.view, ...change.view }),
    };
    const url = location.pathname + toSearch(next);
    if (replace) history.replaceState(null, "", url); else history.pushState(null, "", url);
    this.set(next);
  }

  private set(next: State) {
    const changed = !sameFilter(this.state.filter, next.filter);
    this.state = next;
    for (const fn of this.listeners) fn(next, changed);
  }
}

function clean<T extends Record<string, string | undefined>>(o: T): T {
  const out = {} as Record<string, string>;
  for (const [k, v] of Object.entries(o)) if (v) out[k] = v;
  return out as T;
}

export const quadNames: Record<string, string> = {
  "1": "Verbal cooperation", "2": "Material cooperation", "3": "Verbal conflict", "4": "Material conflict",
};

// Colours chosen to stay apart for the common colour-vision deficiencies
// (blue/teal for cooperation, orange/red-purple for conflict).
export const quadColors: Record<string, string> = {
  "1": "#4e9fd1", "2": "#1b6a9c", "3": "#e69f00", "4": "#b3315d",
};

// CAMEO's twenty root categories, named briefly.
export const rootNames: Record<string, string> = {
  "01": "Public statement", "02": "Appeal", "03": "Intent to cooperate", "04": "Consult",
  "05": "Diplomatic cooperation", "06": "Material cooperation", "07": "Provide aid", "08": "Yield",
  "09": "Investigate", "10": "Demand", "11": "Disapprove", "12": "Reject", "13": "Threaten",
  "14": "Protest", "15": "Show force", "16": "Reduce relations", "17": "Coerce", "18": "Assault",
  "19": "Fight", "20": "Mass violence",
};
