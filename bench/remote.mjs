#!/usr/bin/env node
// Store benchmark (not run by `npm test`): every queries/*.rq on the same graph in the embedded
// store (Oxigraph in this process, as `newsgraph query` runs it), in Comunica over an n3 Store
// (this process) and in a throwaway Virtuoso on loopback (bulk-loaded with the same N-Quads,
// queried over HTTP as `newsgraph query --store URL` does); then endpoint throughput, newsgraph's
// server against Virtuoso's /sparql, for a light and a heavy query at 1, 8 and 32 clients.
// Prints a Markdown section for BENCHMARKS.md; --json FILE also writes the numbers (bench/build.mjs).
//
//   node bench/remote.mjs --store DIR [--runs 5] [--clients 1,8,32] [--seconds 5] [--min-answers 2]
//                         [--cell-max 60] [--comunica-limit 20] [--json FILE]
// Build a store first, e.g.: node bench/corpus.mjs --out /tmp/c --count 10000 && newsgraph build /tmp/c --store DIR
//
// A throughput cell lasts --seconds, and longer until every client has had --min-answers responses,
// but never past --cell-max seconds (then the requests still out are abandoned and counted): a heavy
// query that takes seconds per answer still gives every client answers, so p50/p99 mean something.
// A 503 or 429 (newsgraph refusing work when its store workers are busy) is counted, the client waits
// the Retry-After it was given (at most 2 s), and the cell goes on. Comunica runs in a worker thread
// that is terminated when a query passes --comunica-limit (then a fresh one loads the graph again).
//
// The machine is shared: besides wall time, the CPU time each side spent is given (this
// process's for the embedded store; the Virtuoso server process's, from /proc, for Virtuoso).
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { loadStore } = await import("../src/store/index.ts");
const { runQuery } = await import("../src/store/query.ts");
const { runRemoteQuery } = await import("../src/store/remote-query.ts");
const { RemoteEndpoint } = await import("../src/store/remote-endpoint.ts");
const { startVirtuoso } = await import("../test/setup/virtuoso.ts");
const { startServer } = await import("../src/serve/server.ts");

const { values } = parseArgs({
  options: {
    store: { type: "string" },
    runs: { type: "string", default: "5" },
    clients: { type: "string", default: "1,8,32" },
    seconds: { type: "string", default: "5" },
    "min-answers": { type: "string", default: "2" },
    "cell-max": { type: "string", default: "60" },
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
const comunicaLimitMs = Number(values["comunica-limit"]) * 1000;
/**
 * Comunica over an n3 Store holding the same quads, in a worker thread: a query past the limit
 * terminates the thread (a destroyed Comunica stream kept working in the thread it ran in), and the
 * next query waits for a fresh thread to load the graph (not timed).
 */
class ComunicaThread {
  constructor(file) {
    this.file = file;
    this.next = 0;
  }
  start() {
    this.worker = new Worker(new URL("./comunica-worker.mjs", import.meta.url), { workerData: { file: this.file } });
    this.ready = new Promise((resolve, reject) => {
      this.worker.once("message", resolve);
      this.worker.once("error", reject);
    });
  }
  /** Resolves once a thread holds the graph (after a terminated one, a fresh thread loads it again). */
  async loaded() {
    if (!this.worker) this.start();
    await this.ready;
  }
  async rows(text) {
    await this.loaded();
    const id = this.next++;
    const worker = this.worker;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        worker.off("message", onMessage);
        void worker.terminate();
        this.worker = undefined;
        reject(new Error(`> ${values["comunica-limit"]} s`));
      }, comunicaLimitMs);
      const onMessage = (m) => {
        if (m.id !== id) return;
        clearTimeout(timer);
        worker.off("message", onMessage);
        m.error === undefined ? resolve(m.rows) : reject(new Error(m.error));
      };
      worker.on("message", onMessage);
      worker.postMessage({ id, text });
    });
  }
  stop() {
    return this.worker?.terminate();
  }
}
console.error(`${size} quads loaded; starting Virtuoso`);
let comunica;
const virtuoso = await startVirtuoso({ buffers: 200_000, threads: 4 });
try {
  const pid = virtuoso.pid;
  // The same quads, bulk-loaded (the remote build path writes graph by graph; this measures queries).
  const t0 = performance.now();
  const quadsFile = join(virtuoso.dir, "graph.nq");
  writeFileSync(quadsFile, store.dump({ format: "application/n-quads" }));
  comunica = new ComunicaThread(quadsFile);
  virtuoso.isql(`ld_dir('${virtuoso.dir}', 'graph.nq', 'https://w3id.org/newsgraph/resource/graph/default');`);
  virtuoso.isql("rdf_loader_run();");
  virtuoso.isql("checkpoint;");
  const loadMs = performance.now() - t0;
  const endpoint = new RemoteEndpoint({ queryUrl: virtuoso.queryUrl }, {});
  const count = (await endpoint.select('SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), "https://w3id.org/newsgraph/")) }'))[0].n.value;

  // Endpoint throughput: C clients sending the same query back to back (GET ?query=, the SPARQL protocol),
  // per server, each cell at least --seconds long and until every client had --min-answers responses
  // (bounded by --cell-max): the heavy query takes seconds per answer.
  const topEntity = JSON.parse(runQuery(store, "SELECT ?e WHERE { GRAPH <https://w3id.org/newsgraph/resource/graph/entities> { ?e a <https://w3id.org/newsgraph/ontology#Person> } } LIMIT 1", "json")).results.bindings[0].e.value;
  const loads = {
    light: `SELECT ?label WHERE { <${topEntity}> <http://www.w3.org/2000/01/rdf-schema#label> ?label }`,
    heavy: readFileSync(join(queriesDir, "sanctions.rq"), "utf8"),
  };
  const server = await startServer({ storeDir: values.store, port: 0, threads: 2, timeoutSeconds: 30, queriesDir, log: () => {} });
  const endpoints = { newsgraph: `${server.url}sparql`, Virtuoso: virtuoso.queryUrl };
  const accept = { Accept: "application/sparql-results+json" };
  const sleep = (t) => new Promise((resolve) => setTimeout(resolve, t));
  // the server listens before its store has loaded (queries wait for the load): measure a loaded server
  await fetch(`${endpoints.newsgraph}?query=${encodeURIComponent(loads.light)}`, { headers: accept }).then((r) => r.text());
  // and one whose search index is built, after rounds of concurrent answers (the first light cell
  // measured 0.4 requests/s at 10k while they were still loading)
  await server.indexed;
  for (let i = 0; i < 3; i++) await Promise.all(Array.from({ length: 4 }, () => fetch(`${endpoints.newsgraph}?query=${encodeURIComponent(loads.light)}`, { headers: accept }).then((r) => r.text())));
  const seconds = Number(values.seconds);
  const minAnswers = Number(values["min-answers"]);
  const cellMax = Number(values["cell-max"]);
  /** After a cell whose last requests were abandoned: wait until the server has finished the work they started. */
  const settle = async (name) => {
    const deadline = performance.now() + 120_000;
    while (performance.now() < deadline) {
      if (name === "Virtuoso") {
        const before = procCpuMs(virtuoso.pid);
        await sleep(1000);
        if (procCpuMs(virtuoso.pid) - before < 100) return; // < 10% of a core: its query threads are done
      } else {
        const res = await fetch(`${endpoints.newsgraph}?query=${encodeURIComponent(loads.light)}`, { headers: accept, signal: AbortSignal.timeout(10_000) }).catch(() => undefined);
        await res?.text().catch(() => undefined);
        if (res?.ok) return;
        await sleep(500);
      }
    }
  };
  const measureCell = async (name, url, query, clients) => {
    const target = `${url}?query=${encodeURIComponent(query)}`;
    // warm-up (a 503 here is not fatal; a request past the cell's bound is given up)
    await fetch(target, { headers: accept, signal: AbortSignal.timeout(cellMax * 1000) }).then((r) => r.text()).catch(() => undefined);
    const times = [];
    const refusals = {}; // status → count (503/429 + Retry-After: the server shedding load)
    let errors = 0;
    let inFlight = 0;
    const responses = Array(clients).fill(0);
    const answers = Array(clients).fill(0);
    // One controller per request (a signal shared by thousands of fetches collects their abort listeners).
    const open = new Set();
    let stopped = false;
    const t = performance.now();
    const minEnd = t + seconds * 1000;
    let bound;
    // At the bound the clients stop, whether or not their aborted requests settle.
    const boundReached = new Promise((resolve) => (bound = setTimeout(() => ((stopped = true), open.forEach((c) => c.abort()), resolve()), cellMax * 1000)));
    const enough = () => performance.now() >= minEnd && responses.every((n) => n >= minAnswers);
    const clientLoops = Promise.all(responses.map(async (_, i) => {
      while (!stopped && !enough()) {
        const s0 = performance.now();
        inFlight++;
        const controller = new AbortController();
        open.add(controller);
        try {
          const res = await fetch(target, { headers: accept, signal: controller.signal });
          await res.text();
          open.delete(controller);
          if (stopped) break;
          inFlight--;
          responses[i]++;
          if (res.ok) {
            times.push(performance.now() - s0);
            answers[i]++;
          } else if (res.status === 503 || res.status === 429) {
            refusals[res.status] = (refusals[res.status] ?? 0) + 1;
            const wait = Math.min(2, Number(res.headers.get("retry-after")) || 1) * 1000;
            await sleep(Math.max(0, Math.min(wait, t + cellMax * 1000 - performance.now())));
          } else errors++;
        } catch {
          open.delete(controller);
          if (stopped) break;
          inFlight--;
          errors++;
          responses[i]++;
        }
      }
    }));
    await Promise.race([clientLoops, boundReached]);
    clearTimeout(bound);
    const abandoned = stopped ? inFlight : 0;
    const elapsed = (performance.now() - t) / 1000;
    if (abandoned) await settle(name);
    const sorted = times.sort((a, b) => a - b);
    const pct = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
    const refused = Object.values(refusals).reduce((a, b) => a + b, 0);
    return {
      rps: times.length / elapsed, p50: pct(0.5), p99: pct(0.99), answers: times.length, refusals, refused, errors, abandoned,
      failed: refused + errors + abandoned, seconds: elapsed, unanswered: answers.filter((n) => n === 0).length, bounded: stopped,
    };
  };
  const throughput = [];
  try {
    for (const [kind, query] of Object.entries(loads)) {
      for (const clients of values.clients.split(",").map(Number)) {
        for (const [name, url] of Object.entries(endpoints)) {
          const r = await measureCell(name, url, query, clients);
          console.error(`${kind} × ${clients} on ${name}: ${r.rps.toFixed(1)} requests/s, p50 ${ms(r.p50)} / p99 ${ms(r.p99)} ms, ${r.answers} answers, ${r.refused} refused, ${r.errors} errors, ${r.abandoned} abandoned in ${r.seconds.toFixed(1)} s`);
          throughput.push({ kind, clients, server: name, ...r });
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
      if (!skipComunica) await comunica.loaded(); // a reload after a query stopped at the cap is not timed
      c = process.cpuUsage();
      t = performance.now();
      if (!skipComunica) try {
        const n = await comunica.rows(text);
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

  console.log(`\nEndpoint throughput (clients sending back to back over loopback; light = one entity's label, heavy = queries/sanctions.rq; newsgraph serve --threads 2, Virtuoso 4 threads). A cell lasts ${seconds} s and until every client has had ${minAnswers} responses, at most ${cellMax} s. requests/s counts answers (200); p50/p99 are answers' latencies; refused = 503/429 with Retry-After (the client waits it, at most 2 s); cut = requests still out at the bound:\n`);
  console.log(`| query | clients | newsgraph requests/s | newsgraph p50 / p99 ms | newsgraph answers / refused / cut (cell s) | Virtuoso requests/s | Virtuoso p50 / p99 ms | Virtuoso answers / refused / cut (cell s) |\n|---|---:|---:|---:|---:|---:|---:|---:|`);
  for (const kind of Object.keys(loads)) {
    for (const clients of values.clients.split(",").map(Number)) {
      const cell = (name) => {
        const r = throughput.find((x) => x.kind === kind && x.clients === clients && x.server === name);
        const rate = r.rps < 10 ? r.rps.toFixed(2) : r.rps.toFixed(0);
        const extra = [r.errors ? `${r.errors} errors` : "", r.unanswered ? `${r.unanswered} clients unanswered` : ""].filter(Boolean).join(", ");
        return `${rate} | ${ms(r.p50)} / ${ms(r.p99)} | ${r.answers} / ${r.refused} / ${r.abandoned} (${r.seconds.toFixed(1)} s${extra ? `; ${extra}` : ""})`;
      };
      console.log(`| ${kind} | ${clients} | ${cell("newsgraph")} | ${cell("Virtuoso")} |`);
    }
  }
  if (values.json) writeFileSync(values.json, JSON.stringify({ size, count, loadMs, rows, throughput }, null, 1));
} finally {
  await comunica?.stop();
  await virtuoso.stop();
}
