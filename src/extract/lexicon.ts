// Lexicons of the annotate pass, read once per process from data/lexicons/ (sources in its README).
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { OrgType } from "../model.ts";
import { preparedValue } from "../prepared-cache.ts";
import { extractorFingerprint } from "./fingerprint.ts";
import { WordSet } from "./word-set.ts";

const LEXICON_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "data", "lexicons");

export interface CountryInfo {
  label: string;
  iso3: string;
  capital?: string;
}

export interface KnownOrg {
  label: string;
  orgType: OrgType;
}

export interface Lexicons {
  /** lookupKey(name or alias) → country. */
  countries: Map<string, CountryInfo>;
  /** demonym (as written, e.g. "Chinese") → country. */
  demonyms: Map<string, CountryInfo>;
  /** capital city (as written) → country. */
  capitals: Map<string, CountryInfo>;
  /** lookupKey(name or alias) → organisation (international bodies and news outlets). */
  orgs: Map<string, KnownOrg>;
  /** lookupKey(surface) → country iso3 or organisation label, for seats of power ("Kremlin"). */
  metonyms: Map<string, string>;
  /** lookupKey(name) → "city" | "region". */
  places: Map<string, string>;
  /** Large cities named by one English word ("Nice", "Reading"): places only where the text uses them as one. */
  englishWordPlaces: Set<string>;
  givenNames: Set<string>;
  /** Look-up keys of known persons' full names (office holders worldwide). */
  personNames: WordSet;
  /** Last words (lower case) of those names: "putin", "erdogan". */
  surnames: WordSet;
  /** lower-case post heads ("minister", "spokesperson"). */
  titleHeads: Set<string>;
  /** lower-case words that may stand inside a title ("foreign", "prime"). */
  titleModifiers: Set<string>;
  /** Military and police ranks as written ("Maj. Gen.", "Lieutenant Colonel"). */
  ranks: Set<string>;
  /** honorific → gender ("m", "f" or "-"). */
  honorifics: Map<string, string>;
  /** head word → orgType ("Ministry" → government). */
  orgHeads: Map<string, OrgType>;
  /** Words for peoples, faiths and blocs ("Muslim", "Western"): never part of a person's name. */
  groupWords: Set<string>;
  /** lower-case common English words. */
  commonWords: WordSet;
  /** ISO alpha-3 → country. */
  countriesByIso3: Map<string, CountryInfo>;
  /** Keys known only from all-capital acronyms ("who" for WHO): they match all-capital text only. */
  acronymKeys: Set<string>;
  /** Longest number of words of any multi-word lexicon name (bounds phrase look-ups). */
  maxPhraseWords: number;
}

/** The key every name lexicon is looked up by: case-folded, dots and a leading "the" dropped. */
const keyCache = new Map<string, string>();

export function lookupKey(s: string): string {
  let k = keyCache.get(s);
  if (k === undefined) {
    if (keyCache.size > 100_000) keyCache.clear();
    k = computeLookupKey(s);
    keyCache.set(s, k);
  }
  return k;
}

/**
 * `answer(lex, word)` remembered per word: what a word is in the lexicons (a post's head, a body's
 * head word...) is asked of the same words at every token and in every pass, and working it out
 * builds strings (lower case, suffixes cut) each time. The answer is the function's own, for the
 * lexicons it was asked with (another lexicons object starts afresh); bounded like lookupKey's cache.
 */
export function perWord<T>(answer: (lex: Lexicons, word: string) => T): (lex: Lexicons, word: string) => T {
  const memo = new Map<string, { v: T }>();
  let of: Lexicons | undefined;
  return (lex, word) => {
    if (lex !== of) {
      memo.clear();
      of = lex;
    }
    let hit = memo.get(word);
    if (hit === undefined) {
      if (memo.size > 100_000) memo.clear();
      hit = { v: answer(lex, word) };
      memo.set(word, hit);
    }
    return hit.v;
  };
}

function computeLookupKey(s: string): string {
  return s
    .normalize("NFKC")
    .replace(/[’‘]/g, "'")
    .replace(/\./g, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^the /i, "")
    .toLowerCase();
}

function lines(file: string): string[] {
  return readFileSync(join(LEXICON_DIR, file), "utf8")
    .split("\n")
    .map((l) => l.trimEnd())
    .filter((l) => l && !l.startsWith("#"));
}

let cached: Lexicons | undefined;

/**
 * The lexicons, prepared once per process: read back from the prepared cache (src/prepared-cache.ts,
 * keyed by the extractor's fingerprint, so a changed lexicon file or rule prepares them anew) or
 * prepared from the lexicon files.
 */
export function lexicons(): Lexicons {
  cached ??= revivedLexicons(preparedValue("lexicons", prepareLexicons, looksLikeLexicons, { key: extractorFingerprint() }));
  return cached;
}

/** The lexicons as read back from the prepared cache, their word sets WordSets again (V8's serializer keeps only their data). */
export function revivedLexicons(lex: Lexicons): Lexicons {
  return { ...lex, personNames: WordSet.from(lex.personNames), surnames: WordSet.from(lex.surnames), commonWords: WordSet.from(lex.commonWords) };
}

/** The fields of Lexicons and what each holds (a cached file must have them all). */
const FIELD_KINDS: Record<keyof Lexicons, "map" | "set" | "words" | "number"> = {
  countries: "map", demonyms: "map", capitals: "map", orgs: "map", metonyms: "map", places: "map", englishWordPlaces: "set", givenNames: "set",
  personNames: "words", surnames: "words", titleHeads: "set", titleModifiers: "set", ranks: "set", honorifics: "map", orgHeads: "map",
  groupWords: "set", commonWords: "words", countriesByIso3: "map", acronymKeys: "set", maxPhraseWords: "number",
};

function looksLikeLexicons(value: unknown): value is Lexicons {
  if (typeof value !== "object" || value === null) return false;
  const fields = value as Record<string, unknown>;
  return Object.entries(FIELD_KINDS).every(([name, kind]) =>
    kind === "map" ? fields[name] instanceof Map : kind === "set" ? fields[name] instanceof Set : kind === "words" ? WordSet.looksLike(fields[name]) : typeof fields[name] === "number");
}

/** The lexicons made from the files in data/lexicons/. */
export function prepareLexicons(): Lexicons {
  const countries = new Map<string, CountryInfo>();
  const demonyms = new Map<string, CountryInfo>();
  const capitals = new Map<string, CountryInfo>();
  const byIso3 = new Map<string, CountryInfo>();
  const territories: string[] = [];
  for (const line of lines("countries.jsonl")) {
    const r = JSON.parse(line) as { label: string; aliases: string[]; demonyms: string[]; capital?: string; iso3?: string; territory?: boolean };
    // Kosovo has no ISO code; XK/XKX is the code in common use
    if (!r.iso3 && r.label === "Kosovo") r.iso3 = "XKX";
    if (!r.iso3) continue;
    // dependent territories ("Hong Kong", "Greenland") are places, not states
    if (r.territory) { territories.push(r.label, ...r.aliases.filter((a) => a.split(" ").length <= 3)); continue; }
    const info: CountryInfo = { label: r.label, iso3: r.iso3, capital: r.capital ?? undefined };
    byIso3.set(r.iso3, info);
    for (const n of [r.label, ...r.aliases]) {
      // Two-letter codes other than the usual "US"/"UK" are too ambiguous in running text.
      if (/^[A-Z]{2}$/.test(n) && !["US", "UK"].includes(n)) continue;
      const k = lookupKey(n);
      if (!countries.has(k)) countries.set(k, info);
    }
    for (const d of r.demonyms) if (d && !demonyms.has(d)) demonyms.set(d, info);
    if (r.capital && !capitals.has(r.capital)) capitals.set(r.capital, info);
  }
  const orgs = new Map<string, KnownOrg>();
  for (const line of lines("international-orgs.tsv")) {
    const [label, ...aliases] = line.split("\t");
    for (const n of [label, ...aliases]) if (n && n.length > 1 && !orgs.has(lookupKey(n))) orgs.set(lookupKey(n), { label, orgType: "international" });
  }
  for (const line of lines("groupings.tsv")) {
    const [label, orgType, ...aliases] = line.split("\t");
    for (const n of [label, ...aliases]) orgs.set(lookupKey(n), { label, orgType: orgType as OrgType });
  }
  for (const line of lines("media.txt")) {
    const [label, ...aliases] = line.split("=");
    for (const n of [label, ...aliases]) orgs.set(lookupKey(n), { label, orgType: "media" });
  }
  const metonyms = new Map<string, string>();
  for (const line of lines("metonyms.tsv")) {
    const [surface, target] = line.split("\t");
    metonyms.set(lookupKey(surface), target);
  }
  const places = new Map<string, string>();
  for (const line of lines("places.tsv")) {
    const [name, type] = line.split("\t");
    places.set(lookupKey(name), type);
  }
  // English names of cities and regions that the GeoNames list writes otherwise ("Geneva", "Cologne")
  for (const line of lines("places-en.tsv")) {
    const [name, type] = line.split("\t");
    if (!places.has(lookupKey(name))) places.set(lookupKey(name), type);
  }
  // ("area": a region the text names as such, "the Gulf", "the Sahel"; not a state's administrative division)
  for (const name of lines("geo-regions.txt")) places.set(lookupKey(name), "area");
  for (const name of territories) places.set(lookupKey(name), "area");
  for (const line of lines("demonyms-extra.tsv")) {
    const [adjective, iso3] = line.split("\t");
    const info = byIso3.get(iso3);
    if (info && !demonyms.has(adjective)) demonyms.set(adjective, info);
  }
  for (const line of lines("capitals-extra.tsv")) {
    const [capital, iso3] = line.split("\t");
    const info = byIso3.get(iso3);
    if (info) capitals.set(capital, info);
  }
  const orgHeads = new Map<string, OrgType>();
  for (const line of lines("org-heads.tsv")) {
    const [head, type] = line.split("\t");
    orgHeads.set(head, type as OrgType);
  }
  const honorifics = new Map<string, string>();
  for (const line of lines("honorifics.txt")) {
    const [h, g] = line.split("\t");
    honorifics.set(h, g);
  }
  const personNames = new Set(lines("person-names.txt"));
  const ranks = new Set(lines("ranks.txt"));
  // keys that only an acronym gave ("WHO", "US"): "Who" and "Us" in running text are no names
  const acronymKeys = new Set<string>();
  const spelledKeys = new Set<string>();
  const noteKey = (n: string) => (/^[\p{Lu}\d.&/+-]+$/u.test(n) ? acronymKeys : spelledKeys).add(lookupKey(n));
  for (const line of lines("countries.jsonl")) { const r = JSON.parse(line) as { label: string; aliases: string[] }; [r.label, ...r.aliases].forEach(noteKey); }
  for (const file of ["international-orgs.tsv", "groupings.tsv"]) for (const line of lines(file)) line.split("\t").forEach(noteKey);
  for (const line of lines("media.txt")) line.split("=").forEach(noteKey);
  for (const k of spelledKeys) acronymKeys.delete(k);
  // only acronyms that spell an English word need the capitals ("Tass" is fine, "Who" is not)
  const commonWords = new Set(lines("common-words.txt"));
  for (const k of acronymKeys) if (!commonWords.has(k)) acronymKeys.delete(k);
  let maxPhraseWords = 1;
  for (const k of [...countries.keys(), ...orgs.keys(), ...places.keys()]) maxPhraseWords = Math.max(maxPhraseWords, k.split(" ").length);
  return {
    countries,
    countriesByIso3: byIso3,
    demonyms,
    capitals,
    orgs,
    metonyms,
    places,
    englishWordPlaces: new Set(lines("places-english-words.txt")),
    givenNames: new Set(lines("given-names.txt")),
    personNames: WordSet.of(personNames),
    surnames: WordSet.of([...personNames].map((n) => n.slice(n.lastIndexOf(" ") + 1))),
    // "ex-mayor", "ex-minister": a former holder's post, written as one word
    titleHeads: new Set([...lines("titles.txt"), ...rankHeads(ranks)].flatMap((w) => [w.toLowerCase(), `ex-${w.toLowerCase()}`])),
    titleModifiers: new Set([...lines("title-modifiers.txt"), ...[...ranks].flatMap((r) => r.split(/[\s]+/))].map((w) => w.toLowerCase())),
    ranks,
    honorifics,
    orgHeads,
    commonWords: WordSet.of(commonWords),
    acronymKeys,
    groupWords: new Set(lines("group-words.txt")),
    maxPhraseWords: Math.min(maxPhraseWords, 8),
  };
}

/**
 * Last words of ranks that head a post of their own ("Colonel X", "Maj. X"); "Major", "Private"
 * and "First" stay modifiers: as heads they would make posts of everyday words.
 */
function rankHeads(ranks: Set<string>): string[] {
  const notHeads = new Set(["Major", "Private", "Officer"]);
  return [...ranks].map((r) => r.split(/\s+/).pop()!.replace(/^.*-(?=\p{Lu})/u, "")).filter((w) => !notHeads.has(w));
}

/**
 * Bodies a bare head word never stands for: in the EU's usage "the Council" is the Council of the EU (the
 * ministers), never the European Council (the leaders' summit), which is always named in full.
 */
const NOT_CALLED_BY_HEAD = new Set(["european council"]);
export function calledByHead(name: string): boolean {
  return !NOT_CALLED_BY_HEAD.has(name.toLowerCase().replace(/^the\s+/, ""));
}

/** The country with this ISO alpha-3 code. */
export function countryByIso3(iso3: string): CountryInfo | undefined {
  return lexicons().countriesByIso3.get(iso3);
}

let adjectiveOfIso3: Map<string, string> | undefined;
/** A state's adjective, as the text would write it before a body ("Iranian" for IRN). */
export function stateAdjective(iso3: string): string | undefined {
  if (!adjectiveOfIso3) {
    adjectiveOfIso3 = new Map();
    for (const [d, c] of lexicons().demonyms) if (!adjectiveOfIso3.has(c.iso3) && !/s$/.test(d) && /^\p{Lu}/u.test(d)) adjectiveOfIso3.set(c.iso3, d);
  }
  return adjectiveOfIso3.get(iso3);
}
