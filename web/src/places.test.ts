import { test } from "node:test";
import assert from "node:assert/strict";
import { dominant, placesParams, segments, short, sumQuads, type PlaceCount } from "./places";

const place = (name: string, quads: number[]): PlaceCount =>
  ({ geonameid: 0, name, country: "XXX", lat: 1, lon: 2, events: quads.reduce((a, b) => a + b, 0), mentions: 0,
    by_quad_class: quads, place: `${name}, XXX` });

test("sumQuads adds a cluster's places", () => {
  const got = sumQuads([place("a", [1, 0, 0, 2]), place("b", [0, 3, 0, 1])]);
  assert.deepEqual(got, { quads: [1, 3, 0, 3], events: 7 });
  assert.deepEqual(sumQuads([]), { quads: [0, 0, 0, 0], events: 0 });
});

test("dominant prefers the lower class on a tie", () => {
  assert.equal(dominant([2, 2, 0, 0]), "1");
  assert.equal(dominant([0, 0, 0, 0]), "1");
  assert.equal(dominant([0, 0, 5, 1]), "3");
  assert.equal(dominant([1, 0, 0, 4]), "4");
});

test("segments share the ring in class order", () => {
  assert.deepEqual(segments([1, 0, 1, 2]), [["1", 0, 25], ["3", 25, 50], ["4", 50, 100]]);
  assert.deepEqual(segments([0, 0, 0, 7]), [["4", 0, 100]]);
  // Rounding never leaves a gap at the end of the ring.
  assert.equal(segments([1, 1, 1, 0]).at(-1)![2], 100);
  assert.deepEqual(segments([0, 0, 0, 0]), []);
});

test("short counts", () => {
  assert.deepEqual([0, 999, 1000, 1250, 9999, 10000, 19000].map(short), ["0", "999", "1k", "1.2k", "9.9k", "10k", "19k"]);
});

test("placesParams asks for every place of the filter", () => {
  const p = placesParams({ actor: "IRN", side: "source", place: "Georgia, USA" });
  assert.equal(p.get("limit"), "10000");
  assert.equal(p.get("actor"), "IRN");
  assert.equal(p.get("place"), "Georgia, USA");
  assert.equal(placesParams({ side: "source" }).has("side"), false);
});
