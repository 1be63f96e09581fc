// The build: article files → validated graph → store.
//   list files → ingest → extract (cached) → resolve → link → quads → SHACL → save (atomic)
// The corpus of a build is exactly its inputs: the graph is made anew from them each time (cached
// extractions make that cheap), so removed files' facts disappear and unchanged articles give
// identical triples.
import { join, resolve as resolvePath } from "node:path";
import type { Document, Extraction } from "../model.ts";
import { IngestError, ingestFile, listArticleFiles } from "../ingest/index.ts";
import { EXTRACTOR_VERSION, extract } from "../extract/index.ts";
import { resolve } from "../resolve/index.ts";
import { linkEntities } from "../link/index.ts";
import { canonicalNQuads, formatReport, graphQuads, ontologyQuads, validateQuads, type ValidationReport } from "../graph/index.ts";
import { StoreError, emptyManifest, readManifest, saveCanonical, type StoreManifest } from "../store/index.ts";
import { ExtractionCache } from "./cache.ts";
import { ValidationMemo } from "./validation-memo.ts";

export type BuildPhase = "ingest" | "extract" | "resolve" | "link" | "graph" | "validate" | "save";

export interface BuildProgress {
  phase: BuildPhase;
  /** Articles done so far in this phase (ingest+extract count per article; other phases 0 or 1). */
  done: number;
  total: number;
}

export interface BuildOptions {
  /** Article files or folders (folders: every *.txt in them). */
  inputs: string[];
  storeDir: string;
  /** Let the linker ask Wikidata's API. */
  online?: boolean;
  onProgress?: (progress: BuildProgress) => void;
}

export interface FailedFile {
  file: string;
  message: string;
}

export interface BuildResult {
  /** Articles in the saved graph. */
  articles: number;
  /** Articles extracted now / taken from the cache. */
  extracted: number;
  cached: number;
  /** Files that could not be built (the rest still were). */
  failed: FailedFile[];
  /** docIds in the previous store that this build no longer has. */
  removed: string[];
  quads: number;
  manifest: StoreManifest;
  /** Milliseconds per phase. */
  timings: Record<BuildPhase, number>;
}

/** The graph violates the SHACL shapes; nothing was saved. */
export class ValidationError extends Error {
  constructor(readonly report: ValidationReport) {
    super(formatReport(report));
  }
}

export async function buildGraph(options: BuildOptions): Promise<BuildResult> {
  const { storeDir, onProgress } = options;
  const timings = { ingest: 0, extract: 0, resolve: 0, link: 0, graph: 0, validate: 0, save: 0 } as Record<BuildPhase, number>;
  const timed = async <T>(phase: BuildPhase, work: () => T | Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try {
      return await work();
    } finally {
      timings[phase] += performance.now() - t0;
    }
  };

  // Only to report removed articles: a store of another format is simply replaced by this build.
  const previous = await readManifest(storeDir).catch((e: unknown) => {
    if (e instanceof StoreError) return undefined;
    throw e;
  });
  const files = await listArticleFiles(options.inputs);
  const cache = new ExtractionCache(storeDir);
  const failed: FailedFile[] = [];
  const extractions: Extraction[] = [];
  const pathOf = new Map<string, string>();
  let cached = 0;

  for (const [i, file] of files.entries()) {
    const doc = await timed("ingest", () => ingestFile(file)).catch((e: unknown) => {
      failed.push({ file, message: errorMessage(e, file) });
      return undefined;
    });
    if (doc) {
      const other = pathOf.get(doc.id);
      if (other !== undefined) {
        failed.push({ file, message: `${file}: same article id '${doc.id}' as ${other}; rename one of them` });
      } else {
        const x = await extractCached(doc, cache, timed).catch((e: unknown) => {
          failed.push({ file, message: `${file}: extraction failed: ${errorMessage(e, file)}` });
          return undefined;
        });
        if (x) {
          extractions.push(x.extraction);
          pathOf.set(doc.id, file);
          if (x.cached) cached++;
        }
      }
    }
    onProgress?.({ phase: "extract", done: i + 1, total: files.length });
  }

  onProgress?.({ phase: "resolve", done: 0, total: 1 });
  const resolution = await timed("resolve", () => resolve(extractions));
  onProgress?.({ phase: "link", done: 0, total: 1 });
  const links = await timed("link", () =>
    linkEntities(resolution, extractions, { online: options.online ?? false, cacheDir: join(storeDir, "cache", "wikidata") }),
  );

  onProgress?.({ phase: "graph", done: 0, total: 1 });
  const quads = await timed("graph", () => [...ontologyQuads(), ...graphQuads(extractions, resolution, links)]);

  onProgress?.({ phase: "validate", done: 0, total: 1 });
  const memo = await new ValidationMemo(storeDir).load();
  const report = await timed("validate", () => validateQuads(quads, { cache: memo }));
  if (!report.conforms) throw new ValidationError(report);

  onProgress?.({ phase: "save", done: 0, total: 1 });
  const text = await timed("save", () => canonicalNQuads(quads));
  const manifest = await timed("save", async () => {
    const articles: StoreManifest["articles"] = {};
    for (const x of [...extractions].sort((a, b) => (a.doc.id < b.doc.id ? -1 : 1))) {
      articles[x.doc.id] = { fileName: x.doc.fileName, path: resolvePath(pathOf.get(x.doc.id)!), sha256: x.doc.sha256 };
    }
    const saved = await saveCanonical(storeDir, text, { ...emptyManifest(), articles, extractorVersion: EXTRACTOR_VERSION });
    await cache.prune();
    await memo.save();
    return saved;
  });

  const removed = Object.keys(previous?.articles ?? {}).filter((id) => !(id in manifest.articles));
  return { articles: extractions.length, extracted: extractions.length - cached, cached, failed, removed, quads: countLines(text), manifest, timings };
}

async function extractCached(
  doc: Document,
  cache: ExtractionCache,
  timed: <T>(phase: BuildPhase, work: () => T | Promise<T>) => Promise<T>,
): Promise<{ extraction: Extraction; cached: boolean }> {
  const hit = await cache.get(doc);
  if (hit) return { extraction: hit, cached: true };
  const extraction = await timed("extract", () => extract(doc));
  await cache.put(extraction);
  return { extraction, cached: false };
}

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
