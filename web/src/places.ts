// Map places as GET /api/places counts them, and how a marker draws its
// mix of quad classes. No DOM here, so the unit tests run these under Node.

import { get } from "./api";
import { filterParams, type Filter } from "./state";

// PlaceCount is one place of /api/places: by_quad_class holds the events
// of quad class 1 to 4; place is the value of the place filter that
// selects its events (geonames:ID, or "name, CCC" for a place resolved to
// a whole country or region, which all share id 0).
export interface PlaceCount {
  geonameid: number; name: string; country: string; lat: number; lon: number;
  events: number; mentions: number; by_quad_class: number[]; place: string;
}
export interface Places { places: PlaceCount[] }

// The map asks for every place of the filter: places are far fewer than
// events (about 1,200 for 168k events of news), and the API's most is
// this.
export const mapPlaces = 10000;

export function placesParams(f: Filter): URLSearchParams {
  const p = filterParams(f);
  p.set("limit", String(mapPlaces));
  return p;
}

export function fetchPlaces(f: Filter, signal?: AbortSignal): Promise<Places> {
  return get<Places>("/api/places", placesParams(f), signal);
}

// sumQuads adds up the quad-class counts of several places (a cluster).
export function sumQuads(places: Iterable<PlaceCount>): { quads: number[]; events: number } {
  const quads = [0, 0, 0, 0];
  let events = 0;
  for (const p of places) {
    for (let i = 0; i < 4; i++) quads[i] += p.by_quad_class[i] ?? 0;
    events += p.events;
  }
  return { quads, events };
}

// dominant is the quad class ("1"-"4") with the most events; a tie goes to
// the lower class.
export function dominant(quads: number[]): string {
  let best = 0;
  for (let i = 1; i < 4; i++) if ((quads[i] ?? 0) > (quads[best] ?? 0)) best = i;
  return String(best + 1);
}

// segments are the stops of a conic gradient giving each quad class its
// share of the ring, in class order, as [class, from %, to %].
export function segments(quads: number[]): [string, number, number][] {
  const total = quads.reduce((a, b) => a + b, 0);
  if (!total) return [];
  const out: [string, number, number][] = [];
  let at = 0;
  quads.forEach((n, i) => {
    if (!n) return;
    const to = at + (n / total) * 100;
    out.push([String(i + 1), Math.round(at * 10) / 10, Math.round(to * 10) / 10]);
    at = to;
  });
  out[out.length - 1][2] = 100;
  return out;
}

// short writes a marker's count in at most four characters.
export function short(n: number): string {
  if (n < 1000) return String(n);
  if (n < 10000) return `${(Math.floor(n / 100) / 10).toString()}k`;
  return `${Math.floor(n / 1000)}k`;
}
