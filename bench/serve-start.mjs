#!/usr/bin/env node
// Serving start-up (not run by `npm test`): starts the real `newsgraph serve` on a built store and
// reports, for each run, when (wall time, and the server process's CPU time: all its threads,
// from /proc) it (a) listens, (b) answers the query page, (c) answers its first SPARQL query,
// (d) answers a search, plus the load average. Requests are polled every 50 ms.
//
//   node bench/serve-start.mjs --store DIR [--runs 3] [--threads 2] [--bin bin/newsgraph.js] [--snapshot use|off|fresh]
//
// --snapshot: use the store's engine snapshot when there is one (default; the first run writes it),
// off (NEWSGRAPH_NO_ENGINE_SNAPSHOT=1: every copy loads from the store), fresh (the snapshot is
// deleted before each run: a first start, which loads and writes it).
import { spawn } from "node:child_process";
import { existsSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    store: { type: "string" },
    runs: { type: "string", default: "3" },
    threads: { type: "string", default: "2" },
    bin: { type: "string", default: new URL("../bin/newsgraph.js", import.meta.url).pathname },
    snapshot: { type: "string", default: "use" },
  },
});
if (!values.store) {
  console.error("usage: node bench/serve-start.mjs --store DIR [--runs 3] [--threads 2]");
  process.exit(2);
}
const TICKS = 100; // USER_HZ on Linux
/** CPU seconds of a process (user + system, all threads). */
const cpuOf = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) / TICKS;
};
const load = () => loadavg()[0].toFixed(1);
const fmt = (m) => (m ? `${(m.wall / 1000).toFixed(1)} s / ${m.cpu.toFixed(1)} s` : "—");

console.log(`| run | load at start | listening | query page | first SPARQL answer | search answers | load at end | RSS then | copy loaded (log) |`);
console.log(`|---:|---:|---:|---:|---:|---:|---:|---:|---|`);
for (let run = 1; run <= Number(values.runs); run++) {
  const loadStart = load();
  const t0 = performance.now();
  if (values.snapshot === "fresh") {
    const dir = join(values.store, "cache", "serve");
    for (const name of existsSync(dir) ? readdirSync(dir).filter((n) => /^engine-.*\.snap$/.test(n)) : []) rmSync(join(dir, name));
  }
  const env = values.snapshot === "off" ? { ...process.env, NEWSGRAPH_NO_ENGINE_SNAPSHOT: "1" } : process.env;
  const child = spawn(process.execPath, [values.bin, "serve", "--store", values.store, "--port", "0", "--threads", values.threads, "--timeout", "600"], { env });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (out += d));
  const at = () => ({ wall: performance.now() - t0, cpu: cpuOf(child.pid) });
  const marks = {};
  let base = "";
  const ok = async (path, init) => (await fetch(base + path, init).then(async (r) => (await r.arrayBuffer(), r.ok)).catch(() => false));
  const probes = {
    page: () => ok("explore"),
    sparql: () => ok("sparql", { method: "POST", headers: { "Content-Type": "application/sparql-query" }, body: "SELECT * WHERE { ?s ?p ?o } LIMIT 1" }),
    search: () => ok("api/search?q=a"),
  };
  while (!base) {
    if (child.exitCode !== null) throw new Error(out);
    base = /serving .* at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out)?.[1] ?? "";
    if (base) marks.listening = at();
    else await new Promise((r) => setTimeout(r, 20));
  }
  // Each kind of request on its own: one at a time, again 50 ms after a failure (a request waits for the store as long as it needs).
  await Promise.all(
    Object.entries(probes).map(async ([name, probe]) => {
      while (!(await probe())) {
        if (child.exitCode !== null) throw new Error(out);
        await new Promise((r) => setTimeout(r, 50));
      }
      marks[name] = at();
    }),
  );
  const rss = Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"))?.[1] ?? 0) / 1024);
  const loaded = [...out.matchAll(/copy \d+ loaded (\d+) quads in ([\d.]+) s \(engine memory (\d+) MB\)(; [^\n]*)?/g)]
    .map((m) => `${m[2]} s, ${m[3]} MB${/restored from the engine snapshot/.test(m[4] ?? "") ? ", from the snapshot" : /snapshot written/.test(m[4] ?? "") ? ", snapshot written" : ""}`)
    .join("; ");
  console.log(`| ${run} | ${loadStart} | ${fmt(marks.listening)} | ${fmt(marks.page)} | ${fmt(marks.sparql)} | ${fmt(marks.search)} | ${load()} | ${rss} MB | ${loaded} |`);
  child.kill("SIGTERM");
  await new Promise((r) => child.on("exit", r));
}
console.log(`\nEach cell: wall time since the process was started / the server process's CPU time then (all threads).`);
console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, Node ${process.version}, --threads ${values.threads}, --snapshot ${values.snapshot}.`);
