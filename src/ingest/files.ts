// Which article files a list of files and folders names. Kept apart from index.ts so that a build
// with nothing to do lists its inputs without loading the ingest pipeline (layout, dates, lexicons).
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { IngestError } from "./errors.ts";

export const ARTICLE_EXTENSION = ".txt";

/** Expands files and folders into the sorted list of article files (*.txt) they hold. */
export async function listArticleFiles(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const s = await stat(p).catch(() => {
      throw new IngestError(p, "no such file or folder");
    });
    if (s.isDirectory()) {
      for (const f of (await readdir(p)).sort()) if (f.endsWith(ARTICLE_EXTENSION) && !f.startsWith(".")) out.push(join(p, f));
    } else out.push(p);
  }
  return [...new Set(out)].sort();
}
