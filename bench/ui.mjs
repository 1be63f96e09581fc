#!/usr/bin/env node
// Exploration interface benchmark (not run by `npm test`): serves a store (e.g. the 10,000-article
// bench graph: `node bench/build.mjs --count 10000`, or bench/corpus.mjs + newsgraph build) and
// measures the search index, the JSON APIs over loopback HTTP, and the network page in headless
// chromium (time to draw, layout time, and whether the page stays responsive while ForceAtlas2
// runs: long main-thread tasks and frame rate).
//
//   node bench/ui.mjs --store /tmp/ng-bench/store [--runs 20] [--threads 2]
import { execFileSync } from "node:child_process";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { register } from "tsx/esm/api";

register();
const { startServer } = await import("../src/serve/server.ts");
const { chromium } = await import("playwright-core");

const { values } = parseArgs({ options: { store: { type: "string" }, runs: { type: "string", default: "20" }, threads: { type: "string", default: "2" } } });
if (!values.store) {
  console.error("usage: node bench/ui.mjs --store DIR [--runs 20] [--threads 2]");
  process.exit(2);
}
const runs = Number(values.runs);
const ms = (t) => t.toFixed(1);
const pct = (list, p) => [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor((p / 100) * list.length))];

console.log(`machine: ${execFileSync("nproc").toString().trim()} cores, node ${process.version}, load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);
let t0 = performance.now();
const server = await startServer({ storeDir: values.store, port: 0, threads: Number(values.threads), timeoutSeconds: 600, log: () => {} });
console.log(`server start (workers load the store, search index built): ${ms(performance.now() - t0)} ms`);
const base = server.url;

async function timed(path, n = runs) {
  const times = [];
  let bytes = 0;
  let body;
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const res = await fetch(base + path, { headers: { "Accept-Encoding": "gzip" } });
    body = await res.text();
    if (!res.ok) throw new Error(`${path}: ${res.status} ${body}`);
    times.push(performance.now() - t);
    bytes = body.length;
  }
  return { times, bytes, body };
}

const rows = [];
function row(label, { times, bytes }, note = "") {
  rows.push(`| ${label} | ${times.length} | ${ms(pct(times, 50))} | ${ms(pct(times, 95))} | ${ms(Math.max(...times))} | ${(bytes / 1024).toFixed(0)} KB | ${note} |`);
  console.log(rows.at(-1));
}

// Entities and what to search for, from the index itself.
const facets = JSON.parse((await timed("api/facets", 1)).body);
const network0 = await timed("api/network", 1); // cold: queries through the pool + assembling
const net = JSON.parse(network0.body);
row("/api/network, cold (all filters off)", network0, `${net.nodes.length} nodes, ${net.edges.length} edges (matched ${net.matched.nodes} entities)`);
row("/api/network, cached", await timed("api/network"));
const top = net.nodes[0];
const words = top.label.split(/\s+/);
const last = words.at(-1);
row(`/api/search prefix "${last.slice(0, 3).toLowerCase()}"`, await timed(`api/search?q=${encodeURIComponent(last.slice(0, 3).toLowerCase())}`));
row(`/api/search full name`, await timed(`api/search?q=${encodeURIComponent(top.label)}`));
const typo = last.slice(0, -1) + (last.endsWith("a") ? "o" : "a");
row(`/api/search typo "${typo}"`, await timed(`api/search?q=${encodeURIComponent(typo)}`));
const dates = facets.dates;
const month = dates.max ? dates.max.slice(0, 7) : undefined;
if (month) {
  const filtered = await timed(`api/network?from=${month}-01&to=${month}-28`, 1);
  const f = JSON.parse(filtered.body);
  row(`/api/network, one month (${month}), cold`, filtered, `${f.nodes.length} nodes, ${f.edges.length} edges`);
}
row("/api/timeline, first 200 items", await timed("api/timeline", Math.min(runs, 5)));
row(`/api/entity (most mentioned: ${top.label})`, await timed(`api/entity?iri=${encodeURIComponent(top.id)}`, Math.min(runs, 10)));
const article = facets.articles[0].iri;
row("article view (HTML)", await timed(article.replace("https://w3id.org/newsgraph/", ""), Math.min(runs, 10)));
row("/api/export GraphML (whole network)", await timed("api/export?format=graphml", 1));

console.log(`facets: ${facets.articles.length} articles, ${Object.values(facets.types).reduce((a, b) => a + b, 0)} entities`);

// ---------- the network page in a browser ----------
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ["--no-sandbox", "--enable-unsafe-swiftshader", "--use-angle=swiftshader"] });
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
await page.addInitScript(() => {
  window.__long = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__long.push(e.duration);
  }).observe({ type: "longtask", buffered: true });
});
async function measurePage(path, label) {
  t0 = performance.now();
  await page.goto(base + path);
  await page.locator('#network-status[data-state="ready"]').waitFor({ timeout: 120_000 });
  const drawn = performance.now() - t0;
  // Frames while ForceAtlas2 runs in its worker: the page should keep painting.
  const frames = await page.evaluate(
    () =>
      new Promise((resolve) => {
        let n = 0;
        const start = performance.now();
        const step = () => {
          n += 1;
          if (performance.now() - start < 3000) requestAnimationFrame(step);
          else resolve(n / ((performance.now() - start) / 1000));
        };
        requestAnimationFrame(step);
      }),
  );
  await page.locator('#network-status[data-layout="done"]').waitFor({ timeout: 120_000 });
  const laidOut = performance.now() - t0;
  const info = await page.evaluate(() => ({ nodes: window.newsgraph.graph.order, edges: window.newsgraph.graph.size, long: window.__long }));
  const longest = info.long.length ? Math.max(...info.long) : 0;
  console.log(
    `${label}: ${info.nodes} nodes, ${info.edges} edges drawn ${ms(drawn)} ms after navigation; layout stopped at ${ms(laidOut)} ms; ` +
      `${frames.toFixed(0)} frames/s during layout; main-thread tasks over 50 ms: ${info.long.length} (longest ${ms(longest)} ms)`,
  );
  await page.screenshot({ path: `/tmp/bench-ui-${label.replace(/\W+/g, "-")}.png` });
}
await measurePage("explore", "network page, all entities");
if (month) await measurePage(`explore?from=${month}-01&to=${month}-28`, "network page, one month");
t0 = performance.now();
await page.goto(base + article.replace("https://w3id.org/newsgraph/", ""));
await page.locator("#article-text").waitFor();
console.log(`article view in the browser: ${ms(performance.now() - t0)} ms to text`);
t0 = performance.now();
await page.locator("form.search input").fill(top.label.slice(0, 4));
await page.locator(".suggestions .suggestion").first().waitFor();
console.log(`search box: suggestions shown ${ms(performance.now() - t0)} ms after typing`);
await browser.close();

console.log("\n| request | runs | p50 ms | p95 ms | max ms | size | notes |\n|---|---:|---:|---:|---:|---:|---|");
for (const r of rows) console.log(r);
await server.close();
