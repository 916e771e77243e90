// The timeline: events per period stacked by quad class, with the period's
// Goldstein sum as a line. Brushing a range of periods sets the date filter.

import * as echarts from "echarts/core";
import { BarChart, LineChart } from "echarts/charts";
import { BrushComponent, GridComponent, LegendComponent, ToolboxComponent, TooltipComponent } from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";
import { get, type Timeseries } from "./api";
import { $, fmt, status } from "./dom";
import { chooseInterval, drawnRange, fillPeriods, periodEnd, periodStart } from "./periods";
import { timelineQuery } from "./queries";
import { quadColors, quadNames, type State, type Store } from "./state";

echarts.use([BarChart, LineChart, BrushComponent, GridComponent, LegendComponent, ToolboxComponent,
  TooltipComponent, CanvasRenderer]);

export function mountTimeline(panel: HTMLElement, store: Store) {
  const box = $(".chart", panel);
  const chart = echarts.init(box, undefined, { renderer: "canvas" });
  new ResizeObserver(() => chart.resize()).observe(box);
  const select = $("select[name=interval]", panel) as HTMLSelectElement;
  select.addEventListener("change", () => store.update({ view: { interval: select.value || undefined } }, true));
  const note = $(".note", panel);
  let periods: string[] = [];
  let interval = "month";
  let pending: AbortController | undefined;

  chart.on("brushEnd", (e: unknown) => {
    const areas = (e as { areas?: { coordRange?: [number, number] }[] }).areas ?? [];
    const r = areas[0]?.coordRange;
    if (!r || !periods.length) return;
    const a = periods[Math.max(0, Math.min(r[0], r[1]))], b = periods[Math.min(periods.length - 1, Math.max(r[0], r[1]))];
    if (!a || !b) return;
    store.update({ filter: { from: periodStart(a), to: periodEnd(b, interval) } });
  });

  async function load(s: State) {
    pending?.abort();
    pending = new AbortController();
    interval = chooseInterval(s);
    select.value = s.view.interval ?? "";
    const p = timelineQuery(s);
    status(panel, "loading");
    let ts: Timeseries;
    try {
      ts = await get<Timeseries>("/api/timeseries", p, pending.signal);
    } catch (e) {
      if ((e as Error).name === "AbortError") return;
      status(panel, "error", (e as Error).message);
      chart.clear();
      return;
    }
    const byPeriod = new Map<string, Map<string, { events: number; goldstein: number }>>();
    let imprecise = 0;
    for (const pt of ts.points) {
      // Dates such as "2019-Q1" or a bare year cannot be placed on a day,
      // week or month axis.
      if (!/^\d{4}-\d{2}(-\d{2})?$/.test(pt.period)) { imprecise += pt.events; continue; }
      let m = byPeriod.get(pt.period);
      if (!m) byPeriod.set(pt.period, (m = new Map()));
      m.set(pt.key, { events: pt.events, goldstein: pt.goldstein });
    }
    const total = (p: string) => [...byPeriod.get(p)?.values() ?? []].reduce((a, v) => a + v.events, 0);
    const [lo, hi] = drawnRange([...byPeriod.keys()].sort(), total, s.filter.from, s.filter.to, interval);
    periods = lo ? fillPeriods(lo, hi, interval) : [];
    const drawn = new Set(periods);
    const outside = [...byPeriod.keys()].filter((p) => !drawn.has(p)).reduce((a, p) => a + total(p), 0);
    const notes = [];
    if (outside) notes.push(`${fmt.format(outside)} events dated outside ${periods[0]} to ${periods[periods.length - 1]} are not drawn; set the dates to see them.`);
    if (imprecise) notes.push(`${fmt.format(imprecise)} events with only a year, week or quarter as their date are not drawn.`);
    note.textContent = notes.join(" ");
    panel.dataset.periods = String(periods.length);
    panel.dataset.first = periods[0] ?? "";
    panel.dataset.last = periods[periods.length - 1] ?? "";
    if (!periods.length) {
      chart.clear();
      status(panel, "empty", "No dated events match the filter.");
      return;
    }
    status(panel, "ok");
    const quads = ["1", "2", "3", "4"];
    chart.setOption({
      animation: false,
      aria: { enabled: true },
      tooltip: { trigger: "axis" },
      legend: { top: 0, type: "scroll" },
      grid: { left: 48, right: 48, top: 52, bottom: 28 },
      toolbox: { show: false },
      brush: { xAxisIndex: 0, brushType: "lineX", brushMode: "single", throttleType: "debounce", throttleDelay: 300,
        brushStyle: { color: "rgba(120,120,120,0.2)", borderColor: "#555" } },
      xAxis: { type: "category", data: periods },
      yAxis: [{ type: "value", name: "events", minInterval: 1 }, { type: "value", name: "Goldstein", splitLine: { show: false } }],
      series: [
        ...quads.map((q) => ({
          name: quadNames[q], type: "bar", stack: "events", itemStyle: { color: quadColors[q] },
          data: periods.map((p) => byPeriod.get(p)?.get(q)?.events ?? 0),
        })),
        { name: "Goldstein sum", type: "line", yAxisIndex: 1, symbol: "none", itemStyle: { color: "#333" },
          data: periods.map((p) => round([...byPeriod.get(p)?.values() ?? []].reduce((a, v) => a + v.goldstein, 0))) },
      ],
    }, { notMerge: true });
    // Brushing is the chart's main gesture: keep the brush cursor on
    // rather than hiding it behind a toolbox button.
    chart.dispatchAction({ type: "takeGlobalCursor", key: "brush", brushOption: { brushType: "lineX", brushMode: "single" } });
  }

  store.subscribe((s, changed) => { if (changed || chooseInterval(s) !== interval) void load(s); });
  void load(store.state);
  // For the keyboard: the brush needs a pointer, so the date fields of the
  // filter bar set the same range; this button widens back to everything.
  $("button.reset", panel).addEventListener("click", () => store.update({ filter: { from: undefined, to: undefined } }));
  return chart;
}

function round(x: number) { return Math.round(x * 10) / 10; }
