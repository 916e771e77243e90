// Runs the unit tests (src/*.test.ts) under Node's test runner: esbuild
// bundles each into a scratch directory, as the browser build does.
import * as esbuild from "esbuild";
import { readdir, rm } from "node:fs/promises";
import { spawnSync } from "node:child_process";

const out = "node_modules/.cache/khaldun-tests";
await rm(out, { recursive: true, force: true });
const tests = (await readdir("src")).filter((f) => f.endsWith(".test.ts")).map((f) => `src/${f}`);
await esbuild.build({ entryPoints: tests, bundle: true, platform: "node", format: "esm", outdir: out,
  outExtension: { ".js": ".mjs" }, logLevel: "warning" });
const files = tests.map((t) => `${out}/${t.slice(4).replace(/\.ts$/, ".mjs")}`);
const r = spawnSync(process.execPath, ["--test", ...files], { stdio: "inherit" });
process.exit(r.status ?? 1);
