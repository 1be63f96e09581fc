// The prose-word pre-test of readStamp (a line with a lower-case word no stamp can hold is no stamp,
// without asking chrono) gives the same answers as reading every line with chrono. Invented lines.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { chronoCanSpell, chronoWords, holdsProseWord, readStamp, readStampWithChrono } from "../../src/ingest/stamps.ts";

/** Stamp pieces, chrono's own words (alone and written together) and prose words, some of them traps. */
const PIECES = [
  "Published", "Updated", "Last updated:", "Posted on", "By", "Jana Kolar", "and", "Piet Ackle", "|", "-", "–", ",", "/", "(", ")", "·",
  "December 3, 2024", "Mar 5", "5 March 2022", "Thu", "Monday", "on Friday", "12/05/2024", "26.02.2024", "2024-03-05T10:00:00Z", "1999",
  "6:41 PM", "02:40", "10.15", "9am", "GMT+1", "EST", "UTC", "IST", "ago", "2 hours ago", "three days ago", "a few minutes ago", "yesterday",
  "today", "tonight", "last night", "lastnight", "this morning", "thismorning", "inthemorning", "at night", "noon", "midnight", "o'clock",
  "in 5 days", "within two weeks", "next week", "nextweek", "last month", "end of the month", "300 BC", "300 bce", "AD", "until",
  "through", "till", "to", "from", "since", "after", "before", "earlier", "later", "World", "Asia Pacific", "Port Elm News", "min read",
  "announced", "sanctions", "officials", "reporters", "habitat", "westat", "westat 5pm", "combat", "bcexyz", "adverse", "becomes",
  "weekends", "mondays", "yesterdays", "thirtieth", "twentyfirst", "halfan", "acoupleof", "withinaboutfive", "afternoons", "minutes",
  "pmest", "5pmest", "amest", "sundayest", "morningcest", "mayor", "decided", "marched", "sunset", "saturdays", "novel", "augment",
];

/** A small deterministic generator (no Math.random: failures must repeat). */
function lines(count: number, seed: number): string[] {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    const parts: string[] = [];
    const len = 1 + Math.floor(next() * 7);
    for (let k = 0; k < len; k++) parts.push(PIECES[Math.floor(next() * PIECES.length)]);
    out.push(parts.join(next() < 0.2 ? "" : " "));
  }
  return out;
}

describe("readStamp's prose-word pre-test", () => {
  it("answers as chrono's full reading does on many generated lines of stamp pieces and prose words", () => {
    let rejected = 0, stamps = 0;
    for (const line of lines(6000, 7)) {
      if (holdsProseWord(line)) rejected++;
      const stamp = readStamp(line);
      if (stamp) stamps++;
      expect(JSON.stringify(stamp), line).toBe(JSON.stringify(readStampWithChrono(line)));
    }
    // the lines reach both sides: the pre-test, and stamps that pass it
    expect(rejected).toBeGreaterThan(500);
    expect(stamps).toBeGreaterThan(300);
  });

  it("answers as chrono's full reading does on the invented pages' lines", () => {
    const dir = join(import.meta.dirname, "..", "fixtures", "ingest");
    const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".txt") || f.endsWith(".html"));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      for (const line of readFileSync(join(dir, file), "utf8").split("\n")) {
        expect(JSON.stringify(readStamp(line.trim())), line).toBe(JSON.stringify(readStampWithChrono(line.trim())));
      }
    }
  });

  it("a sentence's lower-case word stops the line before chrono; stamp words, furniture and names do not", () => {
    expect(holdsProseWord("The Port Elm Council on Friday announced sanctions on four officials.")).toBe(true);
    expect(holdsProseWord("Updated 2 hours ago")).toBe(false);
    expect(holdsProseWord("Published 12:01 AM EST, Thu March 5, 2024 | World")).toBe(false);
    expect(holdsProseWord("By Jana Kolar | Mon 4 March 2024 | 02:40 PM")).toBe(false);
    expect(holdsProseWord("5 March 2024 minutes read")).toBe(false); // chrono's word
    expect(holdsProseWord("announced5 March")).toBe(false); // not a word standing alone
  });

  it("chrono's words written together, a word ending in a clock's 'at' after a 't', an era prefix and a time zone tail count as spellable", () => {
    expect(chronoCanSpell("lastnight")).toBe(true);
    expect(chronoCanSpell("inthemorning")).toBe(true);
    expect(chronoCanSpell("westat")).toBe(true); // "... wes[t]at 5pm": chrono's clock expression may start after a "t"
    expect(chronoCanSpell("bcexyz")).toBe(true); // "300 bc" read with no word boundary after it
    expect(chronoCanSpell("pmcest")).toBe(true); // "5pm" then a time zone
    expect(chronoCanSpell("announced")).toBe(false);
    expect(chronoCanSpell("reporters")).toBe(false);
  });

  it("chrono's words include its refiners' connecting words and its parsers' literals", () => {
    const { words } = chronoWords();
    for (const w of ["until", "through", "till", "after", "before", "of", "on", "at", "yesterday", "overmorrow", "quarter", "o", "clock", "am", "a", "m"]) expect(words.has(w), w).toBe(true);
  });

  it("chrono's refiners use no word the pre-test does not know (a chrono upgrade would show here)", () => {
    const root = join(import.meta.dirname, "..", "..", "node_modules", "chrono-node", "dist", "cjs");
    const { words } = chronoWords();
    const files = [
      ...readdirSync(join(root, "common", "refiners")).map((f) => join(root, "common", "refiners", f)),
      ...readdirSync(join(root, "locales", "en", "refiners")).map((f) => join(root, "locales", "en", "refiners", f)),
    ].filter((f) => f.endsWith(".js"));
    let checked = 0;
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      // the regular expressions: literals /…/flags and new RegExp("…")
      const sources = [...text.matchAll(/new RegExp\((["`])((?:\\.|(?!\1).)*)\1/g)].map((m) => m[2])
        .concat([...text.matchAll(/(?<=[(=,]\s*)\/((?:\\.|[^/\n])+)\/[a-z]*/g)].map((m) => m[1]));
      for (const source of sources) {
        const plain = source.replace(/\\\\./g, " ").replace(/\\./g, " ").replace(/\$\{[^}]*\}/g, " ").replace(/\[[^\]]*\]/g, " ").toLowerCase();
        for (const run of plain.match(/[a-z]+/g) ?? []) {
          checked++;
          expect(words.has(run), `${run} in ${file}`).toBe(true);
        }
      }
    }
    expect(checked).toBeGreaterThan(25);
  });
});
