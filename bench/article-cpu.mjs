#!/usr/bin/env node
// CPU and allocation per article of what a build worker does (not run by `npm test`): read and
// extract an article (extractArticle: ingest, extract, cache entry, facts text), then map it to
// its graph and quick-check it (graphArticle), one article after another in this one thread, from
// the task module bundled as the build bundles it (src/pipeline/task-bundle.mjs). The first
// --warm articles are not counted (start-up, first compilations).
//
//   node bench/article-cpu.mjs DIR [--count 300] [--warm 100] [--skip 0] [--chunk N] [--allocations TOP] [--dump FILE] [--checkout DIR]
//   --chunk N          prints CPU per article for every N articles (the warm-up curve: use --warm 0)
//   --allocations TOP  samples what the thread allocates, garbage included, and prints the TOP sites
//   --dump FILE        writes every cache entry (the extractions), sorted: cmp two checkouts' dumps
//   --checkout DIR     measures another checkout (a worktree of another revision) with this script
// "process" CPU counts every thread (V8's GC and compiler helpers too), "main" only this one (Linux /proc).
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    count: { type: "string", default: "300" },
    warm: { type: "string", default: "100" },
    skip: { type: "string", default: "0" },
    chunk: { type: "string" },
    allocations: { type: "string" },
    dump: { type: "string" },
    checkout: { type: "string", default: fileURLToPath(new URL("..", import.meta.url)) },
  },
});
const dir = positionals[0];
if (!dir) throw new Error("usage: node bench/article-cpu.mjs DIR [--count N] [--warm N] [--chunk N] [--allocations TOP] [--dump FILE]");
const checkout = resolve(values.checkout);
const [count, warm, skip] = [values.count, values.warm, values.skip].map(Number);
const thisThread = () => {
  const f = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(f[11]) + Number(f[12])) * 10; // clock ticks of 10 ms
};
const allThreads = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

const { cachedBundle } = await import(pathToFileURL(join(checkout, "src/esbuild-bundle.mjs")).href);
const bundle = await cachedBundle({
  dir: join(checkout, "node_modules/.cache/newsgraph-bench"),
  name: `article-cpu-${process.pid}-${Date.now()}.mjs`,
  kind: /^article-cpu-\d+-\d+\.mjs$/,
  keepMs: 60 * 60 * 1000,
  options: { entryPoints: [join(checkout, "src/pipeline/article-task.ts")] },
});
const task = await import(pathToFileURL(bundle).href);
const storeDir = mkdtempSync(join(tmpdir(), "ng-article-cpu-"));
// one name for the extraction cache's pack (checkouts before packs ignore it)
const run = "0a7c1e00";
const files = readdirSync(dir).filter((f) => f.endsWith(".txt")).sort().map((f) => join(dir, f));

const s0 = allThreads();
await task.warmUp();
console.log(`start-up: import ${s0.toFixed(0)} ms + warmUp ${(allThreads() - s0).toFixed(0)} ms CPU (all threads; this thread ${thisThread()} ms)`);

async function one(file) {
  const r = await task.extractArticle({ file, storeDir, run });
  const mapping = {};
  for (const e of JSON.parse(r.facts.entities)) mapping[e.key] = [`https://example.org/entity/${encodeURIComponent(e.key)}`, e.kind];
  return task.graphArticle({ storeDir, run, key: r.key, at: r.at, mapping });
}
for (const f of files.slice(skip, skip + warm)) await one(f);

let session;
if (values.allocations) {
  const { Session } = await import("node:inspector/promises");
  session = new Session();
  session.connect();
  await session.post("HeapProfiler.startSampling", { samplingInterval: 16384, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
}
const list = files.slice(skip + warm, skip + warm + count);
const chunk = Number(values.chunk ?? 0);
const [t0, m0] = [allThreads(), thisThread()];
let [ct, cm] = [t0, m0];
let quads = 0;
for (const [n, f] of list.entries()) {
  quads += (await one(f)).quads;
  if (chunk && (n + 1) % chunk === 0) {
    const [a, b] = [allThreads(), thisThread()];
    console.log(`articles ${n + 1 - chunk}–${n + 1}: ${((a - ct) / chunk).toFixed(2)} ms/article (this thread ${((b - cm) / chunk).toFixed(2)}, other threads ${((a - ct - b + cm) / chunk).toFixed(2)})`);
    [ct, cm] = [a, b];
  }
}
const [t, m] = [allThreads() - t0, thisThread() - m0];
if (session) {
  const head = (await session.post("HeapProfiler.stopSampling")).profile.head;
  const bySite = new Map();
  let total = 0;
  // a built-in (no script) is named with the function that called it
  const walk = (node, caller) => {
    const cf = node.callFrame;
    let site = `${cf.functionName || "(anonymous)"} ${cf.url.split("/").pop()}:${cf.lineNumber + 1}`;
    if (!cf.url && caller) site += ` <- ${caller}`;
    bySite.set(site, (bySite.get(site) ?? 0) + node.selfSize);
    total += node.selfSize;
    for (const c of node.children) walk(c, cf.url ? site : caller);
  };
  walk(head, "");
  console.log(`allocated (sampled, garbage included): ${(total / list.length / 1024).toFixed(0)} KB/article; largest sites (line numbers are the bundle's: ${bundle}):`);
  for (const [site, bytes] of [...bySite].sort((a, b) => b[1] - a[1]).slice(0, Number(values.allocations))) console.log(`${(bytes / list.length / 1024).toFixed(1).padStart(7)} KB  ${site}`);
}
console.log(`${list.length} articles: ${(t / list.length).toFixed(2)} ms CPU/article (this thread ${(m / list.length).toFixed(2)}, other threads ${((t - m) / list.length).toFixed(2)}); ${quads} quads`);
if (values.dump) {
  const cache = join(storeDir, "cache", "extract");
  // entries: one file each (checkouts before packs), or the JSON lines of the packs (every second line)
  const texts = readdirSync(cache).flatMap((n) =>
    n.endsWith(".json") ? [readFileSync(join(cache, n), "utf8")] : n.endsWith(".pack") ? readFileSync(join(cache, n), "utf8").split("\n").filter((_, i) => i % 2 === 1) : [],
  );
  writeFileSync(values.dump, texts.sort().join("\n"));
}
rmSync(storeDir, { recursive: true, force: true });
// a profile or the allocation sites name the bundle's lines: kept then
if (values.allocations || process.execArgv.some((a) => a.startsWith("--cpu-prof"))) console.log(`bundle kept: ${bundle}`);
else rmSync(bundle, { force: true });
