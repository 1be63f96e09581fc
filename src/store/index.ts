// The embedded store: an Oxigraph in-memory store persisted as one N-Quads file.
// (First version: the store owner may refine the internals; keep the signatures.)
//
// Layout: DIR/store.nq. Its first line is a comment carrying the manifest as JSON
// (`# newsgraph-store {...}`), so graph and manifest are replaced together by one atomic rename.
import { mkdir, open, readFile, rename } from "node:fs/promises";
import { join } from "node:path";
import oxigraph from "oxigraph";

export const STORE_FORMAT_VERSION = 1;

export interface StoreManifest {
  format: "newsgraph-store";
  version: number;
  /** Changes whenever the stored graph changes (used for ETags). */
  revision: string;
  /** docId → what was built from it. */
  articles: Record<string, { fileName: string; path: string; sha256: string }>;
  extractorVersion: number;
}

export interface LoadedStore {
  store: oxigraph.Store;
  manifest: StoreManifest;
}

export const storeFile = (dir: string): string => join(dir, "store.nq");

/** Loads the store in DIR; an empty store when DIR holds none yet. */
export async function loadStore(dir: string): Promise<LoadedStore> {
  const text = await readFile(storeFile(dir), "utf8").catch((e: NodeJS.ErrnoException) => {
    if (e.code === "ENOENT") return null;
    throw e;
  });
  const store = new oxigraph.Store();
  if (text === null) {
    return { store, manifest: { format: "newsgraph-store", version: STORE_FORMAT_VERSION, revision: "empty", articles: {}, extractorVersion: 0 } };
  }
  const firstLine = text.slice(0, text.indexOf("\n"));
  const m = /^# newsgraph-store (\{.*\})$/.exec(firstLine);
  if (!m) throw new Error(`${storeFile(dir)}: not a newsgraph store (no manifest line)`);
  const manifest = JSON.parse(m[1]) as StoreManifest;
  if (manifest.version > STORE_FORMAT_VERSION) {
    throw new Error(`${storeFile(dir)}: written by a newer newsgraph (store format ${manifest.version}, this one reads ${STORE_FORMAT_VERSION})`);
  }
  store.load(text, { format: "application/n-quads" });
  return { store, manifest };
}

/** Saves atomically: writes a temporary file, flushes it, then renames it over the old one. */
export async function saveStore(dir: string, store: oxigraph.Store, manifest: StoreManifest): Promise<void> {
  await mkdir(dir, { recursive: true });
  const tmp = `${storeFile(dir)}.${process.pid}.tmp`;
  const fh = await open(tmp, "w");
  try {
    await fh.writeFile(`# newsgraph-store ${JSON.stringify(manifest)}\n`);
    await fh.writeFile(store.dump({ format: "application/n-quads" }));
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, storeFile(dir));
}
