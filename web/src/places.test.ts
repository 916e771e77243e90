import { test } from "node:test";
import assert from "node:assert/strict";
import type { AggregateEvent, Location } from "./api";
import { aggregatePlaces, dominant } from "./places";

const loc = (name: string, id: number, lat = 1, lon = 2): Location =>
  ({ name, country: "XXX", admin1: "", lat, lon, geonameid: id });
const ev = (quad: number, l: Location | null) => ({ quad_class: quad, location: l }) as AggregateEvent;

test("aggregatePlaces", () => {
  const got = aggregatePlaces([
    ev(1, loc("Baghdad", 98182)), ev(4, loc("Baghdad", 98182)), ev(4, loc("Baghdad", 98182)),
    ev(3, null),
    ev(2, loc("Syria", 0, 35, 38)), ev(2, loc("Iraq", 0, 33, 44)),
  ]);
  assert.equal(got.length, 3);
  const bag = got.find((p) => p.name === "Baghdad")!;
  assert.equal(bag.events, 3);
  assert.deepEqual(bag.quads, [0, 1, 0, 0, 2]);
  assert.equal(bag.filter, "geonames:98182");
  assert.equal(dominant(bag.quads), "4");
  // Countries share id 0 but stay apart, and filter by name.
  assert.equal(got.find((p) => p.name === "Syria")!.filter, "Syria");
  assert.equal(got.find((p) => p.name === "Iraq")!.events, 1);
});

test("dominant prefers the lower class on a tie", () => {
  assert.equal(dominant([0, 2, 2, 0, 0]), "1");
  assert.equal(dominant([0, 0, 0, 0, 0]), "1");
  assert.equal(dominant([0, 0, 0, 5, 1]), "3");
});
