// The dashboard: a filter bar that lives in the URL and drives a timeline,
// a map, an actor network, an event table and the evidence of each event,
// all read from the public JSON API.

import "leaflet/dist/leaflet.css";
import "leaflet.markercluster/dist/MarkerCluster.css";
import "./style.css";
import { get, prefetch, type Stats } from "./api";
import { $, fmt, h, status } from "./dom";
import { evidenceDialog, mountEvidence } from "./evidence";
import { mountFilterBar } from "./filterbar";
import { mapPanel, networkPanel, timelinePanel } from "./panels";
import { placesParams } from "./places";
import { networkQuery, timelineQuery } from "./queries";
import { filterParams, Store } from "./state";
import { mountTable, tablePanel } from "./table";

const formats = [["csv", "CSV"], ["jsonl", "JSON Lines"], ["parquet", "Parquet"], ["gdelt", "GDELT TSV"]] as const;

function exportLinks(store: Store): HTMLElement {
  const nav = h("nav", { class: "export", "aria-label": "Export the filtered events" }, h("span", {}, "Export:"));
  const links = formats.map(([f, label]) => {
    const a = h("a", { "data-format": f, download: "" }, label);
    nav.append(" ", a);
    return a;
  });
  const set = () => {
    for (const [i, a] of links.entries()) {
      const p = filterParams(store.state.filter);
      p.set("format", formats[i][0]);
      a.href = `/api/export?${p}`;
    }
  };
  store.subscribe(set);
  set();
  return nav;
}

function lazy(panel: HTMLElement, load: () => Promise<void>) {
  status(panel, "loading");
  load().catch((e: Error) => status(panel, "error", `This view could not load: ${e.message}`));
}

function main() {
  const store = new Store();
  const app = $("#app");
  const stats = h("p", { class: "stats" });
  const dialog = evidenceDialog();
  const tl = timelinePanel(), mp = mapPanel(), nw = networkPanel(), tb = tablePanel();
  app.replaceChildren(
    h("header", { class: "top" }, h("h1", {}, "khaldun"), stats, exportLinks(store)),
    h("div", { id: "filters" }),
    h("main", { class: "grid" }, tl, mp, nw, tb),
    dialog);
  mountFilterBar($("#filters"), store);
  mountTable(tb, store);
  mountEvidence(dialog, store);
  // The chart libraries are the bulk of the page: each view is its own
  // chunk, so the table's data is on its way while they load.
  lazy(tl, () => import("./timeline").then((m) => void m.mountTimeline(tl, store)));
  // Their first answers are asked for now, not once each library has
  // loaded: the views' own requests for the same URLs take them.
  prefetch("/api/places", placesParams(store.state.filter));
  prefetch("/api/timeseries", timelineQuery(store.state));
  prefetch("/api/network", networkQuery(store.state));
  lazy(mp, () => import("./map").then((m) => void m.mountMap(mp, store)));
  lazy(nw, () => import("./network").then((m) => void m.mountNetwork(nw, store)));
  get<Stats>("/api/stats").then((s) => {
    stats.textContent = `${fmt.format(s.events)} events from ${fmt.format(s.mentions)} mentions in ${fmt.format(s.articles)} articles`;
  }).catch((e: Error) => { stats.textContent = e.message; stats.classList.add("error"); });
}

main();
