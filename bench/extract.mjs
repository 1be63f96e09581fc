#!/usr/bin/env node
// Extraction speed (not run by `npm test`): MB/s of `extract()` (ingest included) on ordinary
// text and on pathological text (bench/extract-inputs.ts), from 10 KB to 5 MB. Linear time shows
// as a flat MB/s column. Each run is a child process with a time limit, so a blow-up is reported
// instead of hanging the benchmark.
//
//   node bench/extract.mjs [--sizes 10k,100k,1m,5m] [--kinds ordinary,capitalised,...] [--limit 300]
import { execFileSync } from "node:child_process";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { cpus, loadavg } from "node:os";

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "10k,100k,1m,5m" },
    kinds: { type: "string", default: "ordinary,capitalised,list,triggers,quotes" },
    limit: { type: "string", default: "300" },
    one: { type: "string" },
  },
});
const bytesOf = (s) => Math.round(parseFloat(s) * ({ k: 1e3, m: 1e6 }[s.slice(-1).toLowerCase()] ?? 1));

if (values.one) {
  // child: one kind at one size; prints JSON
  const { register } = await import("tsx/esm/api");
  register();
  const { makeInput } = await import("./extract-inputs.ts");
  const { ingestText } = await import("../src/ingest/index.ts");
  const { extract } = await import("../src/extract/index.ts");
  const [kind, size] = values.one.split(":");
  extract(ingestText("warm.txt", makeInput("ordinary", 5000)));
  const text = makeInput(kind, bytesOf(size));
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const x = extract(ingestText(`${kind}.txt`, text));
  const cpu = process.cpuUsage(cpu0);
  const s = (performance.now() - t0) / 1000;
  console.log(JSON.stringify({ kind, bytes: text.length, s, cpu: (cpu.user + cpu.system) / 1e6, facts: x.mentions.length + x.quotes.length + x.sanctions.length + x.roles.length, heapMB: process.memoryUsage().heapUsed / 1e6 }));
  process.exit(0);
}

const self = fileURLToPath(import.meta.url);
const sizes = values.sizes.split(",");
console.log(`# ${new Date().toISOString()} · ${cpus().length} cores (${cpus()[0].model}) · Node ${process.version} · load ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);
console.log(`| input | ${sizes.map((s) => `${s} MB/s (CPU s)`).join(" | ")} |`);
console.log(`|---|${sizes.map(() => "---:").join("|")}|`);
for (const kind of values.kinds.split(",")) {
  const cells = [];
  let stopped = false;
  for (const size of sizes) {
    if (stopped) { cells.push("—"); continue; }
    try {
      const out = execFileSync(process.execPath, [self, "--one", `${kind}:${size}`], { timeout: Number(values.limit) * 1000, maxBuffer: 1 << 20, stdio: ["ignore", "pipe", "inherit"] }).toString();
      const r = JSON.parse(out.trim().split("\n").pop());
      // MB/s of CPU time: wall time on a shared machine measures the neighbours
      cells.push(`${(r.bytes / 1e6 / r.cpu).toFixed(3)} (${r.cpu.toFixed(1)})`);
    } catch (e) {
      cells.push(e.signal === "SIGTERM" ? `> ${values.limit} s` : `failed (${e.status ?? e.signal})`);
      stopped = true;
    }
  }
  console.log(`| ${kind} | ${cells.join(" | ")} |`);
}
console.log(`# load after: ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);
