// The first request of each chart view, apart from the view's code so that
// the page can ask for it before the view's chunk (and its chart library)
// has loaded. No DOM here.

import { chooseInterval } from "./periods";
import { filterParams, type State } from "./state";

// The network shows the top dyads by event count.
export const maxDyads = 60;

export function timelineQuery(s: State): URLSearchParams {
  const p = filterParams(s.filter);
  p.set("interval", chooseInterval(s));
  p.set("by", "quad");
  return p;
}

export function networkQuery(s: State): URLSearchParams {
  const p = filterParams(s.filter);
  p.set("by", "actor");
  p.set("limit", String(maxDyads));
  return p;
}
