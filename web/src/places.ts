// Map places: located events gathered by place, with counts per quad class.
// No DOM here, so the unit tests run these under Node.

import type { AggregateEvent } from "./api";

export interface PlaceAgg {
  key: string; filter: string; name: string; country: string; lat: number; lon: number; quads: number[]; events: number;
}

// A place is its GeoNames id when it has one; places resolved to a whole
// country carry id 0 and are told apart by name and point instead, and
// filtered by name.
function placeKey(l: NonNullable<AggregateEvent["location"]>): [string, string] {
  return l.geonameid > 0 ? [`g${l.geonameid}`, `geonames:${l.geonameid}`] : [`n${l.name}|${l.lat}|${l.lon}`, l.name];
}

export function aggregatePlaces(events: AggregateEvent[]): PlaceAgg[] {
  const by = new Map<string, PlaceAgg>();
  for (const e of events) {
    const l = e.location;
    if (!l || !Number.isFinite(l.lat) || !Number.isFinite(l.lon)) continue;
    const [key, filter] = placeKey(l);
    let p = by.get(key);
    if (!p) by.set(key, (p = { key, filter, name: l.name, country: l.country, lat: l.lat, lon: l.lon, quads: [0, 0, 0, 0, 0], events: 0 }));
    p.quads[e.quad_class] = (p.quads[e.quad_class] ?? 0) + 1;
    p.events++;
  }
  return [...by.values()];
}

export function dominant(quads: number[]): string {
  let best = 1;
  for (let q = 2; q <= 4; q++) if (quads[q] > quads[best]) best = q;
  return String(best);
}

