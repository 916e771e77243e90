import { test } from "node:test";
import assert from "node:assert/strict";
import { networkQuery, timelineQuery } from "./queries";

test("timelineQuery chooses the interval from the dates", () => {
  assert.equal(timelineQuery({ filter: {}, view: {} }).toString(), "interval=month&by=quad");
  assert.equal(timelineQuery({ filter: { from: "2024-01-01", to: "2024-01-31" }, view: {} }).get("interval"), "day");
  assert.equal(timelineQuery({ filter: { actor: "IRN" }, view: { interval: "week" } }).toString(), "actor=IRN&interval=week&by=quad");
});

test("networkQuery keeps the filter", () => {
  assert.equal(networkQuery({ filter: { country: "IRQ", side: "target" }, view: {} }).toString(),
    "side=target&country=IRQ&by=actor&limit=60");
});
