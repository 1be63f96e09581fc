// Places that a name's shape and its neighbours make places, whatever the name alone suggests:
// streets and squares, buildings and seats where something happens ("at Parliament House", "outside
// the Parliament building", "at the Presidency"), the city of a postal address ("B-1000 CITY",
// "City ACT 2600"). Token patterns over the words around a name.
// (Not "in eastern X" as a place of its own: the gold sets disagree on it, see BOARD 2026-12-06.)
import { lexicons } from "./lexicon.ts";
import { lexiconMatch, orgHeadType, type Segment } from "./names.ts";
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
  "suburb", "district", "refinery", "refineries", "oilfield", "airport", "airbase", "port", "harbour", "harbor", "hospital", "prison", "jail", "courthouse", "hotel",
  "court", "courtroom", "terminal", "depot", "mine"]);
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
  // ("the Varnesk thermal power plant": two kinds of plant)
  { any: [[{ in: TRADES }, { in: FIRMS }], [{ cap: false, word: true, tag: ["NOUN", "ADJ"], op: "?" }, { in: PREMISES }], [{ in: ENERGY, op: [1, 2] }, { lower: ["plant", "station"] }]] },
  // ("the Varrow hotel group": the name is the group's)
  { aheadNot: { in: OWNER_NOUNS } },
]);
/** An article, or an owner's possessive ("Tehran's Evin prison", "Globex's Varnesk refinery"), before a name qualifying premises. */
const ARTICLE = pattern([{ any: [{ lower: ["a", "an", "the"] }, [{ cap: true, word: true }, { text: ["'s", "’s"] }]] }]);

/** "a Mayfair law firm", "the Ras Kavir refinery", "Tehran's Evin prison", "a Moscow court": a short name qualifying premises. */
function qualifiesPremises(tokens: readonly Token[], s: { from: number; to: number }): boolean {
  const words = tokens.slice(s.from, s.to);
  return words.length <= 3 && !words.some((t) => t.allCaps) && !!ARTICLE.matchBefore(tokens, s.from, s.from - 2) && !!MODIFIED_PREMISES.matchAt(tokens, s.to) && sameBlock(tokens, s.from, s.to);
}

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
  if (s.kind === "unknown" && qualifiesPremises(tokens, s) && !words.some((t) => lexicons().givenNames.has(t.text) && !NAME_PARTICLES.has(t.lower))) return {};
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

/** A field's label opening its line ("Address:", "Place of birth:", "POB:"): up to three words and a colon. */
const FIELD_LABEL = pattern([{ word: true, op: [1, 3] }, { text: ":" }]);
const opensLine = (tokens: readonly Token[], i: number) => i === 0 || tokens[i - 1].block !== tokens[i].block;

/**
 * "Address: Kelmore, Norland", "Headquarters: Varnesk, Norland": a field line's town before its
 * state (the line's capitals are a field's, not a headline's).
 */
export function fieldTown(tokens: readonly Token[], s: { from: number; to: number }): boolean {
  const comma = tokens[s.to], state = s.to + 1;
  if (comma?.text !== "," || !sameBlock(tokens, s.from, state)) return false;
  const label = FIELD_LABEL.matchBefore(tokens, s.from, s.from - 4);
  if (!label || !opensLine(tokens, label.from)) return false;
  // the state: a listed one, to the line's end or a field's end
  for (let e = Math.min(state + 4, tokens.length); e > state; e--) {
    const hit = lexiconMatch(lexicons(), tokens as Token[], state, e);
    if (hit?.kind === "country" && hit.via !== "demonym") return !tokens[e] || !sameBlock(tokens, s.from, e) || [";", ".", ","].includes(tokens[e].text);
  }
  return false;
}

/** "B-1000 CITY", "City ACT 2600", "Parliament House, City ACT 2600": the city and building of a postal address. */
function addressPlace(tokens: readonly Token[], s: Segment): PlaceShape | undefined {
  const words = tokens.slice(s.from, s.to);
  if (words.some((t) => t.text.includes(".")) || !onShortLine(tokens, s.from)) return undefined;
  if (words.length <= 3 && fieldTown(tokens, s)) return {};
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

// ---- where a name stands in the story: travel, routes, weapons, its people ----------------------
// Words around a name that make it a place whatever its letters say, capitals included: "flown to
// Berlin" is the city, "Berlin said" the state. Each pattern ends right before the name (BEFORE) or
// starts right after it (AFTER), inside the sentence. The word lists are of moving people and
// vehicles only: "sent to X", "moved to X", "returned to X" also say a recipient or an employer.

/** Verbs and vehicles of people moving before "to X" ("was flown to X", "the plane was diverted to X"). */
const MOVED_TO = new Set(["flown", "flew", "diverted", "rerouted", "redirected", "extradited", "deported", "airlifted", "repatriated", "evacuated", "escorted",
  "travelled", "traveled", "sailed", "drove", "driven", "walked", "marched", "fled", "trip", "journey", "flight", "flights", "train", "trains", "ferry", "convoy", "convoys", "corridor"]);
/** Words of setting out before "for X" ("bound for X", "headed for X"; not "left for", which also says a new employer). */
const SET_OUT_FOR = new Set(["bound", "headed", "heading", "departed", "departing", "sailed", "sailing", "set"]);
/** Verbs and vehicles of people moving before "from X" ("arrived from X", "a flight from X"). */
const MOVED_FROM = new Set(["flown", "flew", "sailed", "deported", "extradited", "airlifted", "repatriated", "evacuated", "fled", "escaped", "travelled", "traveled",
  "arrived", "arriving", "departed", "departing", "drove", "flight", "flights", "train", "trains", "ferry", "convoy", "convoys"]);
/** Journeys and ways from one place to another ("a flight from X to Y", "the road from X to Y"). */
const ROUTE_HEADS = new Set([...MOVED_FROM, "road", "roads", "highway", "railway", "route", "routes", "corridor", "pipeline", "journey", "trip", "way", "drive", "march"]);
/** Verbs of launching weapons, before what they launch and "from X" ("fired a missile from X"; a bare "fired from X" is also a dismissal). */
const LAUNCHED = new Set(["launched", "fired", "shot", "launching", "firing"]);
/** Weapons whose verb of striking takes a place ("drones hit X", "explosions rocked X"). */
const WEAPONS = new Set(["drone", "drones", "missile", "missiles", "rocket", "rockets", "shell", "shells", "bomb", "bombs", "airstrike", "airstrikes", "strike", "strikes",
  "artillery", "mortar", "mortars", "explosion", "explosions", "blast", "blasts", "shelling", "bombardment"]);
/** Verbs of striking a place (not "targeted" or "killed": they also take a group or a person). */
const STRIKE_VERBS = new Set(["hit", "hits", "hitting", "struck", "pounded", "pounding", "rocked", "rocking", "slammed", "rained", "shook", "battered"]);
const STRIKE_ADVERBS = new Set(["have", "has", "had", "also", "again", "reportedly", "overnight", "repeatedly", "once"]);
/** Lines and links that run between two places (not "talks between X and Y": those are parties). */
const BETWEEN_ROUTES = new Set(["line", "lines", "road", "roads", "highway", "motorway", "railway", "rail", "border", "trains", "flights", "buses", "ferries",
  "corridor", "route", "routes", "runs", "lies", "located", "situated", "halfway", "midway", "crossing", "crossings", "bridge", "pipeline"]);
/** Premises and gatherings that stand "at X" ("the dam at X", "the summit at X"). */
const AT_PREMISES = new Set([...PREMISES, "dam", "plant", "base", "facility", "site", "camp", "terminal", "depot", "station", "embassy", "consulate", "factory",
  "mine", "reactor", "checkpoint", "crossing", "summit", "talks", "conference"]);
/** Forces a town falls to ("X fell to rebel forces"). */
const FORCES = new Set(["forces", "troops", "rebels", "insurgents", "militants", "jihadists", "fighters", "militias", "army", "soldiers", "separatists"]);
/** Lower-case nouns right after a name that belong to a town ("X residents", "the X metro"). */
const TOWN_NOUNS = new Set(["residents", "inhabitants", "townspeople", "villagers", "suburbs", "outskirts", "metro", "skyline", "neighbourhoods", "neighborhoods"]);
/** Ways and crossings named by a place ("the Varna corridor", "the Ostrel road"). */
const WAY_NOUNS = new Set(["corridor", "road", "highway", "motorway", "checkpoint", "crossing", "pass", "bypass"]);
/** Nouns of towns in an apposition after the name ("X, the Norlandic capital"). */
const TOWN_APPOSITION = new Set(["capital", "city", "town", "village", "port", "settlement", "hamlet", "suburb", "enclave", "municipality", "hub", "stronghold", "outpost"]);
/** Parts of a state a town lies in, after "X, in the ..." ("X, in the south of the country", "X, in northern Y", "X, near the border"). */
const PARTS = new Set(["north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "north-east", "north-west", "south-east", "south-west",
  "northern", "southern", "eastern", "western", "central", "north-eastern", "north-western", "south-eastern", "south-western", "border", "frontier", "front", "coast"]);
/** Neighbours a town is listed with ("X and nearby villages", "X and surrounding areas"). */
const NEARBY = new Set(["nearby", "neighbouring", "neighboring", "surrounding", "adjacent", "outlying", "other", "several", "two", "three"]);
const SETTLEMENTS = new Set(["villages", "towns", "cities", "settlements", "areas", "districts", "communities", "suburbs", "regions", "provinces", "hamlets", "ports", "islands"]);

/** A lower-case word inside a clause (not a conjunction or a preposition of direction). */
const INNER_WORD = { cap: false, word: true, not: { lower: ["to", "for", "and", "or", "by", "from"] } } as const;

/** "was flown to Velmora", "the plane was diverted to Kelmore", "a convoy to Ostrel" */
const MOVED_TO_NAME = pattern([{ in: MOVED_TO }, { lower: "to" }]);
/** "drones hit Velmora", "explosions rocked Kelmore", "rockets rained down on Ostrel" */
const STRUCK_NAME = pattern([{ in: WEAPONS }, { in: STRIKE_ADVERBS, op: [0, 2] }, { in: STRIKE_VERBS }, { lower: ["down", "into", "on", "across"], op: [0, 2] }]);
/** "the dam at Nova Kelmora", "the summit at Varnesk" */
const PREMISES_AT_NAME = pattern([{ in: AT_PREMISES }, { lower: "at" }]);
/** Events and what befalls people before "in X": where they happen ("the attack in X", "killed in X", "born in X"). */
const HAPPENED_IN = new Set(["attack", "attacks", "strike", "strikes", "airstrike", "airstrikes", "bombing", "bombings", "shelling", "explosion", "explosions", "blast", "blasts",
  "fighting", "clashes", "protest", "protests", "demonstration", "demonstrations", "rally", "rallies", "massacre", "killings", "raid", "raids", "ambush", "offensive",
  "battle", "earthquake", "floods", "flooding", "riots", "unrest", "killed", "wounded", "injured", "died", "born", "buried", "headquartered", "stationed", "deployed",
  "detained", "arrested", "jailed", "imprisoned", "stranded", "trapped", "landed", "arrived", "arriving", "embassy", "consulate", "residing", "resides", "resided"]);
/** "the barbaric attack in Khan Darra", "were killed in Omar Tavil", "was born in X" */
const HAPPENED_IN_NAME = pattern([{ in: HAPPENED_IN }, { lower: "in" }]);
/** Contexts no person's name stands in: a name there is a place even when it opens with a given name ("Nova", "San"). */
const NO_PERSON_BEFORE = [MOVED_TO_NAME, STRUCK_NAME, PREMISES_AT_NAME, HAPPENED_IN_NAME];

const PLACE_BEFORE = [
  ...NO_PERSON_BEFORE,
  // "a tanker bound for Varnesk", "headed for Dravik", "set off for Kelmore"
  pattern([{ in: SET_OUT_FOR }, { lower: "off", op: "?" }, { lower: "for" }]),
  // "evacuees arrived from Dravik", "a flight from Kelmore", "roads from Ostrel"
  pattern([{ in: MOVED_FROM }, { lower: "from" }]),
  pattern([{ lower: ["road", "roads", "route", "routes", "highway", "corridor"] }, { lower: "from" }]),
  // "a missile fired from Dravik", "launched drones from Ostrel"
  pattern([{ in: LAUNCHED }, { ...INNER_WORD, op: [1, 3] }, { lower: "from" }]),
  // "a flight from Dravik to Ostrel", "the road from Kelmore to X": a route's far end (not "a letter from X to Y", "moved from Globex to Initech")
  pattern([{ in: ROUTE_HEADS }, { lower: "from" }, { cap: true, word: true, op: [1, 4] }, { lower: "to" }]),
  // "the front line between Dravik and Ostrel", "trains between Kelmore and X" (the other end is listed with it)
  pattern([{ in: BETWEEN_ROUTES }, { lower: "between" }]),
];
/** Units of a state's territory after a town's or area's name, in lower case ("Sanda village", "the X district"). */
const ADMIN_UNITS = new Set(["village", "town", "township", "district", "sub-district", "subdistrict", "province", "region", "county", "oblast", "governorate",
  "municipality", "prefecture", "commune", "locality", "community", "hromada", "raion", "rayon"]);
/** "Sanda village", "the Shirin Tagab district": no person's name stands before such a noun (not "the X town hall"). */
const ADMIN_UNIT_AFTER_NAME = pattern([{ in: ADMIN_UNITS }, { aheadNot: { lower: ["hall", "halls", "council", "councillor", "councilor", "meeting"] } }]);
/** Contexts after the name no person's name stands in. */
const NO_PERSON_AFTER = [ADMIN_UNIT_AFTER_NAME];

const PLACE_AFTER = [
  ...NO_PERSON_AFTER,
  // "Hraniv of Kharkiv district", "Budarky of the Chuhuiv raion": a settlement, then the unit it lies in
  pattern([{ lower: "of" }, { lower: "the", op: "?" }, { cap: true, word: true, op: [1, 3] }, { in: ADMIN_UNITS }]),
  // "Kelmore fell to rebel forces", "X fell to the Taliban" (not "sales fell to the lowest level")
  pattern([{ lower: "fell" }, { lower: "to" }, { lower: "the", op: "?" }, { cap: false, word: true, not: { in: FORCES }, op: "?" }, { any: [{ in: FORCES }, { cap: true, word: true, not: { lower: ["the", "a", "an"] } }] }]),
  // "Kelmore residents", "the Ostrel metro"
  pattern([{ in: TOWN_NOUNS }]),
  // "the Varna corridor", "the Ostrel road", "the Kelmore checkpoint": a way or a crossing named by its place (not "the X road map")
  pattern([{ in: WAY_NOUNS }, { aheadNot: { lower: ["map", "maps", "show", "test", "trip", "tour", "race"] } }]),
  // "Dravik, the Norlandic capital,", "Varnesk, the country's main port", "Dravik, a frontline town"
  pattern([{ text: "," }, { lower: ["a", "an", "the"] }, { any: [{ cap: false, word: true }, { test: (t: Token) => lexicons().demonyms.has(t.text) }, { text: ["'s", "’s"] }], op: [0, 3] }, { in: TOWN_APPOSITION }]),
  // "Dravik, home to 50,000 people"
  pattern([{ text: "," }, { lower: "home" }, { lower: "to" }]),
  // "Dravik, in the south of the country", "Dravik, in northern Norland", "Dravik, near the border"
  pattern([{ text: "," }, { lower: ["in", "near", "on", "along", "close"] }, { lower: "to", op: "?" }, { lower: "the", op: "?" }, { in: PARTS }]),
  // "Dravik and nearby villages", "Dravik and surrounding areas", "Dravik and two other towns"
  pattern([{ lower: "and" }, { in: NEARBY }, { lower: "other", op: "?" }, { cap: false, word: true, tag: "ADJ", op: "?" }, { in: SETTLEMENTS }]),
];

/**
 * Do the words around the segment say it is a place where people and vehicles go or come from,
 * that weapons strike, where premises stand, or that has residents (PLACE_BEFORE, PLACE_AFTER)?
 * Its letters are not read: the caller knows what they say.
 */
export function placeContext(tokens: readonly Token[], s: { from: number; to: number }): boolean {
  // ("talks at Jane Roe's home": an owner, not the place)
  if (/^['’]s$/.test(tokens[s.to]?.text ?? "")) return false;
  if (PLACE_BEFORE.some((p) => p.matchBefore(tokens, s.from, s.from - 12))) return true;
  // "a Moscow court", "the Kyiv suburb of X" (a capital: unknown names are read by placeShape)
  if (qualifiesPremises(tokens, s)) return true;
  return PLACE_AFTER.some((p) => p.matchAt(tokens, s.to));
}

/** Is the segment where people are flown, weapons strike or premises stand (NO_PERSON_BEFORE), whatever its first word? */
export function placeContextOfAnyName(tokens: readonly Token[], s: { from: number; to: number }): boolean {
  return !/^['’]s$/.test(tokens[s.to]?.text ?? "") && (NO_PERSON_BEFORE.some((p) => p.matchBefore(tokens, s.from, s.from - 12)) || NO_PERSON_AFTER.some((p) => p.matchAt(tokens, s.to)));
}

/** Separators of a site's menu or breadcrumb ("World | Asia | Business", "Home › News › Europe"). */
const MENU_SEPARATORS = new Set(["|", "›", "»", ">", "•", "·", "/"]);
const menuBlocks = new WeakMap<readonly Token[], Map<number, boolean>>();

/**
 * Is token i on a menu or breadcrumb line: three or more items of one to four capitalised words
 * (no sentence, no number), one separator between each ("World | Asia | Opinion", "Home › News ›
 * Europe")? A place named there is the site's section, not the story's. Each block is read once.
 */
export function onMenuLine(tokens: readonly Token[], i: number): boolean {
  let byBlock = menuBlocks.get(tokens);
  if (!byBlock) menuBlocks.set(tokens, (byBlock = new Map()));
  const block = tokens[i].block;
  const known = byBlock.get(block);
  if (known !== undefined) return known;
  let a = i;
  while (a > 0 && tokens[a - 1].block === block) a--;
  let sep: string | undefined, items = 1, words = 0, ok = true;
  for (let k = a; k < tokens.length && tokens[k].block === block && ok; k++) {
    const t = tokens[k];
    if (MENU_SEPARATORS.has(t.text)) {
      if ((sep && t.text !== sep) || words === 0) ok = false;
      sep = t.text; items++; words = 0;
    } else if (t.isWord && !/\d/.test(t.text) && (words > 0 || t.cap)) ok = ++words <= 4;
    else if (t.text !== "&") ok = false;
  }
  const menu = ok && items >= 3 && words > 0;
  byBlock.set(block, menu);
  return menu;
}
