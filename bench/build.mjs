#!/usr/bin/env node
// Build benchmark (not run by `npm test`): generates a synthetic corpus, then times a cold build,
// a rebuild from the extraction cache, an incremental build (one article changed) and each query
// in queries/ on the result.
//
//   node bench/build.mjs [--count 2000] [--dir /tmp/ng-bench]
import { execFileSync } from "node:child_process";
import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { register } from "tsx/esm/api";

register();
const { buildGraph } = await import("../src/pipeline/index.ts");
const { loadStore } = await import("../src/store/index.ts");

const { values } = parseArgs({ options: { count: { type: "string", default: "2000" }, dir: { type: "string", default: "/tmp/ng-bench" } } });
const corpus = join(values.dir, `corpus-${values.count}`);
const storeDir = join(values.dir, "store");
const here = new URL(".", import.meta.url).pathname;

if (!existsSync(corpus)) execFileSync(process.execPath, [join(here, "corpus.mjs"), "--out", corpus, "--count", values.count], { stdio: "inherit" });
rmSync(storeDir, { recursive: true, force: true });

const fmt = (t) => Object.entries(t).map(([k, v]) => `${k} ${(v / 1000).toFixed(2)}s`).join(", ");
async function timedBuild(label) {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const r = await buildGraph({ inputs: [corpus], storeDir });
  const s = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  // CPU time too: on a shared machine wall time says more about the neighbours than about us.
  console.log(`${label}: ${r.articles} articles (${r.extracted} extracted, ${r.cached} cached, ${r.failed.length} failed), ${r.quads} quads in ${s.toFixed(1)} s wall ` +
    `(${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU) = ${(r.articles / s).toFixed(1)} articles/s`);
  console.log(`  phases: ${fmt(r.timings)}`);
  return r;
}

await timedBuild("cold build");
await timedBuild("rebuild (cache)");
const first = join(corpus, readdirSync(corpus).sort()[0]);
const original = readFileSync(first, "utf8");
appendFileSync(first, "\nThe talks will resume next month, officials said.\n");
await timedBuild("incremental (1 changed)");
execFileSync("sh", ["-c", `printf %s "$1" > "$2"`, "sh", original, first]);

const t0 = performance.now();
const { store } = await loadStore(storeDir);
console.log(`machine: ${execFileSync("nproc").toString().trim()} cores, node ${process.version}, load average ${(await import("node:os")).loadavg().map((l) => l.toFixed(1)).join(" ")}`);
console.log(`load store: ${store.size} quads in ${((performance.now() - t0) / 1000).toFixed(2)} s`);
const queries = readdirSync(join(here, "../queries")).filter((f) => f.endsWith(".rq")).sort();
for (const q of queries) {
  const text = readFileSync(join(here, "../queries", q), "utf8");
  const t = performance.now();
  const rows = JSON.parse(store.query(text, { results_format: "application/sparql-results+json" })).results.bindings.length;
  console.log(`  query ${q}: ${rows} rows in ${(performance.now() - t).toFixed(0)} ms`);
}
