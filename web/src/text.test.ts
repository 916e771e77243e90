import { test } from "node:test";
import assert from "node:assert/strict";
import { byteIndex } from "./dom";
import { filterParams, fromURL, toSearch } from "./state";

test("byteIndex maps UTF-8 byte offsets to string offsets", () => {
  const s = "Größe – 😀 ok";
  const at = byteIndex(s);
  const cases: [number, number][] = [[0, 0], [1, 1], [2, 2], [4, 3], [6, 4], [7, 5], [8, 6], [11, 7], [12, 8], [16, 10], [19, 13], [99, 13], [-1, 0]];
  for (const [b, c] of cases) assert.equal(at(b), c, `byte ${b}`);
  // Round trip: the substring of a byte span is the same text.
  const enc = new TextEncoder(), bytes = enc.encode(s);
  const start = enc.encode("Größe – ").length, end = start + enc.encode("😀").length;
  assert.equal(s.slice(at(start), at(end)), new TextDecoder().decode(bytes.slice(start, end)));
});

test("state round-trips through the URL", () => {
  const s = fromURL("?actor=IRN&side=source&from=2024-01-01&interval=week&event=abc&bogus=1&q=+");
  assert.deepEqual(s.filter, { actor: "IRN", side: "source", from: "2024-01-01" });
  assert.deepEqual(s.view, { interval: "week", event: "abc" });
  assert.deepEqual(fromURL(toSearch(s)), s);
  assert.equal(toSearch({ filter: {}, view: {} }), "");
});

test("filterParams drops a side with nothing to apply it to", () => {
  assert.equal(filterParams({ side: "target", root: "14" }).toString(), "root=14");
  assert.equal(filterParams({ side: "target", country: "IRQ" }).toString(), "side=target&country=IRQ");
});
