// What a build worker does for one article (see pool.ts): read and extract it, or map its
// extraction to its named graph and check that graph against the shapes. Runs in a worker thread
// so that an article past its time or memory budget can be stopped without stopping the build.
import type { ArticleLinkFacts, EntityKind, Extraction, LocalEntity, Resolution } from "../model.ts";
import { ingestFile, ingestText } from "../ingest/index.ts";
import { extract } from "../extract/index.ts";
import { articleLinkFacts } from "../link/context.ts";
import { articleQuads, entityTypeQuads, nquadLine, validatePart, type Violation } from "../graph/index.ts";
import { ExtractionCache, type CacheLocation } from "./cache.ts";
import { factsText, type FactsText } from "./facts-spill.ts";

/** What the build keeps of an article between builds: what resolution and linking read. */
export interface ArticleFacts {
  entities: LocalEntity[];
  roles: { holder: string; title: string; organisation?: string }[];
  /** What the linker reads of the text (publication date, the words around places), so an unchanged article links without being read. */
  linkFacts: ArticleLinkFacts;
}

export interface ExtractTask {
  file: string;
  storeDir: string;
  /** The build's name for the extraction cache (cache.ts newCacheRun): one pack per thread per build. */
  run: string;
  /** Publication date (YYYY-MM-DD) over the page's and the sidecar's (build --published). */
  published?: string;
}

export interface Extracted {
  /** Its facts as the text its record will hold (a worker passes text faster than the objects). */
  facts: FactsText;
  docId: string;
  fileName: string;
  sha256: string;
  /** Key of the extraction in the cache (read again to write the graph). */
  key: string;
  /** Where the extraction is in the cache (given to its graph task: no look-up). */
  at?: CacheLocation;
  cached: boolean;
}

/**
 * Runs the synchronous work of a task: as it is in a worker (the pool stops the whole worker past
 * its budget), under what is left of the task's time budget in the main thread (in-thread.ts).
 */
export type Budgeted = <T>(work: () => T) => T;
const asItIs: Budgeted = (work) => work();

/** Reads, ingests and extracts one file (or takes its extraction from the cache). Throws IngestError. */
export async function extractArticle(task: ExtractTask, budgeted: Budgeted = asItIs): Promise<Extracted> {
  // ingestFile's work is synchronous (async only in name): all of it runs within the budget
  const doc = await budgeted(() => {
    testHooks(task.file);
    return ingestFile(task.file, { published: task.published });
  });
  const cache = new ExtractionCache(task.storeDir, task.run);
  // (extraction does not change the document: one key for the look-up, the entry and the result)
  const key = cache.keyOf(doc);
  let x = await cache.get(doc, key);
  const cached = Boolean(x);
  if (!x) {
    const made = budgeted(() => extract(doc));
    x = made;
    await cache.put(made, key);
  }
  return { docId: doc.id, fileName: doc.fileName, sha256: doc.sha256, key, at: cache.where(key), cached, facts: factsText(factsOf(x)) };
}

export const factsOf = (x: Extraction): ArticleFacts => ({
  entities: x.entities,
  roles: x.roles.map((r) => (r.organisation === undefined ? { holder: r.holder, title: r.title } : { holder: r.holder, title: r.title, organisation: r.organisation })),
  linkFacts: articleLinkFacts(x),
});

export interface GraphTask {
  storeDir: string;
  run: string;
  key: string;
  /** Where its extraction is in the cache, when the build knows. */
  at?: CacheLocation;
  /** Local entity key → [entity id, kind] (the resolution, for this article). */
  mapping: Record<string, [string, EntityKind]>;
}

export interface GraphResult {
  /** The article's named graph as canonical N-Quads. */
  text: string;
  quads: number;
  violations: Violation[];
}

/** The article's graph (canonical N-Quads), checked against the shapes with the types of the entities it names. */
export async function graphArticle(task: GraphTask, budgeted: Budgeted = asItIs): Promise<GraphResult> {
  const x = await new ExtractionCache(task.storeDir, task.run).getByKey(task.key, task.at);
  if (!x) throw new Error(`the extraction cache lost ${task.key}; build again`);
  const entityOf = new Map<string, string>();
  const kinds = new Map<string, EntityKind>();
  for (const [key, [id, kind]] of Object.entries(task.mapping)) {
    entityOf.set(`${x.doc.id}#${key}`, id);
    kinds.set(id, kind);
  }
  const resolution: Resolution = { entities: [...kinds].map(([id, kind]) => ({ id, kind, label: "", altLabels: [], articles: [] })), entityOf };
  const { quads, lines } = budgeted(() => {
    const quads = articleQuads(x, resolution);
    return { quads, lines: [...new Set(quads.map((q) => nquadLine(q).trimEnd()))].sort() };
  });
  // the quick check runs before validatePart's first await, within the budget; the engine, for the rare part it cannot pass, after
  const violations = await budgeted(() => validatePart("facts", [...quads, ...[...kinds].flatMap(([id, kind]) => entityTypeQuads(id, kind))]));
  return { text: lines.length ? lines.join("\n") + "\n" : "", quads: lines.length, violations };
}

/**
 * Loads what the passes load on first use (the tagger's model, lexicons, shapes), so that an
 * article's time budget counts its own work, not a fresh worker's start-up.
 */
export async function warmUp(): Promise<void> {
  const x = extract(ingestText("warm-up.txt", "Talks in Lisbon\n\nThe Foreign Minister, Ana Sousa, said: \u201cWe agree.\u201d\n"));
  factsOf(x);
  await validatePart("facts", articleQuads(x, { entities: [], entityOf: new Map() }));
}

/** Test hooks: an article that never finishes, or one that eats memory without end (test/pipeline/faults.test.ts). */
function testHooks(file: string): void {
  const name = file.split(/[\\/]/).pop();
  if (name && name === process.env.NEWSGRAPH_TEST_SLOW_ARTICLE) for (;;);
  if (name && name === process.env.NEWSGRAPH_TEST_HOG_ARTICLE) {
    const hog: string[][] = [];
    for (;;) hog.push(Array.from({ length: 1e5 }, (_, i) => `${i}${hog.length}`));
  }
}
