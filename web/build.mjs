// Builds the dashboard into dist/: one JavaScript and one CSS bundle with
// content hashes in their names (the server lets browsers keep them), and
// index.html pointing at them. dist/README.md, the committed placeholder
// that go:embed needs, is left alone.
import * as esbuild from "esbuild";
import { readFile, readdir, rm, writeFile, mkdir } from "node:fs/promises";
import { basename } from "node:path";

const out = "dist";
await mkdir(out, { recursive: true });
for (const f of await readdir(out)) if (f !== "README.md") await rm(`${out}/${f}`, { recursive: true, force: true });

const result = await esbuild.build({
  entryPoints: { app: "src/main.ts" },
  bundle: true,
  minify: true,
  sourcemap: false,
  format: "esm",
  target: ["es2022"],
  outdir: `${out}/assets`,
  entryNames: "[name]-[hash]",
  chunkNames: "[name]-[hash]",
  splitting: true,
  assetNames: "[name]-[hash]",
  loader: { ".png": "file", ".svg": "file" },
  metafile: true,
  legalComments: "linked",
  logLevel: "warning",
});

const outputs = Object.keys(result.metafile.outputs);
const find = (ext) => {
  const f = outputs.find((o) => o.endsWith(ext) && basename(o).startsWith("app-"));
  if (!f) throw new Error(`build: no ${ext} bundle among ${outputs.join(", ")}`);
  return `/assets/${basename(f)}`;
};
// Every chunk is asked for at once, beside the entry, rather than when the
// entry gets round to importing it.
const preload = outputs.filter((o) => o.endsWith(".js") && !basename(o).startsWith("app-"))
  .map((o) => `<link rel="modulepreload" href="/assets/${basename(o)}">`).join("\n");
const html = (await readFile("src/index.html", "utf8"))
  .replace("/assets/app.css", find(".css"))
  .replace("/assets/app.js", find(".js"))
  .replace("</head>", `${preload}\n</head>`);
await writeFile(`${out}/index.html`, html);
console.log(`built ${outputs.length + 1} files into ${out}/`);
