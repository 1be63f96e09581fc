// Extraction cache under the store directory: one JSON file per article version, so a rebuild
// only re-extracts articles whose text, metadata or extractor changed.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import { mkdir, readFile, readdir, stat, unlink } from "node:fs/promises";
import { join } from "node:path";
import type { Document, Extraction } from "../model.ts";
import { extractorFingerprint } from "../extract/fingerprint.ts";
import { replaceFile, replaceFileSync } from "../replace-file.ts";

/** Cache folders made by this thread (mkdir once, not per entry). */
const madeDirs = new Set<string>();

type CachedParts = Omit<Extraction, "doc"> & { doc?: Extraction["doc"] };

export class ExtractionCache {
  readonly dir: string;
  private readonly used = new Set<string>();

  constructor(storeDir: string) {
    this.dir = join(storeDir, "cache", "extract");
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
    const text = this.read(key);
    if (text === undefined) return undefined;
    try {
      return { ...(JSON.parse(text) as CachedParts), doc };
    } catch {
      return undefined; // a damaged cache entry is just a miss
    }
  }

  /** An extraction by its key (the document included), as a build recorded it; undefined when gone. */
  async getByKey(key: string): Promise<Extraction | undefined> {
    const text = this.read(key);
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
    if (!madeDirs.has(this.dir)) {
      mkdirSync(this.dir, { recursive: true });
      madeDirs.add(this.dir);
    }
    const file = join(this.dir, `${key}.json`);
    const text = JSON.stringify(x);
    try {
      replaceFileSync(file, text);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
      // the folder went away since (a store emptied by hand): make it again
      mkdirSync(this.dir, { recursive: true });
      replaceFileSync(file, text);
    }
  }

  /**
   * An entry's text, or undefined. Synchronous on purpose: the build reads and writes entries in
   * its worker threads, one article at a time, and Node's promise-based file calls cost several
   * times the CPU of the synchronous ones on files this small (BENCHMARKS.md).
   */
  private read(key: string): string | undefined {
    try {
      return readFileSync(join(this.dir, `${key}.json`), "utf8");
    } catch {
      return undefined;
    }
  }

  /** The stored text of an entry (what a remote store keeps for other machines), or undefined. */
  textByKey(key: string): Promise<string | undefined> {
    return readFile(join(this.dir, `${key}.json`), "utf8").catch(() => undefined);
  }

  hasKey(key: string): Promise<boolean> {
    return stat(join(this.dir, `${key}.json`)).then(() => true, () => false);
  }

  /** Stores an entry's text as another machine wrote it (from a remote store). */
  async putText(key: string, text: string): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const file = join(this.dir, `${key}.json`);
    await replaceFile(file, text);
  }

  /** Keeps these entries at the next prune (articles unchanged since an earlier build). */
  keep(keys: Iterable<string>): void {
    for (const k of keys) this.used.add(k);
  }

  /** Deletes these entries (earlier versions of changed or removed articles). */
  async drop(keys: Iterable<string>): Promise<void> {
    for (const k of keys) if (!this.used.has(k)) await unlink(join(this.dir, `${k}.json`)).catch(() => undefined);
  }

  /** Deletes entries this build did not use (removed or changed articles, older extractor). */
  async prune(): Promise<number> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    let removed = 0;
    for (const name of names) {
      if (this.used.has(name.replace(/\.json$/, ""))) continue;
      await unlink(join(this.dir, name)).catch(() => undefined);
      removed++;
    }
    return removed;
  }
}
