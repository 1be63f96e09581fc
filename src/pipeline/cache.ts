// Extraction cache under the store directory, so a rebuild only re-extracts articles whose text,
// metadata or extractor changed.
//
// Entries live in append-only pack files (STORE/cache/extract/*.pack), one per thread per build,
// named PID-RUN-THREAD.pack: creating a file per article cost the kernel 0.5–1 ms right after each
// extraction, 7–13% of a worker's CPU (BENCHMARKS.md). An entry is `KEY LENGTH\n` + the extraction's
// JSON (one line) + `\n`; a torn tail (a build killed mid-write) fails that shape and is ignored.
// The index (STORE/cache/extract/index: key → pack, offset, length) is replaced whole (rename)
// when a build tidies the cache after its commit, under a lock of its own (index.lock); it is
// only a map: entries of packs it does not name (a build killed before it tidied) are found by
// reading those packs, and adopted by the next tidy. So a SIGKILL at any moment leaves the old
// index or the new one, each naming only entries that are in their packs.
//
// Tidying keeps what the build says (every key it used, or the old index but the keys it drops),
// rewrites packs that are mostly dead (or many small ones) into one, and deletes packs nothing
// names. Packs of other builds still running (their process alive, not yet indexed) are left
// alone. A store made before packs (one KEY.json file per entry) is read as well; its files are
// deleted by the next tidy that keeps every key (their live entries copied into a pack first).
import { createHash, randomBytes } from "node:crypto";
import { closeSync, mkdirSync, openSync, readFileSync, readSync, readdirSync, statSync, unlinkSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { threadId } from "node:worker_threads";
import type { Document, Extraction } from "../model.ts";
import { extractorFingerprint } from "../extract/fingerprint.ts";
import { replaceFileSync } from "../replace-file.ts";

type CachedParts = Omit<Extraction, "doc"> & { doc?: Extraction["doc"] };

/** A new build's name in pack files (pass the same to every task of one build). */
export const newCacheRun = (): string => randomBytes(4).toString("hex");

const INDEX = "index";
const INDEX_HEAD = "newsgraph extraction cache 1";
const LOCK = "index.lock";
/** Where an entry is: `PACK:OFFSET:LENGTH` (bytes of its JSON). */
export type CacheLocation = string;
const KEY_SHAPE = /^[\w.-]+$/;

export class ExtractionCache {
  readonly dir: string;
  private readonly used = new Set<string>();
  /** Locations the caller knows (entries its workers made or found in this build). */
  private readonly known = new Map<string, CacheLocation>();
  private readonly shelf: Shelf;

  /** `run`: the build's name (newCacheRun); entries written by this thread for it go into one pack. */
  constructor(storeDir: string, run: string = newCacheRun()) {
    this.dir = join(storeDir, "cache", "extract");
    this.shelf = shelfOf(this.dir, run);
  }

  /**
   * The key covers the file's bytes (doc.sha256), everything ingest made of them (sidecar metadata,
   * sentences: offsets must match the text) and the extractor itself (its sources and lexicons).
   */
  keyOf(doc: Document): string {
    const digest = createHash("sha256").update(JSON.stringify(doc)).digest("hex").slice(0, 24);
    return `x${extractorFingerprint()}-${doc.sha256.slice(0, 16)}-${digest}`;
  }

  /** (`key`: this document's keyOf, when the caller has it already: it hashes the whole document.) */
  async get(doc: Document, key = this.keyOf(doc)): Promise<Extraction | undefined> {
    this.used.add(key);
    const text = this.shelf.text(key);
    if (text === undefined) return undefined;
    try {
      return { ...(JSON.parse(text) as CachedParts), doc };
    } catch {
      return undefined; // a damaged cache entry is just a miss
    }
  }

  /** Where an entry this thread read or wrote for this build is (for the build's other tasks), or undefined. */
  where(key: string): CacheLocation | undefined {
    return this.shelf.where(key);
  }

  /** An extraction by its key (the document included), as a build recorded it; undefined when gone. `at`: where it is, when known. */
  async getByKey(key: string, at?: CacheLocation): Promise<Extraction | undefined> {
    const text = this.shelf.text(key, at);
    if (text === undefined) return undefined;
    try {
      const x = JSON.parse(text) as CachedParts;
      return x.doc ? (x as Extraction) : undefined;
    } catch {
      return undefined;
    }
  }

  /** Stores the extraction with its document (a rebuild writes the graph again without reading the file). */
  async put(x: Extraction, key = this.keyOf(x.doc)): Promise<void> {
    this.used.add(key);
    this.shelf.append(key, JSON.stringify(x));
  }

  /** The stored text of an entry (what a remote store keeps for other machines), or undefined. */
  async textByKey(key: string, at?: CacheLocation): Promise<string | undefined> {
    return this.shelf.text(key, at);
  }

  async hasKey(key: string): Promise<boolean> {
    return this.shelf.text(key) !== undefined;
  }

  /** Stores an entry's text as another machine wrote it (from a remote store); returns where. */
  async putText(key: string, text: string): Promise<CacheLocation> {
    this.used.add(key);
    return this.shelf.append(key, text);
  }

  /** Keeps these entries at the next prune (articles unchanged since an earlier build); `at`: where each is, when known. */
  keep(keys: Iterable<string>, at?: (key: string) => CacheLocation | undefined): void {
    for (const k of keys) {
      this.used.add(k);
      const where = at?.(k);
      if (where) this.known.set(k, where);
    }
  }

  /**
   * Deletes these entries (earlier versions of changed or removed articles); every other entry is
   * kept, those this build made (`keep`, or read and written through this object) indexed.
   */
  async drop(keys: Iterable<string>): Promise<void> {
    const dropped = new Set([...keys].filter((k) => !this.used.has(k)));
    await tidy(this.dir, this.shelf, { drop: dropped, made: this.located() });
  }

  /** Deletes entries this build did not use (removed or changed articles, older extractor); returns how many. */
  async prune(): Promise<number> {
    return (await tidy(this.dir, this.shelf, { keep: this.located() })) ?? 0;
  }

  private located(): Map<string, CacheLocation | undefined> {
    return new Map([...this.used].map((k) => [k, this.known.get(k) ?? this.shelf.where(k)]));
  }

  /** Closes this thread's files of the build (its pack, the packs it read). */
  close(): void {
    this.shelf.close();
    if (shelves.get(this.dir) === this.shelf) shelves.delete(this.dir);
  }
}

// ---------- one thread's view of the cache during one build ----------

const parseAt = (at: CacheLocation): { pack: string; off: number; len: number } | undefined => {
  const [pack, off, len] = at.split(":");
  const o = Number(off);
  const l = Number(len);
  return pack && Number.isInteger(o) && Number.isInteger(l) && o >= 0 && l >= 0 ? { pack, off: o, len: l } : undefined;
};

/** Packs' names: the writer's process, its build, its thread. */
const packOwner = (name: string): { pid: number; run: string } | undefined => {
  const m = /^(\d+)-([0-9a-f]+)-\w+\.pack$/.exec(name);
  return m ? { pid: Number(m[1]), run: m[2] } : undefined;
};

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
};

/** This thread's state for one cache folder and one build: the map of entries (read once), its pack, the packs it has open. */
class Shelf {
  private map: Map<string, CacheLocation> | undefined;
  /** Old one-file-per-entry cache files are in the folder. */
  private legacy = false;
  private pack: { name: string; fd: number; size: number } | undefined;
  private readonly fds = new Map<string, number>();
  /** Entries this thread wrote or found for this build. */
  private readonly mine = new Map<string, CacheLocation>();
  private madeDir = false;
  /** Reused for every read (a fresh buffer per entry cost more than the read). */
  private scratch = Buffer.allocUnsafe(64 * 1024);

  constructor(readonly dir: string, readonly run: string) {}

  where(key: string): CacheLocation | undefined {
    return this.mine.get(key);
  }

  /** This thread's pack for the build, once it wrote one. */
  writing(): string | undefined {
    return this.pack?.name;
  }

  /** The entry's JSON text, or undefined. Synchronous on purpose: the build's workers read and write one article at a time. */
  text(key: string, at?: CacheLocation): string | undefined {
    if (at) {
      const t = this.readAt(at);
      if (t !== undefined) return t;
    }
    for (let attempt = 0; attempt < 2; attempt++) {
      const found = this.mine.get(key) ?? this.entries().get(key);
      if (found) {
        const t = this.readAt(found);
        if (t !== undefined) {
          this.mine.set(key, found);
          return t;
        }
        this.forget(); // another build compacted the pack since: read the index again
        continue;
      }
      if (this.legacy) {
        let t: string | undefined;
        try {
          t = readFileSync(join(this.dir, `${key}.json`), "utf8");
        } catch {
          return undefined;
        }
        // kept in this build's pack from now on (the old files go at the next prune)
        this.append(key, t);
        return t;
      }
      return undefined;
    }
    return undefined;
  }

  /** Appends an entry to this thread's pack for the build; returns where its JSON is. */
  append(key: string, text: string): CacheLocation {
    if (!KEY_SHAPE.test(key)) throw new Error(`not a cache key: ${key}`);
    const len = Buffer.byteLength(text, "utf8");
    const head = `${key} ${len}\n`;
    const pack = this.writer();
    const entry = `${head}${text}\n`;
    const size = head.length + len + 1;
    // (a string written whole in one call; a short write, rare on a local disk, is finished from the bytes)
    const n = writeSync(pack.fd, entry);
    if (n < size) {
      const bytes = Buffer.from(entry, "utf8");
      for (let done = n; done < size; ) done += writeSync(pack.fd, bytes, done, size - done);
    }
    const at = `${pack.name}:${pack.size + head.length}:${len}`;
    pack.size += size;
    this.mine.set(key, at);
    return at;
  }

  private writer() {
    if (this.pack) return this.pack;
    if (!this.madeDir) {
      mkdirSync(this.dir, { recursive: true });
      this.madeDir = true;
    }
    const name = `${process.pid}-${this.run}-${threadId}.pack`;
    let fd: number;
    try {
      fd = openSync(join(this.dir, name), "a");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
      // the folder went away since (a store emptied by hand): make it again
      mkdirSync(this.dir, { recursive: true });
      fd = openSync(join(this.dir, name), "a");
    }
    const size = statSync(join(this.dir, name)).size;
    return (this.pack = { name, fd, size });
  }

  readAt(at: CacheLocation): string | undefined {
    const loc = parseAt(at);
    if (!loc) return undefined;
    try {
      let fd = this.fds.get(loc.pack);
      if (fd === undefined) this.fds.set(loc.pack, (fd = openSync(join(this.dir, loc.pack), "r")));
      if (this.scratch.length < loc.len + 1) this.scratch = Buffer.allocUnsafe(Math.max(loc.len + 1, 2 * this.scratch.length));
      const buf = this.scratch.subarray(0, loc.len + 1);
      let done = 0;
      while (done < buf.length) {
        const n = readSync(fd, buf, done, buf.length - done, loc.off + done);
        if (n === 0) return undefined;
        done += n;
      }
      return buf[loc.len] === 0x0a ? buf.toString("utf8", 0, loc.len) : undefined;
    } catch {
      return undefined;
    }
  }

  /** Every entry the folder holds as this build started: the index's, then those of packs it does not name (not this thread's own). */
  entries(): Map<string, CacheLocation> {
    if (this.map) return this.map;
    let names: string[] = [];
    try {
      names = readdirSync(this.dir);
    } catch {
      // no cache yet
    }
    this.legacy = names.some((n) => n.endsWith(".json"));
    const packs = new Set(names.filter((n) => n.endsWith(".pack")));
    const map = readIndex(this.dir, packs);
    const indexed = new Set([...map.values()].map((at) => at.slice(0, at.indexOf(":"))));
    for (const p of packs) {
      // (this build's own packs hold only articles it extracts once each)
      if (indexed.has(p) || packOwner(p)?.run === this.run) continue;
      for (const [k, at] of scanPack(this.dir, p)) if (!map.has(k)) map.set(k, at);
    }
    return (this.map = map);
  }

  private forget(): void {
    this.map = undefined;
    for (const fd of this.fds.values()) closeSync(fd);
    this.fds.clear();
  }

  close(): void {
    this.forget();
    if (this.pack) closeSync(this.pack.fd);
    this.pack = undefined;
  }
}

const shelves = new Map<string, Shelf>();

/** This thread's shelf for the folder and build (a new build's closes the last one's files). */
function shelfOf(dir: string, run: string): Shelf {
  const s = shelves.get(dir);
  if (s && s.run === run) return s;
  s?.close();
  const fresh = new Shelf(dir, run);
  shelves.set(dir, fresh);
  return fresh;
}

/** The index's entries whose pack is there (none when there is no index or it is not one). */
function readIndex(dir: string, packs: Set<string>): Map<string, CacheLocation> {
  const map = new Map<string, CacheLocation>();
  let text: string;
  try {
    text = readFileSync(join(dir, INDEX), "utf8");
  } catch {
    return map;
  }
  const lines = text.split("\n");
  if (lines[0] !== INDEX_HEAD) return map;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    const tab = line.indexOf("\t");
    if (tab < 1) continue;
    const at = line.slice(tab + 1);
    if (packs.has(at.slice(0, at.indexOf(":")))) map.set(line.slice(0, tab), at);
  }
  return map;
}

/** The whole entries of a pack, in order; a torn or damaged tail ends it. */
export function scanPack(dir: string, name: string): Map<string, CacheLocation> {
  const out = new Map<string, CacheLocation>();
  let buf: Buffer;
  try {
    buf = readFileSync(join(dir, name));
  } catch {
    return out;
  }
  let pos = 0;
  while (pos < buf.length) {
    const nl = buf.indexOf(0x0a, pos);
    if (nl < 0 || nl - pos > 300) break;
    const [key, len, extra] = buf.toString("latin1", pos, nl).split(" ");
    const n = Number(len);
    if (extra !== undefined || !KEY_SHAPE.test(key ?? "") || !/^\d+$/.test(len ?? "")) break;
    const end = nl + 1 + n;
    if (end >= buf.length || buf[end] !== 0x0a) break;
    out.set(key, `${name}:${nl + 1}:${n}`);
    pos = end + 1;
  }
  return out;
}

// ---------- tidying: the index replaced, dead packs removed ----------

/** A pack written by a build still running elsewhere (not indexed yet): left alone. */
const busy = (name: string, run: string): boolean => {
  const o = packOwner(name);
  return o !== undefined && o.run !== run && alive(o.pid);
};

/** Packs holding less than this share of live bytes are rewritten; past MAX_PACKS packs, the smallest are merged until half as many are left. */
const LIVE_SHARE = 0.5;
const MAX_PACKS = 16;

/** Test hook: throws after this step of a tidy (a build killed there). */
export const tidyHooks: { failAfter?: "pack" | "index" } = {};

async function tidy(
  dir: string,
  shelf: Shelf,
  plan: { keep: Map<string, CacheLocation | undefined> } | { drop: Set<string>; made: Map<string, CacheLocation | undefined> },
): Promise<number | undefined> {
  return withLock(dir, () => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return 0;
    }
    const packs = new Set(names.filter((n) => n.endsWith(".pack")));
    const indexed = readIndex(dir, packs);
    const indexedPacks = new Set([...indexed.values()].map(packOf));
    // packs nobody indexed: this build's, those of builds that died before tidying, those of builds running now
    const usable = (p: string) => packs.has(p) && (indexedPacks.has(p) || !busy(p, shelf.run));
    let unindexed: Map<string, CacheLocation> | undefined;
    const unindexedEntries = () => {
      if (!unindexed) {
        unindexed = new Map();
        for (const p of packs) if (!indexedPacks.has(p) && !busy(p, shelf.run)) for (const [k, at] of scanPack(dir, p)) if (!unindexed.has(k)) unindexed.set(k, at);
      }
      return unindexed;
    };
    const next = new Map<string, CacheLocation>();
    const legacyFiles = names.filter((n) => n.endsWith(".json"));
    const legacy = new Set(legacyFiles.map((n) => n.slice(0, -5)));
    const resolve = (key: string, at: CacheLocation | undefined): CacheLocation | undefined => {
      if (at && usable(packOf(at))) return at;
      const found = indexed.get(key) ?? unindexedEntries().get(key);
      if (found) return found;
      if (legacy.has(key)) {
        // an entry of the old cache still needed: into this build's pack, so its file can go
        if (shelf.text(key) !== undefined) return shelf.where(key);
      }
      return undefined;
    };
    let removed = 0;
    if ("keep" in plan) {
      for (const [key, at] of plan.keep) {
        const where = resolve(key, at);
        if (where) next.set(key, where);
      }
      for (const k of new Set([...indexed.keys(), ...legacy])) if (!next.has(k)) removed++;
    } else {
      for (const [key, at] of indexed) if (!plan.drop.has(key)) next.set(key, at);
      // entries of builds that died after their commit, before tidying: the store's records may name them
      for (const [key, at] of unindexedEntries()) if (!plan.drop.has(key) && !next.has(key)) next.set(key, at);
      for (const [key, at] of plan.made) {
        if (plan.drop.has(key)) continue;
        const where = resolve(key, at);
        if (where) next.set(key, where);
      }
      // old cache files still needed: moved into this build's pack
      for (const key of legacy) {
        if (plan.drop.has(key) || next.has(key)) continue;
        const where = resolve(key, undefined);
        if (where) next.set(key, where);
      }
      removed = [...plan.drop].filter((k) => indexed.has(k) || legacy.has(k)).length;
    }
    compact(dir, shelf, next, packs);
    if (tidyHooks.failAfter === "pack") throw new Error("test: killed after the pack");
    writeIndex(dir, next);
    if (tidyHooks.failAfter === "index") throw new Error("test: killed after the index");
    const live = new Set([...next.values()].map(packOf));
    for (const p of packs) if (!live.has(p) && (indexedPacks.has(p) || !busy(p, shelf.run)) && p !== shelf.writing()) unlinkQuietly(join(dir, p));
    for (const f of legacyFiles) unlinkQuietly(join(dir, f));
    // temporary files of writers that died before renaming them in (replace-file.ts names them FILE.PID.N.tmp)
    for (const f of names) {
      const pid = /\.(\d+)\.[0-9a-z]+\.tmp$/.exec(f)?.[1];
      if (pid && !alive(Number(pid))) unlinkQuietly(join(dir, f));
    }
    return removed;
  });
}

const packOf = (at: CacheLocation): string => at.slice(0, at.indexOf(":"));

/** Rewrites the live entries of mostly dead packs (and of the smallest, past MAX_PACKS packs) into this build's pack. */
function compact(dir: string, shelf: Shelf, next: Map<string, CacheLocation>, packs: Set<string>): void {
  const live = new Map<string, number>();
  for (const at of next.values()) {
    const p = packOf(at);
    live.set(p, (live.get(p) ?? 0) + Number(at.slice(at.lastIndexOf(":") + 1)) + 80);
  }
  const sizes = new Map<string, number>();
  for (const p of live.keys()) {
    try {
      sizes.set(p, statSync(join(dir, p)).size);
    } catch {
      sizes.set(p, 0);
    }
  }
  const own = shelf.writing();
  const redo = new Set<string>();
  for (const [p, bytes] of live) if (p !== own && packs.has(p) && bytes < LIVE_SHARE * sizes.get(p)!) redo.add(p);
  const bySize = [...live.keys()].filter((p) => p !== own).sort((a, b) => sizes.get(a)! - sizes.get(b)!);
  if (live.size > MAX_PACKS) for (let i = 0; live.size - redo.size > MAX_PACKS / 2 && i < bySize.length; i++) redo.add(bySize[i]);
  if (!redo.size) return;
  for (const [key, at] of [...next]) {
    if (!redo.has(packOf(at))) continue;
    const text = shelf.readAt(at);
    if (text === undefined) next.delete(key);
    else next.set(key, shelf.append(key, text));
  }
}

function writeIndex(dir: string, next: Map<string, CacheLocation>): void {
  // by pack, then offset (each entry's pack and offset taken apart once, not at every comparison)
  const lines = [...next].map(([key, at]) => {
    const colon = at.indexOf(":");
    return { key, at, pack: at.slice(0, colon), off: Number(at.slice(colon + 1, at.indexOf(":", colon + 1))) };
  });
  lines.sort((a, b) => (a.pack < b.pack ? -1 : a.pack > b.pack ? 1 : a.off - b.off));
  replaceFileSync(join(dir, INDEX), `${INDEX_HEAD}\n${lines.map(({ key, at }) => `${key}\t${at}\n`).join("")}`);
}

const unlinkQuietly = (path: string): void => {
  try {
    unlinkSync(path);
  } catch {
    // gone already
  }
};

/** Runs `work` holding the cache's lock (a file made exclusively; taken over when its process died); undefined when it cannot be had in a minute. */
async function withLock<T>(dir: string, work: () => T): Promise<T | undefined> {
  const file = join(dir, LOCK);
  const token = `${process.pid} ${randomBytes(6).toString("hex")}`;
  let emptySince = 0;
  for (let tries = 0; ; tries++) {
    try {
      writeFileSync(file, token, { flag: "wx" });
      break;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "ENOENT") return undefined; // no cache folder: nothing to tidy
      if (code !== "EEXIST" || tries > 2400) return undefined;
    }
    let holder = "";
    try {
      holder = readFileSync(file, "utf8");
    } catch {
      continue; // released meanwhile
    }
    const pid = Number(holder.split(" ")[0]);
    const now = Date.now();
    if (!holder) emptySince ||= now;
    if ((holder && !(pid > 0 && alive(pid))) || (!holder && now - emptySince > 2000)) {
      unlinkQuietly(file); // its holder died
      continue;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  try {
    return work();
  } finally {
    try {
      if (readFileSync(file, "utf8") === token) unlinkSync(file);
    } catch {
      // gone
    }
  }
}

/** Closes this thread's files of a build's cache (its pack, the packs it read): at the build's end. */
export function closeExtractionCache(storeDir: string, run: string): void {
  const dir = join(storeDir, "cache", "extract");
  const s = shelves.get(dir);
  if (s && s.run === run) {
    s.close();
    shelves.delete(dir);
  }
}
