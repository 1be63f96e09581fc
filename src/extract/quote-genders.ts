// The gender of a person the article names, for pronoun agreement ("she said" cannot go back to a
// man named before): an honorific ("Ms X", "Mr X") first, then the usual gender of the given name,
// then the pronouns the annotation already tied to the person. Unknown when nothing says.
import type { LocalEntity, Mention } from "../model.ts";
import { lexicons } from "./lexicon.ts";
import { lexiconTable } from "./quote-lexicon.ts";

export type Gender = "m" | "f";

const MASCULINE = new Set(["he", "him", "his", "himself"]);
const FEMININE = new Set(["she", "her", "hers", "herself"]);
/** Posts that say the gender: "the spokeswoman", "Queen", "First Lady". */
const GENDERED_WORDS: Array<[RegExp, Gender]> = [
  [/\b(?:spokeswoman|chairwoman|congresswoman|businesswoman|queen|princess|first\s+lady|duchess|countess|baroness|dame|lady|madam)\b/i, "f"],
  [/\b(?:spokesman|chairman|congressman|businessman|king|prince|duke|baron|sir|lord)\b/i, "m"],
];

/** Gender of each person entity, from its mentions. */
export function personGenders(entities: readonly LocalEntity[], mentions: readonly Mention[]): Map<string, Gender> {
  const honorifics = lexicons().honorifics;
  const names = lexiconTable("name-genders.tsv");
  const byHonorific = new Map<string, Gender>();
  const votes = new Map<string, { m: number; f: number }>();
  for (const m of mentions) {
    if (m.via === "honorific") {
      const g = honorifics.get(m.surface.split(/\s+/)[0]);
      if (g === "m" || g === "f") byHonorific.set(m.entity, g);
    } else if (m.via === "pronoun") {
      const w = m.surface.toLowerCase();
      const v = votes.get(m.entity) ?? { m: 0, f: 0 };
      if (MASCULINE.has(w)) v.m++;
      if (FEMININE.has(w)) v.f++;
      votes.set(m.entity, v);
    } else if (m.via === "title") {
      for (const [re, g] of GENDERED_WORDS) if (re.test(m.surface)) byHonorific.set(m.entity, g);
    }
  }
  const out = new Map<string, Gender>();
  for (const e of entities) {
    if (e.kind !== "person") continue;
    const known = byHonorific.get(e.key);
    if (known) {
      out.set(e.key, known);
      continue;
    }
    // the given name of a full name ("Anna Berg"); a name printed family name first may mislead, so the
    // pronouns tied to the person outvote it when they clearly say otherwise
    const full = [...e.names].sort((x, y) => y.split(/\s+/).length - x.split(/\s+/).length)[0] ?? "";
    const first = full.split(/\s+/).length >= 2 ? full.split(/\s+/)[0] : "";
    const byName = names.get(first) as Gender | undefined;
    const v = votes.get(e.key);
    const byPronouns: Gender | undefined = v && v.m >= 2 * v.f + 2 ? "m" : v && v.f >= 2 * v.m + 2 ? "f" : undefined;
    const g = byPronouns && byName && byPronouns !== byName ? byPronouns : byName ?? byPronouns;
    if (g) out.set(e.key, g);
  }
  return out;
}
