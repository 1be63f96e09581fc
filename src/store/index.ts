// The embedded store: an Oxigraph in-memory store persisted as one N-Quads file.
//
// Layout: DIR/store.nq. Its first line is a comment carrying the manifest as JSON
// (`# newsgraph-store {...}`), so graph and manifest are replaced together by one atomic rename.
// The quads follow in canonical (sorted) order, so the same graph always gives the same file.
import { createHash } from "node:crypto";
import { mkdir, open, readFile, readdir, rename, unlink } from "node:fs/promises";
import { join } from "node:path";
import oxigraph from "oxigraph";
import { canonicalizeNQuads } from "../graph/nquads.ts";

/** Bump when the store file's layout or the graph's shape changes incompatibly. */
export const STORE_FORMAT_VERSION = 1;
/** Oldest store format this version still reads. */
const OLDEST_READABLE_VERSION = 1;

export interface StoreManifest {
  format: "newsgraph-store";
  version: number;
  /** Changes whenever the stored graph changes (used for ETags): a hash of the stored quads. */
  revision: string;
  /** docId → what was built from it. */
  articles: Record<string, { fileName: string; path: string; sha256: string }>;
  extractorVersion: number;
}

export interface LoadedStore {
  store: oxigraph.Store;
  manifest: StoreManifest;
}

/** A store file that cannot be read; the message says which file and why. */
export class StoreError extends Error {}

export const storeFile = (dir: string): string => join(dir, "store.nq");

/** Where commands keep the store unless told otherwise (--store). */
export const DEFAULT_STORE_DIR = "data/store";

export const emptyManifest = (): StoreManifest => ({
  format: "newsgraph-store",
  version: STORE_FORMAT_VERSION,
  revision: "empty",
  articles: {},
  extractorVersion: 0,
});

/** Loads the store in DIR; an empty store when DIR holds none yet. Throws StoreError. */
export async function loadStore(dir: string): Promise<LoadedStore> {
  const file = storeFile(dir);
  const text = await readFile(file, "utf8").catch((e: NodeJS.ErrnoException) => {
    if (e.code === "ENOENT") return null;
    throw new StoreError(`${file}: cannot read the store (${e.code ?? e.message})`);
  });
  const store = new oxigraph.Store();
  if (text === null) return { store, manifest: emptyManifest() };
  const manifest = parseManifest(file, text.slice(0, Math.max(0, text.indexOf("\n"))));
  try {
    store.load(text, { format: "application/n-quads" });
  } catch (e) {
    throw new StoreError(`${file}: the store file is damaged (${e instanceof Error ? e.message : e}); rebuild it with 'newsgraph build'`);
  }
  return { store, manifest };
}

/** Reads only the manifest (cheap: the first line), or undefined when DIR holds no store. */
export async function readManifest(dir: string): Promise<StoreManifest | undefined> {
  const file = storeFile(dir);
  const fh = await open(file, "r").catch((e: NodeJS.ErrnoException) => {
    if (e.code === "ENOENT") return undefined;
    throw new StoreError(`${file}: cannot read the store (${e.code ?? e.message})`);
  });
  if (!fh) return undefined;
  try {
    let head = "";
    for (let pos = 0; !head.includes("\n"); ) {
      const { bytesRead, buffer } = await fh.read(Buffer.alloc(65536), 0, 65536, pos);
      if (bytesRead === 0) break;
      head += buffer.subarray(0, bytesRead).toString("utf8");
      pos += bytesRead;
    }
    return parseManifest(file, head.split("\n")[0]);
  } finally {
    await fh.close();
  }
}

function parseManifest(file: string, firstLine: string): StoreManifest {
  const m = /^# newsgraph-store (\{.*\})$/.exec(firstLine);
  if (!m) throw new StoreError(`${file}: not a newsgraph store (its first line is not the '# newsgraph-store {...}' manifest)`);
  let manifest: StoreManifest;
  try {
    manifest = JSON.parse(m[1]) as StoreManifest;
  } catch {
    throw new StoreError(`${file}: the store's manifest line is not valid JSON`);
  }
  if (manifest.format !== "newsgraph-store" || typeof manifest.version !== "number") {
    throw new StoreError(`${file}: not a newsgraph store (manifest without format/version)`);
  }
  if (manifest.version > STORE_FORMAT_VERSION) {
    throw new StoreError(`${file}: written by a newer newsgraph (store format ${manifest.version}, this one reads ${OLDEST_READABLE_VERSION} to ${STORE_FORMAT_VERSION}); upgrade newsgraph or rebuild the store`);
  }
  if (manifest.version < OLDEST_READABLE_VERSION) {
    throw new StoreError(`${file}: written by an older newsgraph (store format ${manifest.version}, this one reads ${OLDEST_READABLE_VERSION} to ${STORE_FORMAT_VERSION}); rebuild it with 'newsgraph build'`);
  }
  manifest.articles ??= {};
  return manifest;
}

/** Canonical N-Quads of everything in the store (sorted, so equal graphs give equal text). */
export const dumpCanonical = (store: oxigraph.Store): string => canonicalizeNQuads(store.dump({ format: "application/n-quads" }));

/** The revision a graph's canonical N-Quads text gets. */
export const revisionOf = (canonicalNQuads: string): string => createHash("sha256").update(canonicalNQuads).digest("hex").slice(0, 16);

/**
 * Saves atomically: writes a temporary file, flushes it, then renames it over the old one, so a
 * crash at any moment leaves either the old store or the new one. Sets manifest.revision from the
 * content and returns the manifest as saved.
 */
export async function saveStore(dir: string, store: oxigraph.Store, manifest: StoreManifest): Promise<StoreManifest> {
  return saveCanonical(dir, dumpCanonical(store), manifest);
}

/** saveStore for a caller that already holds the canonical N-Quads text of the graph. */
export async function saveCanonical(dir: string, canonicalNQuads: string, manifest: StoreManifest): Promise<StoreManifest> {
  await mkdir(dir, { recursive: true });
  await removeOrphanedTemporaryFiles(dir);
  const saved: StoreManifest = { ...manifest, format: "newsgraph-store", version: STORE_FORMAT_VERSION, revision: revisionOf(canonicalNQuads) };
  const file = storeFile(dir);
  const tmp = `${file}.${process.pid}.tmp`;
  const fh = await open(tmp, "w");
  try {
    await fh.writeFile(`# newsgraph-store ${JSON.stringify(saved)}\n`);
    await fh.writeFile(canonicalNQuads);
    await fh.sync();
  } finally {
    await fh.close();
  }
  // Test hook: die the hardest way just before the rename, to prove the old store survives.
  if (process.env.NEWSGRAPH_TEST_KILL_BEFORE_RENAME === "1") process.kill(process.pid, "SIGKILL");
  await rename(tmp, file);
  return saved;
}

/** Temporary files of saves whose process died (SIGKILL, power loss) are garbage. */
async function removeOrphanedTemporaryFiles(dir: string): Promise<void> {
  for (const name of await readdir(dir)) {
    const m = /^store\.nq\.(\d+)\.tmp$/.exec(name);
    if (!m || Number(m[1]) === process.pid || isAlive(Number(m[1]))) continue;
    await unlink(join(dir, name)).catch(() => undefined);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
