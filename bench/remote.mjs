#!/usr/bin/env node
// Remote store benchmark (not run by `npm test`): every queries/*.rq on the same graph in the
// embedded store (Oxigraph in this process, as `newsgraph query` runs it) and in a throwaway
// Virtuoso on loopback (bulk-loaded with the same N-Quads, queried over HTTP as
// `newsgraph query --store URL` does). Prints a Markdown section for BENCHMARKS.md.
//
//   node bench/remote.mjs --store DIR [--runs 5]
// Build a store first, e.g.: node bench/corpus.mjs --out /tmp/c --count 10000 && newsgraph build /tmp/c --store DIR
//
// The machine is shared: besides wall time, the CPU time each side spent is given (this
// process's for the embedded store; the Virtuoso server process's, from /proc, for Virtuoso).
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { register } from "tsx/esm/api";

register();
const { loadStore } = await import("../src/store/index.ts");
const { runQuery } = await import("../src/store/query.ts");
const { runRemoteQuery } = await import("../src/store/remote-query.ts");
const { RemoteEndpoint } = await import("../src/store/remote-endpoint.ts");
const { startVirtuoso } = await import("../test/setup/virtuoso.ts");

const { values } = parseArgs({ options: { store: { type: "string" }, runs: { type: "string", default: "5" } } });
if (!values.store) {
  console.error("usage: node bench/remote.mjs --store DIR [--runs N]");
  process.exit(2);
}
const runs = Number(values.runs);
const here = new URL(".", import.meta.url).pathname;
const queriesDir = join(here, "../queries");
const ms = (x) => (x < 10 ? x.toFixed(1) : x.toFixed(0));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ticks = 100; // USER_HZ: /proc/PID/stat counts CPU time in these
const procCpuMs = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticks; // utime + stime
};

const { store } = await loadStore(values.store);
const size = store.size;
const virtuoso = await startVirtuoso({ buffers: 200_000, threads: 4 });
try {
  const pid = virtuoso.pid;
  // The same quads, bulk-loaded (the remote build path writes graph by graph; this measures queries).
  const t0 = performance.now();
  writeFileSync(join(virtuoso.dir, "graph.nq"), store.dump({ format: "application/n-quads" }));
  virtuoso.isql(`ld_dir('${virtuoso.dir}', 'graph.nq', 'https://w3id.org/newsgraph/resource/graph/default');`);
  virtuoso.isql("rdf_loader_run();");
  virtuoso.isql("checkpoint;");
  const loadMs = performance.now() - t0;
  const endpoint = new RemoteEndpoint({ queryUrl: virtuoso.queryUrl }, {});
  const count = (await endpoint.select('SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), "https://w3id.org/newsgraph/")) }'))[0].n.value;

  const rows = [];
  for (const file of readdirSync(queriesDir).filter((f) => f.endsWith(".rq")).sort()) {
    const text = readFileSync(join(queriesDir, file), "utf8");
    const local = { wall: [], cpu: [] };
    const remote = { wall: [], cpu: [] };
    let answer = 0;
    for (let i = 0; i <= runs; i++) {
      // Run 0 warms both up (Virtuoso compiles and caches; Oxigraph has nothing to warm) and is not counted.
      let c = process.cpuUsage();
      let t = performance.now();
      const out = runQuery(store, text, "json");
      if (i) local.wall.push(performance.now() - t), local.cpu.push((process.cpuUsage(c).user + process.cpuUsage(c).system) / 1000);
      answer = JSON.parse(out).results.bindings.length;
      const before = procCpuMs(pid);
      t = performance.now();
      try {
        await runRemoteQuery(endpoint, text, "json");
      } catch (e) {
        remote.error = e.message.replace(/^.*?failed: /, "").slice(0, 80); // a store that cannot answer it (say so in the table)
        continue;
      }
      if (i) remote.wall.push(performance.now() - t), remote.cpu.push(procCpuMs(pid) - before);
    }
    rows.push({ file, answer, local: { wall: median(local.wall), cpu: median(local.cpu) }, remote: { wall: median(remote.wall), cpu: median(remote.cpu), error: remote.error } });
  }

  const cpu = cpus()[0]?.model ?? "unknown CPU";
  console.log(`## Remote store: queries/*.rq, embedded Oxigraph vs Virtuoso (\`node bench/remote.mjs --store … --runs ${runs}\`)\n`);
  console.log(`Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC. Machine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(1)).join(" ")} (shared with other jobs: read the CPU columns).`);
  console.log(`Graph: ${size} quads (Virtuoso holds ${count} after its bulk load of ${ms(loadMs / 1000)} s). Virtuoso 7 (Debian), 200,000 buffers (1.6 GB), on loopback; the embedded store in this process.`);
  console.log(`Median of ${runs} runs after one warm-up; CPU = this process's CPU time (embedded) or the Virtuoso server's (from /proc); milliseconds.\n`);
  console.log(`| query | rows | embedded wall | embedded CPU | Virtuoso wall | Virtuoso CPU | Virtuoso / embedded (wall) |\n|---|---:|---:|---:|---:|---:|---:|`);
  for (const r of rows) {
    const remoteCols = r.remote.error ? `failed: ${r.remote.error} | | ` : `${ms(r.remote.wall)} | ${ms(r.remote.cpu)} | ${(r.remote.wall / r.local.wall).toFixed(2)}`;
    console.log(`| ${r.file} | ${r.answer} | ${ms(r.local.wall)} | ${ms(r.local.cpu)} | ${remoteCols} |`);
  }
} finally {
  await virtuoso.stop();
}
