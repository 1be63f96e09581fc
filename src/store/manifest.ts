// The store's manifest: the one small file whose atomic replacement commits a change.
//
// It names every piece of the stored graph (one per article graph, one per bucket of the entities
// graph, one per other graph) by where it lies in the append-only segment files and by the hash of
// its bytes. A reader takes the manifest first and reads only what it names, so it sees one
// committed state whole, never a mix.
import { createHash } from "node:crypto";

/** Bump when the layout changes incompatibly. 1: one store.nq file; 2: manifest.json + segments. */
export const STORE_FORMAT_VERSION = 2;
/** Oldest store format this version still reads (1 is read, and replaced by the next build). */
export const OLDEST_READABLE_VERSION = 1;

/** Where a piece lies: segment file name, byte offset, byte length, and a hash of its bytes. */
export interface PieceRef {
  seg: string;
  off: number;
  len: number;
  hash: string;
}

/** What was built from one article file, and where its graph and its build state are stored. */
export interface ArticleEntry {
  fileName: string;
  /** Absolute path of the article file. */
  path: string;
  /** sha256 of the file's bytes. */
  sha256: string;
  /** Size and modification time of the file (and of its sidecar) when it was read: an unchanged file is not read again. */
  stamp?: string;
  /** The article's named graph (canonical N-Quads); absent when the graph is empty. */
  graph?: PieceRef;
  /** The builder's own record of the article (JSON; see src/pipeline/build.ts). */
  state?: PieceRef;
  /** Quads in its graph. */
  quads?: number;
  /** The shard of the corpus it was built in (`newsgraph build --shard NAME`); absent for a whole-corpus build. */
  shard?: string;
}

/** One bucket of the entities graph: its quads and the builder's record of its entities. */
export interface EntitiesBucket {
  graph?: PieceRef;
  state?: PieceRef;
  quads?: number;
}

export interface StoreManifest {
  format: "newsgraph-store";
  version: number;
  /** Changes whenever the stored graph changes (used for ETags): a hash of the pieces' hashes. */
  revision: string;
  /** docId → what was built from it. */
  articles: Record<string, ArticleEntry>;
  extractorVersion: number;
  /** Digest of the code and data the build's state depends on; another one means "rebuild it all". */
  fingerprint?: string;
  /** Bucket name → bucket of the entities graph. */
  entities?: Record<string, EntitiesBucket>;
  /** Graphs outside articles and entities (the ontology, anything written over the endpoint); "" is the default graph. */
  graphs?: Record<string, PieceRef>;
}

export const emptyManifest = (): StoreManifest => ({
  format: "newsgraph-store",
  version: STORE_FORMAT_VERSION,
  revision: "empty",
  articles: {},
  extractorVersion: 0,
});

/** A store that cannot be read or written; the message says which file and why. */
export class StoreError extends Error {}

/** Every graph piece the manifest names, with the graph it holds ("" = default graph, null = a bucket of the entities graph). */
export function graphPieces(m: StoreManifest): PieceRef[] {
  const out: PieceRef[] = [];
  for (const a of Object.values(m.articles)) if (a.graph) out.push(a.graph);
  for (const b of Object.values(m.entities ?? {})) if (b.graph) out.push(b.graph);
  for (const p of Object.values(m.graphs ?? {})) out.push(p);
  return out;
}

/** Every piece (graphs and build state) the manifest names. */
export function allPieces(m: StoreManifest): PieceRef[] {
  const out = graphPieces(m);
  for (const a of Object.values(m.articles)) if (a.state) out.push(a.state);
  for (const b of Object.values(m.entities ?? {})) if (b.state) out.push(b.state);
  return out;
}

/** The revision of a manifest's graph: equal graph pieces give equal revisions. */
export function revisionOf(m: StoreManifest): string {
  const parts: string[] = [];
  for (const [id, a] of Object.entries(m.articles)) if (a.graph) parts.push(`a ${id} ${a.graph.hash}`);
  for (const [id, b] of Object.entries(m.entities ?? {})) if (b.graph) parts.push(`e ${id} ${b.graph.hash}`);
  for (const [iri, p] of Object.entries(m.graphs ?? {})) parts.push(`g ${iri} ${p.hash}`);
  if (!parts.length) return "empty";
  parts.sort();
  return createHash("sha256").update(parts.join("\n")).digest("hex").slice(0, 16);
}

/** Checks a parsed manifest's format and version; `file` names it in the messages. */
export function checkManifest(file: string, value: unknown): StoreManifest {
  const manifest = value as StoreManifest;
  if (!manifest || typeof manifest !== "object" || manifest.format !== "newsgraph-store" || typeof manifest.version !== "number") {
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
