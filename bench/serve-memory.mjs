#!/usr/bin/env node
// Serving memory and start time against --threads (not run by `npm test`): starts the real
// `newsgraph serve` on a built store for each thread count and reports the time until it
// listens, until the store answers, and the process's resident memory (all threads, from
// /proc) at rest and under load (CLIENTS clients sending a mix of light and heavy queries).
//
//   node bench/serve-memory.mjs --store DIR [--threads 1,2,4] [--clients 4] [--seconds 20] [--bin bin/newsgraph.js]
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    store: { type: "string" },
    threads: { type: "string", default: "1,2,4" },
    clients: { type: "string", default: "4" },
    seconds: { type: "string", default: "20" },
    bin: { type: "string", default: new URL("../bin/newsgraph.js", import.meta.url).pathname },
  },
});
if (!values.store) {
  console.error("usage: node bench/serve-memory.mjs --store DIR [--threads 1,2,4] [--clients 4] [--seconds 20]");
  process.exit(2);
}
const rssMb = (pid) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
const NG = "https://w3id.org/newsgraph/ontology#";
const LIGHT = `SELECT ?l WHERE { ?p a <${NG}Person> ; <http://www.w3.org/2000/01/rdf-schema#label> ?l } LIMIT 20`;
const HEAVY = `SELECT ?p (COUNT(?s) AS ?n) WHERE { ?s <${NG}speaker> ?p } GROUP BY ?p ORDER BY DESC(?n) LIMIT 10`;

console.log(`| --threads | listening | store answers | RSS at rest | RSS under load (peak) | copies under load | requests ok/failed |`);
console.log(`|---:|---:|---:|---:|---:|---:|---:|`);
for (const threads of values.threads.split(",").map(Number)) {
  const t0 = performance.now();
  const child = spawn(process.execPath, [values.bin, "serve", "--store", values.store, "--port", "0", "--threads", String(threads), "--timeout", "60"]);
  let out = "";
  let listening = 0;
  let ready = 0;
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (out += d));
  let base = "";
  while (!ready) {
    await new Promise((r) => setTimeout(r, 100));
    if (!listening && (base = /serving .* at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out)?.[1] ?? "")) listening = performance.now() - t0;
    // Before the store answered, the old server printed its "serving" line only once loaded.
    if (listening && (/store loaded/.test(out) || !/store loaded|loading/.test(out))) {
      const res = await fetch(`${base}sparql`, { method: "POST", headers: { "Content-Type": "application/sparql-query" }, body: "ASK {}" }).catch(() => undefined);
      if (res?.ok) ready = performance.now() - t0;
    }
    if (child.exitCode !== null) throw new Error(out);
  }
  await new Promise((r) => setTimeout(r, 5000));
  const rest = rssMb(child.pid);
  let ok = 0;
  let failed = 0;
  let peak = rest;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(child.pid))), 500);
  const until = performance.now() + Number(values.seconds) * 1000;
  await Promise.all(
    Array.from({ length: Number(values.clients) }, async (_, c) => {
      for (let i = c; performance.now() < until; i++) {
        const res = await fetch(`${base}sparql`, { method: "POST", headers: { "Content-Type": "application/sparql-query" }, body: i % 3 === 0 ? HEAVY : LIGHT }).catch(() => undefined);
        await res?.text();
        if (res?.ok) ok++;
        else failed++;
      }
    }),
  );
  clearInterval(sampler);
  const health = await fetch(`${base}health`).then((r) => (r.ok ? r.json() : {})).catch(() => ({}));
  console.log(`| ${threads} | ${(listening / 1000).toFixed(1)} s | ${(ready / 1000).toFixed(1)} s | ${rest.toFixed(0)} MB | ${peak.toFixed(0)} MB | ${health.copies ?? "(all)"} | ${ok}/${failed} |`);
  child.kill("SIGKILL");
  await new Promise((r) => child.on("exit", r));
}
console.log(`\nMachine: ${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(1)).join(" ")} (shared).`);
