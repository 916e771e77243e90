// The map: every place of the filter's located events (GET /api/places),
// clustered, each marker a ring of its quad classes' shares, on country
// shapes from Natural Earth (world-atlas, bundled): no tile server, so it
// works offline. Clicking a place filters to it.

import L from "./leaflet-global";
import "leaflet.markercluster";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import countries110 from "world-atlas/countries-110m.json";
import { $, fmt, status } from "./dom";
import { dominant, fetchPlaces, mapPlaces, segments, short, sumQuads, type PlaceCount } from "./places";
import { quadNames, type State, type Store } from "./state";

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
    showCoverageOnHover: false, maxClusterRadius: 40, chunkedLoading: true,
    iconCreateFunction: (c) => {
      const places = c.getAllChildMarkers().map((m) => (m.options as { place?: PlaceCount }).place)
        .filter((p): p is PlaceCount => !!p);
      const { quads, events } = sumQuads(places);
      return placeIcon(events, quads);
    },
  }).addTo(map);
  const note = $(".note", panel);
  let pending: AbortController | undefined;

  async function load(s: State) {
    pending?.abort();
    pending = new AbortController();
    status(panel, "loading");
    let places: PlaceCount[];
    try {
      places = (await fetchPlaces(s.filter, pending.signal)).places;
    } catch (e) {
      if ((e as Error).name === "AbortError") return;
      status(panel, "error", (e as Error).message);
      clusters.clearLayers();
      note.textContent = "";
      panel.dataset.places = "0";
      return;
    }
    clusters.clearLayers();
    panel.dataset.places = String(places.length);
    if (!places.length) {
      status(panel, "empty", "No located events match the filter.");
      note.textContent = "";
      return;
    }
    const events = places.reduce((n, p) => n + p.events, 0);
    status(panel, "ok");
    note.textContent = (places.length === mapPlaces ? `The ${fmt.format(places.length)} places with the most events: ` : "") +
      `${fmt.format(events)} located event${events === 1 ? "" : "s"} at ${fmt.format(places.length)} place${places.length === 1 ? "" : "s"}. ` +
      "Rings show each quad class's share; click a place to filter to it.";
    clusters.addLayers(places.map((pl) => {
      const m = L.marker([pl.lat, pl.lon], {
        icon: placeIcon(pl.events, pl.by_quad_class), keyboard: true,
        title: placeTitle(pl), alt: pl.name, place: pl,
      } as L.MarkerOptions & { place: PlaceCount });
      m.on("click", () => store.update({ filter: { place: pl.place }, view: { event: undefined } }));
      return m;
    }));
  }

  store.subscribe((s, changed) => { if (changed) void load(s); });
  void load(store.state);
  return map;
}

function placeTitle(p: PlaceCount): string {
  const mix = p.by_quad_class.map((n, i) => (n ? `${quadNames[String(i + 1)].toLowerCase()} ${n}` : ""))
    .filter(Boolean).join(", ");
  return `${p.name}${p.country ? ` (${p.country})` : ""}: ${fmt.format(p.events)} event${p.events === 1 ? "" : "s"} (${mix}); click to filter`;
}

// placeIcon is a disc with the event count inside a ring split by quad
// class; its class names the dominant one, for styles and tests.
function placeIcon(events: number, quads: number[]): L.DivIcon {
  const size = Math.round(Math.min(46, 20 + 6 * Math.log10(events + 1)));
  const ring = segments(quads).map(([q, from, to]) => `var(--q${q}) ${from}% ${to}%`).join(", ");
  return L.divIcon({
    html: `<span style="background: conic-gradient(${ring || "var(--muted) 0 100%"})"><b>${short(events)}</b></span>`,
    className: `place-icon quad-${dominant(quads)}`, iconSize: [size, size],
  });
}
