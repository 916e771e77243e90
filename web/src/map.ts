// The map: event places, clustered and coloured by quad class, on country
// shapes from Natural Earth (world-atlas, bundled): no tile server, so it
// works offline. Clicking a place filters to it.

import L from "./leaflet-global";
import "leaflet.markercluster";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import countries110 from "world-atlas/countries-110m.json";
import { get, type EventPage } from "./api";
import { $, fmt, status } from "./dom";
import { aggregatePlaces, dominant, type PlaceAgg } from "./places";
import { filterParams, quadNames, type State, type Store } from "./state";

// The map shows the most-mentioned located events of the filter, one page
// of the API; the panel says so when there are more.
const mapEvents = 500;

export function mountMap(panel: HTMLElement, store: Store) {
  const box = $(".map", panel);
  const map = L.map(box, { worldCopyJump: true, minZoom: 1, maxZoom: 10, zoomSnap: 0.5, attributionControl: true })
    .setView([25, 10], 1.5);
  map.attributionControl.setPrefix(false).addAttribution("Countries: Natural Earth");
  const topo = countries110 as unknown as Topology<{ countries: GeometryCollection }>;
  L.geoJSON(feature(topo, topo.objects.countries), {
    style: { color: "#8a8f98", weight: 0.6, fillColor: "#e9ecef", fillOpacity: 1 }, interactive: false,
  }).addTo(map);
  new ResizeObserver(() => map.invalidateSize()).observe(box);

  const clusters = L.markerClusterGroup({
    showCoverageOnHover: false, maxClusterRadius: 40,
    iconCreateFunction: (c) => {
      const quads = [0, 0, 0, 0, 0];
      let n = 0;
      for (const m of c.getAllChildMarkers()) {
        const p = (m.options as { place?: PlaceAgg }).place;
        if (!p) continue;
        p.quads.forEach((v, i) => (quads[i] += v));
        n += p.events;
      }
      return clusterIcon(n, dominant(quads));
    },
  }).addTo(map);
  const note = $(".note", panel);
  let pending: AbortController | undefined;

  async function load(s: State) {
    pending?.abort();
    pending = new AbortController();
    const p = filterParams(s.filter);
    // Only located events: a box over the whole world excludes the rest.
    if (!p.has("bbox")) p.set("bbox", "-180,-90,180,90");
    p.set("sort", "mentions");
    p.set("limit", String(mapEvents));
    status(panel, "loading");
    let page: EventPage;
    try {
      page = await get<EventPage>("/api/events", p, pending.signal);
    } catch (e) {
      if ((e as Error).name === "AbortError") return;
      status(panel, "error", (e as Error).message);
      clusters.clearLayers();
      note.textContent = "";
      return;
    }
    const places = aggregatePlaces(page.events);
    clusters.clearLayers();
    panel.dataset.places = String(places.length);
    if (!places.length) {
      status(panel, "empty", "No located events match the filter.");
      note.textContent = "";
      return;
    }
    status(panel, "ok");
    note.textContent = page.next
      ? `The ${fmt.format(page.events.length)} most-mentioned located events, at ${places.length} places.`
      : `${fmt.format(page.events.length)} located events at ${places.length} places.`;
    clusters.addLayers(places.map((pl) => {
      const q = dominant(pl.quads);
      const m = L.marker([pl.lat, pl.lon], {
        icon: clusterIcon(pl.events, q, true), keyboard: true,
        title: `${pl.name} (${pl.country}): ${pl.events} events, mostly ${quadNames[q].toLowerCase()}`,
        alt: pl.name, place: pl,
      } as L.MarkerOptions & { place: PlaceAgg });
      m.on("click", () => store.update({ filter: { place: pl.filter }, view: { event: undefined } }));
      return m;
    }));
  }

  store.subscribe((s, changed) => { if (changed) void load(s); });
  void load(store.state);
  return map;
}

function clusterIcon(n: number, quad: string, single = false): L.DivIcon {
  const size = Math.round(Math.min(44, 18 + Math.sqrt(n) * 3));
  return L.divIcon({
    html: `<span>${n}</span>`, className: `place-icon quad-${quad}${single ? " single" : ""}`,
    iconSize: [size, size],
  });
}
