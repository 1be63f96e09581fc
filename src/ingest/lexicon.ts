// Lexicons are data files under data/lexicons/, read once per process.
import { readFileSync } from "node:fs";

const LEXICON_DIR = new URL("../../data/lexicons/", import.meta.url);

/**
 * Entries of data/lexicons/NAME by section: `# ...` lines are comments, `[section]` starts a
 * section (entries before any header are in section ""), blank lines are ignored.
 */
export function readLexicon(name: string): Map<string, string[]> {
  const sections = new Map<string, string[]>([["", []]]);
  let current = sections.get("")!;
  for (const raw of readFileSync(new URL(name, LEXICON_DIR), "utf8").split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const header = /^\[([\w-]+)\]$/.exec(line);
    if (header) {
      current = sections.get(header[1]) ?? [];
      sections.set(header[1], current);
    } else current.push(line);
  }
  return sections;
}

/** Tab-separated `key<TAB>value` entries of a lexicon section as a map. */
export function readLexiconTable(name: string, section = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of readLexicon(name).get(section) ?? []) {
    const [key, value] = entry.split("\t").map((s) => s.trim());
    if (key && value) out.set(key, value);
  }
  return out;
}
