// A digest of the code and data that decide what a build makes of its articles, besides the
// articles themselves. The store records it; a build with another one re-reads every article
// (cached extractions still serve) instead of trusting what earlier builds recorded.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const FOLDERS = ["../ingest/", "../extract/", "../resolve/", "../graph/", "../link/", "./", "../../data/lexicons/", "../../ontology/"].map(here);
const FILES = ["../model.ts", "../../data/wikidata/overrides.json"].map(here);
/** Large data: its size and modification time stand for its content. */
const STAMPED = ["../../data/wikidata/gazetteer.tsv"].map(here);

let memo: string | undefined;

export function buildFingerprint(): string {
  if (memo) return memo;
  const hash = createHash("sha256");
  for (const dir of FOLDERS) {
    for (const name of readdirSync(dir).sort()) {
      if (name.endsWith(".md")) continue;
      const path = dir + name;
      if (!statSync(path).isFile()) continue;
      hash.update(`${path}\n`).update(readFileSync(path));
    }
  }
  for (const path of FILES) hash.update(`${path}\n`).update(readFileSync(path, { flag: "r" }) ?? "");
  for (const path of STAMPED) {
    const s = statSync(path, { throwIfNoEntry: false });
    hash.update(`${path} ${s?.size ?? -1} ${s?.mtimeMs ?? -1}\n`);
  }
  memo = hash.digest("hex").slice(0, 16);
  return memo;
}
