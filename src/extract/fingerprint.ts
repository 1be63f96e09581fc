// A digest of everything that decides what the extractor outputs: its sources and its lexicons.
// The build's extraction cache is keyed by it, so editing a rule or a lexicon line re-extracts
// every article without anyone having to remember to bump a version number.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

const SOURCES = [new URL(".", import.meta.url), new URL("../../data/lexicons/", import.meta.url)].map((u) => fileURLToPath(u));

let memo: string | undefined;

/** Hex digest (16 characters) of the extractor's source files and lexicon files. */
export function extractorFingerprint(): string {
  if (memo) return memo;
  const hash = createHash("sha256"); // version.ts, which holds EXTRACTOR_VERSION, is among the sources
  for (const dir of SOURCES) {
    for (const name of readdirSync(dir).sort()) {
      if (name.endsWith(".md")) continue; // documentation does not change the output
      hash.update(`${name}\n`).update(readFileSync(dir + name));
    }
  }
  memo = hash.digest("hex").slice(0, 16);
  return memo;
}
