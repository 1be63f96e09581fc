#!/usr/bin/env node
// Gazetteer load benchmark (not run by `npm test`): how long the shipped index
// (data/wikidata/gazetteer.tsv) takes to load and answer its first look-ups, and the heap it
// adds. Each run is a fresh process, so nothing is warm.
//
//   node bench/gazetteer.mjs [--runs 5] [--file data/wikidata/gazetteer.tsv]
import { execFileSync } from "node:child_process";
import { statSync } from "node:fs";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { runs: { type: "string", default: "5" }, file: { type: "string" }, child: { type: "boolean" } } });

if (values.child) {
  const { register } = await import("tsx/esm/api");
  register();
  const { loadGazetteer, GAZETTEER_FILE } = await import("../src/link/gazetteer.ts");
  globalThis.gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const gaz = await loadGazetteer(values.file ?? GAZETTEER_FILE);
  const cpu1 = process.cpuUsage(cpu0);
  const t1 = performance.now();
  // First look-ups of each kind: a state, a city, a person, a surname count, an id.
  for (const name of ["France", "Seoul", "Washington", "Sergey Lavrov", "Reuters"]) gaz.lookup(name);
  gaz.namesakes("Lavrov");
  gaz.byQid("Q7747");
  const t2 = performance.now();
  globalThis.gc?.();
  const heap1 = process.memoryUsage().heapUsed;
  console.log(JSON.stringify({ load: t1 - t0, cpu: (cpu1.user + cpu1.system) / 1000, lookups: t2 - t1, heapMB: (heap1 - heap0) / 1e6, records: gaz.size }));
} else {
  const runs = Number(values.runs);
  const out = [];
  for (let i = 0; i < runs; i++) {
    const args = ["--expose-gc", new URL(import.meta.url).pathname, "--child", ...(values.file ? ["--file", values.file] : [])];
    out.push(JSON.parse(execFileSync(process.execPath, args, { encoding: "utf8" })));
  }
  const med = (k) => out.map((o) => o[k]).sort((a, b) => a - b)[Math.floor(out.length / 2)];
  const file = values.file ?? new URL("../data/wikidata/gazetteer.tsv", import.meta.url).pathname;
  console.log(`gazetteer ${file}: ${(statSync(file).size / 1e6).toFixed(1)} MB, ${out[0].records} records`);
  console.log(`load median ${med("load").toFixed(0)} ms wall (min ${Math.min(...out.map((o) => o.load)).toFixed(0)}, max ${Math.max(...out.map((o) => o.load)).toFixed(0)}), ${med("cpu").toFixed(0)} ms CPU; first look-ups ${med("lookups").toFixed(0)} ms; heap +${med("heapMB").toFixed(0)} MB; ${runs} runs`);
  console.log(`load average: ${(await import("node:os")).loadavg().map((x) => x.toFixed(1)).join(" ")}`);
}
