// A remote SPARQL 1.1 store (Virtuoso, Fuseki, GraphDB, Neptune, Oxigraph server, ...) behind the
// same GraphStore / StoreChange interface as the embedded store:
//
//   article graph   → Graph Store Protocol PUT of ngr:graph/article/ID (DELETE drops it);
//                     without a GSP endpoint, DROP + INSERT DATA in one update
//   entities bucket → one SPARQL 1.1 Update: delete the bucket's subjects, insert its quads
//   other graphs    → PUT / DELETE as articles
//   builder records, extractions, the manifest → the bookkeeping graph (remote-layout.ts)
//
// A change holds the store's write lease (remote-lease.ts) from begin() to commit()/abort().
// Before writing a graph it records the graph's name in the bookkeeping graph; the commit
// replaces the manifest and clears those names in one update. A writer that dies leaves the
// names behind: the next one treats those graphs as unknown and writes them again (or drops
// them). Readers of a remote store see each graph replaced in turn while a build writes
// (SPARQL 1.1 has no multi-request transactions); the manifest changes last.
import { gunzipSync, gzipSync } from "node:zlib";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { loadOxigraph } from "./oxigraph.ts";
import { ENTITIES_GRAPH, articleGraphIri } from "../graph/vocab.ts";
import { entityBucket, type LoadedStore } from "./local.ts";
import { type ArticleEntry, type PieceRef, type StoreManifest, emptyManifest, revisionOf, STORE_FORMAT_VERSION, StoreError } from "./manifest.ts";
import { pieceHash } from "./segments.ts";
import { RemoteEndpoint, RemoteStoreError, insertTriples, type RemoteConfig } from "./remote-endpoint.ts";
import { Lease, type LeaseOptions } from "./remote-lease.ts";
import { FOREIGN, MANIFEST, META_GRAPH, STATE, TARGET, TEXT, WRITING, extractionIri, pieceIri } from "./remote-layout.ts";
import { sparqlString } from "./select.ts";
import type { GraphStore, StoreChange } from "./index.ts";

/** What the bookkeeping graph's manifest literal holds. */
interface RemoteManifest {
  manifest: StoreManifest;
  /** docId → key of its extraction kept in the store. */
  extractions: Record<string, string>;
  /** Set by the commit, read back to check that this writer's commit is the one that took. */
  commitId?: string;
}

export interface RemoteStoreOptions extends RemoteConfig {
  /** Local folder for the builder's caches (extractions, Wikidata answers). */
  cacheDir?: string;
  lease?: LeaseOptions;
  env?: NodeJS.ProcessEnv;
}

/** The local cache folder of a remote store unless told: data/cache/HOST-PORT-HASH. */
export function defaultCacheDir(queryUrl: string): string {
  const url = new URL(queryUrl);
  const hash = createHash("sha256").update(url.href).digest("hex").slice(0, 8);
  return join("data", "cache", `${url.hostname}-${url.port || (url.protocol === "https:" ? 443 : 80)}-${hash}`);
}

const REMOTE_SEG = "remote";
const refOf = (text: string): PieceRef => ({ seg: REMOTE_SEG, off: 0, len: Buffer.byteLength(text), hash: pieceHash(text) });
const UNKNOWN = "unknown";

/** Canonical N-Quads of one graph → N-Triples (the graph term dropped). */
function toNTriples(nquads: string): string {
  let out = "";
  for (const line of nquads.split("\n")) {
    if (!line) continue;
    const end = line.lastIndexOf(" <", line.length - 3);
    out += line.slice(0, end) + " .\n";
  }
  return out;
}

/** The subject IRI of each N-Quads line. */
const subjectsOf = (nquads: string): string[] =>
  nquads
    .split("\n")
    .filter((l) => l.startsWith("<"))
    .map((l) => l.slice(1, l.indexOf(">")));

export class RemoteStore implements GraphStore {
  readonly endpoint: RemoteEndpoint;
  readonly cacheDir: string;

  constructor(readonly options: RemoteStoreOptions) {
    this.endpoint = new RemoteEndpoint(options, options.env);
    this.cacheDir = options.cacheDir ?? defaultCacheDir(options.queryUrl);
  }

  get location(): string {
    return this.endpoint.location;
  }

  /** The committed manifest, or undefined when the store holds none (nothing built into it yet). */
  async readManifest(): Promise<StoreManifest | undefined> {
    return (await this.readRemoteManifest())?.manifest;
  }

  async readRemoteManifest(): Promise<RemoteManifest | undefined> {
    const rows = await this.endpoint.select(`SELECT ?m WHERE { GRAPH <${META_GRAPH}> { <${STATE}> <${MANIFEST}> ?m } }`);
    if (!rows.length) return undefined;
    if (rows.length > 1) throw new StoreError(`${this.location}: the store holds ${rows.length} newsgraph manifests (written by another tool?); rebuild it`);
    let value: RemoteManifest;
    try {
      value = JSON.parse(rows[0].m!.value) as RemoteManifest;
    } catch {
      throw new StoreError(`${this.location}: the newsgraph manifest in <${META_GRAPH}> is not valid JSON; rebuild the store`);
    }
    const m = value.manifest;
    if (!m || m.format !== "newsgraph-store" || typeof m.version !== "number") throw new StoreError(`${this.location}: the manifest in <${META_GRAPH}> is not a newsgraph store's`);
    if (m.version > STORE_FORMAT_VERSION) throw new StoreError(`${this.location}: written by a newer newsgraph (store format ${m.version}); upgrade newsgraph`);
    m.articles ??= {};
    value.extractions ??= {};
    // Written over the endpoint since: the builder's records no longer describe the graph.
    if (await this.endpoint.ask(`ASK { GRAPH <${META_GRAPH}> { <${STATE}> <${FOREIGN}> ?t } }`)) m.fingerprint = "";
    return value;
  }

  /** Texts of pieces (builder records) the manifest names, in order. */
  async readRecords(refs: PieceRef[]): Promise<string[]> {
    const texts = await this.readTexts(refs.map((r) => pieceIri(r.hash)));
    return refs.map((r) => {
      const text = texts.get(pieceIri(r.hash));
      if (text === undefined) throw new StoreError(`${this.location}: a builder record the manifest names (${r.hash}) is missing from <${META_GRAPH}>; rebuild the store`);
      return text;
    });
  }

  /** An article's extraction (JSON text) kept in the store, or undefined. */
  async readExtraction(key: string): Promise<string | undefined> {
    const text = (await this.readTexts([extractionIri(key)])).get(extractionIri(key));
    return text === undefined ? undefined : gunzipSync(Buffer.from(text, "base64")).toString("utf8");
  }

  private async readTexts(subjects: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const unique = [...new Set(subjects)];
    for (let i = 0; i < unique.length; i += 200) {
      const batch = unique.slice(i, i + 200);
      const rows = await this.endpoint.select(`SELECT ?s ?t WHERE { GRAPH <${META_GRAPH}> { ?s <${TEXT}> ?t } VALUES ?s { ${batch.map((s) => `<${s}>`).join(" ")} } }`);
      for (const r of rows) out.set(r.s!.value, r.t!.value);
    }
    return out;
  }

  /** Notes that the graph was written over the endpoint (not by a build): the next build checks every article. */
  async markWrittenFromOutside(): Promise<void> {
    await this.endpoint.update(`INSERT DATA { GRAPH <${META_GRAPH}> { <${STATE}> <${FOREIGN}> ${sparqlString(new Date().toISOString())} } }`);
  }

  begin(): Promise<RemoteTransaction> {
    return RemoteTransaction.begin(this);
  }

  /** The names of the graphs the manifest says the store holds (article graphs, entities, others). */
  graphNames(manifest: StoreManifest): string[] {
    const names = Object.entries(manifest.articles)
      .filter(([, a]) => a.graph)
      .map(([id]) => articleGraphIri(id));
    if (Object.values(manifest.entities ?? {}).some((b) => b.graph)) names.push(ENTITIES_GRAPH);
    for (const iri of Object.keys(manifest.graphs ?? {})) if (iri) names.push(iri);
    return names.sort();
  }

  /** The whole graph in memory (for exports, validation, link review): every graph the manifest names, fetched one by one. */
  async load(): Promise<LoadedStore> {
    const manifest = (await this.readManifest()) ?? emptyManifest();
    const oxigraph = await loadOxigraph();
    const store = new oxigraph.Store();
    const names = this.graphNames(manifest);
    let next = 0;
    const worker = async () => {
      while (next < names.length) {
        const iri = names[next++];
        const text = await this.endpoint.getGraph(iri);
        try {
          store.load(text, { format: "application/n-triples", to_graph_name: oxigraph.namedNode(iri) });
        } catch (e) {
          throw new StoreError(`${this.location}: graph <${iri}> came back unreadable (${(e as Error).message})`);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(8, names.length) }, worker));
    return { store, manifest };
  }
}

/** A change to a remote store: holds the write lease until commit() or abort(). */
export class RemoteTransaction implements StoreChange {
  readonly base: StoreManifest;
  private readonly next: StoreManifest;
  private readonly extractions: Record<string, string>;
  private readonly endpoint: RemoteEndpoint;
  /** Graphs a dead writer was changing: "a ID", "e BUCKET", "g IRI". */
  private readonly dirty: Set<string>;
  /** Targets whose names are in the bookkeeping graph already. */
  private readonly announced: Set<string>;
  /** Targets this change wrote. */
  private readonly written = new Set<string>();
  /** Hashes of pieces known to be in the store. */
  private readonly knownPieces = new Set<string>();
  private pendingPieces = new Map<string, string>();
  private readonly writes: Promise<void>[] = [];
  private failure: unknown;
  private entitySubjects: Promise<Map<string, string[]>> | undefined;
  private done = false;
  private limiter = new Limiter(4);

  private constructor(private readonly store: RemoteStore, private readonly lease: Lease, remote: RemoteManifest | undefined, intents: string[]) {
    this.endpoint = store.endpoint;
    const committed = remote?.manifest ?? emptyManifest();
    this.dirty = new Set(intents);
    this.announced = new Set(intents);
    const base = structuredClone(committed);
    // Graphs a dead writer may have changed: their stored content is unknown, so the builder writes them again.
    for (const target of this.dirty) {
      const [kind, name] = [target[0], target.slice(2)];
      if (kind === "a" && base.articles[name]?.graph) base.articles[name].graph = { ...base.articles[name].graph!, hash: UNKNOWN };
      if (kind === "e" && base.entities?.[name]?.graph) base.entities[name].graph = { ...base.entities[name].graph!, hash: UNKNOWN };
      if (kind === "g" && base.graphs?.[name]) base.graphs[name] = { ...base.graphs[name], hash: UNKNOWN };
    }
    this.base = base;
    this.next = structuredClone(base);
    this.next.version = STORE_FORMAT_VERSION;
    this.next.entities ??= {};
    this.next.graphs ??= {};
    this.extractions = { ...(remote?.extractions ?? {}) };
    for (const r of allRefs(committed)) this.knownPieces.add(r.hash);
  }

  static async begin(store: RemoteStore): Promise<RemoteTransaction> {
    const lease = await Lease.acquire(store.endpoint, { onWait: (m) => console.error(`newsgraph: ${m}`), ...store.options.lease });
    try {
      const remote = await store.readRemoteManifest();
      const rows = await store.endpoint.select(`SELECT ?t WHERE { GRAPH <${META_GRAPH}> { <${WRITING}> <${TARGET}> ?t } }`);
      return new RemoteTransaction(store, lease, remote, rows.map((r) => r.t!.value));
    } catch (e) {
      await lease.release();
      throw e;
    }
  }

  get manifest(): StoreManifest {
    return this.next;
  }

  async putArticle(docId: string, entry: Omit<ArticleEntry, "graph" | "state">, graph?: string | null, state?: string): Promise<void> {
    this.check();
    const old = this.next.articles[docId];
    const next: ArticleEntry = { ...entry };
    if (graph === undefined) {
      if (old?.graph) next.graph = old.graph;
    } else if (graph) {
      next.graph = refOf(graph);
      if (old?.graph?.hash !== next.graph.hash || this.dirty.has(`a ${docId}`)) {
        const iri = articleGraphIri(docId);
        await this.write(`a ${docId}`, () => this.endpoint.putGraph(iri, toNTriples(graph)));
      }
    } else if (old?.graph || this.dirty.has(`a ${docId}`)) {
      await this.write(`a ${docId}`, () => this.endpoint.deleteGraph(articleGraphIri(docId)));
    }
    if (state === undefined) {
      if (old?.state) next.state = old.state;
    } else next.state = this.piece(state);
    this.next.articles[docId] = next;
  }

  dropArticle(docId: string): void {
    this.check();
    const old = this.next.articles[docId];
    delete this.next.articles[docId];
    delete this.extractions[docId];
    if (old?.graph || this.dirty.has(`a ${docId}`)) {
      this.track(this.write(`a ${docId}`, () => this.endpoint.deleteGraph(articleGraphIri(docId))));
    }
  }

  async putEntitiesBucket(bucket: string, graph: string, state: string, quads?: number): Promise<void> {
    this.check();
    const old = this.next.entities![bucket];
    if (!graph && !state) delete this.next.entities![bucket];
    else {
      this.next.entities![bucket] = {
        ...(graph ? { graph: refOf(graph) } : {}),
        ...(state ? { state: this.piece(state) } : {}),
        ...(quads !== undefined ? { quads } : {}),
      };
    }
    if ((old?.graph?.hash ?? "") !== (graph ? pieceHash(graph) : "") || this.dirty.has(`e ${bucket}`)) await this.replaceBucket(bucket, graph);
  }

  /** One update: the bucket's current subjects (as the store holds them) out, its new quads in. */
  private async replaceBucket(bucket: string, graph: string): Promise<void> {
    const subjectsByBucket = await (this.entitySubjects ??= this.readEntitySubjects());
    const oldSubjects = subjectsByBucket.get(bucket) ?? [];
    const newSubjects = [...new Set(subjectsOf(graph))];
    const ops: string[] = [];
    if (oldSubjects.length) {
      ops.push(`DELETE { GRAPH <${ENTITIES_GRAPH}> { ?s ?p ?o } } WHERE { GRAPH <${ENTITIES_GRAPH}> { ?s ?p ?o } VALUES ?s { ${oldSubjects.map((s) => `<${s}>`).join(" ")} } }`);
    }
    if (graph) ops.push(insertTriples(ENTITIES_GRAPH, toNTriples(graph)));
    subjectsByBucket.set(bucket, newSubjects);
    if (!ops.length) return;
    await this.write(`e ${bucket}`, () => this.endpoint.update(ops.join(" ;\n")));
  }

  /** Every subject of the entities graph, by bucket (once per change). */
  private async readEntitySubjects(): Promise<Map<string, string[]>> {
    const rows = await this.endpoint.select(`SELECT DISTINCT ?s WHERE { GRAPH <${ENTITIES_GRAPH}> { ?s ?p ?o } FILTER(isIRI(?s)) }`);
    const out = new Map<string, string[]>();
    for (const r of rows) {
      const s = r.s!.value;
      const b = entityBucket(s);
      const list = out.get(b);
      if (list) list.push(s);
      else out.set(b, [s]);
    }
    return out;
  }

  async putGraph(iri: string, text: string): Promise<void> {
    this.check();
    if (iri === "") {
      if (text) throw new StoreError(`${this.store.location}: newsgraph does not write the default graph of a remote store (its default graph is the union of the named graphs)`);
      delete this.next.graphs![iri];
      return;
    }
    const old = this.next.graphs![iri];
    if (!text) {
      delete this.next.graphs![iri];
      if (old || this.dirty.has(`g ${iri}`)) await this.write(`g ${iri}`, () => this.endpoint.deleteGraph(iri));
      return;
    }
    const ref = refOf(text);
    this.next.graphs![iri] = ref;
    if (old?.hash !== ref.hash || this.dirty.has(`g ${iri}`)) await this.write(`g ${iri}`, () => this.endpoint.putGraph(iri, toNTriples(text)));
  }

  setMeta(meta: { extractorVersion?: number; fingerprint?: string }): void {
    if (meta.extractorVersion !== undefined) this.next.extractorVersion = meta.extractorVersion;
    if (meta.fingerprint !== undefined) this.next.fingerprint = meta.fingerprint;
  }

  /** Keeps an article's extraction in the store (so another machine can map its graph again); skipped when the store has this one. */
  async putExtraction(docId: string, key: string, text: () => Promise<string | undefined>): Promise<void> {
    this.check();
    if (this.extractions[docId] === key) return;
    const json = await text();
    if (json === undefined) return;
    const blob = gzipSync(json).toString("base64");
    this.pendingPieces.set(extractionIri(key), blob);
    this.extractions[docId] = key;
    await this.flushPiecesIfLarge();
  }

  /** A builder record as a content-addressed piece (written before the commit). */
  private piece(text: string): PieceRef {
    const ref = refOf(text);
    if (!this.knownPieces.has(ref.hash)) {
      this.knownPieces.add(ref.hash);
      this.pendingPieces.set(pieceIri(ref.hash), text);
      this.track(this.flushPiecesIfLarge());
    }
    return ref;
  }

  private pendingBytes = () => [...this.pendingPieces.values()].reduce((n, t) => n + t.length, 0);

  private async flushPiecesIfLarge(): Promise<void> {
    if (this.pendingPieces.size >= 200 || this.pendingBytes() >= 2 << 20) await this.flushPieces();
  }

  private async flushPieces(): Promise<void> {
    if (!this.pendingPieces.size) return;
    const batch = this.pendingPieces;
    this.pendingPieces = new Map();
    const triples = [...batch].map(([s, t]) => `<${s}> <${TEXT}> ${sparqlString(t)} .`).join("\n");
    await this.limiter.run(() => {
      this.check();
      return this.endpoint.update(`INSERT DATA { GRAPH <${META_GRAPH}> {\n${triples}\n} }`);
    });
  }

  /** Writes one graph: its name goes into the bookkeeping graph first (so a writer that dies here is repaired). */
  private write(target: string, run: () => Promise<void>): Promise<void> {
    this.written.add(target);
    const task = this.limiter.run(async () => {
      this.check();
      if (!this.announced.has(target)) {
        this.announced.add(target);
        await this.endpoint.update(`INSERT DATA { GRAPH <${META_GRAPH}> { <${WRITING}> <${TARGET}> ${sparqlString(target)} } }`);
      }
      this.check();
      await run();
    });
    return task.catch((e) => {
      this.failure ??= e;
      throw e;
    });
  }

  private track(p: Promise<void>): void {
    this.writes.push(p.catch((e) => void (this.failure ??= e)));
  }

  private check(): void {
    if (this.done) throw new Error("transaction already finished");
    this.lease.check();
  }

  async commit(): Promise<StoreManifest> {
    this.check();
    try {
      await Promise.all(this.writes);
      if (this.failure) throw this.failure;
      await this.repairLeftovers();
      await this.flushPieces();
      await Promise.all(this.writes);
      if (this.failure) throw this.failure;
      this.next.format = "newsgraph-store";
      this.next.articles = Object.fromEntries(Object.entries(this.next.articles).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      this.next.revision = revisionOf(this.next);
      const commitId = this.lease.token;
      const remote: RemoteManifest = { manifest: this.next, extractions: this.extractions, commitId };
      this.lease.check();
      // The commit: the manifest replaced and the names of graphs being written cleared, in one
      // update that applies only while this writer's lease is in the store.
      // One DELETE per statement kind: a template triple with an unbound variable (nothing being
      // written, say) makes Virtuoso 7 skip the whole template for that solution.
      const held = this.lease.heldPattern;
      const drop = (s: string, p: string, v: string) => `DELETE { GRAPH <${META_GRAPH}> { <${s}> <${p}> ${v} } } WHERE { ${held} GRAPH <${META_GRAPH}> { <${s}> <${p}> ${v} } }`;
      await this.endpoint.update(
        [drop(STATE, MANIFEST, "?old"), drop(WRITING, TARGET, "?t"), drop(STATE, FOREIGN, "?f"), `INSERT { GRAPH <${META_GRAPH}> { <${STATE}> <${MANIFEST}> ${sparqlString(JSON.stringify(remote))} } } WHERE { ${held} }`].join(" ;\n"),
      );
      const saved = await this.store.readRemoteManifest();
      if (saved?.commitId !== commitId) throw new RemoteStoreError(`${this.store.location}: the commit did not take (the write lease passed to another writer); build again`);
    } catch (e) {
      await this.abort();
      throw e;
    }
    this.done = true;
    await this.collectGarbage().catch(() => undefined); // what is left is collected by the next commit
    await this.lease.release();
    return this.next;
  }

  /** Graphs a dead writer was changing that this change did not write: drop what no longer belongs, and empty buckets. */
  private async repairLeftovers(): Promise<void> {
    for (const target of this.dirty) {
      if (this.written.has(target)) continue;
      const [kind, name] = [target[0], target.slice(2)];
      if (kind === "a" && !this.next.articles[name]?.graph) await this.write(target, () => this.endpoint.deleteGraph(articleGraphIri(name)));
      if (kind === "g" && !this.next.graphs![name]) await this.write(target, () => this.endpoint.deleteGraph(name));
      if (kind === "e" && !this.next.entities![name]?.graph) await this.replaceBucket(name, "");
    }
  }

  /** Pieces and extractions the new manifest does not name. */
  private async collectGarbage(): Promise<void> {
    const live = new Set(allRefs(this.next).map((r) => pieceIri(r.hash)));
    for (const key of Object.values(this.extractions)) live.add(extractionIri(key));
    const rows = await this.endpoint.select(`SELECT ?s WHERE { GRAPH <${META_GRAPH}> { ?s <${TEXT}> ?t } }`);
    const dead = rows.map((r) => r.s!.value).filter((s) => !live.has(s));
    for (let i = 0; i < dead.length; i += 200) {
      const batch = dead.slice(i, i + 200).map((s) => `<${s}>`).join(" ");
      await this.endpoint.update(`DELETE { GRAPH <${META_GRAPH}> { ?s <${TEXT}> ?t } } WHERE { GRAPH <${META_GRAPH}> { ?s <${TEXT}> ?t } VALUES ?s { ${batch} } }`);
    }
  }

  async abort(): Promise<void> {
    if (this.done) return;
    this.done = true;
    await Promise.allSettled(this.writes);
    await this.limiter.idle();
    await this.lease.release();
  }
}

function allRefs(m: StoreManifest): PieceRef[] {
  const out: PieceRef[] = [];
  for (const a of Object.values(m.articles)) if (a.state) out.push(a.state);
  for (const b of Object.values(m.entities ?? {})) if (b.state) out.push(b.state);
  return out;
}

/** Runs at most `size` tasks at once. */
class Limiter {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly settled = new Set<Promise<unknown>>();

  constructor(private readonly size: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.size) await new Promise<void>((r) => this.waiting.push(r));
    this.running++;
    const p = task();
    this.settled.add(p);
    try {
      return await p;
    } finally {
      this.settled.delete(p);
      this.running--;
      this.waiting.shift()?.();
    }
  }

  async idle(): Promise<void> {
    while (this.settled.size) await Promise.allSettled([...this.settled]);
  }
}

