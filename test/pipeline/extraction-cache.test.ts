// The extraction cache in pack files (src/pipeline/cache.ts): entries read back by key across
// builds, a torn pack tail ignored, a tidy killed at any step leaving a readable cache, pruning
// and compaction, packs of a build still running left alone, and the old one-file-per-entry cache
// still read (and moved into a pack by the next tidy); a store whose cache is in the old format builds.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, truncateSync, unlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Extraction } from "../../src/model.ts";
import { ingestText } from "../../src/ingest/index.ts";
import { ExtractionCache, closeExtractionCache, newCacheRun, scanPack, tidyHooks } from "../../src/pipeline/cache.ts";
import { buildGraph } from "../../src/pipeline/index.ts";
import { loadStore } from "../../src/store/index.ts";
import { exportStore } from "../../src/store/export.ts";

let root: string;
beforeAll(() => (root = mkdtempSync(join(tmpdir(), "ng-xcache-"))));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** An invented extraction (the cache stores whatever JSON it is given). */
const extraction = (n: number): Extraction => {
  const doc = ingestText(`a${n}.txt`, `Talks in Ostbay ${n}\n\nThe minister, Ilse Varnholt, met envoys in Ostbay on day ${n}.\n`, n.toString(16).padStart(64, "0"));
  return { doc, entities: [], mentions: [], roles: [], quotes: [], sanctions: [], padding: "é".repeat(n) } as unknown as Extraction;
};
const cacheDir = (store: string) => join(store, "cache", "extract");
const files = (store: string) => readdirSync(cacheDir(store)).sort();
const packs = (store: string) => files(store).filter((f) => f.endsWith(".pack"));

/** Writes these extractions in one build (`run`), as a worker does; returns their keys. */
async function write(store: string, run: string, ns: number[]): Promise<string[]> {
  const cache = new ExtractionCache(store, run);
  const keys: string[] = [];
  for (const n of ns) {
    const x = extraction(n);
    const key = cache.keyOf(x.doc);
    await cache.put(x, key);
    keys.push(key);
  }
  return keys;
}

/** A dead process's id (a pack named with it is a killed build's). */
const deadPid = (): number => spawnSync(process.execPath, ["-e", ""]).pid!;

/** The packs this process wrote, as if it had been killed: named with a dead process's id (the index too). */
function asKilled(store: string): void {
  const dead = String(deadPid());
  const mine = `${process.pid}-`;
  for (const p of packs(store)) if (p.startsWith(mine)) renameSync(join(cacheDir(store), p), join(cacheDir(store), dead + p.slice(mine.length - 1)));
  const index = join(cacheDir(store), "index");
  writeFileSync(index, readFileSync(index, "utf8").replaceAll(`\t${mine}`, `\t${dead}-`));
}

describe("extraction cache in packs", () => {
  it("reads entries back by key in later builds, from one pack per thread and build", async () => {
    const store = join(root, "round");
    const run = newCacheRun();
    const keys = await write(store, run, [1, 2, 3]);
    const writer = new ExtractionCache(store, run);
    const at = writer.where(keys[1])!;
    expect(at).toMatch(/\.pack:\d+:\d+$/);
    expect((await writer.getByKey(keys[1], at))?.doc.id).toBe("a2");
    writer.keep(keys);
    expect(await writer.prune()).toBe(0);
    closeExtractionCache(store, run);
    expect(packs(store)).toHaveLength(1);
    expect(files(store)).toContain("index");

    const later = new ExtractionCache(store, newCacheRun());
    const x = extraction(2);
    expect((await later.get(x.doc, keys[1]))?.doc.id).toBe("a2");
    expect(JSON.parse((await later.textByKey(keys[2]))!).padding).toBe("é".repeat(3));
    expect(await later.hasKey("x-not-there")).toBe(false);
    expect(await later.get(extraction(9).doc)).toBeUndefined();
  });

  it("ignores a torn pack tail (a build killed mid-write) and adopts the whole entries before it", async () => {
    const store = join(root, "torn");
    const keys = await write(store, newCacheRun(), [1, 2, 3]);
    const [pack] = packs(store);
    // a killed build's pack: its process is gone; cut in the middle of its last entry, garbage after another copy
    const dead = `${deadPid()}-0badc0de-1.pack`;
    renameSync(join(cacheDir(store), pack), join(cacheDir(store), dead));
    const size = statSync(join(cacheDir(store), dead)).size;
    truncateSync(join(cacheDir(store), dead), size - 40);
    expect([...scanPack(cacheDir(store), dead).keys()]).toEqual(keys.slice(0, 2));
    appendFileSync(join(cacheDir(store), dead), "\0\0\0\0 12\n{}\n");
    expect([...scanPack(cacheDir(store), dead).keys()]).toEqual(keys.slice(0, 2));

    const run = newCacheRun();
    const next = new ExtractionCache(store, run);
    expect((await next.getByKey(keys[0]))?.doc.id).toBe("a1");
    expect(await next.getByKey(keys[2])).toBeUndefined();
    next.keep(keys.slice(0, 2));
    await next.prune();
    closeExtractionCache(store, run);
    // the dead build's pack, still holding the live entries, is kept and indexed
    expect(readFileSync(join(cacheDir(store), "index"), "utf8")).toContain(dead);
    expect((await new ExtractionCache(store).getByKey(keys[1]))?.doc.id).toBe("a2");
  });

  for (const step of ["pack", "index"] as const) {
    it(`leaves a readable cache when a tidy is killed after its ${step} step, and the next tidy finishes the work`, async () => {
      const store = join(root, `killed-${step}`);
      const firstRun = newCacheRun();
      const old = await write(store, firstRun, [1, 2, 3, 4, 5, 6]);
      const first = new ExtractionCache(store, firstRun);
      first.keep(old);
      await first.prune();
      // a build that keeps two of the six (the pack becomes mostly dead: compacted) and adds one
      const run = newCacheRun();
      const [fresh] = await write(store, run, [7]);
      const cache = new ExtractionCache(store, run);
      cache.keep([old[0], old[1], fresh]);
      tidyHooks.failAfter = step;
      try {
        await expect(cache.prune()).rejects.toThrow(/test: killed/);
      } finally {
        tidyHooks.failAfter = undefined;
      }
      closeExtractionCache(store, run);
      expect(files(store)).not.toContain("index.lock");
      asKilled(store);
      const reader = new ExtractionCache(store);
      for (const k of [old[0], old[1], fresh]) expect((await reader.getByKey(k))?.doc.id).toBeDefined();
      // the old index (before the step) names every entry; the new one only those kept
      expect(readFileSync(join(cacheDir(store), "index"), "utf8").includes(old[5])).toBe(step === "pack");

      const again = new ExtractionCache(store);
      again.keep([old[0], old[1], fresh]);
      await again.prune();
      const reread = new ExtractionCache(store);
      for (const k of [old[0], old[1], fresh]) expect((await reread.getByKey(k))?.doc.id).toBeDefined();
      expect(await reread.getByKey(old[5])).toBeUndefined();
      const live = new Set(readFileSync(join(cacheDir(store), "index"), "utf8").split("\n").slice(1).filter(Boolean).map((l) => l.split("\t")[1].split(":")[0]));
      expect(new Set(packs(store))).toEqual(live);
    });
  }

  it("prunes what a build did not use, rewriting mostly dead packs; drop keeps the rest and indexes the build's own", async () => {
    const store = join(root, "prune");
    const firstRun = newCacheRun();
    const keys = await write(store, firstRun, [1, 2, 3, 4, 5, 6, 7, 8]);
    const all = new ExtractionCache(store, firstRun);
    all.keep(keys);
    await all.prune();
    const [big] = packs(store);

    const some = new ExtractionCache(store);
    some.keep(keys.slice(0, 2));
    expect(await some.prune()).toBe(6);
    expect(packs(store)).not.toContain(big); // 2 of 8 live: rewritten into a new pack
    const reader = new ExtractionCache(store);
    expect((await reader.getByKey(keys[1]))?.doc.id).toBe("a2");
    expect(await reader.getByKey(keys[2])).toBeUndefined();

    // an incremental build: its new entry indexed, one old one dropped, the other kept
    const run = newCacheRun();
    const [fresh] = await write(store, run, [20]);
    const inc = new ExtractionCache(store, run);
    inc.keep([fresh]);
    await inc.drop([keys[0]]);
    closeExtractionCache(store, run);
    const after = new ExtractionCache(store);
    expect(await after.getByKey(keys[0])).toBeUndefined();
    expect((await after.getByKey(keys[1]))?.doc.id).toBe("a2");
    expect((await after.getByKey(fresh))?.doc.id).toBe("a20");
    expect(readFileSync(join(cacheDir(store), "index"), "utf8")).toContain(fresh);
  });

  it("writes the index pack by pack, each pack's entries in the order they lie in it (offsets compared as numbers)", async () => {
    const store = join(root, "order");
    // two builds, each indexing its own pack
    const keys: string[] = [];
    for (const ns of [[1, 40, 2, 30, 3, 20, 4, 10, 5, 50, 6, 60], [7, 70, 8]]) {
      const run = newCacheRun();
      keys.push(...(await write(store, run, ns)));
      const cache = new ExtractionCache(store, run);
      cache.keep(keys);
      await cache.prune();
      closeExtractionCache(store, run);
    }
    const lines = readFileSync(join(cacheDir(store), "index"), "utf8").split("\n").slice(1).filter(Boolean);
    expect(lines).toHaveLength(keys.length);
    const places = lines.map((l) => l.split("\t")[1].split(":")).map(([pack, off]) => ({ pack, off: Number(off) }));
    expect(new Set(places.map((p) => p.off.toString().length)).size).toBeGreaterThan(1); // offsets of more than one width
    const sorted = [...places].sort((a, b) => (a.pack < b.pack ? -1 : a.pack > b.pack ? 1 : a.off - b.off));
    expect(places).toEqual(sorted);
  });

  it("merges many small packs (one per incremental build) into one", async () => {
    const store = join(root, "many");
    const keys: string[] = [];
    for (let n = 1; n <= 20; n++) {
      const run = newCacheRun();
      const [k] = await write(store, run, [n]);
      keys.push(k);
      const c = new ExtractionCache(store, run);
      c.keep([k]);
      await c.drop([]);
      closeExtractionCache(store, run);
    }
    expect(packs(store).length).toBeLessThanOrEqual(17);
    const reader = new ExtractionCache(store);
    for (const [i, k] of keys.entries()) expect((await reader.getByKey(k))?.doc.id).toBe(`a${i + 1}`);
  });

  it("leaves alone the pack of another build still running, and reads its entries", async () => {
    const store = join(root, "busy");
    const other = newCacheRun();
    const [theirs] = await write(store, other, [1]); // a build in this (live) process, not tidied yet
    const run = newCacheRun();
    const [mine] = await write(store, run, [2]);
    const cache = new ExtractionCache(store, run);
    cache.keep([mine]);
    await cache.prune();
    closeExtractionCache(store, run);
    expect(packs(store)).toHaveLength(2);
    expect((await new ExtractionCache(store).getByKey(theirs))?.doc.id).toBe("a1");
  });

  it("reads the old cache (one KEY.json file per entry) and moves what a tidy keeps into a pack", async () => {
    const store = join(root, "legacy");
    mkdirSync(cacheDir(store), { recursive: true });
    const probe = new ExtractionCache(store);
    const keys = [1, 2, 3].map((n) => {
      const x = extraction(n);
      const key = probe.keyOf(x.doc);
      writeFileSync(join(cacheDir(store), `${key}.json`), JSON.stringify(x));
      return key;
    });
    const run = newCacheRun();
    const cache = new ExtractionCache(store, run);
    expect((await cache.get(extraction(1).doc, keys[0]))?.doc.id).toBe("a1");
    expect(cache.where(keys[0])).toMatch(/\.pack:/);
    cache.keep(keys.slice(0, 2));
    expect(await cache.prune()).toBe(1);
    closeExtractionCache(store, run);
    expect(files(store).filter((f) => f.endsWith(".json"))).toEqual([]);
    const reader = new ExtractionCache(store);
    expect((await reader.getByKey(keys[1]))?.doc.id).toBe("a2");
    expect(await reader.getByKey(keys[2])).toBeUndefined();
  });

  it("builds a store whose cache is in the old format, incrementally and from the cache, as a build from scratch does", { timeout: 300_000 }, async () => {
    const articles = join(root, "articles");
    cpSync(new URL("../../data/articles/", import.meta.url).pathname, articles, { recursive: true });
    const store = join(root, "old-store");
    await buildGraph({ inputs: [articles], storeDir: store });
    // the cache as the builds before packs left it: KEY.json per entry, no packs, no index
    const reader = new ExtractionCache(store);
    const index = readFileSync(join(cacheDir(store), "index"), "utf8").split("\n").slice(1).filter(Boolean);
    for (const line of index) {
      const key = line.split("\t")[0];
      writeFileSync(join(cacheDir(store), `${key}.json`), (await reader.textByKey(key))!);
    }
    reader.close();
    for (const f of files(store)) if (!f.endsWith(".json")) unlinkSync(join(cacheDir(store), f));

    // one article changed: the others' extractions are read from the old files where the build needs them
    const [first] = readdirSync(articles).filter((f) => f.endsWith(".txt")).sort();
    appendFileSync(join(articles, first), "\nThe talks in Ostbay ended on Friday, officials said.\n");
    const r = await buildGraph({ inputs: [articles], storeDir: store });
    expect(r.failed).toEqual([]);
    expect(files(store).filter((f) => f.endsWith(".json"))).toEqual([]);
    const scratch = join(root, "scratch-store");
    await buildGraph({ inputs: [articles], storeDir: scratch });
    const dump = async (dir: string) => exportStore((await loadStore(dir)).store, { format: "nquads" });
    expect(await dump(store)).toBe(await dump(scratch));

    // every file touched: each read again, its extraction taken from the cache; then nothing changed
    const later = new Date(Date.now() + 5000);
    for (const f of readdirSync(articles)) utimesSync(join(articles, f), later, later);
    const touched = await buildGraph({ inputs: [articles], storeDir: store });
    expect(touched.cached).toBe(index.length);
    const again = await buildGraph({ inputs: [articles], storeDir: store });
    expect(again.unchanged).toBe(index.length);
    expect(await dump(store)).toBe(await dump(scratch));
  });
});
