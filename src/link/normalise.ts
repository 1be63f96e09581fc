// Name normalisation for matching article names against Wikidata labels and aliases.
// Two keys per name: acronyms keep their case ("WHO" is not "who"); every other name is
// folded (case, diacritics, punctuation) and then transliteration-folded, so that the
// usual romanisations of one name (Sergei/Sergey/Sergej, Alexei/Aleksei/Alexey,
// Yekaterina/Ekaterina, Navalny/Navalnyy, Mohammed/Muhammad) share one key. The letter and
// romanisation folding is the one cross-article resolution uses (resolve/fold.ts), so that
// two spellings resolution takes for one name also meet one Wikidata record.
import { memoByString } from "../resolve/memo.ts";
import { fold, foldTransliteration } from "../resolve/fold.ts";

/** Bump when a key changes: a shipped index built with another version is rebuilt at load. */
export const NORMALISER_VERSION = 2;

const HONORIFICS = new Set(["mr", "mrs", "ms", "miss", "dr", "sir", "dame", "madam"]);

/** Case, diacritics, special letters and punctuation folded: "the U.S.’s" → "us", "Ñíguez-Pérez" → "niguez perez". */
export function foldText(text: string): string {
  return fold(text)
    .replace(/[’'`]s\b/g, "")
    .replace(/(?<=\b\p{L})\.(?=\p{L}\b)/gu, "") // "u.s.a." → "usa."
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * The endings the key of "PARENT NAME" can have, whatever PARENT: NAME's words as nameKey folds
 * them, and, for a PARENT of honorifics only (which nameKey drops), without NAME's own leading honorifics.
 */
export function keyEndings(name: string): string[] {
  const tokens = foldText(name).split(" ").filter(Boolean);
  const out = [tokens.map(foldTransliteration).join(" ")];
  for (let i = 0; i < tokens.length - 1 && HONORIFICS.has(tokens[i]); i++) out.push(tokens.slice(i + 1).map(foldTransliteration).join(" "));
  return out;
}

/** Short all-capital names ("EU", "U.S.", "WHO", "UNESCO") are matched case-sensitively. */
export function isAcronym(name: string): boolean {
  const letters = name.replace(/[.\s&-]/g, "");
  return /^[A-Z]{2,6}$/.test(letters) && !/\s\S{2,}/.test(name.trim());
}

/**
 * The lookup key of a name; acronym keys start with "^" so they never meet a folded word.
 * Memoised: linking asks for the keys of the same names for every entity and candidate (bounded:
 * building the gazetteer asks once for each of millions of names).
 */
export const nameKey = memoByString(foldedKey, 1 << 18);

function foldedKey(name: string): string {
  const trimmed = name.trim().replace(/^the\s+/i, "");
  if (isAcronym(trimmed)) return "^" + trimmed.replace(/[.\s&-]/g, "");
  const tokens = foldText(trimmed).split(" ").filter(Boolean);
  while (tokens.length > 1 && HONORIFICS.has(tokens[0])) tokens.shift();
  return tokens.map(foldTransliteration).join(" ");
}

/**
 * The name without initials and generational suffixes, when it has any:
 * "Antony J. Blinken" → "Antony Blinken", "Robert Casey Jr." → "Robert Casey".
 */
export function withoutInitials(name: string): string | undefined {
  const tokens = name.trim().split(/\s+/);
  if (tokens[0].replace(/\./g, "").length < 2) return undefined; // "K J M Varma": initials are all there is
  const kept = tokens.filter((t, i) => i === 0 || !/^(\p{Lu}\.?|jr\.?|sr\.?|ii|iii|iv)$/iu.test(t.replace(/,$/, "")));
  return kept.length >= 2 && kept.length < tokens.length ? kept.join(" ").replace(/,$/, "") : undefined;
}

/** Number of words in a name, as the reader sees them ("Kim Jong-un" has three). */
export function tokenCount(name: string): number {
  return foldText(name).split(" ").filter(Boolean).length;
}

/** Content words of a post title or description, with spelling variants made one. */
export function postWords(text: string): string[] {
  return foldText(text)
    .split(" ")
    .map((w) => POST_SYNONYMS.get(w) ?? w)
    .filter((w) => w && !POST_STOP.has(w) && !/^\d+$/.test(w));
}

const POST_STOP = new Set(["of", "the", "for", "and", "to", "in", "on", "at", "a", "an", "affairs", "former", "ex", "then", "current", "acting"]);
// (a Map, not an object: a word such as "constructor" would find the object's prototype)
const POST_SYNONYMS = new Map(Object.entries({
  defence: "defense",
  councillor: "councilor",
  counsellor: "counselor",
  premier: "prime",
  spokesman: "spokesperson",
  spokeswoman: "spokesperson",
  organisation: "organization",
  programme: "program",
  senator: "senate",
  lawmaker: "member",
  legislator: "member",
  parliamentarian: "member",
  mp: "member",
  correspondent: "journalist",
  reporter: "journalist",
  columnist: "journalist",
  congressman: "representative",
  congresswoman: "representative",
}));

/** Words that make a different, lesser post: "Deputy Foreign Minister" is not "Foreign Minister". */
export const RANK_MODIFIERS = new Set(["deputy", "vice", "assistant", "under", "junior", "shadow", "associate", "undersecretary"]);
