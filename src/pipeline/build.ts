// The build: article files → validated graph → store, writing only what changed.
//
//   list files ─ unchanged (same size, time, code) ─────────────────────────┐ their records from the store
//             └ changed ─ workers: ingest + extract (cached), under budget ──┤
//   resolve (every article's entities) → link (only entities whose inputs changed)
//   → workers: map + SHACL each article graph whose entities changed → entities graph buckets that changed
//   → one store change: new pieces appended, manifest committed (atomic)
//
// The corpus of a build is exactly its inputs: a removed file's graph is dropped. Unchanged
// articles keep their pieces; the result equals a build from scratch (test/pipeline/incremental.test.ts).
import { readdirSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { basename, dirname, extname, join, resolve as resolvePath } from "node:path";
import type { Entity, EntityKind, Extraction, Links, LocalEntity } from "../model.ts";
import { IngestError } from "../ingest/errors.ts";
import { listArticleFiles } from "../ingest/files.ts";
import { EXTRACTOR_VERSION } from "../extract/version.ts";
import { entityQuads } from "../graph/mapping.ts";
import { canonicalNQuads, mergeNQuadLines, nquadLine } from "../graph/nquads.ts";
import { ontologyQuads } from "../graph/ontology.ts";
import type { ValidationReport, Violation } from "../graph/shacl.ts";
import { NG, ONTOLOGY_GRAPH, RDF, articleIri, entityIri } from "../graph/vocab.ts";
import { STORE_FORMAT_VERSION, StoreError, emptyManifest, entityBucket, openStore, pieceHash, type ArticleEntry, type GraphStore, type PieceRef, type StoreChange, type StoreManifest } from "../store/index.ts";
import { DataFactory, type Quad } from "n3";
import type { ArticleFacts, Extracted } from "./article-task.ts";
import { ExtractionCache, closeExtractionCache, newCacheRun, type CacheLocation } from "./cache.ts";
import { FactsSpill, factsText, type FactsRef, type FactsText } from "./facts-spill.ts";
import { buildFingerprint } from "./fingerprint.ts";
import { ArticlePool, type ArticleRunner } from "./pool.ts";
import { DEFAULT_MEMORY_MB, stopEarlyWorker, taskBundleKey } from "./build-worker.mjs";
import { InThreadRunner } from "./in-thread.ts";
import { type BucketChange, type IncrementalOutcome, RecordsAhead, kindOfId, lightExtraction, resolveIncrementally } from "./incremental.ts";
import { type BucketState, type EntityRecord, type MemberRecord, StoredBucket, bucketHead, bucketText, changedBucketContent, contentOf, contentText, entityDigests, keyBucket, sameLinkState, slugKey, sortedState } from "./entity-index.ts";

export type BuildPhase = "ingest" | "extract" | "resolve" | "link" | "graph" | "validate" | "save";

export interface BuildProgress {
  phase: BuildPhase;
  /** Articles done so far in this phase (extract counts per article; other phases 0 or 1). */
  done: number;
  total: number;
}

export interface BuildOptions {
  /** Article files or folders (folders: every *.txt in them). */
  inputs: string[];
  /** The store folder (when `store` is not given). */
  storeDir: string;
  /** The store to build into (default: the folder storeDir); a remote store keeps its caches in its own local cacheDir. */
  store?: GraphStore;
  /**
   * Build the inputs as this shard of the corpus: the store's articles of other shards are kept
   * (and resolved together with these), only this shard's articles not in the inputs are removed.
   */
  shard?: string;
  /** Let the linker ask Wikidata's API. */
  online?: boolean;
  /** Publication date (ISO YYYY-MM-DD) of every article of this build, over their pages and sidecars. */
  published?: string;
  onProgress?: (progress: BuildProgress) => void;
  /** Worker threads for reading, extracting and mapping articles (default: the cores available). */
  jobs?: number;
  /** Time budget of one article, seconds (default 60). */
  articleTimeout?: number;
  /**
   * Memory cap of one article's worker, MB (default 1024). Given, every article is read in a
   * worker; not given, a build of at most IN_THREAD_MAX articles to read reads them in its own
   * thread (under the time budget, without a memory cap of their own).
   */
  articleMemory?: number;
}

export interface FailedFile {
  file: string;
  message: string;
}

export interface BuildResult {
  /** Articles in the saved graph. */
  articles: number;
  /** Articles extracted now / taken from the cache (read again) / not read at all (unchanged files). */
  extracted: number;
  cached: number;
  unchanged: number;
  /** Files that could not be built (the rest still were). */
  failed: FailedFile[];
  /** docIds in the previous store that this build no longer has. */
  removed: string[];
  /** Article graphs and entities-graph buckets written by this build. */
  written: { articles: number; entityBuckets: number };
  quads: number;
  manifest: StoreManifest;
  /**
   * How the entities were resolved: all together ("full"), or only those the change reaches
   * ("incremental": how many entities were resolved again, how many article and bucket records read).
   */
  resolution?: { mode: "full" | "incremental"; entities: number; articleRecords: number; bucketRecords: number };
  /** Where articles were read and mapped: in the build's own thread (a few) or in worker threads; absent when none was. */
  readIn?: "thread" | "workers";
  /** Milliseconds per phase (wall clock). */
  timings: Record<BuildPhase, number>;
  /** CPU milliseconds per phase, of the whole process (the worker threads included): on a loaded machine this says more than wall time. */
  cpu: Record<BuildPhase, number>;
}

/** The graph violates the SHACL shapes; nothing was saved. */
export class ValidationError extends Error {
  constructor(readonly report: ValidationReport, message: string) {
    super(message);
  }
}

/**
 * The stages a build with work to do needs (resolution, linking, SHACL): loaded only then, so a
 * build that finds nothing changed costs little more than starting the process.
 */
const stages = () => import("./stages.ts");

/** What the build records of an article between builds (a JSON piece of the store). */
interface ArticleState extends ArticleFacts {
  /** Key of its extraction in STORE/cache/extract. */
  key: string;
  /** Local entity key → entity id, as its graph was written. */
  map: Record<string, string>;
  /** Hash of the graph piece the build wrote ("" for none), to notice a graph changed over the endpoint. */
  graph: string;
  quads: number;
}


// An article's facts are kept as the JSON text its record will hold of them, in the build's facts
// file (facts-spill.ts), from its extraction until its record is written; parsed only where read.
const parseFacts = (t: FactsText): ArticleFacts => JSON.parse(`{"entities":${t.entities},${t.rest}}`) as ArticleFacts;

/** An extraction as the build keeps it until the article's record is written: its facts in the facts file. */
type KeptExtraction = Omit<Extracted, "facts"> & { facts: FactsRef };
const keptExtraction = ({ facts, ...rest }: Extracted, spill: FactsSpill): KeptExtraction => ({ ...rest, facts: spill.put(facts) });

interface Article {
  docId: string;
  path: string;
  entry: Omit<ArticleEntry, "graph" | "state">;
  /** Key of its extraction in STORE/cache/extract. */
  key: string;
  /** Where that extraction is, when this build made or found it (its graph task reads it there). */
  at?: CacheLocation;
  /** Local entity key → entity id, as its graph was written ({} when it was not). */
  map: Record<string, string>;
  /** Hash of its graph piece as written ("" for none) and its quads. */
  graph: string;
  quads: number;
  /** Where its facts are in the build's facts file, until its record is written. */
  facts?: FactsRef;
  /** Read and extracted in this build (not taken from the store's record). */
  fresh: boolean;
}

/** The article's record: the text JSON.stringify gives of its ArticleState (same keys, same order), made from its facts' text. */
const recordText = (a: Article, spill: FactsSpill, map: Record<string, string>, graph: string, quads: number): string => {
  const facts = spill.get(a.facts!);
  return `{"key":${JSON.stringify(a.key)},"entities":${facts.entities},${facts.rest},"map":${JSON.stringify(map)},"graph":${JSON.stringify(graph)},"quads":${quads}}`;
};

/** The article's record as an object (what the incremental resolution reads). */
const recordOf = (a: Article, spill: FactsSpill): ArticleState => ({ key: a.key, ...parseFacts(spill.get(a.facts!)), map: a.map, graph: a.graph, quads: a.quads });

export async function buildGraph(options: BuildOptions): Promise<BuildResult> {
  const { onProgress } = options;
  const timings = { ingest: 0, extract: 0, resolve: 0, link: 0, graph: 0, validate: 0, save: 0 } as Record<BuildPhase, number>;
  const cpu = { ...timings };
  // A phase timed inside another (linking within an incremental resolution) is not counted twice.
  let running: { phase: BuildPhase; t0: number; c0: NodeJS.CpuUsage } | undefined;
  const charge = (r: NonNullable<typeof running>) => {
    timings[r.phase] += performance.now() - r.t0;
    const c = process.cpuUsage(r.c0);
    cpu[r.phase] += (c.user + c.system) / 1000;
  };
  const timed = async <T>(phase: BuildPhase, work: () => T | Promise<T>): Promise<T> => {
    const outer = running;
    if (outer) charge(outer);
    const mine = (running = { phase, t0: performance.now(), c0: process.cpuUsage() });
    try {
      return await work();
    } finally {
      charge(mine);
      running = outer && { phase: outer.phase, t0: performance.now(), c0: process.cpuUsage() };
    }
  };
  const store = options.store ?? openStore(options.storeDir);
  const files = await listArticleFiles(options.inputs).catch((e: unknown) => {
    stopEarlyWorker();
    throw e;
  });
  let pool: ArticleRunner | undefined;
  let tx: StoreChange | undefined;
  const spill = new FactsSpill(join(store.cacheDir, "cache"));
  // this build's name in the extraction cache: each thread appends what it extracts to one pack of its own
  const cacheRun = newCacheRun();
  try {
    // Decided by the first pass that extracts: a few articles are read in this thread, unless the
    // build was given a memory cap, which only a worker can keep (in-thread.ts).
    let inThread = false;
    const plan = (articlesToExtract: number) => {
      if (!pool) inThread = articlesToExtract <= IN_THREAD_MAX && options.articleMemory === undefined;
      if (inThread) stopEarlyWorker(); // the worker the CLI started at its start (build-worker.mjs) is not needed
    };
    const workers = () =>
      new ArticlePool({
        size: jobsOf(options),
        timeoutMs: (options.articleTimeout ?? 60) * 1000,
        memoryMb: options.articleMemory ?? DEFAULT_MEMORY_MB,
        bundleKey: taskBundleKey(),
      });
    const getPool = (): ArticleRunner => (pool ??= inThread ? new InThreadRunner((options.articleTimeout ?? 60) * 1000) : workers());
    // Each extraction is kept as text (KeptExtraction) from the moment it arrives.
    const extractions = new Map<string, Promise<KeptExtraction>>();
    const extractOnce = (file: string): Promise<KeptExtraction> => {
      let p = extractions.get(file);
      if (!p) extractions.set(file, (p = getPool().extract({ file, storeDir: store.cacheDir, run: cacheRun, published: options.published }).then((x) => keptExtraction(x, spill))));
      return p;
    };
    // Read and extract what changed before taking the store's write lock, so that builds of
    // several shards of a corpus extract at the same time and hold the lock only to resolve,
    // map and write. The lock's holder then checks the plan against the store as committed.
    const reported = new Set<string>();
    // The files' stamps are taken once: the build under the lock judges the files as the first pass saw them.
    let stamps: (string | undefined)[] | undefined;
    const stampsOnce = () => (stamps ??= stampsOf(files, options.published));
    // A large corpus whose files look changed since the last commit starts one worker at once: it
    // loads the extractor (task module, lexicons, tagger model: ~0.7 s) on the other core while
    // this thread stats the files, reads the manifest and loads the linking stages, instead of
    // after them (a guess: a wrong one costs that worker's start-up, not a wrong result).
    const committedAt = files.length >= prestartMinFiles() ? store.committedAt?.() : undefined;
    if (committedAt !== undefined) {
      const prestart = () => {
        const p = workers();
        p.prestart();
        pool = p;
        void stages()
          .then((s) => s.preloadLinking())
          .catch(() => undefined); // loaded again where needed, failing there
      };
      if (newestChange(foldersOf(files)) > committedAt) prestart();
      else {
        const newest = { ms: 0 };
        stamps = stampsOf(files, options.published, newest);
        if (newest.ms > committedAt) prestart();
        else stopEarlyWorker(); // nothing looks changed: most likely no article to read
      }
    }
    // Once the last article is mapped, the workers are stopped while this thread commits: a worker's
    // end (its heap let go) takes a while, and the process waits for it before it exits.
    const release = () => void pool?.close();
    const extracting: Extracting = { once: extractOnce, forget: () => extractions.clear(), release, spill, plan, stamps: stampsOnce, cacheRun };
    const early = await run(store, undefined, files, options, extracting, getPool, timed, reported, onProgress);
    const readIn = () => (pool ? { readIn: inThread ? ("thread" as const) : ("workers" as const) } : {});
    if (early) return { ...early, ...readIn(), timings, cpu }; // nothing changed: no lock taken, nothing written
    tx = await store.begin();
    const result = (await run(store, tx, files, options, extracting, getPool, timed, reported, onProgress))!;
    return { ...result, ...readIn(), timings, cpu };
  } catch (e) {
    await tx?.abort();
    throw e;
  } finally {
    stopEarlyWorker();
    spill.close();
    await pool?.close();
    closeExtractionCache(store.cacheDir, cacheRun);
  }
}

/** The committed manifest, read without the lock (a damaged one reads as none, as begin() treats it). */
async function committedManifest(store: GraphStore): Promise<StoreManifest> {
  const m = await store.readManifest().catch((e: unknown) => {
    if (e instanceof StoreError) return undefined;
    throw e;
  });
  return m && m.version === STORE_FORMAT_VERSION ? m : emptyManifest();
}

/** What both passes of a build share: extractions (each once per build), the facts file, the files' stamps, the first pass's sorting. */
interface Extracting {
  once: (file: string) => Promise<KeptExtraction>;
  forget: () => void;
  /** Stops the workers: no article is read or mapped any more in this build. */
  release: () => void;
  spill: FactsSpill;
  plan: (articlesToExtract: number) => void;
  stamps: () => (string | undefined)[];
  /** The build's name in the extraction cache (cache.ts). */
  cacheRun: string;
  /** Records read while the first pass waited for its extractions. */
  ahead?: RecordsAhead;
  /** The files as the first pass sorted them against its base manifest (the lock's holder reuses it when its base is that very one). */
  sorted?: { base: StoreManifest; todo: Todo[]; unchanged: Unchanged[]; pathOf: Map<string, string>; failed: FailedFile[]; removed: number };
}
type Todo = { file: string; docId: string; stamp: string };
type Unchanged = { file: string; docId: string; entry: ArticleEntry };

/**
 * The build. Without `tx` (before the lock): plans against the committed manifest, extracts the
 * files that changed and returns a result only when nothing changed. With `tx`: the whole build,
 * on the base the lock's holder sees (extractions already made are reused).
 */
async function run(
  store: GraphStore,
  tx: StoreChange | undefined,
  files: string[],
  options: BuildOptions,
  /** Extracts a file (each once per build); forget() lets go of the extractions kept; the facts file. */
  extracting: Extracting,
  getPool: () => ArticleRunner,
  timed: <T>(phase: BuildPhase, work: () => T | Promise<T>) => Promise<T>,
  /** Files whose extraction progress was reported (by either pass). */
  reported: Set<string>,
  onProgress?: (p: BuildProgress) => void,
): Promise<Omit<BuildResult, "timings" | "cpu"> | undefined> {
  const storeDir = store.cacheDir;
  const { spill, cacheRun } = extracting;
  const base = tx ? tx.base : await committedManifest(store);
  const fingerprint = buildFingerprint();
  const trustRecords = base.fingerprint === fingerprint && base.extractorVersion === EXTRACTOR_VERSION;
  const shard = options.shard;
  /** Articles of other shards: kept as they are, with their records (a sharded build owns only its own). */
  const othersShard = (entry: ArticleEntry | undefined) => shard !== undefined && entry !== undefined && entry.shard !== shard;
  const kept = Object.entries(base.articles).filter(([, e]) => othersShard(e));
  if (kept.length && ((base.fingerprint && base.fingerprint !== fingerprint) || base.extractorVersion !== EXTRACTOR_VERSION)) {
    throw new StoreError(
      `${store.location}: the store holds articles of other shards built by another version of newsgraph; every shard must be built by the same version. ` +
        `Empty the store and build every shard again with this version`,
    );
  }
  const failed: FailedFile[] = [];
  const articles = new Map<string, Article>();
  // With records this code wrote, only what the change touches is resolved again (incremental.ts);
  // NEWSGRAPH_FULL_RESOLVE=1 resolves the whole corpus every time (the reference it must equal).
  const incremental = trustRecords && !options.online && Object.keys(base.articles).length > 0 && process.env.NEWSGRAPH_FULL_RESOLVE !== "1";
  const progress = (file: string) => {
    if (reported.has(file)) return;
    reported.add(file);
    onProgress?.({ phase: "extract", done: reported.size, total: files.length });
  };

  // 1. Which files changed: an unchanged file (same size and time, same code) is not even read.
  let todo: Todo[] = [];
  let unchanged: Unchanged[] = [];
  let pathOf = new Map<string, string>();
  let nothingChanged = false;
  const sortFiles = () => {
    const stamps = extracting.stamps();
    const absolute = absolutePaths();
    files.forEach((file, i) => {
      const docId = basename(file, extname(file));
      const other = pathOf.get(docId);
      if (other !== undefined) {
        failed.push({ file, message: `${file}: same article id '${docId}' as ${other}; rename one of them` });
        return;
      }
      const entry = base.articles[docId];
      if (othersShard(entry)) {
        failed.push({ file, message: `${file}: article id '${docId}' belongs to shard '${entry!.shard ?? "(none)"}' in the store; build it with that shard, or rename it` });
        return;
      }
      pathOf.set(docId, file);
      const stamp = stamps[i];
      if (trustRecords && entry?.state && stamp && entry.stamp === stamp && entry.path === absolute(file)) unchanged.push({ file, docId, entry });
      else todo.push({ file, docId, stamp: stamp ?? "" });
    });
    return Object.keys(base.articles).filter((id) => !pathOf.has(id) && !othersShard(base.articles[id])).length;
  };
  await timed("ingest", async () => {
    const sorted = extracting.sorted?.base === base ? extracting.sorted : undefined;
    let removedCount: number;
    if (sorted) {
      // the manifest the lock's holder sees is the very one the first pass read: the same sorting (copied: this pass changes it)
      (todo = [...sorted.todo]), (unchanged = [...sorted.unchanged]), (pathOf = new Map(sorted.pathOf));
      failed.push(...sorted.failed);
      removedCount = sorted.removed;
    } else removedCount = sortFiles();
    if (!tx) extracting.sorted = { base, todo: [...todo], unchanged: [...unchanged], pathOf: new Map(pathOf), failed: [...failed], removed: removedCount };
    // Nothing to do: every file as recorded, none removed, nothing else written since.
    const onlyOntology = Object.keys(base.graphs ?? {}).every((iri) => iri === ONTOLOGY_GRAPH) && base.graphs?.[ONTOLOGY_GRAPH]?.hash === pieceHash(ontologyText());
    if (trustRecords && !todo.length && !removedCount && !failed.length && onlyOntology) {
      nothingChanged = true;
      for (const u of unchanged) progress(u.file);
      return;
    }
    if (!tx) return;
    for (const [docId, entry] of kept) unchanged.push({ file: entry.path, docId, entry });
    if (incremental) {
      for (const u of unchanged) progress(u.file);
      return; // their records are read only where the change reaches them
    }
    const records = await readRecords(store, unchanged.map((u) => u.entry));
    unchanged.forEach((u, i) => {
      const { graph: _g, state: _s, ...entry } = u.entry;
      const r = records[i];
      articles.set(u.docId, { docId: u.docId, path: u.file, entry, key: r.key, map: r.map, graph: r.graph, quads: r.quads, facts: spill.put(factsText(r)), fresh: false });
      progress(u.file);
    });
  });

  if (nothingChanged) {
    await tx?.abort(); // nothing to write (another build may have done it meanwhile): the store stays as it is
    const quads = Object.values(base.articles).reduce((n, a) => n + (a.quads ?? 0), 0) + Object.values(base.entities ?? {}).reduce((n, b) => n + (b.quads ?? 0), 0) + countLines(ontologyText());
    return { articles: unchanged.length + kept.length, extracted: 0, cached: 0, unchanged: unchanged.length, failed, removed: [], written: { articles: 0, entityBuckets: 0 }, quads, manifest: base };
  }
  extracting.plan(todo.length);
  if (!tx) {
    // Before the lock: extract what changed (failures are reported by the build proper). Meanwhile
    // this thread, idle, reads the records an incremental resolution will ask for.
    const ahead = incremental && todo.length ? (extracting.ahead = new RecordsAhead(store)) : undefined;
    void ahead?.read(base);
    await timed("extract", () => Promise.all(todo.map(({ file }) => extracting.once(file).then(() => progress(file), () => progress(file)))));
    ahead?.stop();
    return undefined;
  }

  // 2. Read and extract the changed files in the workers (each under its budget).
  let extracted = 0;
  let cached = 0;
  await timed("extract", () =>
    Promise.all(
      todo.map(async ({ file, docId, stamp }) => {
        try {
          const x = await extracting.once(file);
          if (x.docId !== docId) throw new Error(`article id '${x.docId}' is not the file's name`);
          if (x.cached) cached++;
          else extracted++;
          articles.set(docId, {
            docId,
            path: file,
            entry: { fileName: x.fileName, path: resolvePath(file), sha256: x.sha256, stamp, quads: base.articles[docId]?.quads, ...(shard !== undefined ? { shard } : {}) },
            key: x.key,
            at: x.at,
            map: {},
            graph: "",
            quads: 0,
            facts: x.facts,
            fresh: true,
          });
        } catch (e) {
          pathOf.delete(docId);
          failed.push({ file, message: errorMessage(e, file) });
        } finally {
          progress(file);
        }
      }),
    ),
  );
  extracting.forget(); // the articles hold what the build needs of them now
  failed.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  if (incremental) {
    const done = await buildIncrementally({ store, tx, base, articles, spill, cacheRun, unchanged: new Set(unchanged.map((u) => u.docId)), ahead: extracting.ahead, options, getPool, release: extracting.release, timed, onProgress });
    return { ...done, extracted, cached, unchanged: unchanged.length, failed };
  }

  // 3-5. Resolve, link, write the entities graph (resolveLinkAndWriteEntities): what that holds of
  // the whole corpus (the resolution, each entity's members, the key index) is let go before the
  // article graphs are written.
  const ids = [...articles.keys()].sort();
  const { mapOf, violations, resolved } = await resolveLinkAndWriteEntities({ store, tx, base, ids, articles, spill, trustRecords, options, timed, onProgress });

  // 6. The article graphs that change: mapped and validated in the workers a few at a time (not
  // every article's graph text at once), each written as it comes; an article's facts are let go
  // once its record is written.
  onProgress?.({ phase: "graph", done: 0, total: 1 });
  let writtenArticles = 0;
  await timed("graph", () =>
    inWindow(ids, 4 * jobsOf(options), async (id) => {
      const a = articles.get(id)!;
      const map = mapOf(id);
      const stored = base.articles[id];
      const storedGraph = stored?.graph?.hash ?? "";
      const same = !a.fresh && trustRecords && JSON.stringify(map) === JSON.stringify(a.map) && storedGraph === a.graph;
      if (same) {
        // Unchanged graph: keep its pieces (the record may have a new stamp).
        if (stored && JSON.stringify(stripPieces(stored)) !== JSON.stringify(a.entry)) await tx.putArticle(id, a.entry);
        a.facts = undefined;
        return;
      }
      const mapping: Record<string, [string, EntityKind]> = {};
      for (const [key, e] of Object.entries(map)) mapping[key] = [e, kindOfId(e)];
      let g;
      try {
        const at = a.at ?? (store.readExtraction ? await fetchExtraction(store, storeDir, cacheRun, a.key) : undefined);
        g = await getPool().graph({ storeDir, run: cacheRun, key: a.key, at, mapping });
      } catch (e) {
        // Its entities are in the resolution already: without its graph the build would not hold together.
        throw new Error(`${a.path}: writing its graph failed: ${errorMessage(e, a.path)}; nothing was saved`);
      }
      violations.push(...g.violations);
      const hash = pieceHashOf(g.text);
      const record = recordText(a, spill, map, hash, g.quads);
      if (stored?.graph?.hash === hash && stored.state && trustRecords && !a.fresh) {
        await tx.putArticle(id, { ...a.entry, quads: g.quads }, undefined, record);
      } else {
        await tx.putArticle(id, { ...a.entry, quads: g.quads }, g.text, record);
        writtenArticles++;
      }
      Object.assign(a, { map: {}, graph: hash, quads: g.quads, facts: undefined });
    }),
  );
  extracting.release();
  const removed = Object.keys(base.articles).filter((id) => !articles.has(id));
  // A remote store keeps each new extraction, so that a build elsewhere (another shard) can map the article again.
  if (tx.putExtraction) {
    const cache = new ExtractionCache(storeDir, cacheRun);
    await Promise.all([...articles.values()].filter((a) => a.fresh).map((a) => tx.putExtraction!(a.docId, a.key, () => cache.textByKey(a.key, a.at))));
  }
  for (const id of removed) tx.dropArticle(id);
  await checkViolations(violations);

  // 7. Commit: the ontology graph, the manifest (the buckets are written already).
  onProgress?.({ phase: "save", done: 0, total: 1 });
  const manifest = await timed("save", () =>
    commitChange(tx, [], async () => {
      await cacheKeeping(storeDir, cacheRun, articles.values()).prune();
    }),
  );

  const articleQuadCount = [...articles.values()].reduce((n, a) => n + a.quads, 0);
  return {
    resolution: { mode: "full", entities: resolved.entities, articleRecords: unchanged.length, bucketRecords: resolved.bucketRecords },
    articles: articles.size,
    extracted,
    cached,
    unchanged: unchanged.length,
    failed,
    removed,
    written: { articles: writtenArticles, entityBuckets: resolved.writtenBuckets },
    quads: articleQuadCount + resolved.entityQuadCount + countLines(ontologyText()),
    manifest,
  };
}

interface FullContext {
  store: GraphStore;
  tx: StoreChange;
  base: StoreManifest;
  /** docIds of every article of the build, sorted. */
  ids: string[];
  articles: Map<string, Article>;
  spill: FactsSpill;
  /** The store's records were written by this code (else everything is linked and written again). */
  trustRecords: boolean;
  options: BuildOptions;
  timed: <T>(phase: BuildPhase, work: () => T | Promise<T>) => Promise<T>;
  onProgress?: (p: BuildProgress) => void;
}

/**
 * Steps 3-5 of a full build: every article's entities resolved together, the entities whose inputs
 * changed linked, the buckets of the entities graph whose entities changed validated and written
 * (each as soon as it is made: the bucket texts are not kept until the commit). Returns each
 * article's map (local key → entity id) and the violations found so far; what this holds of the
 * whole corpus is let go when it returns.
 */
async function resolveLinkAndWriteEntities(c: FullContext): Promise<{
  /** An article's map (local key → entity id), made when asked for from the compact tables kept. */
  mapOf: (docId: string) => Record<string, string>;
  violations: Violation[];
  resolved: { entities: number; bucketRecords: number; writtenBuckets: number; entityQuadCount: number };
}> {
  const { store, tx, base, ids, articles, spill, trustRecords, options, timed, onProgress } = c;
  const storeDir = store.cacheDir;
  onProgress?.({ phase: "resolve", done: 0, total: 1 });
  const s = await stages();
  const { linkEntities, linkEntitiesLazily } = s;
  // Every article's local entities, parsed from the kept text into the compact mention table
  // (a few integers per mention) while the entities are resolved.
  const { resolution, members, index, table } = await timed("resolve", () => {
    const table = new s.MentionTable();
    for (const id of ids) table.add(id, JSON.parse(spill.entities(articles.get(id)!.facts!)) as LocalEntity[]);
    table.seal();
    return resolveAll(s, table);
  });
  const oldBuckets = await readBucketStates(store, base);
  const previous = new Map<string, EntityRecord>();
  for (const b of oldBuckets.values()) for (const [id, e] of Object.entries(b.entities)) previous.set(id, e);

  // 4. Link the entities whose inputs changed; the others keep their links.
  onProgress?.({ phase: "link", done: 0, total: 1 });
  const digests = new Map(resolution.entities.map((e) => [e.id, entityDigests(e)]));
  const mapOf = (docId: string) => {
    const map: Record<string, string> = {};
    const d = table.articleOf(docId)!;
    for (let m = table.first(d); m < table.first(d + 1); m++) map[table.keyAt(m)] = resolution.idOf(m);
    return map;
  };
  // An article is dirty when it is new or changed, or its entities are other entities now, or
  // what linking reads of one of them changed: its entities' links may change with it.
  const dirty = new Set<string>();
  for (const id of ids) {
    const a = articles.get(id)!;
    const map = mapOf(id);
    const changedMap = a.fresh || !trustRecords || JSON.stringify(map) !== JSON.stringify(a.map);
    const changedEntity = Object.values(map).some((e) => previous.get(e)?.l !== digests.get(e)!.l);
    if (changedMap || changedEntity) dirty.add(id);
  }
  const relink = new Set<string>();
  for (const e of resolution.entities) {
    const before = previous.get(e.id);
    if (options.online || !trustRecords || !before || before.d !== digests.get(e.id)!.d || e.articles.some((d) => dirty.has(d))) relink.add(e.id);
  }
  const links: Links = new Map();
  for (const e of resolution.entities) {
    const link = previous.get(e.id)?.link;
    if (!relink.has(e.id) && link) links.set(e.id, link);
  }
  if (relink.size) {
    const light = (doc: string) => lightExtraction(doc, parseFacts(spill.get(articles.get(doc)!.facts!)));
    const linkOptions = { online: options.online ?? false, cacheDir: join(storeDir, "cache", "wikidata") };
    // Offline, an entity's articles are read (parsed) only when its decision needs them, as an
    // incremental build does (the same links: test/link/lazy.test.ts); online, every article's
    // facts at once, as the requests to Wikidata have always been made.
    const fresh = await timed("link", () =>
      options.online
        ? linkEntities(resolution, ids.map(light), { ...linkOptions, only: relink })
        : linkEntitiesLazily(
            resolution.entities.filter((e) => relink.has(e.id)),
            // each article parsed as the contexts read it, and let go: not every deep entity's articles at once
            async (entities) => ({ resolution, extractions: lazily([...new Set(entities.flatMap((e) => e.articles))].sort(), light) }),
            linkOptions,
          ),
    );
    for (const [id, link] of fresh) links.set(id, link);
  }

  // 5. The entities graph, bucket by bucket: only buckets whose entities changed are validated and
  // written. A bucket is written as soon as it is made while nothing failed validation (a build
  // that fails writes nothing more; its pieces are never committed).
  onProgress?.({ phase: "validate", done: 0, total: 1 });
  const byBucket = new Map<string, Entity[]>();
  for (const e of resolution.entities) {
    const b = entityBucket(entityIri(e.id));
    const list = byBucket.get(b);
    if (list) list.push(e);
    else byBucket.set(b, [e]);
  }
  const keysByBucket = new Map<string, Record<string, string[]>>();
  for (const [key, holders] of index()) {
    const b = keyBucket(key);
    const shard = keysByBucket.get(b) ?? {};
    shard[key] = holders;
    keysByBucket.set(b, shard);
  }
  let writtenBuckets = 0;
  let entityQuadCount = 0;
  const violations: Violation[] = [];
  const write = async (w: BucketWrite) => {
    writtenBuckets++;
    if (!violations.length) await writeBucket(tx, w);
  };
  await timed("validate", async () => {
    for (const bucket of [...new Set([...byBucket.keys(), ...keysByBucket.keys(), ...Object.keys(base.entities ?? {})])].sort()) {
      const entities = byBucket.get(bucket) ?? [];
      const old = oldBuckets.get(bucket);
      const unsorted: BucketState = { graph: "", quads: 0, entities: {}, keys: keysByBucket.get(bucket) ?? {} };
      for (const e of entities) unsorted.entities[e.id] = { ...digests.get(e.id)!, ...(links.has(e.id) ? { link: links.get(e.id) } : {}), m: members(e.id) };
      const state = sortedState(unsorted);
      if (isEmpty(state)) {
        if (base.entities?.[bucket]) await write({ bucket, text: "", state: "", quads: 0, drop: true });
        continue;
      }
      const storedGraph = base.entities?.[bucket]?.graph?.hash ?? "";
      if (trustRecords && old && contentOf(state) === contentOf(old) && old.graph === storedGraph) {
        entityQuadCount += old.quads;
        continue;
      }
      const changed = trustRecords && old?.graph === storedGraph ? entities.filter((e) => !sameLinkState(state.entities[e.id], old?.entities[e.id])) : entities;
      const text = canonicalNQuads(entityQuads({ entities, entityOf: new Map() }, links));
      state.graph = pieceHashOf(text);
      state.quads = countLines(text);
      entityQuadCount += state.quads;
      violations.push(...(await validateEntities(changed, links)));
      await write({ bucket, text, state: bucketText(state), quads: state.quads });
    }
  });
  return { mapOf, violations, resolved: { entities: resolution.entities.length, bucketRecords: oldBuckets.size, writtenBuckets, entityQuadCount } };
}

/** The items mapped as they are read. */
function* lazily<T, U>(items: T[], map: (item: T) => U): Generator<U> {
  for (const item of items) yield map(item);
}

/**
 * At most this many articles to read, a build reads them in its own thread: starting the workers
 * costs ~1.5 s of CPU each, more than extracting a few articles (~20 ms each), and a build that
 * adds a day's dozens of articles still spreads them over the cores.
 */
const IN_THREAD_MAX = 8;

const jobsOf = (options: BuildOptions): number => Math.max(1, options.jobs ?? availableParallelism());

/** Runs `work` on each item, at most `width` at a time, in the items' order; the first failure is thrown once the running ones end. */
async function inWindow<T>(items: T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const lane = async () => {
    while (!failure && next < items.length) {
      const item = items[next++];
      try {
        await work(item);
      } catch (e) {
        failure ??= { error: e };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane));
  if (failure) throw failure.error;
}

/** The ontology graph, the written buckets, the manifest: the commit; then the extraction cache is tidied. */
/** A bucket of the entities graph to write, or to drop when nothing is left in it (a build from scratch would not have it). */
interface BucketWrite {
  bucket: string;
  text: string;
  /** The builder's record of it (entity-index.ts bucketText). */
  state: string;
  quads: number;
  drop?: boolean;
}
const isEmpty = (s: BucketState): boolean => !Object.keys(s.entities).length && !Object.keys(s.keys).length;

const writeBucket = (tx: StoreChange, w: BucketWrite): Promise<void> =>
  w.drop ? tx.putEntitiesBucket(w.bucket, "", "") : tx.putEntitiesBucket(w.bucket, w.text, w.state, w.quads);

async function commitChange(tx: StoreChange, bucketWrites: BucketWrite[], tidyCache: () => Promise<void>): Promise<StoreManifest> {
  for (const w of bucketWrites) await writeBucket(tx, w);
  for (const iri of Object.keys(tx.base.graphs ?? {})) if (iri !== ONTOLOGY_GRAPH) await tx.putGraph(iri, ""); // the corpus is exactly the inputs
  await tx.putGraph(ONTOLOGY_GRAPH, ontologyText());
  tx.setMeta({ extractorVersion: EXTRACTOR_VERSION, fingerprint: buildFingerprint() });
  const saved = await tx.commit();
  await tidyCache();
  return saved;
}

/** Throws ValidationError when there are violations (nothing is saved then). */
async function checkViolations(violations: Violation[]): Promise<void> {
  if (!violations.length) return;
  const unique = [...new Map(violations.map((v) => [JSON.stringify(v), v])).values()];
  const report: ValidationReport = { conforms: false, violations: unique };
  throw new ValidationError(report, (await stages()).formatReport(report));
}

interface IncrementalContext {
  store: GraphStore;
  tx: StoreChange;
  base: StoreManifest;
  /** The articles read and extracted now (the unchanged ones are not in it). */
  articles: Map<string, Article>;
  spill: FactsSpill;
  cacheRun: string;
  /** Articles of the store kept as they are (unchanged files, other shards' articles). */
  unchanged: Set<string>;
  ahead?: RecordsAhead;
  options: BuildOptions;
  getPool: () => ArticleRunner;
  /** Stops the workers (the article graphs are made). */
  release: () => void;
  timed: <T>(phase: BuildPhase, work: () => T | Promise<T>) => Promise<T>;
  onProgress?: (p: BuildProgress) => void;
}

/**
 * Steps 3-7 of a build on records this code wrote: the entities the change touches are resolved
 * and linked again (incremental.ts), the article graphs whose entities changed and the buckets
 * those entities live in are written. Equal to a full build, byte for byte.
 */
async function buildIncrementally(c: IncrementalContext): Promise<Omit<BuildResult, "timings" | "cpu" | "extracted" | "cached" | "unchanged" | "failed">> {
  const { store, tx, base, articles, options, timed, onProgress, cacheRun } = c;
  const storeDir = store.cacheDir;
  const s = await stages();
  const removed = Object.keys(base.articles).filter((id) => !articles.has(id) && !c.unchanged.has(id));
  onProgress?.({ phase: "resolve", done: 0, total: 1 });
  const fresh = new Map([...articles].map(([id, a]) => [id, recordOf(a, c.spill)]));
  const outcome = await timed("resolve", () =>
    resolveIncrementally({
      store,
      base,
      stages: s,
      fresh,
      removed,
      ahead: c.ahead,
      link: (entities, articlesOf) =>
        timed("link", () => s.linkEntitiesLazily(entities, articlesOf, { online: false, cacheDir: join(storeDir, "cache", "wikidata") })),
    }),
  );

  // Article graphs: the fresh articles and those whose entities have other ids now.
  onProgress?.({ phase: "graph", done: 0, total: 1 });
  const violations: Violation[] = [];
  let writtenArticles = 0;
  // Mapped in the worker (or this thread) while this thread makes the buckets below: they do not
  // depend on each other (awaited before the violations are checked).
  const articleGraphs = timed("graph", () =>
    Promise.all(
      [...outcome.remap].map(async ([id, { record, map }]) => {
        const a = articles.get(id);
        const stored = base.articles[id];
        const entry = a?.entry ?? stripPieces(stored);
        const path = a?.path ?? stored.path;
        const mapping: Record<string, [string, EntityKind]> = {};
        for (const [key, e] of Object.entries(map)) mapping[key] = [e, kindOfId(e)];
        let g;
        try {
          const at = a?.at ?? (store.readExtraction ? await fetchExtraction(store, storeDir, cacheRun, record.key) : undefined);
          g = await c.getPool().graph({ storeDir, run: cacheRun, key: record.key, at, mapping });
        } catch (e) {
          throw new Error(`${path}: writing its graph failed: ${errorMessage(e, path)}; nothing was saved`);
        }
        violations.push(...g.violations);
        const hash = pieceHashOf(g.text);
        const state: ArticleState = { ...record, map, graph: hash, quads: g.quads };
        if (stored?.graph?.hash === hash && stored.state && !a) {
          await tx.putArticle(id, { ...entry, quads: g.quads }, undefined, JSON.stringify(state));
        } else {
          await tx.putArticle(id, { ...entry, quads: g.quads }, g.text, JSON.stringify(state));
          writtenArticles++;
        }
      }),
    ),
  );
  articleGraphs.catch(() => undefined); // (its failure is thrown where it is awaited)

  // The buckets the change touched: written (and their changed entities validated) when their content changed.
  onProgress?.({ phase: "validate", done: 0, total: 1 });
  const bucketWrites: BucketWrite[] = [];
  const entityViolations: Violation[] = [];
  await timed("validate", async () => {
    const changedEntities: Entity[] = [];
    const emptyContent = changedBucketContent(StoredBucket.empty(), new Map(), new Map());
    for (const [bucket, change] of [...outcome.buckets].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const { old } = change;
      // (made once: the record written is this under the first line its graph gives)
      const content = changedBucketContent(old, change.entities, change.keys);
      if (content === emptyContent) {
        if (base.entities?.[bucket]) bucketWrites.push({ bucket, text: "", state: "", quads: 0, drop: true });
        continue;
      }
      const storedRef = base.entities?.[bucket]?.graph;
      const storedGraph = storedRef?.hash ?? "";
      if (change.stored && content === contentText(old.text) && old.graph === storedGraph) continue;
      // The graph as its record says it is: only the changed entities' lines change; else written whole.
      const spliced = change.stored && old.graph === storedGraph ? await splicedGraph(store, storedRef, change, outcome) : undefined;
      let text: string;
      if (spliced !== undefined) {
        text = spliced;
        for (const [id, r] of change.entities) if (r && !sameLinkState(r, old.entity(id))) changedEntities.push(outcome.entity(id));
      } else {
        const { entities, links } = outcome.allOf(bucket);
        text = canonicalNQuads(entityQuads({ entities, entityOf: new Map() }, links));
        changedEntities.push(...entities);
      }
      const graph = pieceHashOf(text);
      const quads = countLines(text);
      bucketWrites.push({ bucket, text, state: `${bucketHead(graph, quads)}\n${content}`, quads });
    }
    entityViolations.push(...(await validateEntities(changedEntities, outcome.links)));
  }).catch(async (e: unknown) => {
    await articleGraphs.catch(() => undefined); // no write of the transaction outlives the build
    throw e;
  });
  await articleGraphs;
  c.release();
  violations.push(...entityViolations);
  if (tx.putExtraction) {
    const cache = new ExtractionCache(storeDir, cacheRun);
    await Promise.all([...articles.values()].map((a) => tx.putExtraction!(a.docId, a.key, () => cache.textByKey(a.key, a.at))));
  }
  for (const id of removed) tx.dropArticle(id);
  await checkViolations(violations);

  onProgress?.({ phase: "save", done: 0, total: 1 });
  const manifest = await timed("save", () =>
    commitChange(tx, bucketWrites, async () => {
      // The extractions of the changed and removed articles' earlier versions are no longer needed.
      // (this build's new extractions are indexed: later builds read them as the store's records name them)
      // (drop passes over the keys kept: an unchanged article's entry is never dropped)
      await cacheKeeping(storeDir, cacheRun, articles.values()).drop([...outcome.old.values()].map((r) => r.key));
    }),
  );
  const quads =
    Object.values(manifest.articles).reduce((n, a) => n + (a.quads ?? 0), 0) + Object.values(manifest.entities ?? {}).reduce((n, b) => n + (b.quads ?? 0), 0) + countLines(ontologyText());
  return { resolution: { mode: "incremental", ...outcome.reach }, articles: Object.keys(manifest.articles).length, removed, written: { articles: writtenArticles, entityBuckets: bucketWrites.length }, quads, manifest };
}

/**
 * A bucket's graph after a change, made from its graph as stored: the lines of the changed
 * entities (their subject, or one of their candidate nodes) are replaced by their new lines, the
 * rest is kept; sorted as canonicalNQuads sorts, so the text equals the bucket written whole.
 * Undefined when the store cannot give the old text or it is not what the manifest says.
 */
async function splicedGraph(store: GraphStore, ref: PieceRef | undefined, change: BucketChange, outcome: IncrementalOutcome): Promise<string | undefined> {
  if (!store.readGraphPieces) return undefined;
  const oldText = ref ? (await store.readGraphPieces([ref]))[0] : "";
  if (ref && pieceHash(oldText) !== ref.hash) return undefined;
  const changedIris = new Set([...change.entities.keys()].map(entityIri));
  const kept = oldText.split("\n").filter((line) => line && !changedIris.has(subjectEntity(line)));
  const present = [...change.entities].filter(([, r]) => r !== undefined).map(([id]) => outcome.entity(id));
  const fresh = entityQuads({ entities: present, entityOf: new Map() }, outcome.links).map((q) => nquadLine(q).trimEnd());
  return mergeNQuadLines(kept, fresh);
}

/** The entity an entities-graph line is about: its subject, a candidate node's entity (as entityBucket reads it). */
const subjectEntity = (line: string): string => line.slice(1, line.indexOf(">")).replace(/\/candidate\/[^/]*$/, "");

/** This build's extraction cache, told which entries the build's articles use, and where each is when the build knows. */
function cacheKeeping(storeDir: string, cacheRun: string, articles: Iterable<{ key: string; at?: CacheLocation }>): ExtractionCache {
  const cache = new ExtractionCache(storeDir, cacheRun);
  const at = new Map([...articles].map((a) => [a.key, a.at]));
  cache.keep(at.keys(), (key) => at.get(key));
  return cache;
}

/** Puts an extraction the store keeps into the local cache when the cache lacks it (an article built on another machine); where it is then, when put. */
async function fetchExtraction(store: GraphStore, storeDir: string, cacheRun: string, key: string): Promise<CacheLocation | undefined> {
  const cache = new ExtractionCache(storeDir, cacheRun);
  if (await cache.hasKey(key)) return undefined;
  const text = await store.readExtraction!(key);
  if (text === undefined) throw new Error(`its extraction (${key}) is neither in the local cache nor in ${store.location}; build its shard again`);
  return cache.putText(key, text);
}

/**
 * Size and modification time of each article file and of its sidecar, and the --published date over
 * them (another one re-reads the file); undefined when it cannot be read. Synchronous stats, and a
 * sidecar stat-ed only when its folder lists it: a build of 10,000 unchanged files spends ~0.1 s
 * CPU here instead of ~1 s of promises and ENOENT errors.
 */
function stampsOf(files: string[], published?: string, newest?: { ms: number }): (string | undefined)[] {
  const listings = new Map<string, Set<string> | undefined>();
  const listed = (path: string): boolean => {
    const dir = dirname(path);
    if (!listings.has(dir)) {
      let names: Set<string> | undefined;
      try {
        names = new Set(readdirSync(dir));
      } catch {
        names = undefined; // an unreadable folder: ask the file itself
      }
      listings.set(dir, names);
    }
    const names = listings.get(dir);
    return names ? names.has(basename(path)) : true;
  };
  return files.map((file) => {
    const s = statOf(file);
    if (!s || !s.isFile()) return undefined;
    const side = file.replace(/\.txt$/, "") + ".meta.json";
    const sidecar = listed(side) ? statOf(side) : undefined;
    if (newest) newest.ms = Math.max(newest.ms, s.mtimeMs, s.ctimeMs, sidecar?.mtimeMs ?? 0, sidecar?.ctimeMs ?? 0);
    return `${s.size}:${s.mtimeMs}:${sidecar ? `${sidecar.size}:${sidecar.mtimeMs}` : "-"}${published ? `:${published}` : ""}`;
  });
}
/** The folders the files are in. */
const foldersOf = (files: string[]): Set<string> => new Set(files.map((f) => dirname(f)));

/** The latest change (modification or status: a file added, removed, renamed) of these paths, ms. */
function newestChange(paths: Iterable<string>): number {
  let ms = 0;
  for (const path of paths) {
    const s = statOf(path);
    if (s) ms = Math.max(ms, s.mtimeMs, s.ctimeMs);
  }
  return ms;
}

/**
 * Fewest files for a build to start a worker before it knows what changed: below, the files are
 * stat-ed and the manifest read so fast that a worker's start-up is not worth overlapping with
 * them, and a few articles are read in this thread (cheaper than a worker). NEWSGRAPH_PRESTART_MIN_FILES
 * sets another (tests).
 */
const prestartMinFiles = (): number => {
  const n = Number(process.env.NEWSGRAPH_PRESTART_MIN_FILES);
  return Number.isInteger(n) && n >= 0 && process.env.NEWSGRAPH_PRESTART_MIN_FILES !== "" ? n : 1000;
};

/** resolvePath of article files, each folder resolved once (a file's name is a plain name: the same path). */
function absolutePaths(): (file: string) => string {
  const folders = new Map<string, string>();
  return (file) => {
    const dir = dirname(file);
    let abs = folders.get(dir);
    if (abs === undefined) folders.set(dir, (abs = resolvePath(dir)));
    const name = basename(file);
    return name === "." || name === ".." || name === "" ? resolvePath(file) : join(abs, name);
  };
}

const statOf = (path: string) => {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
};

async function readRecords(store: GraphStore, entries: ArticleEntry[]): Promise<ArticleState[]> {
  if (!entries.length) return [];
  const texts = await store.readRecords(entries.map((e) => e.state!));
  return texts.map((t) => JSON.parse(t) as ArticleState);
}

async function readBucketStates(store: GraphStore, base: StoreManifest): Promise<Map<string, BucketState>> {
  const buckets = Object.entries(base.entities ?? {}).filter(([, b]) => b.state);
  const out = new Map<string, BucketState>();
  if (!buckets.length) return out;
  const texts = await store.readRecords(buckets.map(([, b]) => b.state!));
  buckets.forEach(([name], i) => out.set(name, JSON.parse(texts[i]) as BucketState));
  return out;
}


type Stages = Awaited<ReturnType<typeof stages>>;

/**
 * Every article's entities resolved together (articles in docId order, as resolve() does), over
 * the compact mention table: the resolution, each entity's members (made when asked for, from the
 * table) and the index of keys and plain slugs (entity-index.ts; made when asked for).
 */
function resolveAll(s: Stages, table: InstanceType<Stages["MentionTable"]>) {
  const resolution = s.resolveCorpus(table);
  const members = (id: string): MemberRecord[] =>
    Array.from(resolution.mentionsOf(id), (m) => {
      const d = table.docOf(m);
      return [table.docId(d), m - table.first(d), table.local(m)];
    });
  const index = (): Map<string, string[]> => {
    // An entity's keys: its plain slug and the connecting keys of its local entities (made once per distinct local entity).
    const keysOfShape = new Map<LocalEntity, string[]>();
    const out = new Map<string, string[]>();
    for (const e of resolution.entities) {
      const keys = new Set<string>([slugKey(s.baseId(e))]);
      for (const m of resolution.mentionsOf(e.id)) {
        const shape = table.shapeAt(m);
        let ks = keysOfShape.get(shape);
        if (!ks) keysOfShape.set(shape, (ks = s.connectingKeys(shape)));
        for (const k of ks) keys.add(k);
      }
      for (const k of keys) {
        const holders = out.get(k);
        if (holders) holders.push(e.id);
        else out.set(k, [e.id]);
      }
    }
    return out;
  };
  return { resolution, members, index, table };
}

const pieceHashOf = (text: string): string => (text ? pieceHash(text) : "");

const stripPieces = (e: ArticleEntry): Omit<ArticleEntry, "graph" | "state"> => {
  const { graph: _g, state: _s, ...rest } = e;
  return rest;
};

/**
 * The entity shapes over the changed entities: their descriptions, with an ng:mentionedIn of the
 * first article that mentions each, typed ng:Article (what the article graphs hold of them). One
 * stands for all: every article of an entity is such an article, so the shapes' constraints on
 * ng:mentionedIn (minCount 1, class ng:Article) answer as they would with all of them, while the
 * check costs per entity, not per mention (an entity named in 100,000 articles is one quad here).
 */
async function validateEntities(entities: Entity[], links: Links): Promise<Violation[]> {
  if (!entities.length) return [];
  const { validatePart } = await stages();
  const quads: Quad[] = entityQuads({ entities, entityOf: new Map() }, links);
  const { namedNode, quad } = DataFactory;
  const mentionedIn = namedNode(NG + "mentionedIn");
  const type = namedNode(RDF + "type");
  const article = namedNode(NG + "Article");
  const typed = new Set<string>();
  for (const e of entities) {
    const doc = e.articles[0];
    if (doc === undefined) continue;
    quads.push(quad(namedNode(entityIri(e.id)), mentionedIn, namedNode(articleIri(doc))));
    if (!typed.has(doc)) {
      typed.add(doc);
      quads.push(quad(namedNode(articleIri(doc)), type, article));
    }
  }
  return validatePart("entities", quads);
}

let ontology: string | undefined;
const ontologyText = (): string => (ontology ??= canonicalNQuads(ontologyQuads()));

function errorMessage(e: unknown, file: string): string {
  if (e instanceof IngestError) return e.message;
  const message = e instanceof Error ? e.message : String(e);
  return message.includes(file) ? message : `${file}: ${message}`;
}

const countLines = (text: string): number => {
  let n = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) n++;
  return n;
};
