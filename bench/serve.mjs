#!/usr/bin/env node
// Serving benchmark (not run by `npm test`): starts the real server on a built store and measures,
// over real HTTP on loopback, the latency of each query in queries/, of a point lookup, of an
// entity page and of a resource description; throughput with concurrent clients; and how the
// server answers while a runaway query occupies a worker.
//
//   node bench/serve.mjs --store DIR [--runs 30] [--clients 8] [--threads 2]
// Build a store first, e.g.: node bench/corpus.mjs --out /tmp/c --count 500 && newsgraph build /tmp/c --store DIR
import { readFileSync, readdirSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { register } from "tsx/esm/api";

register();
const { startServer } = await import("../src/serve/server.ts");

const { values } = parseArgs({
  options: {
    store: { type: "string" },
    runs: { type: "string", default: "30" },
    clients: { type: "string", default: "8" },
    threads: { type: "string", default: "2" },
  },
});
if (!values.store) {
  console.error("usage: node bench/serve.mjs --store DIR [--runs N] [--clients C] [--threads T]");
  process.exit(2);
}
const runs = Number(values.runs);
const here = new URL(".", import.meta.url).pathname;
const NG = "https://w3id.org/newsgraph/ontology#";

const t0 = performance.now();
const server = await startServer({ storeDir: values.store, port: 0, threads: Number(values.threads), timeoutSeconds: 5, queriesDir: join(here, "../queries"), log: () => {} });
const startup = performance.now() - t0;
const base = server.url;

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const stats = (times) => {
  const s = [...times].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), max: s.at(-1) };
};
const ms = (v) => `${v.toFixed(1)}`;

async function timed(request) {
  const t = performance.now();
  const res = await request();
  const body = await res.text();
  if (!res.ok) throw new Error(`${res.status}: ${body.slice(0, 200)}`);
  return { ms: performance.now() - t, body };
}
const sparql = (text, accept = "application/sparql-results+json") => () =>
  fetch(`${base}sparql`, { method: "POST", headers: { "Content-Type": "application/sparql-query", Accept: accept }, body: text });

async function measure(label, request, n = runs) {
  await timed(request); // warm-up
  const times = [];
  let body = "";
  for (let i = 0; i < n; i++) ({ ms: times[i], body } = await timed(request));
  const s = stats(times);
  return { label, ...s, body };
}

const rows = [];
const countRows = (body) => {
  try {
    return JSON.parse(body).results.bindings.length;
  } catch {
    return "";
  }
};

const size = JSON.parse((await timed(sparql("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"))).body).results.bindings[0].n.value;
const articles = JSON.parse((await timed(sparql(`SELECT (COUNT(*) AS ?n) WHERE { ?a a <${NG}Article> }`))).body).results.bindings[0].n.value;
const topPerson = JSON.parse(
  (await timed(sparql(`SELECT ?p (COUNT(?s) AS ?n) WHERE { ?s <${NG}speaker> ?p . ?p a <${NG}Person> } GROUP BY ?p ORDER BY DESC(?n) LIMIT 1`))).body,
).results.bindings[0]?.p.value;

for (const file of readdirSync(join(here, "../queries")).filter((f) => f.endsWith(".rq")).sort()) {
  const r = await measure(`queries/${file}`, sparql(readFileSync(join(here, "../queries", file), "utf8")), Math.min(runs, 10));
  rows.push({ ...r, rows: countRows(r.body) });
}
const lookup = `SELECT ?label WHERE { <${topPerson}> <http://www.w3.org/2000/01/rdf-schema#label> ?label }`;
rows.push({ ...(await measure("point lookup (label of one entity)", sparql(lookup))), rows: 1 });
if (topPerson) {
  const path = `${base}resource/${topPerson.split("/resource/")[1]}`;
  rows.push({ ...(await measure("entity page, HTML (most quoted person)", () => fetch(path, { headers: { Accept: "text/html" } }))), rows: "" });
  rows.push({ ...(await measure("entity description, Turtle", () => fetch(path, { headers: { Accept: "text/turtle" } }))), rows: "" });
}
rows.push({ ...(await measure("service description", () => fetch(`${base}sparql`))), rows: "" });

// Throughput: C clients, each sending point lookups back to back.
const clients = Number(values.clients);
const perClient = runs;
const tThroughput = performance.now();
const concurrentTimes = (
  await Promise.all(
    Array.from({ length: clients }, async () => {
      const times = [];
      for (let i = 0; i < perClient; i++) times.push((await timed(sparql(lookup))).ms);
      return times;
    }),
  )
).flat();
const throughputSeconds = (performance.now() - tThroughput) / 1000;
const concurrent = stats(concurrentTimes);

// A runaway query holds one worker; point lookups meanwhile.
const runaway = fetch(`${base}sparql`, {
  method: "POST",
  headers: { "Content-Type": "application/sparql-query" },
  body: "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }",
}).then((r) => ({ status: r.status, at: performance.now() }));
const tRunaway = performance.now();
const during = [];
for (let i = 0; i < 10; i++) during.push((await timed(sparql(lookup))).ms);
const cut = await runaway;
const tReplace = performance.now();
await Promise.all(Array.from({ length: Number(values.threads) }, () => timed(sparql(lookup)))); // reaches the replacement worker too
const replaced = performance.now() - tReplace;

await server.close();

const cpu = cpus()[0]?.model ?? "unknown CPU";
console.log(`## Serving\n`);
console.log(`Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC with \`node bench/serve.mjs --store … --runs ${runs} --clients ${clients} --threads ${values.threads}\`.`);
console.log(`Machine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(1)).join(" ")} (shared with other jobs).`);
console.log(`Store: ${size} quads from ${articles} articles; server start (${values.threads} workers loading the store) ${ms(startup)} ms.\n`);
console.log(`Sequential requests over loopback HTTP, ${runs} runs each (queries/: 10), milliseconds:\n`);
console.log(`| request | rows | p50 | p95 | max |\n|---|---:|---:|---:|---:|`);
for (const r of rows) console.log(`| ${r.label} | ${r.rows} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.max)} |`);
console.log(`\nThroughput: ${clients} concurrent clients × ${perClient} point lookups: ${(concurrentTimes.length / throughputSeconds).toFixed(0)} requests/s, latency p50 ${ms(concurrent.p50)} ms, p95 ${ms(concurrent.p95)} ms.`);
console.log(`\nWhile a runaway query (4-way cross product) held one worker, 10 point lookups took p50 ${ms(stats(during).p50)} ms, max ${ms(stats(during).max)} ms; ` +
  `the runaway was answered ${cut.status} after ${ms(cut.at - tRunaway)} ms (limit 5 s); afterwards every worker answered within ${ms(replaced)} ms (replacement worker included).`);
