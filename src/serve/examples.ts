// The example queries offered on the query page: every queries/*.rq file. Its leading
// comment lines are its header: the first is the title, the rest describe it.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

export interface Example {
  name: string;
  title: string;
  description: string;
  query: string;
}

/** Reads the examples in `dir` (sorted by file name); none when the folder is missing. */
export async function listExamples(dir: string): Promise<Example[]> {
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith(".rq")).sort();
  return Promise.all(files.map(async (file) => parseExample(file.slice(0, -3), await readFile(join(dir, file), "utf8"))));
}

export function parseExample(name: string, query: string): Example {
  const header: string[] = [];
  for (const line of query.split(/\r?\n/)) {
    if (!line.startsWith("#")) break;
    const text = line.replace(/^#+\s?/, "").trim();
    if (text) header.push(text.replace(/^(title|description):\s*/i, ""));
  }
  const fallback = name.replace(/^\d+[-_]?/, "").replace(/[-_]+/g, " ");
  return { name, title: header[0] ?? fallback, description: header.slice(1).join(" "), query };
}
