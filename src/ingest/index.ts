// Ingest: article files on disk → Document (decoded text, blocks without page furniture,
// sentences with offsets, metadata). Every offset points into the unchanged file text.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { basename, extname } from "node:path";
import type { Document, Span } from "../model.ts";
import { decodeArticle } from "./decode.ts";
import { IngestError } from "./errors.ts";
import { ARTICLE_EXTENSION } from "./files.ts";
import { layOut } from "./layout.ts";
import { splitSentences } from "./sentences.ts";
import { parseSidecar } from "./sidecar.ts";

export { IngestError } from "./errors.ts";
export { decodeArticle } from "./decode.ts";
export { splitSentences } from "./sentences.ts";
export { listArticleFiles } from "./files.ts";

const SIDECAR_EXTENSION = ".meta.json";

export interface IngestOverrides {
  /** Publication date (ISO) for the article, over what its page and sidecar say (`newsgraph build --published`). */
  published?: string;
}

/** Reads one article file (and its optional NAME.meta.json sidecar). Throws IngestError. */
export async function ingestFile(path: string, overrides: IngestOverrides = {}): Promise<Document> {
  // Read synchronously: a build reads each article in a worker thread of its own, and Node's
  // promise-based readFile costs about ten times the CPU of readFileSync on a small file.
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new IngestError(path, code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a folder, not a file" : `cannot read (${code ?? (e as Error).message})`);
  }
  const sidecarPath = (extname(path) === ARTICLE_EXTENSION ? path.slice(0, -ARTICLE_EXTENSION.length) : path) + SIDECAR_EXTENSION;
  let sidecarBytes: Buffer | undefined;
  if (existsSync(sidecarPath)) {
    try {
      sidecarBytes = readFileSync(sidecarPath);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== "ENOENT") throw new IngestError(sidecarPath, `cannot read (${code ?? (e as Error).message})`);
    }
  }
  // The cache key covers the sidecar too, so editing it rebuilds the article.
  const hash = createHash("sha256").update(bytes);
  if (sidecarBytes) hash.update("\0").update(sidecarBytes);
  const doc = ingestText(basename(path), decodeArticle(path, bytes), hash.digest("hex"));
  if (!doc.blocks.length) throw new IngestError(path, "no article text (every line is page furniture: share buttons, menus, paywall)");
  if (sidecarBytes) {
    const meta = parseSidecar(sidecarPath, decodeArticle(sidecarPath, sidecarBytes));
    if (meta.title !== undefined) doc.title = meta.title;
    if (meta.publisher !== undefined) doc.publisher = meta.publisher;
    if (meta.date !== undefined) doc.published = meta.date;
    if (meta.url !== undefined) doc.url = meta.url;
  }
  if (overrides.published !== undefined) doc.published = overrides.published;
  return doc;
}

/** Kinds whose block is one sentence whatever its punctuation. */
const ONE_SENTENCE = new Set(["headline", "subheadline", "dateline", "byline"]);

/** Builds the Document of an already decoded article text (a leading BOM is skipped by offset). */
export function ingestText(fileName: string, text: string, sha256 = ""): Document {
  const layout = layOut(text);
  const sentences: Span[] = [];
  for (const b of layout.blocks) {
    if (ONE_SENTENCE.has(b.kind)) sentences.push({ start: b.start, end: b.end });
    else sentences.push(...splitSentences(text, b.start, b.end));
  }
  const doc: Document = { id: basename(fileName, extname(fileName)), fileName, sha256, text, blocks: layout.blocks, sentences };
  if (layout.title) doc.title = layout.title;
  if (layout.publisher) doc.publisher = layout.publisher;
  if (layout.published) doc.published = layout.published;
  if (layout.datelineDay) doc.datelineDay = layout.datelineDay;
  if (layout.dateline) {
    doc.dateline = { span: layout.dateline.span };
    if (layout.dateline.place) doc.dateline.place = layout.dateline.place;
  }
  return doc;
}
