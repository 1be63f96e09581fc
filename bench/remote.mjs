#!/usr/bin/env node
// Store benchmark (not run by `npm test`): every queries/*.rq on the same graph in the embedded
// store (Oxigraph in this process, as `newsgraph query` runs it), in Comunica over an n3 Store
// (this process) and in a throwaway Virtuoso on loopback (bulk-loaded with the same N-Quads,
// queried over HTTP as `newsgraph query --store URL` does); then endpoint throughput, newsgraph's
// server against Virtuoso's /sparql, for a light and a heavy query at 1, 8 and 32 clients.
// Prints a Markdown section for BENCHMARKS.md; --json FILE also writes the numbers (bench/build.mjs).
//
//   node bench/remote.mjs --store DIR [--runs 5] [--clients 1,8,32] [--seconds 5] [--json FILE]
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
const { startServer } = await import("../src/serve/server.ts");
const { QueryEngine } = await import("@comunica/query-sparql");
const { Parser: N3Parser, Store: N3Store } = await import("n3");

const { values } = parseArgs({
  options: {
    store: { type: "string" },
    runs: { type: "string", default: "5" },
    clients: { type: "string", default: "1,8,32" },
    seconds: { type: "string", default: "5" },
    json: { type: "string" },
    "comunica-limit": { type: "string", default: "20" },
  },
});
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
// Comunica over an n3 Store holding the same quads (the union of the graphs as default graph, as newsgraph answers)
const n3 = new N3Store(new N3Parser({ format: "N-Quads" }).parse(store.dump({ format: "application/n-quads" })));
const comunica = new QueryEngine();
const comunicaContext = { sources: [n3], unionDefaultGraph: true };
const comunicaLimitMs = Number(values["comunica-limit"]) * 1000;
/** Rows of a query in Comunica, or an error past the time limit (Comunica over n3 is orders of magnitude slower here). */
const comunicaRows = async (text) => {
  const stream = await comunica.queryBindings(text, comunicaContext);
  let rows = 0;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stream.destroy();
      reject(new Error(`> ${values["comunica-limit"]} s`));
    }, comunicaLimitMs);
    stream.on("data", () => rows++);
    stream.on("error", (e) => (clearTimeout(timer), reject(e)));
    stream.on("end", () => (clearTimeout(timer), resolve(rows)));
  });
};
console.error(`${size} quads loaded; starting Virtuoso`);
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

  // Endpoint throughput: C clients sending the same query back to back for S seconds (GET ?query=, the SPARQL protocol), per server.
  // Measured before the per-query comparisons: a Comunica query stopped at its cap keeps working in this
  // process's event loop, which the clients and newsgraph's server share (both servers looked ~10 requests/s).
  const topEntity = JSON.parse(runQuery(store, "SELECT ?e WHERE { GRAPH <https://w3id.org/newsgraph/resource/graph/entities> { ?e a <https://w3id.org/newsgraph/ontology#Person> } } LIMIT 1", "json")).results.bindings[0].e.value;
  const loads = {
    light: `SELECT ?label WHERE { <${topEntity}> <http://www.w3.org/2000/01/rdf-schema#label> ?label }`,
    heavy: readFileSync(join(queriesDir, "sanctions.rq"), "utf8"),
  };
  const server = await startServer({ storeDir: values.store, port: 0, threads: 2, timeoutSeconds: 30, queriesDir, log: () => {} });
  const endpoints = { newsgraph: `${server.url}sparql`, Virtuoso: virtuoso.queryUrl };
  // the server listens before its store has loaded (queries wait for the load): measure a loaded server
  await fetch(`${endpoints.newsgraph}?query=${encodeURIComponent(loads.light)}`, { headers: { accept: "application/sparql-results+json" } }).then((r) => r.text());
  const seconds = Number(values.seconds);
  const throughput = [];
  try {
    for (const [kind, query] of Object.entries(loads)) {
      for (const clients of values.clients.split(",").map(Number)) {
        for (const [name, url] of Object.entries(endpoints)) {
          const target = `${url}?query=${encodeURIComponent(query)}`;
          const get = async () => {
            const res = await fetch(target, { headers: { Accept: "application/sparql-results+json" } });
            await res.text();
            if (!res.ok) throw new Error(`${name} answered ${res.status}`);
          };
          await get().catch(() => undefined); // warm-up (a busy server may answer 503 + Retry-After: counted in the cell, not fatal)
          const times = [];
          let failed = 0;
          const until = performance.now() + seconds * 1000;
          const t = performance.now();
          await Promise.all(Array.from({ length: clients }, async () => {
            while (performance.now() < until) {
              const s0 = performance.now();
              try {
                await get();
                times.push(performance.now() - s0);
              } catch {
                failed++;
              }
            }
          }));
          const elapsed = (performance.now() - t) / 1000;
          const sorted = times.sort((a, b) => a - b);
          const pct = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
          console.error(`${kind} × ${clients} on ${name}: ${(times.length / elapsed).toFixed(0)} requests/s`);
          throughput.push({ kind, clients, server: name, rps: times.length / elapsed, p50: pct(0.5), p99: pct(0.99), failed });
        }
      }
    }
  } finally {
    await server.close();
  }

  const rows = [];
  for (const file of readdirSync(queriesDir).filter((f) => f.endsWith(".rq")).sort()) {
    const text = readFileSync(join(queriesDir, file), "utf8");
    const local = { wall: [], cpu: [] };
    const remote = { wall: [], cpu: [] };
    const viaComunica = { wall: [], cpu: [] };
    let skipComunica = false;
    let answer = 0;
    for (let i = 0; i <= runs; i++) {
      // Run 0 warms both up (Virtuoso compiles and caches; Oxigraph has nothing to warm) and is not counted.
      let c = process.cpuUsage();
      let t = performance.now();
      const out = runQuery(store, text, "json");
      if (i) local.wall.push(performance.now() - t), local.cpu.push((process.cpuUsage(c).user + process.cpuUsage(c).system) / 1000);
      answer = JSON.parse(out).results.bindings.length;
      c = process.cpuUsage();
      t = performance.now();
      if (!skipComunica) try {
        const n = await comunicaRows(text);
        if (i) viaComunica.wall.push(performance.now() - t), viaComunica.cpu.push((process.cpuUsage(c).user + process.cpuUsage(c).system) / 1000);
        viaComunica.rows = n;
      } catch (e) {
        viaComunica.error = String(e.message).slice(0, 80);
        skipComunica = true; // one run past the limit says enough
      }
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
    console.error(`${file}: embedded ${ms(median(local.wall))} ms, Comunica ${viaComunica.error ?? ms(median(viaComunica.wall)) + " ms"}, Virtuoso ${remote.error ?? ms(median(remote.wall)) + " ms"}`);
    rows.push({
      file, answer,
      local: { wall: median(local.wall), cpu: median(local.cpu) },
      comunica: { wall: median(viaComunica.wall), cpu: median(viaComunica.cpu), rows: viaComunica.rows, error: viaComunica.error },
      remote: { wall: median(remote.wall), cpu: median(remote.cpu), error: remote.error },
    });
  }

  const cpu = cpus()[0]?.model ?? "unknown CPU";
  console.log(`## Remote store: queries/*.rq, embedded Oxigraph vs Virtuoso (\`node bench/remote.mjs --store … --runs ${runs}\`)\n`);
  console.log(`Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC. Machine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(1)).join(" ")} (shared with other jobs: read the CPU columns).`);
  console.log(`Graph: ${size} quads (Virtuoso holds ${count} after its bulk load of ${ms(loadMs / 1000)} s). Virtuoso 7 (Debian), 200,000 buffers (1.6 GB), on loopback; the embedded store in this process.`);
  console.log(`Median of ${runs} runs after one warm-up; CPU = this process's CPU time (embedded) or the Virtuoso server's (from /proc); milliseconds.\n`);
  console.log(`| query | rows | embedded wall | embedded CPU | Comunica + n3 wall | Comunica / embedded | Virtuoso wall | Virtuoso CPU | Virtuoso / embedded (wall) |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|`);
  for (const r of rows) {
    const remoteCols = r.remote.error ? `failed: ${r.remote.error} | | ` : `${ms(r.remote.wall)} | ${ms(r.remote.cpu)} | ${(r.remote.wall / r.local.wall).toFixed(2)}`;
    const comunicaCols = r.comunica.error ? `failed: ${r.comunica.error} | ` : `${ms(r.comunica.wall)} | ${(r.comunica.wall / r.local.wall).toFixed(1)}`;
    console.log(`| ${r.file} | ${r.answer} | ${ms(r.local.wall)} | ${ms(r.local.cpu)} | ${comunicaCols} | ${remoteCols} |`);
  }

  console.log(`\nEndpoint throughput (${seconds} s per cell, clients sending back to back over loopback; light = one entity's label, heavy = queries/sanctions.rq; newsgraph serve --threads 2):\n`);
  console.log(`| query | clients | newsgraph requests/s | newsgraph p50 / p99 ms | Virtuoso requests/s | Virtuoso p50 / p99 ms |\n|---|---:|---:|---:|---:|---:|`);
  for (const kind of Object.keys(loads)) {
    for (const clients of values.clients.split(",").map(Number)) {
      const cell = (name) => {
        const r = throughput.find((x) => x.kind === kind && x.clients === clients && x.server === name);
        return `${r.rps.toFixed(0)}${r.failed ? ` (${r.failed} failed)` : ""} | ${ms(r.p50)} / ${ms(r.p99)}`;
      };
      console.log(`| ${kind} | ${clients} | ${cell("newsgraph")} | ${cell("Virtuoso")} |`);
    }
  }
  if (values.json) writeFileSync(values.json, JSON.stringify({ size, count, loadMs, rows, throughput }, null, 1));
} finally {
  await virtuoso.stop();
}
