// Where a build worker's CPU per article goes outside the passes (run by bench/worker-steps.mjs,
// bundled as the build bundles its task module). The steps of extractArticle and graphArticle
// (src/pipeline/article-task.ts), one article after another in this one thread, each timed by
// this thread's own CPU clock (/proc/.../schedstat, nanoseconds: other threads' compiling and
// collecting are not counted). The first `warm` articles are not counted.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { EntityKind, Resolution } from "../src/model.ts";
import { ingestFile } from "../src/ingest/index.ts";
import { extract } from "../src/extract/index.ts";
import { ExtractionCache, newCacheRun } from "../src/pipeline/cache.ts";
import { factsText } from "../src/pipeline/facts-spill.ts";
import { factsOf, warmUp } from "../src/pipeline/article-task.ts";
import { articleQuads, entityTypeQuads, nquadLine, validatePart } from "../src/graph/index.ts";

const STEPS = ["ingest", "cache key", "cache look-up (a miss)", "extract (the passes)", "cache write", "facts text", "cache read-back", "parse", "quads + N-Quads lines", "shape check"] as const;

const cpuNs = (): number => Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, "utf8").split(" ")[0]);

export async function run(dir: string, warm: number, count: number): Promise<void> {
  const storeDir = mkdtempSync(join(tmpdir(), "ng-worker-steps-"));
  mkdirSync(join(storeDir, "cache", "extract"), { recursive: true });
  const files = readdirSync(dir).filter((f) => f.endsWith(".txt")).sort().slice(0, warm + count).map((f) => join(dir, f));
  await warmUp();
  const spent = STEPS.map(() => 0);
  const run = newCacheRun(); // one pack for the run, as a build's worker has
  for (const [n, file] of files.entries()) {
    const t = [cpuNs()];
    const doc = await ingestFile(file);
    t.push(cpuNs());
    const cache = new ExtractionCache(storeDir, run);
    const key = cache.keyOf(doc);
    t.push(cpuNs());
    await cache.get(doc, key);
    t.push(cpuNs());
    const made = extract(doc);
    t.push(cpuNs());
    await cache.put(made, key);
    t.push(cpuNs());
    const facts = factsText(factsOf(made));
    t.push(cpuNs());
    // graphArticle's steps, with each local entity its own entity (as bench/article-cpu.mjs maps them)
    const txt = (await new ExtractionCache(storeDir, run).textByKey(key, cache.where(key)))!;
    t.push(cpuNs());
    const x = JSON.parse(txt);
    t.push(cpuNs());
    const entityOf = new Map<string, string>();
    const kinds = new Map<string, EntityKind>();
    for (const e of JSON.parse(facts.entities) as { key: string; kind: EntityKind }[]) {
      const id = `https://example.org/entity/${encodeURIComponent(e.key)}`;
      entityOf.set(`${x.doc.id}#${e.key}`, id);
      kinds.set(id, e.kind);
    }
    const resolution: Resolution = { entities: [...kinds].map(([id, kind]) => ({ id, kind, label: "", altLabels: [], articles: [] })), entityOf };
    // (the mapping above is the build's main thread's work: not counted)
    const t0 = cpuNs();
    const quads = articleQuads(x, resolution);
    [...new Set(quads.map((q) => nquadLine(q).trimEnd()))].sort();
    const t1 = cpuNs();
    await validatePart("facts", [...quads, ...[...kinds].flatMap(([id, kind]) => entityTypeQuads(id, kind))]);
    const t2 = cpuNs();
    t.push(t[t.length - 1] + t1 - t0, t[t.length - 1] + t2 - t0);
    if (n >= warm) for (let s = 0; s < STEPS.length; s++) spent[s] += t[s + 1] - t[s];
  }
  const counted = Math.max(0, files.length - warm);
  const total = spent.reduce((a, b) => a + b, 0);
  for (const [s, name] of STEPS.entries()) console.log(`${(spent[s] / counted / 1e6).toFixed(3).padStart(7)} ms  ${((100 * spent[s]) / total).toFixed(1).padStart(5)}%  ${name}`);
  console.log(`${(total / counted / 1e6).toFixed(3).padStart(7)} ms  per article in all (this thread), ${counted} articles after ${warm}`);
  rmSync(storeDir, { recursive: true, force: true });
}
