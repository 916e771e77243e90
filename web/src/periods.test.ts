import { test } from "node:test";
import assert from "node:assert/strict";
import { chooseInterval, drawnRange, fillPeriods, monday, periodEnd, periodStart } from "./periods";

test("chooseInterval", () => {
  const cases: [Record<string, string>, Record<string, string>, string][] = [
    [{}, {}, "month"],
    [{ from: "2024-01-01", to: "2024-02-15" }, {}, "day"],
    [{ from: "2024-01-01", to: "2024-09-01" }, {}, "week"],
    [{ from: "2015-01-01", to: "2024-01-01" }, {}, "month"],
    [{ from: "2015-01-01", to: "2024-01-01" }, { interval: "day" }, "day"],
    [{ from: "2024-01-01" }, {}, "month"],
  ];
  for (const [filter, view, want] of cases) {
    assert.equal(chooseInterval({ filter, view }), want, JSON.stringify({ filter, view }));
  }
});

test("periodStart and periodEnd", () => {
  const cases: [string, string, string, string][] = [
    ["2024-02", "month", "2024-02-01", "2024-02-29"],
    ["2023-12", "month", "2023-12-01", "2023-12-31"],
    ["2024-03-04", "week", "2024-03-04", "2024-03-10"],
    ["2024-12-30", "week", "2024-12-30", "2025-01-05"],
    ["2024-03-04", "day", "2024-03-04", "2024-03-04"],
  ];
  for (const [p, iv, start, end] of cases) {
    assert.equal(periodStart(p), start, p);
    assert.equal(periodEnd(p, iv), end, `${p} ${iv}`);
  }
});

test("monday", () => {
  for (const [d, want] of [["2024-03-04", "2024-03-04"], ["2024-03-10", "2024-03-04"], ["2024-03-06", "2024-03-04"], ["2025-01-01", "2024-12-30"]]) {
    assert.equal(monday(d), want, d);
  }
});

test("fillPeriods", () => {
  assert.deepEqual(fillPeriods("2023-11", "2024-02", "month"), ["2023-11", "2023-12", "2024-01", "2024-02"]);
  assert.deepEqual(fillPeriods("2024-02-27", "2024-03-01", "day"), ["2024-02-27", "2024-02-28", "2024-02-29", "2024-03-01"]);
  assert.deepEqual(fillPeriods("2024-03-04", "2024-03-18", "week"), ["2024-03-04", "2024-03-11", "2024-03-18"]);
  assert.deepEqual(fillPeriods("2024-03", "2024-01", "month"), []);
  assert.equal(fillPeriods("0001-01", "9999-12", "month").length, 2000, "capped");
});

test("drawnRange trims stray tails but keeps a chosen range", () => {
  const counts: Record<string, number> = { "1912-08": 1, "2012-01": 500, "2013-06": 300, "2020-01": 400, "2094-01": 1 };
  const sorted = Object.keys(counts).sort();
  const total = (p: string) => counts[p] ?? 0;
  assert.deepEqual(drawnRange(sorted, total, undefined, undefined, "month"), ["2012-01", "2020-01"]);
  assert.deepEqual(drawnRange(sorted, total, "2013-01-15", "2019-12-31", "month"), ["2013-01", "2019-12"]);
  assert.deepEqual(drawnRange(["2024-03-04", "2024-03-11"], () => 1, "2024-03-06", "2024-03-30", "week"), ["2024-03-04", "2024-03-11"]);
  assert.deepEqual(drawnRange([], total, undefined, undefined, "day"), ["", ""]);
});
