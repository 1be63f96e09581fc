// A soak: the real `newsgraph serve` process under steady mixed load (named queries, point
// lookups, resource pages and descriptions, CONSTRUCT, the graph store, the query page) at a
// steady concurrency, bounded in time. Zero failed requests, and the process's memory at the
// end within a margin of its memory after warm-up. The figures are printed.
//
// CI runs a short setting; `npm run soak` runs ten minutes (NEWSGRAPH_SOAK_SECONDS).
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { readFileSync } from "node:fs";
import { readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FIXTURES, R, fixtureStore, waitFor } from "./helpers.ts";

const SECONDS = Number(process.env.NEWSGRAPH_SOAK_SECONDS ?? 40);
const CONCURRENCY = Number(process.env.NEWSGRAPH_SOAK_CLIENTS ?? 4);
const BIN = new URL("../../bin/newsgraph.js", import.meta.url).pathname;

/** Resident memory of a process and all its threads, from /proc. */
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;

describe("soak", { timeout: (SECONDS + 240) * 1000 }, () => {
  let child: ChildProcessWithoutNullStreams | undefined;
  let store = "";
  afterAll(async () => {
    if (child?.exitCode === null) child.kill("SIGKILL");
    if (store) await rm(store, { recursive: true, force: true });
  });

  it(`mixed requests from ${CONCURRENCY} clients for ${SECONDS} s: none fails, memory stays flat`, async () => {
    store = await fixtureStore();
    child = spawn(process.execPath, [BIN, "serve", "--store", store, "--port", "0", "--threads", "2", "--queries", join(FIXTURES, "queries")]);
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    let base = "";
    await waitFor(() => {
      base = /serving .* at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)?.[1] ?? "";
      return base !== "" && /store loaded/.test(output);
    }, "the server to load", 120_000);

    const named = await Promise.all((await readdir(join(FIXTURES, "queries"))).map((f) => readFile(join(FIXTURES, "queries", f), "utf8")));
    const post = (q: string, accept = "application/sparql-results+json") =>
      fetch(`${base}sparql`, { method: "POST", headers: { "Content-Type": "application/sparql-query", Accept: accept }, body: q });
    const requests: (() => Promise<Response>)[] = [
      ...named.map((q) => () => post(q)),
      () => post(`SELECT ?l WHERE { <${R}country/china> <http://www.w3.org/2000/01/rdf-schema#label> ?l }`),
      () => post(`SELECT ?s (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?s ORDER BY DESC(?n) LIMIT 5`, "text/csv"),
      () => post(`CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <${R}graph/entities> { ?s ?p ?o } }`, "text/turtle"),
      () => fetch(`${base}sparql?query=${encodeURIComponent("ASK { ?s ?p ?o }")}`),
      () => fetch(`${base}resource/person/sergey-lavrov`, { headers: { Accept: "text/html" } }),
      () => fetch(`${base}resource/country/china`, { headers: { Accept: "application/n-triples" } }),
      () => fetch(`${base}store?graph=${encodeURIComponent(`${R}graph/entities`)}`, { headers: { Accept: "application/n-quads" } }),
      () => fetch(base),
    ];

    const failures: string[] = [];
    let done = 0;
    const latencies: number[] = [];
    async function client(seed: number, until: number) {
      for (let i = seed; performance.now() < until; i++) {
        const t = performance.now();
        const res = await requests[i % requests.length]().catch((e: Error) => ({ ok: false, status: 0, text: async () => e.message }) as Response);
        const body = await res.text();
        latencies.push(performance.now() - t);
        done += 1;
        if (!res.ok) failures.push(`${res.status} ${body.slice(0, 200)}`);
      }
    }
    const start = performance.now();
    const warmUntil = start + Math.max(5, SECONDS * 0.2) * 1000;
    await Promise.all(Array.from({ length: CONCURRENCY }, (_, i) => client(i * 3, warmUntil)));
    const warmRss = rssMb(child.pid!);
    const warmDone = done;
    const samples: number[] = [];
    const sampler = setInterval(() => samples.push(rssMb(child!.pid!)), 1000);
    await Promise.all(Array.from({ length: CONCURRENCY }, (_, i) => client(i * 5, start + SECONDS * 1000)));
    clearInterval(sampler);
    // at rest: a spare copy started beside a long query (the pool's replacement) ends once it is done
    await new Promise((r) => setTimeout(r, 3000));
    const endRss = rssMb(child.pid!);
    const seconds = (performance.now() - warmUntil) / 1000;
    latencies.sort((a, b) => a - b);
    const p = (q: number) => latencies[Math.floor(q * (latencies.length - 1))].toFixed(0);
    console.log(
      `soak: ${SECONDS} s, ${CONCURRENCY} clients, ${done} requests (${((done - warmDone) / seconds).toFixed(0)}/s after warm-up), ${failures.length} failed; ` +
        `latency p50 ${p(0.5)} ms, p99 ${p(0.99)} ms; RSS after warm-up ${warmRss.toFixed(0)} MB, peak ${Math.max(...samples, endRss).toFixed(0)} MB, end ${endRss.toFixed(0)} MB`,
    );
    expect(failures).toEqual([]);
    expect(done).toBeGreaterThan(CONCURRENCY * 10);
    // flat: within 25% (and 64 MB of allocator slack) of the figure after warm-up
    expect(endRss).toBeLessThan(warmRss * 1.25 + 64);
    expect(output).not.toMatch(/error:/);
    child.kill("SIGTERM");
  });
});
