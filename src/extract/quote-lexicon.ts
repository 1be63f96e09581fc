// The word lists of the quotation and sanctions passes, read once from data/lexicons/
// (each file says where its words come from).
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "data", "lexicons");
const cache = new Map<string, string[]>();

/** The entries of a lexicon file: one per line, '#' starts a comment line, lower-cased. */
export function lexiconEntries(file: string): string[] {
  let entries = cache.get(file);
  if (!entries) {
    entries = readFileSync(join(DIR, file), "utf8")
      .split("\n")
      .map((l) => l.trim().toLowerCase())
      .filter((l) => l && !l.startsWith("#"));
    cache.set(file, entries);
  }
  return entries;
}

export function lexiconSet(file: string): Set<string> {
  return new Set(lexiconEntries(file));
}

/** An alternation of the lexicon's phrases, longest first, for use inside a RegExp. */
export function lexiconAlternation(file: string): string {
  return [...lexiconEntries(file)]
    .sort((a, b) => b.length - a.length)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+"))
    .join("|");
}

const tables = new Map<string, Map<string, string>>();

/** A two-column lexicon (tab-separated; '#' starts a comment line): first column, as written → second. */
export function lexiconTable(file: string): Map<string, string> {
  let table = tables.get(file);
  if (!table) {
    table = new Map();
    for (const line of readFileSync(join(DIR, file), "utf8").split("\n")) {
      const [key, value] = line.split("\t");
      if (key && value !== undefined && !key.startsWith("#")) table.set(key.trim(), value.trim());
    }
    tables.set(file, table);
  }
  return table;
}
