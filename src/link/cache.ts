// Every Wikidata API answer is kept under the store directory, keyed by the request's path
// and query (not its host, so a mirror or a test server shares the cache), so the next
// build can link offline exactly as the online one did.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { replaceFile } from "../replace-file.ts";

export interface CachedAnswer {
  /** Path and query of the request, e.g. "/w/api.php?action=wbgetentities&ids=Q1&...". */
  request: string;
  fetched: string;
  body: unknown;
}

/** The cache folder inside a store directory. */
export const cacheDirOf = (storeDir: string): string => join(storeDir, "cache", "wikidata");

export const requestKey = (url: string): string => {
  const u = new URL(url);
  return u.pathname + u.search;
};

const fileOf = (dir: string, request: string): string =>
  join(dir, createHash("sha256").update(request).digest("hex").slice(0, 32) + ".json");

export class AnswerCache {
  constructor(readonly dir: string) {}

  async get(url: string): Promise<unknown | undefined> {
    const request = requestKey(url);
    const file = fileOf(this.dir, request);
    // An offline build asks for many answers never fetched: a failed open (a rejected promise and
    // an error with its stack) cost a build of 1,000 articles ~0.5 s of main-thread CPU; a stat does not.
    if (!existsSync(file)) return undefined;
    const text = await readFile(file, "utf8").catch(() => undefined);
    if (text === undefined) return undefined;
    const answer = JSON.parse(text) as CachedAnswer;
    return answer.request === request ? answer.body : undefined;
  }

  async put(url: string, body: unknown): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const request = requestKey(url);
    const file = fileOf(this.dir, request);
    const answer: CachedAnswer = { request, fetched: new Date().toISOString(), body };
    await replaceFile(file, JSON.stringify(answer));
  }

  /** Every cached answer (for folding them into the shipped gazetteer). */
  async all(): Promise<CachedAnswer[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const out: CachedAnswer[] = [];
    for (const name of names.filter((n) => n.endsWith(".json")).sort()) {
      out.push(JSON.parse(await readFile(join(this.dir, name), "utf8")) as CachedAnswer);
    }
    return out;
  }
}
