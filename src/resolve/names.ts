// Comparing names across articles: normal forms that fold spelling variants (case, diacritics,
// hyphens, transliterations) so that equal keys mean "the same name". Letters and
// romanisations are folded as Wikidata linking folds them (fold.ts).
import { readLexicon } from "../ingest/lexicon.ts";
import { memoByString } from "./memo.ts";
import { fold, foldTransliteration } from "./fold.ts";

export { fold, foldTransliteration };

const words = readLexicon("resolve-words.txt");
const HONORIFICS = new Set(words.get("honorific"));
const TITLES = new Set(words.get("title"));
const PRONOUNS = new Set(words.get("pronoun"));
const GENERIC_ORG_WORDS = new Set(words.get("generic-org"));

/** Tokens of a name: folded, possessive and punctuation removed, hyphens as spaces; "U.S." → "us". */
export function tokens(s: string): string[] {
  return fold(s)
    .replace(/[’'`]s\b/g, "")
    .replace(/[.'’`]/g, "")
    .split(/[^\p{L}\p{N}&]+/u)
    .filter(Boolean);
}

/**
 * Tokens of a person's name without courtesy titles and posts ("President Joe Biden" → joe, biden).
 * Initials count letter by letter ("K.J.M. Varma", "KJM Varma", "K J M Varma": capitals without a
 * vowel, so "XI Jinping" stays as written); an Arabic article
 * inside a name is dropped ("Bashar al-Assad" = "Bashar Assad").
 */
function personTokens(name: string): string[] {
  const spaced = name.replace(/\./g, " ").replace(/(?<![\p{L}])[B-DF-HJ-NP-TV-Z]{2,3}(?![\p{L}])/gu, (caps) => caps.split("").join(" "));
  const ts = tokens(spaced);
  let i = 0;
  while (i < ts.length - 1 && (HONORIFICS.has(ts[i]) || TITLES.has(ts[i]))) i++;
  return ts.slice(i).filter((t, j) => j === 0 || !ARABIC_ARTICLES.has(t));
}
const ARABIC_ARTICLES = new Set(["al", "el", "ul"]);


/**
 * Key of a person's full name (two or more name tokens), or null for a surname alone. Tokens are
 * joined without spaces, so hyphenation and syllable splits agree ("Kim Jong-un" = "Kim Jong Un").
 */
export const personKey = memoByString((name: string): string | null => {
  const ts = personTokens(name);
  return ts.length >= 2 ? ts.map(foldTransliteration).join("") : null;
});

/** Key of any other name: folded tokens without a leading article; British/American spellings folded. */
export const nameKey = memoByString((name: string): string => {
  const ts = tokens(name);
  if (ts[0] === "the" && ts.length > 1) ts.shift();
  return ts.map((t) => SPELLING.get(t) ?? t).join(" ");
});
// (Maps, not objects: a word such as "constructor" would find the object's prototype)
const SPELLING = new Map(Object.entries({ centre: "center", defence: "defense", organisation: "organization", organisations: "organizations", programme: "program", labour: "labor" }));

/** "EU", "U.N.", "RFE/RL", "NATO": an acronym rather than a name. */
export const isAcronym = memoByString((name: string): boolean => {
  const compact = name.trim().replace(/^the\s+/i, "");
  return /^[\p{Lu}\d][\p{Lu}\d.&/-]{0,9}$/u.test(compact) && (compact.match(/\p{Lu}/gu)?.length ?? 0) >= 2;
});

/** A name made only of generic words ("Foreign Ministry", "the Post"), that several bodies may bear. */
export const isGenericOrgName = memoByString((name: string): boolean => {
  const ts = tokens(name);
  return ts.length > 0 && ts.every((t) => GENERIC_ORG_WORDS.has(t) || t === "the");
});

/** "he", "It", "they" — but not "US" or "IT", which are acronyms. */
const isPronoun = (form: string): boolean => PRONOUNS.has(form.toLowerCase()) && !(form.length > 1 && form === form.toUpperCase());

/** Whether a surface form can label a person: a name, not a pronoun or a bare title. */
export function isPersonLabel(form: string): boolean {
  const ws = form.trim().split(/\s+/);
  if (ws.length === 1 && isPronoun(ws[0])) return false;
  if (!ws.every((w) => /^[\p{Lu}\d]/u.test(w) || /^(?:de|van|von|der|den|bin|bint|ibn|al|el|da|di|du|la|le|dos|das|ter|zu)$/.test(w) || /^(?:al|el)-/.test(w))) return false;
  return personTokens(form).some((t) => !HONORIFICS.has(t) && !TITLES.has(t));
}

/** Whether a surface form can label an organisation, state or place: not a pronoun, has a capital or digit. */
export function isProperLabel(form: string): boolean {
  const t = form.trim();
  return !isPronoun(t) && /[\p{Lu}\d]/u.test(t) && !/^(?:the|a|an)$/i.test(t);
}
