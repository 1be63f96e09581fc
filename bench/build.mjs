#!/usr/bin/env node
// Build benchmark (`npm run bench`; not run by `npm test`). For each corpus size it generates a
// synthetic corpus (bench/corpus.mjs), then runs `newsgraph build` as a separate process, the way
// a user does, and measures wall time, CPU time and peak RSS (GNU time): a cold build, a rebuild
// with nothing changed, one article added, 100 articles added, one article changed. Prints one
// Markdown table.
//
//   node bench/build.mjs [--quick] [--sizes 1000,10000,100000] [--dir /tmp/ng-bench] [--jobs N] [--no-queries]
//   --quick: 1,000 articles only (a couple of minutes on a quiet 2-core machine)
// Then, on the store of the incremental builds (10,000 articles, or 1,000 with --quick), every
// queries/*.rq in the embedded store, in Comunica over an n3 Store and in Virtuoso, and endpoint
// throughput at 1, 8 and 32 clients (bench/remote.mjs), as rows of the same table.
import { execFileSync, spawnSync } from "node:child_process";
import { appendFileSync, copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    sizes: { type: "string" },
    dir: { type: "string", default: "/tmp/ng-bench" },
    jobs: { type: "string" },
    incremental: { type: "string", description: "size to run the incremental builds on (default: the largest up to 10,000)" },
    "no-queries": { type: "boolean", default: false },
  },
});
const sizes = (values.sizes ?? (values.quick ? "1000" : "1000,10000,100000")).split(",").map(Number);
const here = new URL(".", import.meta.url).pathname;
const cli = join(here, "../bin/newsgraph.js");
mkdirSync(values.dir, { recursive: true });

function corpus(count, seed = 1, prefix = "corpus") {
  const dir = join(values.dir, `${prefix}-${count}-s${seed}`);
  if (!existsSync(dir)) execFileSync(process.execPath, [join(here, "corpus.mjs"), "--out", dir, "--count", String(count), "--seed", String(seed)], { stdio: "ignore" });
  return dir;
}
const bytesOf = (dir) => readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0);

/** One `newsgraph build` process: wall s, CPU s, peak RSS MB, and what it printed. */
function build(inputs, storeDir) {
  const args = ["-f", "%e %U %S %M", process.execPath, cli, "build", ...inputs, "--store", storeDir, ...(values.jobs ? ["--jobs", values.jobs] : [])];
  const r = spawnSync("/usr/bin/time", args, { encoding: "utf8", maxBuffer: 64 << 20 });
  const last = r.stderr.trim().split("\n").pop().split(" ").map(Number);
  if (r.status !== 0) throw new Error(`build failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  const [wall, user, sys, rssKb] = last;
  return { wall, cpu: user + sys, rssMb: rssKb / 1024, out: r.stdout.trim() };
}

const rows = [];
const row = (what, articles, bytes, m) => {
  rows.push(`| ${what} | ${articles.toLocaleString("en")} | ${m.wall.toFixed(1)} | ${m.cpu.toFixed(1)} | ${(articles / m.wall).toFixed(0)} | ${(articles / m.cpu).toFixed(0)} | ${(bytes / 1e6 / m.wall).toFixed(2)} | ${m.rssMb.toFixed(0)} |`);
  // as it comes (a large run takes long on a loaded machine): the table is printed again at the end
  console.error(`${rows[rows.length - 1]}  (load average ${loadavg()[0].toFixed(1)})`);
};

const incrementalSize = Number(values.incremental ?? Math.max(...sizes.filter((s) => s <= 10000)));
for (const size of sizes) {
  // The store records the paths it was built from: build a working copy, which the incremental
  // builds then change (the generated corpus itself stays as it is).
  const src = corpus(size);
  const work = join(values.dir, `work-${size}`);
  rmSync(work, { recursive: true, force: true });
  cpSync(src, work, { recursive: true, preserveTimestamps: true });
  const storeDir = join(values.dir, `store-${size}`);
  rmSync(storeDir, { recursive: true, force: true });
  const bytes = bytesOf(src);
  const cold = build([work], storeDir);
  row(`cold build, ${size.toLocaleString("en")} articles`, size, bytes, cold);
  console.error(`${size}: ${cold.out}`);
  if (size !== incrementalSize) continue;

  const same = build([work], storeDir);
  row("rebuild, nothing changed", size, 0, same);
  const extra = corpus(101, 2, "extra");
  const extras = readdirSync(extra).sort();
  copyFileSync(join(extra, extras[0]), join(work, `added_${extras[0]}`));
  const one = build([work], storeDir);
  row("one article added", 1, statSync(join(extra, extras[0])).size, one);
  for (const f of extras.slice(1)) copyFileSync(join(extra, f), join(work, `added_${f}`));
  const hundred = build([work], storeDir);
  row("100 articles added", 100, bytesOf(extra) - statSync(join(extra, extras[0])).size, hundred);
  const first = join(work, readdirSync(work).sort()[0]);
  appendFileSync(first, "\nThe talks will resume next month, officials said.\n");
  const changed = build([work], storeDir);
  row("one article changed", 1, statSync(first).size, changed);
}

// Queries and endpoints on the incremental builds' store (its articles as built, plus the 101 added).
const queryRows = [];
if (!values["no-queries"] && sizes.includes(incrementalSize)) {
  const json = join(values.dir, "queries.json");
  const quick = values.quick ? ["--runs", "1", "--seconds", "2", "--min-answers", "1", "--cell-max", "6", "--comunica-limit", "5"] : ["--runs", "3", "--seconds", "5", "--min-answers", "2", "--cell-max", "60", "--comunica-limit", "20"];
  const r = spawnSync(process.execPath, [join(here, "remote.mjs"), "--store", join(values.dir, `store-${incrementalSize}`), "--json", json, ...quick], { encoding: "utf8", stdio: ["ignore", "ignore", "inherit"] });
  if (r.status === 0) {
    const q = JSON.parse(readFileSync(json, "utf8"));
    const ms = (x) => (x === undefined || Number.isNaN(x) ? "—" : x < 10 ? x.toFixed(1) : x.toFixed(0));
    for (const row of q.rows) {
      const comunica = row.comunica.error ? row.comunica.error : `${ms(row.comunica.wall)} ms (${(row.comunica.wall / row.local.wall).toFixed(1)}×)`;
      const virtuoso = row.remote.error ? `failed: ${row.remote.error}` : `${ms(row.remote.wall)} ms (${(row.remote.wall / row.local.wall).toFixed(1)}×)`;
      queryRows.push(`| query ${row.file} (${incrementalSize.toLocaleString("en")} articles) | ${row.answer} rows | embedded ${ms(row.local.wall)} ms | Comunica + n3 ${comunica} | Virtuoso ${virtuoso} | | | |`);
    }
    for (const t of q.throughput.filter((x) => x.server === "newsgraph")) {
      const v = q.throughput.find((x) => x.server === "Virtuoso" && x.kind === t.kind && x.clients === t.clients);
      const rate = (x) => (x.rps < 10 ? x.rps.toFixed(2) : x.rps.toFixed(0));
      const counts = (x) => `${x.answers} answers, ${x.refused} refused (503/429), ${x.abandoned} cut in ${x.seconds.toFixed(1)} s`;
      queryRows.push(`| endpoint, ${t.kind} query, ${t.clients} clients | | newsgraph ${rate(t)} requests/s | p50 ${ms(t.p50)} / p99 ${ms(t.p99)} ms; ${counts(t)} | Virtuoso ${rate(v)} requests/s | p50 ${ms(v.p50)} / p99 ${ms(v.p99)} ms; ${counts(v)} | | |`);
    }
  } else queryRows.push(`| queries and endpoints | bench/remote.mjs failed (exit ${r.status}) | | | | | | |`);
}

const cpu = cpus()[0]?.model ?? "?";
console.log(`newsgraph build benchmark, ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`);
console.log(`machine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, load average ${loadavg().map((l) => l.toFixed(1)).join(" ")} (after)`);
console.log("");
console.log("| build | articles | wall s | CPU s (all threads) | articles/s (wall) | articles per CPU s | MB/s (wall) | peak RSS MB |");
console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
for (const r of rows) console.log(r);
for (const r of queryRows) console.log(r);
