// Periods of the timeline: which interval to draw, which periods to show,
// and the dates a brushed range of periods stands for. No DOM here, so the
// unit tests run these under Node.

import type { State } from "./state";

// Without a date filter the axis spans the periods holding all but the
// outermost tailShare of the events at each end: a few events misdated by
// decades (a year read from a number in the text) would otherwise squash
// every real period into one bar. The panel's note counts what is left out.
const tailShare = 0.01;
const maxPeriods = 2000;

export function drawnRange(sorted: string[], total: (p: string) => number, from: string | undefined,
  to: string | undefined, interval: string): [string, string] {
  if (!sorted.length) return ["", ""];
  const key = (d: string) => interval === "month" ? d.slice(0, 7) : interval === "week" ? monday(d) : d;
  let lo = sorted[0], hi = sorted[sorted.length - 1];
  if (from && to) return [key(from) > lo ? key(from) : lo, key(to) < hi ? key(to) : hi];
  const sum = sorted.reduce((a, p) => a + total(p), 0);
  let acc = 0;
  for (const p of sorted) { acc += total(p); if (acc > sum * tailShare) { lo = p; break; } }
  acc = 0;
  for (const p of [...sorted].reverse()) { acc += total(p); if (acc > sum * tailShare) { hi = p; break; } }
  return [lo, hi];
}

// monday gives the Monday on or before a date, the API's name of its week.
export function monday(d: string): string {
  const t = Date.parse(d);
  const back = (new Date(t).getUTCDay() + 6) % 7;
  return new Date(t - back * 86400000).toISOString().slice(0, 10);
}

// fillPeriods lists every period from lo to hi, so that quiet periods show
// as gaps rather than vanish from the axis.
export function fillPeriods(lo: string, hi: string, interval: string): string[] {
  const out: string[] = [];
  if (interval === "month") {
    let [y, m] = lo.split("-").map(Number);
    for (let p = lo; p <= hi && out.length < maxPeriods;) {
      out.push(p);
      if (++m > 12) { m = 1; y++; }
      p = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}`;
    }
    return out;
  }
  const step = (interval === "week" ? 7 : 1) * 86400000;
  for (let t = Date.parse(lo); t <= Date.parse(hi) && out.length < maxPeriods; t += step) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

export function chooseInterval(s: State): "day" | "week" | "month" {
  const v = s.view.interval;
  if (v === "day" || v === "week" || v === "month") return v;
  const { from, to } = s.filter;
  if (!from || !to) return "month";
  const days = (Date.parse(to) - Date.parse(from)) / 86400000;
  return days > 730 ? "month" : days > 92 ? "week" : "day";
}

// periodEnd gives the last day of a period, for the "to" of a brushed range.
export function periodEnd(period: string, interval: string): string {
  if (interval === "month") {
    const [y, m] = period.split("-").map(Number);
    return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  }
  if (interval === "week") return new Date(Date.parse(period) + 6 * 86400000).toISOString().slice(0, 10);
  return period;
}

export function periodStart(period: string): string {
  return period.length === 7 ? `${period}-01` : period;
}

