// Ingest: files on disk → Document. (First version: the ingest owner replaces the internals.)
import { createHash } from "node:crypto";
import { readFile, readdir, stat } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import type { Block, Document, Span } from "../model.ts";

/** A file that could not be read as an article; the message names the file. */
export class IngestError extends Error {
  constructor(readonly file: string, message: string) {
    super(`${file}: ${message}`);
  }
}

/** Expands files and folders into the sorted list of article files (*.txt) they hold. */
export async function listArticleFiles(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const s = await stat(p).catch(() => {
      throw new IngestError(p, "no such file or folder");
    });
    if (s.isDirectory()) {
      for (const f of (await readdir(p)).sort()) if (f.endsWith(".txt")) out.push(join(p, f));
    } else out.push(p);
  }
  return [...new Set(out)].sort();
}

/** Reads one article file (and its optional NAME.meta.json sidecar). Throws IngestError. */
export async function ingestFile(path: string): Promise<Document> {
  const bytes = await readFile(path);
  return ingestText(basename(path), bytes.toString("utf8"), createHash("sha256").update(bytes).digest("hex"));
}

export function ingestText(fileName: string, text: string, sha256 = ""): Document {
  const blocks: Block[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) blocks.push({ start: m.index, end: m.index + m[0].length, kind: "body" });
  const sentences: Span[] = [];
  for (const b of blocks) {
    const sre = /[^.!?]+[.!?]*["”’]?/g;
    const part = text.slice(b.start, b.end);
    for (let m = sre.exec(part); m; m = sre.exec(part)) sentences.push({ start: b.start + m.index, end: b.start + m.index + m[0].length });
  }
  return { id: basename(fileName, extname(fileName)), fileName, sha256, text, blocks, sentences, title: blocks[0] ? text.slice(blocks[0].start, blocks[0].end) : undefined };
}
