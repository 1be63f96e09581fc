// Where a build's memory goes: runs buildGraph in this process on a folder of articles and samples
// process.memoryUsage() (RSS, V8 heap, external) while it runs, per build phase; with --expose-gc
// it also collects garbage at each phase change and records the heap still live then (what the
// build holds, not garbage not yet collected). Not run by `npm test`.
//
//   node --expose-gc --import tsx bench/memory.ts DIR [--store S] [--jobs N] [--snapshot PHASE]
//   --snapshot PHASE: writes a V8 heap snapshot of the main thread when PHASE starts (after a GC)
//   --allocations PHASE: samples what the main thread allocates during PHASE, garbage included
//     (V8's sampling heap profiler), and prints the functions that allocate most
import { readFileSync, rmSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { writeHeapSnapshot } from "node:v8";
import { buildGraph, type BuildPhase } from "../src/pipeline/build.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { store: { type: "string" }, jobs: { type: "string" }, snapshot: { type: "string" }, allocations: { type: "string" }, keep: { type: "boolean", default: false } },
});
const dir = positionals[0];
if (!dir) throw new Error("usage: bench/memory.ts DIR [--store S] [--jobs N] [--snapshot PHASE]");
const storeDir = values.store ?? join(tmpdir(), `ng-memory-${process.pid}`);
if (!values.store) rmSync(storeDir, { recursive: true, force: true });

const MB = (n: number) => Math.round(n / 1048576);
const gc = (globalThis as { gc?: () => void }).gc;
interface Row { phase: string; rss: number; heap: number; external: number; live?: number; liveRss?: number; from: number }
const rows: Row[] = [];
let current: Row | undefined;
const t0 = performance.now();
const sample = () => {
  if (!current) return;
  const m = process.memoryUsage();
  current.rss = Math.max(current.rss, m.rss);
  current.heap = Math.max(current.heap, m.heapUsed);
  current.external = Math.max(current.external, m.external);
};
// Allocation sampling of one phase: every sampled allocation counts, whether it was collected or not.
const session = values.allocations ? new Session() : undefined;
session?.connect();
let sampling: Promise<unknown> | undefined;
let profile: Promise<AllocationNode> | undefined;
interface AllocationNode { callFrame: { functionName: string; url: string; lineNumber: number }; selfSize: number; children: AllocationNode[] }
const allocationsAt = (phase: string) => {
  if (!session) return;
  if (sampling && !profile) profile = sampling.then(async () => (await session.post("HeapProfiler.stopSampling")).profile.head as unknown as AllocationNode);
  if (phase === values.allocations && !sampling)
    sampling = session.post("HeapProfiler.startSampling", { samplingInterval: 32768, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
};
const enter = (phase: string) => {
  allocationsAt(phase);
  sample();
  if (gc) gc();
  const m = process.memoryUsage();
  current = { phase, rss: m.rss, heap: m.heapUsed, external: m.external, live: gc ? m.heapUsed : undefined, liveRss: m.rss, from: (performance.now() - t0) / 1000 };
  rows.push(current);
  if (values.snapshot === phase) console.error(`heap snapshot: ${writeHeapSnapshot()}`);
};
const timer = setInterval(sample, 50);
enter("start");
const result = await buildGraph({
  inputs: [dir],
  storeDir,
  jobs: values.jobs ? Number(values.jobs) : undefined,
  onProgress: (p: { phase: BuildPhase }) => {
    if (p.phase !== current?.phase) enter(p.phase);
  },
});
enter("done");
clearInterval(timer);
const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"))?.[1];
console.log(`${result.articles} articles, ${result.quads} quads; peak RSS (VmHWM) ${MB(Number(hwm) * 1024)} MB`);
console.log("| phase | from s | live heap at start MB | RSS at start MB | peak RSS MB | peak heap MB | peak external MB |");
console.log("|---|---:|---:|---:|---:|---:|---:|");
for (const r of rows) console.log(`| ${r.phase} | ${r.from.toFixed(1)} | ${r.live === undefined ? "" : MB(r.live)} | ${MB(r.liveRss!)} | ${MB(r.rss)} | ${MB(r.heap)} | ${MB(r.external)} |`);
if (profile) {
  const root = await profile;
  const bySite = new Map<string, number>();
  const walk = (n: AllocationNode) => {
    const f = n.callFrame;
    const site = `${f.functionName || "(anonymous)"} ${f.url.replace(/^.*\/(src|node_modules)\//, "$1/")}:${f.lineNumber + 1}`;
    bySite.set(site, (bySite.get(site) ?? 0) + n.selfSize);
    n.children.forEach(walk);
  };
  walk(root);
  const total = [...bySite.values()].reduce((a, b) => a + b, 0);
  console.log(`allocated during ${values.allocations} (sampled, garbage included): ${MB(total)} MB; largest sites:`);
  for (const [site, bytes] of [...bySite].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${String(MB(bytes)).padStart(6)} MB  ${site}`);
}
if (!values.store && !values.keep) rmSync(storeDir, { recursive: true, force: true });
