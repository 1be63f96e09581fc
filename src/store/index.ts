// The store: where the built graph lives, and the small interface the builder writes it through.
//
// The embedded store is a folder: manifest.json (the commit point) and append-only segment files
// holding one piece per article graph, per bucket of the entities graph and per other graph (see
// local.ts, segments.ts, manifest.ts). A build writes only the pieces that changed.
//
// The interface (GraphStore / StoreChange) is what a remote SPARQL 1.1 store implements next:
//   putArticle(docId, record, graph)  → Graph Store Protocol PUT of the article's named graph
//   dropArticle(docId)                → Graph Store Protocol DELETE of it
//   putEntitiesBucket(bucket, graph)  → SPARQL 1.1 Update: replace that bucket's entity descriptions
//   putGraph(iri, text)               → PUT of any other graph (the ontology)
//   commit()                          → the manifest (articles, revision), written last
//   readManifest(), readRecords(refs) → what the last commit recorded (the builder's per-article state)
//   load() / query / export           → read the graph (a remote store: SPARQL queries, CONSTRUCT per graph)
// `state` strings are the builder's own JSON records (src/pipeline/state.ts): a remote store keeps
// them wherever it keeps its manifest.
import { statSync } from "node:fs";
import type oxigraph from "oxigraph";
import { canonicalizeNQuads } from "../graph/nquads.ts";
import { LocalTransaction, type ManifestRead, loadStore, manifestFile, readManifestOnce, readPieceTexts, type LoadedStore } from "./local.ts";
import { RemoteStore } from "./remote.ts";
import { isRemoteLocation } from "./remote-endpoint.ts";
import { StoreError, type ArticleEntry, type PieceRef, type StoreManifest } from "./manifest.ts";

export { STORE_FORMAT_VERSION, StoreError, emptyManifest, type ArticleEntry, type EntitiesBucket, type PieceRef, type StoreManifest } from "./manifest.ts";
export { pieceHash } from "./segments.ts";
export { ENTITY_BUCKETS, entityBucket, legacyFile, loadStore, readManifest, saveStore, type LoadedStore } from "./local.ts";

/** The file whose replacement commits a change (watch it to see new builds). */
export const storeFile = (dir: string): string => manifestFile(dir);

/** Where commands keep the store unless told otherwise (--store). */
export const DEFAULT_STORE_DIR = "data/store";

/** Canonical N-Quads of everything in an in-memory store (sorted, so equal graphs give equal text). */
export const dumpCanonical = (store: oxigraph.Store): string => canonicalizeNQuads(store.dump({ format: "application/n-quads" }));

/** A change to a store: nothing is visible to readers until commit(); abort() leaves the store as it was. */
export interface StoreChange {
  /** The committed manifest the change starts from. */
  readonly base: StoreManifest;
  /** Sets an article's record and replaces its named graph (canonical N-Quads; "" or null: none; undefined: keep) and its builder state. */
  putArticle(docId: string, record: Omit<ArticleEntry, "graph" | "state">, graph?: string | null, state?: string): Promise<void>;
  dropArticle(docId: string): void;
  /** Replaces one bucket of the entities graph (see entityBucket) and the builder's record of it. */
  putEntitiesBucket(bucket: string, graph: string, state: string, quads?: number): Promise<void>;
  /** Replaces any other graph ("" = the default graph); "" as text drops it. */
  putGraph(iri: string, text: string): Promise<void>;
  setMeta(meta: { extractorVersion?: number; fingerprint?: string }): void;
  /** A remote store keeps each article's extraction, so a build on another machine can map the article again. */
  putExtraction?(docId: string, key: string, text: () => Promise<string | undefined>): Promise<void>;
  commit(): Promise<StoreManifest>;
  abort(): Promise<void>;
}

/** A store the builder writes and the commands read. */
export interface GraphStore {
  /** Where it is (a folder, or an endpoint URL), for messages. */
  readonly location: string;
  /** A local folder for the builder's caches (the store's own folder for the embedded store). */
  readonly cacheDir: string;
  readManifest(): Promise<StoreManifest | undefined>;
  /** Texts of pieces the manifest names (the builder's records), in order. */
  readRecords(refs: PieceRef[]): Promise<string[]>;
  /** Texts of graph pieces the manifest names, in order (the embedded store: a build then changes a bucket of the entities graph line by line). */
  readGraphPieces?(refs: PieceRef[]): Promise<string[]>;
  /** Starts a change; one at a time per store. */
  begin(): Promise<StoreChange>;
  /** The whole graph in memory, for queries and exports. */
  load(): Promise<LoadedStore>;
  /** An article's extraction kept in the store (remote stores), by its cache key. */
  readExtraction?(key: string): Promise<string | undefined>;
  /**
   * When the committed manifest was last replaced (ms since the epoch; 0 when there is none): a
   * cheap local look, which lets a build guess early that files changed since (build.ts prestart).
   */
  committedAt?(): number;
}

/** The embedded store in a folder. */
export class LocalStore implements GraphStore {
  constructor(readonly location: string) {}
  get cacheDir(): string {
    return this.location;
  }
  /** The manifest last read, kept for begin(): the lock's holder reads it again only when another commit replaced it. */
  private lastRead: ManifestRead | undefined;
  async readManifest() {
    this.lastRead = await readManifestOnce(this.location);
    return this.lastRead.manifest;
  }
  readRecords(refs: PieceRef[]) {
    return readPieceTexts(this.location, refs);
  }
  readGraphPieces(refs: PieceRef[]) {
    return readPieceTexts(this.location, refs);
  }
  begin(): Promise<StoreChange> {
    const known = this.lastRead;
    this.lastRead = undefined;
    return LocalTransaction.begin(this.location, known);
  }
  load() {
    return loadStore(this.location);
  }
  committedAt(): number {
    return statSync(manifestFile(this.location), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  }
}

/** How to reach a remote store besides its query URL (the --update-url, --graph-store-url and --cache options). */
export interface StoreOptions {
  updateUrl?: string;
  graphStoreUrl?: string;
  /** Local folder for a remote store's caches. */
  cacheDir?: string;
}

/** The store named by --store: a folder, or the query endpoint (http:// or https://) of a remote SPARQL 1.1 store. */
export function openStore(location: string, options: StoreOptions = {}): GraphStore {
  if (isRemoteLocation(location)) return new RemoteStore({ queryUrl: location, ...options });
  if (options.updateUrl || options.graphStoreUrl) {
    throw new StoreError(`--store ${location}: --update-url and --graph-store-url are for a remote store; give its SPARQL endpoint URL as --store`);
  }
  return new LocalStore(location);
}
