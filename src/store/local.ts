// The embedded store on disk: STORE/manifest.json + STORE/segments/*.seg (see segments.ts).
//
// A change (a build, or a write over the endpoint) is a transaction: it takes the store's lock,
// appends the pieces that changed to one new segment, fsyncs it, then writes the new manifest to a
// temporary file, fsyncs it and renames it over manifest.json (the commit), and fsyncs the folder.
// Killed at any moment before the rename, the old manifest still names only old, untouched
// pieces: the old state. After it: the new state. Segments no manifest names any more are deleted
// after the commit; when the live pieces fill less than half of the segments, they are copied
// into the new segment (compaction), so the store does not grow without end.
import type { BigIntStats } from "node:fs";
import { mkdir, open, readFile, readdir, rename, stat, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type oxigraph from "oxigraph";
import { loadOxigraph } from "./oxigraph.ts";
import { pruneSnapshots } from "./engine-snapshot.ts";
import { sortNQuadLines } from "../graph/nquads.ts";
import { ENTITIES_GRAPH, RESOURCE } from "../graph/vocab.ts";
import {
  type ArticleEntry, type PieceRef, type StoreManifest, StoreError,
  allPieces, checkManifest, emptyManifest, graphPieces, revisionOf, STORE_FORMAT_VERSION,
} from "./manifest.ts";
import { SEGMENTS_DIR, SegmentWriter, pieceHash, readPieces } from "./segments.ts";
import { createHash, randomBytes } from "node:crypto";

export const manifestFile = (dir: string): string => join(dir, "manifest.json");
/** The single-file store of format 1 (read, and replaced by the next write). */
export const legacyFile = (dir: string): string => join(dir, "store.nq");
const lockFile = (dir: string): string => join(dir, "lock");

const ARTICLE_GRAPH_PREFIX = `${RESOURCE}graph/article/`;
/** The entities graph is kept in this many pieces, so a change rewrites only the buckets it touches. */
export const ENTITY_BUCKETS = 64;

/** The bucket of an entities-graph subject (a candidate node goes with its entity). */
export function entityBucket(subjectIri: string): string {
  const entity = subjectIri.replace(/\/candidate\/[^/]*$/, "");
  return (createHash("sha256").update(entity).digest()[0] % ENTITY_BUCKETS).toString(16).padStart(2, "0");
}

// ---------- reading ----------

/** The committed manifest, or undefined when DIR holds no store. Throws StoreError. */
export async function readManifest(dir: string): Promise<StoreManifest | undefined> {
  return (await readManifestOnce(dir)).manifest;
}

/**
 * A manifest as read, and which file it was read from (device, inode, size, times: a commit
 * renames a new file over manifest.json, so another commit gives another identity); the identity
 * is "" for a store of format 1 or none.
 */
export interface ManifestRead {
  manifest: StoreManifest | undefined;
  identity: string;
}

const identityOf = (s: BigIntStats): string => `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;

/** The committed manifest and the identity of its file (read from one open file: the two agree). Throws StoreError. */
export async function readManifestOnce(dir: string): Promise<ManifestRead> {
  const file = manifestFile(dir);
  const cannot = (e: NodeJS.ErrnoException) => new StoreError(`${file}: cannot read the store (${e.code ?? e.message})`);
  const fh = await open(file, "r").catch((e: NodeJS.ErrnoException) => {
    if (e.code === "ENOENT") return undefined;
    throw cannot(e);
  });
  if (!fh) return { manifest: await readLegacyManifest(dir), identity: "" };
  let text: string;
  let identity: string;
  try {
    identity = identityOf(await fh.stat({ bigint: true }));
    text = await fh.readFile("utf8");
  } catch (e) {
    throw cannot(e as NodeJS.ErrnoException);
  } finally {
    await fh.close();
  }
  return { manifest: parseManifest(file, text), identity };
}

function parseManifest(file: string, text: string): StoreManifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new StoreError(`${file}: the store's manifest is not valid JSON; rebuild the store with 'newsgraph build'`);
  }
  return checkManifest(file, value);
}

async function readLegacyManifest(dir: string): Promise<StoreManifest | undefined> {
  const file = legacyFile(dir);
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
    return parseLegacyHeader(file, head.split("\n")[0]);
  } finally {
    await fh.close();
  }
}

function parseLegacyHeader(file: string, firstLine: string): StoreManifest {
  const m = /^# newsgraph-store (\{.*\})$/.exec(firstLine);
  if (!m) throw new StoreError(`${file}: not a newsgraph store (its first line is not the '# newsgraph-store {...}' manifest)`);
  let value: unknown;
  try {
    value = JSON.parse(m[1]);
  } catch {
    throw new StoreError(`${file}: the store's manifest line is not valid JSON`);
  }
  return checkManifest(file, value);
}

export interface LoadedStore {
  store: oxigraph.Store;
  manifest: StoreManifest;
}

/**
 * Loads the whole store into memory (Oxigraph); an empty store when DIR holds none. Throws StoreError.
 * `restore`, called with the manifest before the engine is used, may give the store instead (serve's
 * engine snapshot).
 */
export async function loadStore(dir: string, options: { restore?: (manifest: StoreManifest) => oxigraph.Store | undefined } = {}): Promise<LoadedStore> {
  // A commit may delete the segments of the manifest just read: read again (a newer manifest).
  for (let attempt = 0; ; attempt++) {
    const manifest = await readManifest(dir);
    const restored = manifest && manifest.version !== 1 ? options.restore?.(manifest) : undefined;
    if (restored) return { store: restored, manifest: manifest! };
    const store = new (await loadOxigraph()).Store();
    if (!manifest) return { store, manifest: emptyManifest() };
    if (manifest.version === 1) return loadLegacy(dir, manifest);
    try {
      await loadPieces(store, dir, graphPieces(manifest));
      return { store, manifest };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT" || attempt >= 5) throw e;
    }
  }
}

/** Oxigraph loads a few megabytes per call faster, and into less memory, than many small pieces or one huge text. */
const LOAD_BATCH_BYTES = 2 << 20;
/** Stores of at least this much text take the bulk path. */
const BULK_LOAD_BYTES = 32 << 20;
/** Segments are read this much at a time, in file order. */
const READ_WINDOW_BYTES = 16 << 20;

/**
 * Streams the pieces into the store in file order, a batch of about 2 MB per load call, through
 * two reused buffers: the whole store text is never held at once. Every piece is checked against
 * its hash, which is why the parser may skip its own validation (`lenient`): the pieces are the
 * canonical N-Quads the builder wrote and checked. A large store takes the bulk path
 * (`no_transaction`): about 60% of the CPU time of transactional loads (a syntax error could leave
 * one half-done, but a failed load throws the whole store away anyway); it grows the engine's
 * memory by ~160 MB at once, though, which never shrinks, so a small store loads the ordinary way.
 * (Measured at 1.04 M quads: 6.8 s CPU and 500 MB of engine memory; transactional 11.8 s and
 * 280 MB; before, one 16 MB text per call, checked: 13.1 s and 550 MB, plus the store's whole text
 * held while loading.)
 */
async function loadPieces(store: oxigraph.Store, dir: string, refs: PieceRef[]): Promise<void> {
  const sorted = [...refs].sort((a, b) => (a.seg < b.seg ? -1 : a.seg > b.seg ? 1 : a.off - b.off));
  const bulk = refs.reduce((n, r) => n + r.len, 0) >= BULK_LOAD_BYTES;
  let batch = Buffer.allocUnsafe(LOAD_BATCH_BYTES + (1 << 20));
  let fill = 0;
  const flush = () => {
    if (!fill) return;
    try {
      store.load(batch.subarray(0, fill), { format: "application/n-quads", lenient: true, no_transaction: bulk });
    } catch (e) {
      throw new StoreError(`${dir}: the store is damaged (${e instanceof Error ? e.message : e}); rebuild it with 'newsgraph build'`);
    }
    fill = 0;
  };
  let window = Buffer.allocUnsafe(READ_WINDOW_BYTES);
  let i = 0;
  while (i < sorted.length) {
    const seg = sorted[i].seg;
    const path = join(dir, SEGMENTS_DIR, seg);
    const fh = await open(path, "r").catch((e: NodeJS.ErrnoException) => {
      throw Object.assign(new StoreError(`${path}: a segment the manifest names cannot be read (${e.code ?? e.message})`), { code: e.code });
    });
    try {
      const size = (await fh.stat()).size;
      let from = 0;
      let to = 0; // the window holds the segment's bytes [from, to)
      for (; i < sorted.length && sorted[i].seg === seg; i++) {
        const r = sorted[i];
        if (r.off + r.len > size) throw new StoreError(`${path}: the segment is shorter than the manifest says; the store is damaged, rebuild it with 'newsgraph build'`);
        if (r.off < from || r.off + r.len > to) {
          if (r.len > window.length) window = Buffer.allocUnsafe(r.len);
          from = r.off;
          to = Math.min(size, from + window.length);
          for (let done = 0; done < to - from; ) done += (await fh.read(window, done, to - from - done, from + done)).bytesRead;
        }
        const piece = window.subarray(r.off - from, r.off - from + r.len);
        if (pieceHash(piece) !== r.hash) throw new StoreError(`${path}: a piece at offset ${r.off} does not match its hash; the store is damaged, rebuild it with 'newsgraph build'`);
        const newline = piece.length > 0 && piece[piece.length - 1] !== 0x0a ? 1 : 0;
        if (fill + piece.length + newline > batch.length) {
          flush();
          if (piece.length + 1 > batch.length) batch = Buffer.allocUnsafe(piece.length + 1);
        }
        fill += piece.copy(batch, fill);
        if (newline) batch[fill++] = 0x0a;
        if (fill >= LOAD_BATCH_BYTES) flush();
      }
    } finally {
      await fh.close();
    }
  }
  flush();
}

async function loadLegacy(dir: string, manifest: StoreManifest): Promise<LoadedStore> {
  const file = legacyFile(dir);
  const text = await readFile(file, "utf8").catch((e: NodeJS.ErrnoException) => {
    throw new StoreError(`${file}: cannot read the store (${e.code ?? e.message})`);
  });
  const store = new (await loadOxigraph()).Store();
  try {
    store.load(text, { format: "application/n-quads" });
  } catch (e) {
    throw new StoreError(`${file}: the store file is damaged (${e instanceof Error ? e.message : e}); rebuild it with 'newsgraph build'`);
  }
  return { store, manifest };
}

/** Reads pieces of the committed store (graphs as N-Quads text, build records as JSON text). */
export async function readPieceTexts(dir: string, refs: PieceRef[]): Promise<string[]> {
  return (await readPieces(dir, refs)).map((b) => b.toString("utf8"));
}

// ---------- writing ----------

/** Test hook: die the hardest way just before the commit's rename, to prove the old store survives. */
const killBeforeRename = () => process.env.NEWSGRAPH_TEST_KILL_BEFORE_RENAME === "1";

/** A change being written: invisible to readers until commit(). One at a time per store (a lock file). */
export class LocalTransaction {
  /** The committed manifest the change starts from (empty when there was none, or one of format 1). */
  readonly base: StoreManifest;
  private readonly next: StoreManifest;
  private readonly writer: SegmentWriter;
  private done = false;

  private constructor(readonly dir: string, base: StoreManifest, private readonly lockToken: string) {
    this.base = base;
    // Copy on write: the maps are copied, their entries are shared with `base` and only ever
    // replaced, never changed in place (a deep copy of a 10,000-article manifest cost ~0.1 s).
    this.next = { ...base, version: STORE_FORMAT_VERSION, articles: { ...base.articles }, entities: { ...base.entities }, graphs: { ...base.graphs } };
    this.writer = new SegmentWriter(dir);
  }

  /**
   * Takes the lock and reads the committed manifest (`known`, read before, when its file is still
   * the committed one: parsing a 10,000-article manifest twice cost ~0.1 s). Throws StoreError when
   * DIR cannot be written or another process writes it.
   */
  static async begin(dir: string, known?: ManifestRead): Promise<LocalTransaction> {
    await mkdir(join(dir, SEGMENTS_DIR), { recursive: true }).catch((e: NodeJS.ErrnoException) => {
      throw new StoreError(writeProblem(dir, e));
    });
    const token = await takeLock(dir);
    try {
      const current = known?.identity ? await stat(manifestFile(dir), { bigint: true }).then(identityOf, () => "") : "";
      const committed = current && current === known!.identity ? known!.manifest : await readManifest(dir).catch((e: unknown) => {
        // A store of another format is replaced by this one; a damaged one too.
        if (e instanceof StoreError) return undefined;
        throw e;
      });
      const base = committed && committed.version === STORE_FORMAT_VERSION ? committed : { ...emptyManifest(), revision: committed?.revision ?? "empty" };
      return new LocalTransaction(dir, base, token);
    } catch (e) {
      await releaseLock(dir, token);
      throw e;
    }
  }

  get manifest(): StoreManifest {
    return this.next;
  }

  /** Sets an article's record; `graph` replaces its graph ("" or null: none; undefined: keep), `state` its build record. */
  async putArticle(docId: string, entry: Omit<ArticleEntry, "graph" | "state">, graph?: string | null, state?: string): Promise<void> {
    const old = this.next.articles[docId];
    const next: ArticleEntry = { ...entry };
    if (graph === undefined) {
      if (old?.graph) next.graph = old.graph;
    } else if (graph) next.graph = await this.piece(graph, old?.graph);
    if (state === undefined) {
      if (old?.state) next.state = old.state;
    } else next.state = await this.piece(state, old?.state);
    this.next.articles[docId] = next;
  }

  dropArticle(docId: string): void {
    delete this.next.articles[docId];
  }

  /** Replaces one bucket of the entities graph (its N-Quads and the builder's JSON record of it); "" and "" drop it. */
  async putEntitiesBucket(bucket: string, graph: string, state: string, quads?: number): Promise<void> {
    const old = this.next.entities![bucket];
    if (!graph && !state) {
      delete this.next.entities![bucket];
      return;
    }
    this.next.entities![bucket] = {
      ...(graph ? { graph: await this.piece(graph, old?.graph) } : {}),
      ...(state ? { state: await this.piece(state, old?.state) } : {}),
      ...(quads !== undefined ? { quads } : {}),
    };
  }

  /** Replaces another graph ("" is the default graph); empty text drops it. */
  async putGraph(iri: string, text: string): Promise<void> {
    if (!text) delete this.next.graphs![iri];
    else this.next.graphs![iri] = await this.piece(text, this.next.graphs![iri]);
  }

  setMeta(meta: { extractorVersion?: number; fingerprint?: string }): void {
    if (meta.extractorVersion !== undefined) this.next.extractorVersion = meta.extractorVersion;
    if (meta.fingerprint !== undefined) this.next.fingerprint = meta.fingerprint;
  }

  /** A piece with the same bytes as the old one keeps the old one (nothing written). */
  private async piece(text: string, old?: PieceRef): Promise<PieceRef> {
    const bytes = Buffer.from(text, "utf8");
    if (old && old.len === bytes.length && old.hash === pieceHash(bytes)) return old;
    try {
      return await this.writer.append(bytes);
    } catch (e) {
      throw new StoreError(writeProblem(this.dir, e as NodeJS.ErrnoException));
    }
  }

  /** Makes the change durable and visible; returns the committed manifest. */
  async commit(): Promise<StoreManifest> {
    if (this.done) throw new Error("transaction already finished");
    try {
      await this.compactIfSparse();
      await this.writer.finish();
      this.next.format = "newsgraph-store";
      this.next.articles = Object.fromEntries(Object.entries(this.next.articles).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      this.next.revision = revisionOf(this.next);
      const file = manifestFile(this.dir);
      const tmp = `${file}.${process.pid}.tmp`;
      const fh = await open(tmp, "w");
      try {
        await fh.writeFile(JSON.stringify(this.next));
        await fh.sync();
      } finally {
        await fh.close();
      }
      if (killBeforeRename()) process.kill(process.pid, "SIGKILL");
      await rename(tmp, file);
      await syncDir(this.dir);
    } catch (e) {
      await this.abort();
      if (e instanceof StoreError) throw e;
      throw new StoreError(writeProblem(this.dir, e as NodeJS.ErrnoException));
    }
    this.done = true;
    await this.collectGarbage().catch(() => undefined); // garbage left now is collected by the next commit
    await releaseLock(this.dir, this.lockToken);
    return this.next;
  }

  /** Drops the change: the committed store stays as it was. */
  async abort(): Promise<void> {
    if (this.done) return;
    this.done = true;
    await this.writer.abandon();
    await unlink(this.writer.path).catch(() => undefined);
    await unlink(`${manifestFile(this.dir)}.${process.pid}.tmp`).catch(() => undefined);
    await releaseLock(this.dir, this.lockToken);
  }

  /** When live pieces fill under half of the older segments, copies them into this one. */
  private async compactIfSparse(): Promise<void> {
    const refs = allPieces(this.next).filter((r) => r.seg !== this.writer.name);
    const segs = new Set(refs.map((r) => r.seg));
    if (!segs.size) return;
    const live = refs.reduce((n, r) => n + r.len, 0);
    let total = 0;
    for (const seg of segs) total += (await open(join(this.dir, SEGMENTS_DIR, seg), "r").then(async (fh) => ((await fh.stat()).size + (await fh.close(), 0))).catch(() => 0));
    if (total < 8 << 20 || total <= 2 * live) return;
    const moved = new Map<string, PieceRef>();
    const texts = await readPieces(this.dir, refs);
    for (const [i, r] of refs.entries()) moved.set(`${r.seg}:${r.off}`, await this.writer.append(texts[i]));
    const map = (r: PieceRef | undefined) => (r ? moved.get(`${r.seg}:${r.off}`) ?? r : r);
    // New entries: the old ones are shared with the base manifest.
    for (const [id, a] of Object.entries(this.next.articles)) {
      if (a.graph || a.state) this.next.articles[id] = { ...a, ...(a.graph ? { graph: map(a.graph) } : {}), ...(a.state ? { state: map(a.state) } : {}) };
    }
    for (const [name, b] of Object.entries(this.next.entities ?? {})) {
      if (b.graph || b.state) this.next.entities![name] = { ...b, ...(b.graph ? { graph: map(b.graph) } : {}), ...(b.state ? { state: map(b.state) } : {}) };
    }
    for (const [iri, p] of Object.entries(this.next.graphs ?? {})) this.next.graphs![iri] = map(p)!;
  }

  /** Deletes segments the committed manifest does not name, the store file of format 1, dead temporary files. */
  private async collectGarbage(): Promise<void> {
    const live = new Set(allPieces(this.next).map((r) => r.seg));
    for (const name of await readdir(join(this.dir, SEGMENTS_DIR))) {
      if (!live.has(name)) await unlink(join(this.dir, SEGMENTS_DIR, name)).catch(() => undefined);
    }
    await unlink(legacyFile(this.dir)).catch(() => undefined);
    pruneSnapshots(this.dir, this.next.revision);
    for (const name of await readdir(this.dir)) {
      if (/\.tmp$/.test(name)) await unlink(join(this.dir, name)).catch(() => undefined);
    }
  }
}

/** A clear message for a failed write: a full disk, a read-only folder, or what the system said. */
function writeProblem(dir: string, e: NodeJS.ErrnoException): string {
  const code = e.code ?? "";
  if (code === "ENOSPC" || code === "EDQUOT") return `${dir}: the disk is full; nothing was changed in the store (free some space and build again)`;
  if (code === "EROFS" || code === "EACCES" || code === "EPERM") return `${dir}: the store folder cannot be written (${code}); nothing was changed in the store`;
  return `${dir}: cannot write the store (${code || e.message}); nothing was changed in the store`;
}

async function syncDir(dir: string): Promise<void> {
  const fh = await open(dir, "r");
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

// ---------- the lock: one writer at a time ----------

async function takeLock(dir: string): Promise<string> {
  const token = `${process.pid} ${randomBytes(6).toString("hex")}`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await writeFile(lockFile(dir), token, { flag: "wx" });
      return token;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== "EEXIST") throw new StoreError(writeProblem(dir, e as NodeJS.ErrnoException));
    }
    const holder = await readFile(lockFile(dir), "utf8").catch(() => "");
    const pid = Number(holder.split(" ")[0]);
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new StoreError(`${dir}: another newsgraph process (pid ${pid}) is writing this store; wait for it to finish`);
    }
    if (pid === process.pid && holder) throw new StoreError(`${dir}: this process is already writing the store`);
    await unlink(lockFile(dir)).catch(() => undefined); // its writer died: the lock is stale
  }
  throw new StoreError(`${dir}: cannot take the store's lock (${lockFile(dir)})`);
}

async function releaseLock(dir: string, token: string): Promise<void> {
  const holder = await readFile(lockFile(dir), "utf8").catch(() => "");
  if (holder === token) await unlink(lockFile(dir)).catch(() => undefined);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

// ---------- saving a whole in-memory store (writes over the endpoint) ----------

/**
 * Saves an in-memory store that was loaded as `manifest`: only the graphs whose content changed are
 * written. Throws StoreError when the store on disk changed since (a build committed meanwhile):
 * reload and apply the change again, rather than overwrite the build.
 */
export async function saveStore(dir: string, store: oxigraph.Store, manifest: StoreManifest): Promise<StoreManifest> {
  const tx = await LocalTransaction.begin(dir);
  try {
    if (tx.base.revision !== manifest.revision && tx.base.revision !== "empty") {
      throw new StoreError(`${dir}: the store changed on disk since it was loaded (revision ${tx.base.revision}, not ${manifest.revision}); load it again and redo the change`);
    }
    const graphs = (store.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }") as Map<string, oxigraph.Term>[]).map((r) => r.get("g")!);
    const seenArticles = new Set<string>();
    const buckets = new Map<string, string[]>();
    const others = new Set(Object.keys(tx.manifest.graphs ?? {}));
    const put: Promise<void>[] = [];
    for (const g of graphs) {
      if (g.termType !== "NamedNode") continue;
      const lines = store.dump({ format: "application/n-triples", from_graph_name: g }).split("\n").filter(Boolean).map((l) => l.replace(/ \.$/, ` <${g.value}> .`));
      const docId = g.value.startsWith(ARTICLE_GRAPH_PREFIX) ? g.value.slice(ARTICLE_GRAPH_PREFIX.length) : undefined;
      if (docId !== undefined && manifest.articles[docId]) {
        seenArticles.add(docId);
        const { graph: _g, state: _s, ...record } = manifest.articles[docId];
        put.push(tx.putArticle(docId, record, sortNQuadLines(lines)));
      } else if (g.value === ENTITIES_GRAPH) {
        for (const line of lines) {
          const bucket = entityBucket(line.slice(1, line.indexOf(">")));
          const list = buckets.get(bucket);
          if (list) list.push(line);
          else buckets.set(bucket, [line]);
        }
      } else {
        others.delete(g.value);
        put.push(tx.putGraph(g.value, sortNQuadLines(lines)));
      }
    }
    const defaultLines = store.dump({ format: "application/n-triples", from_graph_name: (await loadOxigraph()).defaultGraph() });
    others.delete("");
    put.push(tx.putGraph("", sortNQuadLines(defaultLines.split("\n"))));
    for (const iri of others) put.push(tx.putGraph(iri, ""));
    // Articles of the manifest without a graph in the store: the record stays, the graph is gone.
    for (const [docId, entry] of Object.entries(manifest.articles)) {
      if (seenArticles.has(docId)) continue;
      const { graph: _g, state: _s, ...record } = entry;
      put.push(tx.putArticle(docId, record, null));
    }
    for (const bucket of new Set([...buckets.keys(), ...Object.keys(tx.manifest.entities ?? {})])) {
      put.push(tx.putEntitiesBucket(bucket, sortNQuadLines(buckets.get(bucket) ?? []), await keptState(tx, bucket)));
    }
    for (const id of Object.keys(tx.manifest.articles)) if (!manifest.articles[id]) tx.dropArticle(id);
    await Promise.all(put);
    tx.setMeta({ extractorVersion: manifest.extractorVersion });
    // Written from outside the builder: the next build checks every article against its record.
    if (revisionOf(tx.manifest) !== tx.base.revision) tx.setMeta({ fingerprint: "" });
    return await tx.commit();
  } catch (e) {
    await tx.abort();
    throw e;
  }
}

/** The builder's record of a bucket is kept as it is (the builder notices the graph changed). */
async function keptState(tx: LocalTransaction, bucket: string): Promise<string> {
  const ref = tx.manifest.entities?.[bucket]?.state;
  return ref ? (await readPieceTexts(tx.dir, [ref]))[0] : "";
}
