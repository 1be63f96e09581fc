// Places that a name's shape and its neighbours make places, whatever the name alone suggests:
// streets and squares, buildings and seats where something happens ("at Parliament House", "outside
// the Parliament building", "at the Presidency"), the city of a postal address ("B-1000 CITY",
// "City ACT 2600"). Token patterns over the words around a name.
// (Not "in eastern X" as a place of its own: the gold sets disagree on it, see BOARD 2026-12-06.)
import { lexicons } from "./lexicon.ts";
import { orgHeadType, type Segment } from "./names.ts";
import { pattern } from "./patterns.ts";
import type { Token } from "./tokens.ts";
import { BUILDING_WORDS, NAME_PARTICLES } from "./words.ts";

/** Last words of streets and squares ("X Avenue", "Y Square"): a name so made is a place. */
export const STREET_WORDS = new Set(["Street", "Square", "Avenue", "Road", "Boulevard", "Lane", "Embankment", "Prospekt", "Highway"]);

/** Prepositions of where, before "the" and a building ("outside the Grand Palace", "towards the Y Building"). */
const WHERE = ["at", "in", "inside", "outside", "near", "into", "from", "towards", "toward", "around", "across", "along", "past", "opposite", "behind", "beside", "through", "to"];
const WHERE_THE = pattern([{ lower: WHERE }, { lower: "the" }]);
/** "at Parliament House", "outside Government House": a seat named by its institution, no article. */
const AT = pattern([{ lower: ["at", "inside", "outside", "near"] }]);
/** "outside the Parliament building": a body's building, in lower case after its name. */
const BODY_BUILDING = pattern([{ lower: "building" }]);
/** One-word seats of an office, places after "at the" ("speaking at the Presidency"). */
const SEATS = new Set(["Presidency", "Chancellery"]);
const AT_THE = pattern([{ lower: ["at", "inside", "outside", "near"] }, { lower: "the" }]);

/** A postal code: four or five digits, after a country letter ("B-1000", "F-75007") or not. */
const POSTCODE = { test: (t: Token) => /^(?:\p{Lu}{1,2}-)?\d{4,5}$/u.test(t.text) };
/** "City ACT 2600", "City 75007": the city, then a state's letters, then the code, ending the line. */
const CITY_THEN_CODE = pattern([{ test: (t: Token) => t.allCaps && t.text.length <= 3, op: "?", as: "state" }, POSTCODE]);

/** Nouns of premises that a place's name may qualify ("a Mayfair mansion", "the Ras Kavir refinery"). */
const PREMISES = new Set(["mansion", "mansions", "townhouse", "flat", "apartment", "penthouse", "villa", "residence", "home", "neighbourhood", "neighborhood",
  "suburb", "district", "refinery", "refineries", "oilfield", "airport", "airbase", "port", "harbour", "harbor", "hospital", "prison", "jail", "courthouse", "hotel"]);
/** Kinds of power plant and station a place's name may qualify ("the Zalivsk nuclear plant"; not "the X car plant", a maker's). */
const ENERGY = new Set(["nuclear", "power", "hydroelectric", "hydropower", "coal", "coal-fired", "gas-fired", "thermal", "railway", "train", "metro", "bus"]);
/** Trades whose firm a place's name may qualify ("a Mayfair law firm"). */
const TRADES = new Set(["law", "legal", "accountancy", "accounting", "property", "estate", "investment", "wealth", "consultancy", "architecture"]);
/** Nouns after premises that make the name their owner's ("the X hotel group"). */
const OWNER_NOUNS = new Set(["group", "groups", "chain", "company", "operator", "owner", "owners", "brand", "giant", "empire", "business"]);
const FIRMS = new Set(["firm", "firms", "agency", "agencies", "practice", "office", "offices", "boutique"]);
/**
 * "a Mayfair law firm", "the Ras Kavir oil refinery", "a Belgravia mansion": a name between an
 * article and a lower-case noun of premises (after at most one lower-case modifier) is where they stand.
 */
const MODIFIED_PREMISES = pattern([
  { any: [[{ in: TRADES }, { in: FIRMS }], [{ cap: false, word: true, tag: ["NOUN", "ADJ"], op: "?" }, { in: PREMISES }], [{ in: ENERGY }, { lower: ["plant", "station"] }]] },
  // ("the Varrow hotel group": the name is the group's)
  { aheadNot: { in: OWNER_NOUNS } },
]);
const ARTICLE = pattern([{ lower: ["a", "an", "the"] }]);

export interface PlaceShape {
  /** The place's name when it is not the segment's words ("the Parliament building", "Canberra" of "Canberra ACT"). */
  name?: { from: number; to: number; suffix?: string };
}

const sameBlock = (tokens: readonly Token[], a: number, b: number) => !!tokens[a] && !!tokens[b] && tokens[a].block === tokens[b].block;
const endsBlock = (tokens: readonly Token[], i: number) => !tokens[i] || tokens[i].block !== tokens[i - 1].block || tokens[i].text === ",";

/**
 * Is the segment a place by its shape and the words around it? `kind` is what the name alone said
 * (only unknown names and unlisted bodies are read here: a listed body stays what the list says,
 * except a building where something happens).
 */
export function placeShape(tokens: readonly Token[], s: Segment): PlaceShape | undefined {
  const words = tokens.slice(s.from, s.to);
  const last = words[words.length - 1].text;
  const open = s.kind === "unknown" || (s.kind === "organisation" && !s.label);
  if (!open || s.capitalOf || s.metonymOf) return undefined;
  // (in a title-case line only an address, or a name after a lower-case word, is read: the capitals say little there)
  const prev = tokens[s.from - 1];
  if (s.headline && !(prev?.isWord && !prev.cap && sameBlock(tokens, s.from - 1, s.from))) return addressPlace(tokens, s);
  // "a Mayfair law firm", "the Ras Kavir refinery": a name qualifying premises
  if (s.kind === "unknown" && words.length <= 3 && !words.some((t) => t.allCaps) && ARTICLE.matchBefore(tokens, s.from, s.from - 1)
    && MODIFIED_PREMISES.matchAt(tokens, s.to) && sameBlock(tokens, s.from, s.to) && !words.some((t) => lexicons().givenNames.has(t.text) && !NAME_PARTICLES.has(t.lower))) return {};
  // "on Varrow Avenue", "X Square": a street or a square
  if (s.kind === "unknown" && words.length >= 2 && STREET_WORDS.has(last)) return {};
  // "outside the Parliament building": the body's building
  if (WHERE_THE.matchBefore(tokens, s.from, s.from - 2) && BODY_BUILDING.matchAt(tokens, s.to) && sameBlock(tokens, s.from, s.to)) {
    return { name: { from: s.from, to: s.to, suffix: " building" } };
  }
  // "to the Presidential Palace": a building's name after "the" and a preposition of where
  if (words.length >= 2 && BUILDING_WORDS.has(last) && last !== "House" && s.kind === "unknown" && WHERE_THE.matchBefore(tokens, s.from, s.from - 2)) return {};
  // "at Parliament House": a seat named by its institution
  const lex = lexicons();
  if (words.length === 2 && BUILDING_WORDS.has(last) && orgHeadType(lex, words[0].text) && AT.matchBefore(tokens, s.from, s.from - 1)) return {};
  // "speaking at the Presidency"
  if (words.length === 1 && SEATS.has(last) && AT_THE.matchBefore(tokens, s.from, s.from - 2)) return {};
  return addressPlace(tokens, s);
}

/** Is token i on a short line (an address, a signature), not in running text? Looks at most ADDRESS_LINE tokens each way. */
const ADDRESS_LINE = 16;
function onShortLine(tokens: readonly Token[], i: number): boolean {
  let a = i, b = i;
  while (a > 0 && tokens[a - 1].block === tokens[i].block && i - a <= ADDRESS_LINE) a--;
  while (b + 1 < tokens.length && tokens[b + 1].block === tokens[i].block && b - a <= ADDRESS_LINE) b++;
  return b - a < ADDRESS_LINE;
}

/** "B-1000 CITY", "City ACT 2600", "Parliament House, City ACT 2600": the city and building of a postal address. */
function addressPlace(tokens: readonly Token[], s: Segment): PlaceShape | undefined {
  const words = tokens.slice(s.from, s.to);
  if (words.some((t) => t.text.includes(".")) || !onShortLine(tokens, s.from)) return undefined;
  // "B-1000 CITY" at the line's end: the code opened the name
  if (words.length >= 2 && words.length <= 3 && POSTCODE.test(words[0]) && endsBlock(tokens, s.to)) return { name: { from: s.from + 1, to: s.to } };
  if (words.length <= 3 && s.from > 0 && POSTCODE.test(tokens[s.from - 1]) && sameBlock(tokens, s.from - 1, s.from) && endsBlock(tokens, s.to)) return {};
  // "City ACT 2600": the state's letters joined the name
  const m = CITY_THEN_CODE.matchAt(tokens, s.to);
  const st = words.length >= 2 && words[words.length - 1].allCaps && words[words.length - 1].text.length <= 3 ? s.to - 1 : undefined;
  if (m && sameBlock(tokens, s.from, m.to - 1) && endsBlock(tokens, m.to)) return st !== undefined && !m.get("state") ? { name: { from: s.from, to: st } } : {};
  // "Parliament House, City ACT 2600": the building of the address
  if (BUILDING_WORDS.has(words[words.length - 1].text) && tokens[s.to]?.text === "," && sameBlock(tokens, s.from, s.to + 1)) {
    let k = s.to + 1;
    while (tokens[k]?.cap && sameBlock(tokens, s.from, k) && k < s.to + 4) k++;
    const code = CITY_THEN_CODE.matchAt(tokens, k) ?? (tokens[k - 1]?.allCaps ? CITY_THEN_CODE.matchAt(tokens, k - 1) : undefined);
    if (k > s.to + 1 && code && endsBlock(tokens, code.to)) return {};
  }
  return undefined;
}
