// Decides the kind of each segment whose kind the name alone left open, from its context:
// speech verbs, titles, appositions, location prepositions, datelines, metonymy.
import { lexicons, lookupKey, type Lexicons } from "./lexicon.ts";
import { isListEntryBlock, isTitleWord, lexiconMatch, orgHeadType, type Segment } from "./names.ts";
import { placeContext } from "./place-shapes.ts";
import { ALIAS_MARK, type Token } from "./tokens.ts";
import { DESTINATION_WORDS, LOCATION_PREPOSITIONS, MOTION_VERBS, PERSON_NOUNS, PLACE_NOUNS, SPEECH_VERBS } from "./words.ts";

export interface Context {
  tokens: Token[];
  segments: Segment[];
}

/** Token after the segment, skipping a possessive ending. */
function after(ctx: Context, s: Segment, n = 0): Token | undefined {
  let i = s.to;
  if (ctx.tokens[i] && /^['’]s$/.test(ctx.tokens[i].text)) i++;
  const t = ctx.tokens[i + n];
  return t && t.block === ctx.tokens[s.from].block ? t : undefined;
}
function before(ctx: Context, s: Segment, n = 1): Token | undefined {
  const t = ctx.tokens[s.from - n];
  return t && t.block === ctx.tokens[s.from].block ? t : undefined;
}

/** "BEIJING, Mar 23 (PTI)", "SHANGHAI --", "MOSCOW, RUSSIA –": a place at the head of a block. */
export function isDateline(ctx: Context, s: Segment): boolean {
  const first = ctx.tokens[s.from];
  // "CARACAS, May 14 (Agency Name) -": the name in brackets is the agency, not the place
  if (agencyInDateline(ctx, s)) return false;
  if (speakerLabel(ctx, s)) return false;
  if (first.blockKind === "dateline") return true;
  if (inDatelineHead(ctx, s)) return true;
  // "By Jane Doe, LISBON": a byline that ends with its dateline
  // (the "By" opens its line or sentence: not "released by the Treasury Department, MODAFL plays …")
  if (first.allCaps && before(ctx, s)?.text === "," && (first.blockKind === "byline" || ctx.tokens.slice(Math.max(0, s.from - 6), s.from).some((t) => /^by$/i.test(t.text) && t.block === first.block && t.sentenceStart))) return true;
  const prev = before(ctx, s);
  if (prev && !(prev.text === "," && before(ctx, s, 2)?.allCaps)) return false;
  const next = ctx.tokens[s.to];
  if (!next || next.block !== first.block) return false;
  // "Edda Halvorsen – Deputy Minister of X": a designation list's name and post, not a dateline
  if (!first.allCaps && s.to - s.from >= 2 && !s.capitalOf && s.kind !== "place" && isListEntryBlock(ctx.tokens, s.from, blockEnd(ctx.tokens, s.from, 40))) return false;
  // "KYIV (Agency) –": the bracket closes before a dash or the line's end (not "JANE ROE (a.k.a. X), Minsk, ...", a list's entry)
  if (next.text === "(") return bracketEndsDateline(ctx.tokens, s.to);
  if (["-", "–", "—", ":"].includes(next.text)) return true;
  if (next.text !== ",") return false;
  const then = ctx.tokens[s.to + 1];
  return !!then && (first.allCaps || /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/.test(then.text));
}

/**
 * "JOHN DOE, BYLINE: …", "JANE ROE: …", "DOE: …": a transcript's speaker label (a name in capitals, maybe
 * a comma and the speaker's part, then a colon, opening its paragraph), not a dateline. The name is a
 * person's: its first word a given name, or its one word the surname of a person the text names
 * ("Jane Doe"). Both the name and the part after the comma are no place.
 */
function speakerLabel(ctx: Context, s: Segment): boolean {
  const { tokens } = ctx;
  const lex = lexicons();
  let start = s.from;
  while (start > 0 && tokens[start - 1].block === tokens[s.from].block) start--;
  let i = start;
  const name: Token[] = [];
  while (i < tokens.length && tokens[i].block === tokens[start].block && tokens[i].allCaps && tokens[i].isWord && name.length < 4) name.push(tokens[i++]);
  if (!name.length) return false;
  const nameEnd = i;
  // ", BYLINE", ", HOST": the speaker's part
  if (tokens[i]?.text === "," && tokens[i + 1]?.allCaps && tokens[i + 1].block === tokens[start].block) {
    i += 2;
    while (tokens[i]?.allCaps && tokens[i].block === tokens[start].block && i < nameEnd + 4) i++;
  }
  if (tokens[i]?.text !== ":" || tokens[i].block !== tokens[start].block || s.from < start || s.to > i) return false;
  const title = (t: Token) => t.text.charAt(0) + t.text.slice(1).toLowerCase();
  if (name.length >= 2) return lex.givenNames.has(title(name[0]));
  const surname = title(name[0]);
  return tokens.some((t, k) => t.text === surname && k > 0 && lex.givenNames.has(tokens[k - 1].text));
}

const DATELINE_ENDS = new Set(["–", "—", "-", "--", "(", ":", "|"]);

/** Does the bracket opening at token i close (within a few words) before a dash, a colon or the end of its block? */
function bracketEndsDateline(tokens: Token[], i: number): boolean {
  const block = tokens[i].block;
  for (let k = i + 1; k < i + 10 && tokens[k]?.block === block; k++) {
    if (tokens[k].text === "(") return false;
    if (tokens[k].text !== ")") continue;
    const after = tokens[k + 1];
    return !after || after.block !== block || ["-", "–", "—", "--", ":"].includes(after.text);
  }
  return false;
}

/**
 * "KYIV/UKRAINE –", "BRUSSELS/KYIV, March 3 (Agency) -", "Port-au-Prince, Haiti –", "Nairobi, Kenya |
 * March 3": the names a block opens with, joined by slashes or a comma, before a dateline's end (a
 * dash, a bracket, a colon, a bar, a date), or a line of its own that ends with a state.
 */
function inDatelineHead(ctx: Context, s: Segment): boolean {
  const { tokens } = ctx;
  const block = tokens[s.from].block;
  const inBlock = (k: number) => !!tokens[k] && tokens[k].block === block;
  // one item: one to four capitalised words; returns where it ends
  const itemEnd = (k: number) => { let e = k; while (inBlock(e) && tokens[e].cap && e - k < 4) e++; return e; };
  let slash = false;
  // back to the block's start, over earlier items
  let k = s.from;
  for (let items = 0; inBlock(k - 1); items++) {
    const sep = tokens[k - 1].text;
    if ((sep !== "/" && sep !== ",") || items >= 3) return false;
    slash ||= sep === "/";
    let j = k - 1;
    while (inBlock(j - 1) && tokens[j - 1].cap && k - 1 - j < 4) j--;
    if (j === k - 1) return false;
    k = j;
  }
  let e = s.to, last = s;
  for (let items = 0; items < 4; items++) {
    const t = tokens[e];
    if (!inBlock(e)) return (slash || k < s.from || e > s.to) && last.kind === "country" && last.via !== "demonym";
    if (DATELINE_ENDS.has(t.text)) return slash || k < s.from || e > s.to;
    if (t.text === "," && /^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/.test(tokens[e + 1]?.text ?? "") && /^\d/.test(tokens[e + 2]?.text ?? "")) return slash || k < s.from || e > s.to;
    if (t.text !== "/" && t.text !== ",") return false;
    slash ||= t.text === "/";
    const end = itemEnd(e + 1);
    if (end === e + 1) return false;
    const next = segmentStartingAt(ctx, e + 1);
    if (!next || next.to !== end) return false;
    last = next;
    e = end;
  }
  return false;
}

/** Does token i open its block, after any bullet or list number ("•", "1.")? */
function opensListLine(tokens: Token[], i: number): boolean {
  let k = i - 1;
  for (let n = 0; n < 3 && k >= 0 && tokens[k].block === tokens[i].block; n++, k--) if (tokens[k].isWord && !/^\d{1,3}$/.test(tokens[k].text)) return false;
  return k < 0 || tokens[k].block !== tokens[i].block;
}

/** The end of token i's block, looking at most `max` tokens on. */
function blockEnd(tokens: Token[], i: number, max: number): number {
  let e = i;
  while (e < tokens.length && e - i < max && tokens[e].block === tokens[i].block) e++;
  return e;
}

/** "PLACE, Mon DD (Agency Name) -" / "PLACE (Agency Name) —": the bracketed name after a dateline's place or date. */
export function agencyInDateline(ctx: Context, s: Segment): boolean {
  if (creditInDatelineBlock(ctx, s)) return true;
  const open = before(ctx, s), close = ctx.tokens[s.to], dash = ctx.tokens[s.to + 1];
  if (open?.text !== "(" || close?.text !== ")") return false;
  // a dash after the bracket, or the bracket closing a dateline block of its own
  const dashed = !!dash && ["-", "–", "—", "--"].includes(dash.text) && dash.block === close.block;
  if (!dashed && !(close.blockKind === "dateline" && (!dash || dash.block !== close.block))) return false;
  // the bracket opens the block's first line: only a place, a date and commas before it
  // (a dateline is a few words: no need to look further back)
  for (let k = s.from - 2; k >= 0 && k >= s.from - 12 && ctx.tokens[k].block === ctx.tokens[s.from].block; k--) {
    const t = ctx.tokens[k];
    if (!(t.allCaps || t.text === "," || t.text === "." || t.text === "/" || /^\d{1,4}$/.test(t.text) || (t.cap && k < s.from - 1))) return false;
    if (k === 0 || ctx.tokens[k - 1].block !== t.block) return true;
  }
  return true;
}

/**
 * A credit inside a dateline that ingest marked as one: a name in its brackets ("(OUTLET- AGENCY) Kyiv,
 * May 21 (AGENCY/AGENCY)") or after its numeric date's slash ("Baku/08.09.23/Agency"). Only the place
 * of a dateline is a place; the rest names who reports.
 */
function creditInDatelineBlock(ctx: Context, s: Segment): boolean {
  const { tokens } = ctx;
  const block = tokens[s.from].block;
  if (tokens[s.from].blockKind !== "dateline") return false;
  const prev = tokens[s.from - 1];
  if (prev?.text === "/" && prev.block === block && /\d/.test(tokens[s.from - 2]?.text ?? "")) return true;
  // inside brackets: an opening one before it (no closing one between), a closing one after it, both in the block
  let open = false;
  for (let k = s.from - 1; k >= 0 && k >= s.from - 6 && tokens[k].block === block; k--) {
    if (tokens[k].text === ")") break;
    if (tokens[k].text === "(") { open = true; break; }
  }
  if (!open) return false;
  for (let k = s.to; k < s.to + 6 && tokens[k]?.block === block; k++) {
    if (tokens[k].text === "(") return false;
    if (tokens[k].text === ")") return true;
  }
  return false;
}

/** "Photograph: Jane Doe/Agency/Some Pool/EPA": the names after a slash in a photo credit are agencies. */
function creditAfterSlash(ctx: Context, s: Segment): boolean {
  const { tokens } = ctx;
  if (tokens[s.from - 1]?.text !== "/" || !tokens[s.from - 2]?.cap) return false;
  const next = tokens[s.to];
  if (next && next.block === tokens[s.from].block && !["/", ")", "."].includes(next.text)) return false;
  // a credit's person ("Agency/Jane Doe/File Photo"), plain words ("POOL", "File Photo") are no agency
  const lex = lexicons();
  const words = tokens.slice(s.from, s.to);
  if (lex.givenNames.has(words[0].text) || words.every((t) => lex.commonWords.has(t.text.toLowerCase()))) return false;
  // after a credit's head ("Photograph:", "Credit:") in the same block
  for (let k = s.from - 2; k >= 0 && k > s.from - 16 && tokens[k].block === tokens[s.from].block; k--) {
    if (tokens[k].text === ":" && /^(?:photograph|photo|photos|credit|picture|image|illustration)$/i.test(tokens[k - 1]?.text ?? "")) return true;
  }
  return false;
}

/** Positions within a region before its name ("in central X", "across northern Y"). */
const POSITION_WORDS = new Set(["central", "northern", "southern", "eastern", "western", "north-eastern", "north-western", "south-eastern", "south-western",
  "northeastern", "northwestern", "southeastern", "southwestern", "downtown", "rural", "coastal", "upper", "lower"]);

/** Suffixes the tokenizer splits off a place's name ("Tehran-based", "Lima-born", "Marvas-registered"). */
const PLACE_SUFFIXES = new Set(["-based", "-headquartered", "-born", "-registered", "-flagged"]);
/** Verbs of flight before "over X" ("drones flew over X"). */
const FLIGHT_WORDS = new Set(["flew", "fly", "flying", "flown", "hovered", "hovering", "circled", "circling", "down", "airspace", "skies", "sky"]);
/** Forms of "be" and "have been" before a war verb's participle ("X was shelled", "X has been struck"). */
const PASSIVE_AUX = new Set(["was", "were", "is", "are", "been", "being"]);
/** People before "from X" that make X where they come from ("refugees from X"). */
const PEOPLE_FROM = new Set(["refugees", "residents", "people", "families", "civilians", "migrants", "evacuees", "villagers", "survivors", "pilgrims", "travellers", "travelers", "tourists", "children"]);
/** Plural nouns of places after a list of names ("the X and Y regions"). */
const PLACE_LIST_NOUNS = new Set(["regions", "provinces", "oblasts", "districts", "cities", "towns", "villages", "counties", "states", "prefectures", "governorates", "islands", "municipalities"]);

/** Plural nouns of settlements before "of" and their names ("the villages of X and Y"). */
const PLURAL_PLACES_OF = new Set(["villages", "towns", "cities", "settlements", "hamlets", "districts", "provinces", "regions", "communities", "suburbs"]);

/** Plural nouns of places after "X and other" ("X and other frontline towns"). */
const PLACE_PLURALS = new Set(["cities", "towns", "villages", "positions", "regions", "areas", "settlements", "provinces", "districts", "ports", "islands"]);

/** Nouns before "of X" that make X a place: its parts, its people, what armies do to it ("the outskirts of X"). */
const PLACE_PART_NOUNS = new Set([
  "residents", "inhabitants", "people", "population", "outskirts", "streets", "suburbs", "suburb", "centre", "center", "heart", "mayor", "skies",
  "shelling", "bombing", "bombardment", "siege", "fall", "capture", "recapture", "liberation", "occupation", "evacuation", "encirclement",
  "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "north-east", "north-west", "south-east", "south-west",
]);
/** Nouns of attack before "on X" ("strikes on X", "the assault on X"). */
const ATTACK_NOUNS = new Set(["attack", "attacks", "strike", "strikes", "airstrike", "airstrikes", "air strikes", "raid", "raids", "assault", "offensive", "bombardment", "shelling", "advance", "march"]);
/** Verbs of war whose object is a place ("shelled X", "recaptured X"). */
const WAR_VERBS = new Set(["entered", "occupied", "retook", "surrounded", "reoccupied", "struck", "shelled", "bombed", "bombarded", "pounded", "besieged", "encircled", "stormed", "overran", "liberated", "recaptured", "captured", "shelling", "bombing", "pounding", "storming", "encircling"]);
/** Verbs of leaving a place under force before "from X". */
const RETREAT_VERBS = new Set(["retreated", "withdrew", "withdrawn", "withdrawing", "retreating", "evacuated", "displaced", "expelled", "driven", "pushed", "ousted"]);
/** Nouns after "X's" that belong to a town ("X's mayor", "X's outskirts"). */
const TOWN_POSSESSIONS = new Set(["mayor", "residents", "inhabitants", "outskirts", "streets", "suburbs", "airport", "centre", "center", "metro", "skyline", "districts", "neighbourhoods", "neighborhoods", "old", "port"]);
/** Nouns after "X, a" that make X a place ("X, a small town near ..."). */
const PLACE_APPOSITION_NOUNS = new Set(["town", "city", "village", "port", "settlement", "hamlet", "suburb", "district", "region", "province", "enclave", "island", "municipality", "community", "hub"]);

/**
 * Context that makes a name a place whatever its letters suggest: its parts or people ("residents of
 * X", "the outskirts of X", "X's mayor"), what armies do to it ("shelled X", "strikes on X", "the
 * battle for X", "retreated from X"), an apposition ("X, a small town near ..."), its state after a
 * comma ("X, Norway, was ..."). For capitals it tells the city from the government it stands for.
 */
export function placeCue(ctx: Context, s: Segment): boolean {
  const { tokens } = ctx;
  const prev = before(ctx, s), prev2 = before(ctx, s, 2);
  const p = prev?.text.toLowerCase() ?? "", p2 = prev2?.text.toLowerCase() ?? "";
  if (p === "of" && PLACE_PART_NOUNS.has(p2)) return true;
  // "the Dorvan district of X", "the town of X" (before any cue of a person: a family name may be a town's)
  if (p === "of" && prev2 && !prev2.cap && PLACE_NOUNS.has(p2) && p2 !== "capital" && p2 !== "state") return true;
  // "the villages of X and Y", "the towns of X, Y and Z"
  if (p === "of" && prev2 && !prev2.cap && PLURAL_PLACES_OF.has(p2)) return true;
  // "in central X", "to northern X": a region's position before its name
  if (prev?.isWord && !prev.cap && POSITION_WORDS.has(p) && prev2 && (LOCATION_PREPOSITIONS.has(p2) || ["of", "from", "to"].includes(p2))) return true;
  if (p === "on" && ATTACK_NOUNS.has(p2)) return true;
  if (p === "for" && /^(?:battle|battles|fight|fighting|struggle)$/.test(p2)) return true;
  if (p === "from" && RETREAT_VERBS.has(p2)) return true;
  // "troops withdrew to X", "retreated to X"
  if (p === "to" && /^(?:withdrew|retreated|withdrawn|retreating|withdrawing|pulled)$/.test(p2)) return true;
  if (prev?.isWord && !prev.cap && WAR_VERBS.has(p)) return true;
  // "drones flew over X"
  if (p === "over" && FLIGHT_WORDS.has(p2)) return true;
  // "refugees from X"
  if (p === "from" && PEOPLE_FROM.has(p2)) return true;
  // "X was shelled", "X had been bombed": a war verb's object, in the passive
  {
    let k = s.to;
    if (tokens[k]?.lower === "had" || tokens[k]?.lower === "has" || tokens[k]?.lower === "have") k++;
    if (PASSIVE_AUX.has(tokens[k]?.lower ?? "") && tokens[k].block === tokens[s.from].block) {
      if (tokens[k].lower === "being" || (tokens[k + 1]?.lower === "being" || tokens[k + 1]?.lower === "been")) k++;
      const verb = tokens[k + 1];
      if (verb && verb.block === tokens[s.from].block && WAR_VERBS.has(verb.lower) && verb.lower.endsWith("ed")) return true;
    }
  }
  // "the X and Y regions": names listed before a plural noun of places
  if (listedBeforePluralPlace(ctx, s)) return true;
  // "flown to X", "a flight from X to Y", "drones hit X", "the dam at X", "X residents", "X, home to ..."
  if (placeContext(tokens, s)) return true;
  const next = tokens[s.to], block = tokens[s.from].block;
  if (next && next.block === block && /^['’]s$/.test(next.text) && TOWN_POSSESSIONS.has(tokens[s.to + 1]?.text ?? "")) return true;
  if (next?.text === "," && next.block === block) {
    // "X, a small town near ...", "X, the regional capital"
    const det = tokens[s.to + 1]?.text.toLowerCase();
    if (det === "a" || det === "an" || det === "the") {
      for (let k = s.to + 2; k < s.to + 5 && tokens[k]?.isWord && !tokens[k].cap && tokens[k].block === block; k++) {
        if (PLACE_APPOSITION_NOUNS.has(tokens[k].text)) return true;
      }
    }
    // "X, Norway, was shelled", "in X, Ukraine.": a place, then its state (not a list of states)
    const state = segmentStartingAt(ctx, s.to + 1);
    if (state && state.kind === "country" && state.via !== "demonym") {
      const after2 = tokens[state.to];
      if (!after2 || after2.block !== block || (!after2.isWord && after2.text !== "&") || (!after2.cap && !/^(?:and|or)$/.test(after2.text))) return true;
    }
  }
  return false;
}

/** "the Korsun and Balvin regions", "the X, Y and Z provinces": is the segment one of the names such a noun ends? */
function listedBeforePluralPlace(ctx: Context, s: Segment): boolean {
  const { tokens } = ctx;
  const block = tokens[s.from].block;
  const run = (k: number) => { let e = k; while (tokens[e]?.cap && tokens[e].block === block && e - k < 3) e++; return e; };
  // forward over the rest of the list: ", Name" / "and Name"
  let k = s.to, listed = false;
  for (let items = 0; items < 6; items++) {
    let j = k;
    if (tokens[j]?.text === ",") j++;
    if (tokens[j]?.text === "and") j++;
    const e = j > k ? run(j) : j;
    if (e === j) break;
    k = e;
    listed = true;
  }
  if (!PLACE_LIST_NOUNS.has(tokens[k]?.text ?? "") || tokens[k].block !== block) return false;
  if (listed) return true;
  // the last name of the list: "and" or a comma before it, after another name
  let b = s.from - 1;
  if (tokens[b]?.text === "and") b--;
  if (tokens[b]?.text === ",") b--;
  return b < s.from - 1 && !!tokens[b]?.cap && tokens[b].block === block;
}

const segmentStarts = new WeakMap<Segment[], Map<number, Segment>>();
/** The segment that starts at token i (indexed once per document). */
export function segmentStartingAt(ctx: Context, i: number): Segment | undefined {
  let m = segmentStarts.get(ctx.segments);
  if (!m) {
    m = new Map();
    for (const o of ctx.segments) if (!m.has(o.from)) m.set(o.from, o);
    segmentStarts.set(ctx.segments, m);
  }
  return m.get(i);
}

/** Is the segment used as a location ("in X", "X province", a dateline)? */
/** People who act for a government, placed in its capital: "officials in X said". */
// (not "the authorities / the government in X": news copy uses those for the scene as often as for the state)
const GOVERNMENT_PEOPLE = new Set(["officials", "policymakers", "policy-makers"]);
/**
 * "officials in X said": a capital after a government's people and "in"
 * stands for its state, unless a name before them says whose they are ("US officials in X": the
 * capital is then where they are).
 */
function officialsIn(ctx: Context, s: Segment): boolean {
  if (!s.capitalOf || before(ctx, s)?.text !== "in") return false;
  const people = before(ctx, s, 2);
  const owner = before(ctx, s, 3);
  // (a capital opening the sentence is a name only when tagged one: "Senior officials in X", "The authorities in X")
  const named = !!owner?.cap && (!owner.sentenceStart || owner.tag === "PROPN");
  return !!people && GOVERNMENT_PEOPLE.has(people.text.toLowerCase()) && !named;
}

export function isLocationUse(ctx: Context, s: Segment): boolean {
  if (isDateline(ctx, s)) return true;
  if (placeCue(ctx, s)) return true;
  const prev = before(ctx, s);
  const prev2 = before(ctx, s, 2);
  if (officialsIn(ctx, s)) return false;
  if (prev && LOCATION_PREPOSITIONS.has(prev.text.toLowerCase())) return true;
  if (prev?.text === "to" && prev2 && DESTINATION_WORDS.has(prev2.text.toLowerCase())) return true;
  if (prev?.text === "from" && prev2 && MOTION_VERBS.has(prev2.text.toLowerCase())) return true;
  // "the city of X", "southern China's X province", "X region"
  if (prev?.text === "of" && prev2 && PLACE_NOUNS.has(prev2.text.toLowerCase())) return true;
  const next = ctx.tokens[s.to];
  if (next && next.block === ctx.tokens[s.from].block && PLACE_NOUNS.has(next.text) && next.text !== "capital") return true;
  // "a Tehran-based trader", "the Nigerian capital, Abuja"
  if (next && next.block === ctx.tokens[s.from].block && PLACE_SUFFIXES.has(next.text)) return true;
  if (prev?.text === "," && prev2?.text === "capital") return true;
  // "Norland's capital X", "the Norlandic capital X": a state's capital named after its owner is the city
  if (prev?.text === "capital" && prev2 && (/^['’]s$/.test(prev2.text) || (prev2.cap && lexicons().demonyms.has(prev2.text)))) return true;
  // "the regional capital X", "the provincial capital X" (not "the capital X-based fund")
  if (prev?.text === "capital" && prev2 && /^(?:regional|provincial|state|district|county|departmental|prefectural|northern|southern|eastern|western|coastal|old|former|commercial|economic|administrative)$/.test(prev2.text)) return true;
  // "hit X and other frontline positions": a place among places
  if (next?.text === "and" && ctx.tokens[s.to + 1]?.text === "other") {
    for (let k = s.to + 2; k < s.to + 5 && ctx.tokens[k]?.block === next.block; k++) if (PLACE_PLURALS.has(ctx.tokens[k].text)) return true; else if (!ctx.tokens[k].isWord) break;
  }
  // "In Beijing, ..." at the head of a sentence
  if (prev && prev.text === "In" && prev.sentenceStart) return true;
  return false;
}

/** "Reporting by X", "Editing by X", "a newsletter by X". */
function byFollows(ctx: Context, s: Segment): boolean {
  return before(ctx, s)?.text === "by" && s.to - s.from >= 2 && s.to - s.from <= 4;
}

function speechFollows(ctx: Context, s: Segment): boolean {
  const n = after(ctx, s);
  if (!n) return false;
  if (SPEECH_VERBS.has(n.text)) return true;
  // "X, who ..., said" is left to the apposition cue; "X also said", "X has said"
  const n2 = after(ctx, s, 1);
  return !!n2 && ["also", "has", "had", "later", "then", "further", "previously", "earlier"].includes(n.text) && SPEECH_VERBS.has(n2.text);
}

/** "X, director of ...", "X, who is also state councillor", "X, a spokesman for ..." */
function appositiveTitleFollows(lex: Lexicons, ctx: Context, s: Segment): boolean {
  const comma = ctx.tokens[s.to];
  if (comma?.text !== "," || comma.block !== ctx.tokens[s.from].block) return false;
  for (let i = s.to + 1; i < Math.min(ctx.tokens.length, s.to + 7); i++) {
    const t = ctx.tokens[i];
    if (!t.isWord && t.text !== "-") return false;
    const w = t.text.toLowerCase();
    if (lex.titleHeads.has(w) || (PERSON_NOUNS.has(w) && !t.cap)) return !(t.cap && titleOfNextName(lex, ctx, i));
    if (t.cap && i === s.to + 1 && !["The", "A", "An"].includes(t.text) && !lex.demonyms.has(t.text)) return false;
  }
  return false;
}

/** "X, Lt. Gen. Y": a capitalised post from token i on that a name follows is that name's post. */
function titleOfNextName(lex: Lexicons, ctx: Context, i: number): boolean {
  let k = i;
  while (ctx.tokens[k]?.cap && ctx.tokens[k].block === ctx.tokens[i].block && (lex.titleHeads.has(ctx.tokens[k].text.toLowerCase()) || lex.titleModifiers.has(ctx.tokens[k].text.toLowerCase()))) k++;
  // "Lieutenant General (Lt. Gen.) Y"
  if (ctx.tokens[k]?.text === "(") {
    const close = ctx.tokens.slice(k, k + 6).findIndex((t) => t.text === ")");
    if (close > 0) k += close + 1;
  }
  const next = ctx.tokens[k];
  return !!next && next.cap && next.block === ctx.tokens[i].block;
}

/** Patronymics of East Slavic names ("Ivanovich", "Petrovna"), as lists of designated persons write them. */
const PATRONYMIC = /^\p{Lu}\p{Ll}+(?:ovich|evich|ich|ovna|evna|ichna|inichna)$/u;

/** Evidence in the context that the segment names a person. */
export function personCue(ctx: Context, s: Segment): boolean {
  const lex = lexicons();
  const toks = ctx.tokens.slice(s.from, s.to);
  // (a people's word ends a name with a post after it: "Samira Nadia Baloch, spokesperson of …")
  if (toks.some((t) => lex.groupWords.has(t.text)) && !(toks.length >= 3 && !toks.slice(0, -1).some((t) => lex.groupWords.has(t.text) || lex.demonyms.has(t.text)) && appositiveTitleFollows(lex, ctx, s))) return false;
  if (toks.length === 1 && toks[0].allCaps) return false; // "the AFC said": an acronym is a body
  if (toks.length === 1 && CAMEL_ACRONYM.test(toks[0].text)) return false; // "MoFA said"
  // "– Officials said": a plain English word is nobody's name (unless it is a known family name: "Rice")
  const w0 = toks[0].text.toLowerCase();
  if (toks.length === 1 && lex.commonWords.has(w0) && !lex.surnames.has(w0) && !lex.givenNames.has(toks[0].text)) return false;
  if (organisationNounCue(ctx, s) || enumeratedHeading(ctx, s)) return false;
  if (thingRelativeFollows(ctx, s)) return false;
  // ("Royal Assent", "Grace Harbor": English words only, none a family name, are no person's name even when the first is a given name too)
  if (toks.length >= 2 && lex.givenNames.has(toks[0].text) && !s.headline && !toks.every((t, i) => lex.commonWords.has(t.lower) && (i === 0 || (!lex.surnames.has(t.lower) && !lex.givenNames.has(t.text))))) return true;
  // "Civic Lantern said": a name of English words only is a body's, not a person's
  if (commonWordsName(lex, toks)) return false;
  // "MIN AUNG HLAING (born 1956), Commander-in-Chief of X": a whole name in capitals opening a list's line
  if (toks.length >= 2 && toks.length <= 4 && toks.every((t) => t.allCaps) && !s.headline && opensListLine(ctx.tokens, s.from)
    && !toks.every((t) => lex.commonWords.has(t.text.toLowerCase())) && !lexiconMatch(lex, ctx.tokens, s.from, s.to) && isListEntryBlock(ctx.tokens, s.from, blockEnd(ctx.tokens, s.from, 40))) return true;
  // "SURNAME Given Patronymic" in a designation list: a family name in capitals, then given names
  if (toks.length >= 2 && toks.length <= 4 && toks[0].allCaps && toks[0].text.length > 2 && !s.headline && !toks.slice(1).some((t) => t.allCaps)
    && (lex.givenNames.has(toks[1].text) || PATRONYMIC.test(toks[toks.length - 1].text)) && !lexiconMatch(lex, ctx.tokens, s.from, s.from + 1)) return true;
  // "Edda HALVORSEN, Deputy Minister of X": given names, then the family name in capitals, opening a list's line
  if (toks.length >= 2 && toks.length <= 4 && !toks[0].allCaps && toks[toks.length - 1].allCaps && toks[toks.length - 1].text.length > 2 && !s.headline && opensListLine(ctx.tokens, s.from)
    && !lexiconMatch(lex, ctx.tokens, s.from, s.to) && !lex.commonWords.has(toks[0].text.toLowerCase()) && isListEntryBlock(ctx.tokens, s.from, blockEnd(ctx.tokens, s.from, 40))) return true;
  // "QDi.123 JANE ROE" above "Nationality: X" / "Designation: ...": a list's entry whose fields follow on their own lines
  if (toks.length >= 2 && toks.length <= 4 && !s.headline && fieldListEntry(ctx, s)) return true;
  if (toks.length >= 2 && lex.personNames.has(lookupKey(toks.map((t) => t.text).join(" ")))) return true;
  // "the Red Cross in Geneva has called": a name after "in" is where, not who (unless a known family name)
  const pin = before(ctx, s)?.text;
  if ((pin === "in" || pin === "near" || pin === "outside" || pin === "inside") && !(toks.length === 1 && lex.surnames.has(w0))) return false;
  // a bare surname of a known office holder ("Putin met Xi"), when it is no English word
  if (toks.length === 1 && !toks[0].allCaps && toks[0].text.length > 1 && lex.surnames.has(toks[0].text.toLowerCase()) && !lex.commonWords.has(toks[0].text.toLowerCase())) return true;
  if (speechFollows(ctx, s)) return true;
  // '"...," said X' / '..., says X'
  const pv = before(ctx, s), pv2 = before(ctx, s, 2);
  if (toks.length >= 2 && pv && ["said", "says", "added", "wrote", "asked", "explained"].includes(pv.text) && pv2 && [",", "”", "\"", "’", "'"].includes(pv2.text)) return true;
  if (byFollows(ctx, s) && !organisationCue(ctx, s)) return true;
  const prev = before(ctx, s);
  const prev2 = before(ctx, s, 2);
  if (prev?.text === "to" && prev2?.text.toLowerCase() === "according") return true;
  if (prev && !prev.cap && (lex.titleHeads.has(prev.text) || PERSON_NOUNS.has(prev.text))) return true;
  if (prev && lex.honorifics.has(prev.text)) return true;
  if (appositiveTitleFollows(lex, ctx, s)) return true;
  // "the Trump administration", "the Lula presidency"
  const n = ctx.tokens[s.to];
  const det = prev?.text.toLowerCase() === "the" || (prev && !prev.cap && prev2?.text.toLowerCase() === "the");
  if (toks.length === 1 && det && n && ["administration", "presidency"].includes(n.text)) return true;
  // photo credit "(Agency Name: Firstname Lastname)"
  if (toks.length >= 2 && toks.length <= 4 && prev?.text === ":" && ctx.tokens[s.to]?.text === ")") {
    for (let k = s.from - 2; k >= Math.max(0, s.from - 6); k--) if (ctx.tokens[k].text === "(") return true; else if (!ctx.tokens[k].cap) break;
  }
  // photo credit "Firstname Lastname/AGENCY"
  const next = ctx.tokens[s.to];
  if (toks.length >= 2 && next?.text === "/" && ctx.tokens[s.to + 1]?.allCaps) return true;
  // byline: a short block that holds the name alone (or after "By")
  if (ctx.tokens[s.from].blockKind === "byline" || isBylineBlock(ctx, s)) return toks.length >= 2;
  return false;
}

/** "A. Individuals", "B. Entities": a list's section heading (a letter, then English words or their plurals) opening its line. */
export function enumeratedHeading(ctx: Context, s: Segment): boolean {
  const lex = lexicons();
  const words = ctx.tokens.slice(s.from, s.to);
  const prev = ctx.tokens[s.from - 1];
  if (words.length < 2 || !/^\p{Lu}\.?$/u.test(words[0].text) || (prev && prev.block === words[0].block)) return false;
  return words.slice(1).every((t) => lex.commonWords.has(t.lower) || lex.commonWords.has(t.lower.replace(/s$/, "")));
}

/** Labels of the fields under a designation list's entry ("Nationality: X", "DOB: ..."). */
const ENTRY_FIELDS = new Set(["nationality", "designation", "title", "dob", "born", "citizenship", "passport", "address", "position", "function", "alias", "aliases", "gender", "listed", "date", "place"]);

/**
 * "LYi.024 JANE ROE", "12. Jane ROE, a.k.a. Jana Roeva": a line holding a reference code and a
 * name in capitals (or a family name in capitals), with the entry's fields ("Nationality: ...") on
 * the next line.
 */
function fieldListEntry(ctx: Context, s: Segment): boolean {
  const { tokens } = ctx;
  const lex = lexicons();
  const toks = tokens.slice(s.from, s.to);
  if (!toks[toks.length - 1].allCaps || toks.every((t) => lex.commonWords.has(t.text.toLowerCase())) || lexiconMatch(lex, tokens, s.from, s.to)) return false;
  const block = tokens[s.from].block;
  // before the name only a reference code ("LYi.024", "QDi.123", "12.")
  for (let k = s.from - 1, n = 0; k >= 0 && tokens[k].block === block; k--, n++) {
    const t = tokens[k];
    if (n >= 4 || (t.isWord && !/\d/.test(t.text) && !(t.cap && t.text.length <= 4))) return false;
  }
  // after it the line's end, or another name ("a.k.a. X", "(X)")
  let e = s.to;
  if (tokens[e]?.block === block && !(tokens[e].text === "(" || (tokens[e].text === "," && ALIAS_MARK.test(tokens[e + 1]?.text ?? "")))) return false;
  while (tokens[e]?.block === block && e - s.to < 30) e++;
  const label = tokens[e];
  return !!label && label.block === block + 1 && ENTRY_FIELDS.has(label.lower) && (tokens[e + 1]?.text === ":" || (label.lower === "date" && tokens[e + 2]?.lower === "birth") || (label.lower === "place" && tokens[e + 2]?.lower === "birth"));
}

function isBylineBlock(ctx: Context, s: Segment): boolean {
  if (s.to - s.from > 5) return false;
  // every other word of the block is "By": stop at the first that is not (a long block costs nothing)
  const block = ctx.tokens[s.from].block;
  const other = (t: Token) => t.isWord && t.text !== "By" && t.text !== "by";
  for (let i = s.from - 1; i >= 0 && ctx.tokens[i].block === block; i--) if (other(ctx.tokens[i])) return false;
  for (let i = s.to; i < ctx.tokens.length && ctx.tokens[i].block === block; i++) if (other(ctx.tokens[i])) return false;
  return true;
}

/** Lower-case nouns before or in apposition to a name that make it an organisation ("oil giant X"). */
const SPOKES_NOUNS = new Set(["spokesman", "spokeswoman", "spokesperson", "representative", "representatives", "lobbyist", "lobbyists", "shareholders", "employees"]);
const ORGANISATION_NOUNS = new Set([
  "company", "companies", "firm", "firms", "bank", "banks", "lender", "giant", "group", "groups", "conglomerate", "producer",
  "producers", "exporter", "exporters", "carrier", "airline", "insurer", "maker", "manufacturer", "operator", "militia",
  "party", "outlet", "broadcaster", "newspaper", "daily", "agency", "network", "fund", "miner", "refiner", "refiners",
  "shipper", "trader", "startup", "start-up", "subsidiary", "consultancy", "think-tank", "tank", "organisation",
  "organization", "movement", "alliance", "coalition", "union", "charity", "ngo", "institute", "university", "website",
  "platform", "developer", "contractor", "supplier", "brand", "retailer", "automaker", "chipmaker", "shipbuilder", "holding",
]);

/**
 * "X, where Y is the president", "X, which …": a relative of place or thing follows the name (a
 * person's would be "who"), unless a given name opens it.
 */
export function thingRelativeFollows(ctx: Context, s: Segment): boolean {
  return after(ctx, s)?.text === "," && ["where", "which"].includes(after(ctx, s, 1)?.lower ?? "") && !lexicons().givenNames.has(ctx.tokens[s.from].text);
}

/** Lower-case nouns right after a name that make it an organisation ("the X think tank"). */
export const FOLLOWING_ORG_NOUNS = new Set(["think-tank", "group", "party", "movement", "coalition", "militia", "company", "firm", "newspaper", "broadcaster", "consultancy", "conglomerate", "bank", "lender", "airline", "carrier"]);
/** Members of an armed group after its name ("Boko Haram insurgents", "the X militants"): the name is the group's. */
export const ARMED_MEMBER_NOUNS = new Set(["insurgents", "militants", "fighters", "rebels", "terrorists", "jihadists", "gunmen", "militiamen", "guerrillas", "guerillas",
  "mercenaries", "extremists", "separatists", "insurgent", "militant", "fighter", "rebel", "terrorist", "jihadist", "guerrilla", "mercenary"]);
/** Bodies a lower-case modifier may stand before, after a name ("the X motorcycle club", "the Y drug cartel", "the Z mercenary group"). */
const MODIFIED_ORG_NOUNS = new Set(["group", "club", "gang", "cartel", "syndicate", "company", "firm", "militia", "party", "network", "movement", "organisation", "organization", "conglomerate"]);

/** "oil giant X", "the militant group X" before, or ", a data firm" after. */
const surnamesOfFullNames = new WeakMap<Segment[], Set<string>>();

/** Last words of the names that start with a given name ("Anna Berg" → "Berg"), computed once per document. */
function fullNameSurnames(ctx: Context): Set<string> {
  let set = surnamesOfFullNames.get(ctx.segments);
  if (!set) {
    set = new Set(ctx.segments.filter((o) => o.to - o.from >= 2 && lexicons().givenNames.has(ctx.tokens[o.from].text)).map((o) => ctx.tokens[o.to - 1].text));
    surnamesOfFullNames.set(ctx.segments, set);
  }
  return set;
}

/** Lower-case nouns of bodies before a bracketed name of their own ("the religious police (X)"). */
const BRACKETED_BODY_NOUNS = new Set([...ORGANISATION_NOUNS, "police", "military", "ministry", "service", "services", "force", "forces", "guard", "guards", "unit", "council",
  "court", "committee", "commission", "directorate", "department", "office", "army", "front", "militia", "brigade", "battalion", "regiment", "parliament", "assembly"]);

/** What a firm is, after its line of business ("trade company", "arms exporter"). */
const FIRM_NOUNS = new Set(["company", "firm", "corporation", "enterprise", "conglomerate", "manufacturer", "exporter", "producer", "operator", "carrier", "bank", "lender", "insurer", "refiner", "shipper"]);

export function organisationNounCue(ctx: Context, s: Segment): boolean {
  const prev = before(ctx, s);
  if (prev && prev.isWord && !prev.cap && ORGANISATION_NOUNS.has(prev.text)) return true;
  // "the morality police (Gasht-e Ershad)": a body's name of its own, in brackets after its lower-case description
  const opener = before(ctx, s, 2);
  if (prev?.text === "(" && ctx.tokens[s.to]?.text === ")" && opener?.isWord && !opener.cap && BRACKETED_BODY_NOUNS.has(opener.text) && !lexicons().givenNames.has(ctx.tokens[s.from].text)) return true;
  // "a spokesman for X", "shares of X": a body speaks through a spokesman, a company has shares (not a named person)
  const prev2 = before(ctx, s, 2);
  const first = ctx.tokens[s.from];
  const last = ctx.tokens[s.to - 1].text;
  // a surname alone is a person's when the text names that person in full elsewhere ("a spokesman for Berg")
  const personLike = lexicons().givenNames.has(first.text) || (s.to - s.from > 1 && lexicons().surnames.has(last.toLowerCase()))
    || fullNameSurnames(ctx).has(last);
  if (prev && prev2 && !personLike && ((/^(?:for|at)$/.test(prev.text) && SPOKES_NOUNS.has(prev2.text.toLowerCase())) || (/^(?:of|in)$/.test(prev.text) && /^shares$/i.test(prev2.text)))) return true;
  // "the Bilim Karvoni think tank", "the Wagner group"
  const next = ctx.tokens[s.to];
  if (next && next.block === ctx.tokens[s.from].block && !next.cap && (FOLLOWING_ORG_NOUNS.has(next.text) || (next.text === "think" && ctx.tokens[s.to + 1]?.text === "tank"))) return true;
  // "Boko Haram insurgents", "the Night Wolves motorcycle club", "the Varda drug cartel": a group's members, or a body with one
  // lower-case modifier (not a named person's fighters: "Haftar fighters" when the text names Khalifa Haftar; not one
  // word: "Kurdish fighters", "Tuareg rebels" are a people's)
  if (next && next.block === first.block && !next.cap && next.isWord && !personLike) {
    if (ARMED_MEMBER_NOUNS.has(next.text) && s.to - s.from >= 2) return true;
    const next2 = ctx.tokens[s.to + 1];
    if (next2 && next2.block === first.block && !next2.cap && MODIFIED_ORG_NOUNS.has(next2.text) && next.tag !== "VERB" && !/^['’]s$/.test(ctx.tokens[s.to + 2]?.text ?? "")) return true;
  }
  // "the Arvex foreign economic trade company": after "the", a firm's name, its lower-case line of business, then what it is
  if (s.to - s.from === 1 && !personLike && prev?.lower === "the" && next?.isWord && !next.cap && next.tag !== "VERB") {
    for (let k = s.to + 1; k <= s.to + 3 && ctx.tokens[k]?.block === first.block && ctx.tokens[k].isWord && !ctx.tokens[k].cap; k++) {
      if (FIRM_NOUNS.has(ctx.tokens[k].text)) return true;
      if (ctx.tokens[k].tag === "VERB") break;
    }
  }
  // "Nordwire reports citing the ministry": an outlet reporting what a source says
  if (s.to - s.from === 1 && !personLike && next && next.block === first.block && /^(?:reports|reported)$/.test(next.text) && /^(?:citing|quoting)$/.test(ctx.tokens[s.to + 1]?.text ?? "")) return true;
  // "the Nordpost news agency", "his Chirper account", "according to Chirper's website": a body, a platform
  const next2 = ctx.tokens[s.to + 1];
  if (next && next2 && next.block === first.block && next.text === "news" && /^(?:agency|agencies|outlet|website|channel|service)$/.test(next2.text)) return true;
  if (next && next.block === first.block && s.to - s.from === 1 && /^(?:account|accounts|channel|feed|platform|page)$/.test(next.text) && isPossessiveOrArticle(prev)) return true;
  if (next && next2 && /^['’]s$/.test(next.text) && /^(?:website|platform|app|shares|headquarters|subsidiary|board|shareholders)$/.test(next2.text)) return true;
  // "the Nordpost and Vestlig news agencies", "the Commerce, Energy and Treasury departments"
  if (listedBeforePluralBody(ctx, s)) return true;
  // "Verrol and other energy companies": one of the bodies the plural after it names
  if (next?.text === "and" && next2?.lower === "other" && !personLike) {
    for (let k = s.to + 2; k < s.to + 5 && ctx.tokens[k]?.block === first.block; k++) {
      const w = ctx.tokens[k + 1];
      if (!w || w.cap || !w.isWord) break;
      if (PLURAL_BODY_NOUNS.has(w.text)) return true;
    }
  }
  // "the messaging app Chirper", "the social media platform Chirper": a platform
  if (s.to - s.from === 1 && !first.allCaps && !personLike && prev && !prev.cap && /^(?:app|platform|messenger|network)$/.test(prev.text) && /^(?:messaging|social|media|video|chat|networking)$/.test(prev2?.lower ?? "")) return true;
  const comma = ctx.tokens[s.to];
  if (comma?.text !== "," || comma.block !== ctx.tokens[s.from].block) return false;
  const det = ctx.tokens[s.to + 1]?.text.toLowerCase();
  // "X, one of the country's largest insurers": one of the bodies the plural names
  const oneOf = det === "one" && ctx.tokens[s.to + 2]?.lower === "of";
  if (det !== "a" && det !== "an" && det !== "the" && !oneOf) return false;
  for (let i = s.to + (oneOf ? 3 : 2); i < Math.min(ctx.tokens.length, s.to + (oneOf ? 10 : 7)); i++) {
    const t = ctx.tokens[i];
    if (!t.isWord && !/^['’]s$/.test(t.text)) return false;
    // "X, the firm's founder": the noun owns what follows, X is that
    if (ORGANISATION_NOUNS.has(t.text) || (oneOf && (ORGANISATION_NOUNS.has(t.text.replace(/s$/, "")) || ORGANISATION_NOUNS.has(t.text.replace(/ies$/, "y"))))) return !/^['’]s$/.test(ctx.tokens[i + 1]?.text ?? "");
    if (lexicons().titleHeads.has(t.text.toLowerCase()) || PERSON_NOUNS.has(t.text)) return false;
  }
  return false;
}

const isPossessiveOrArticle = (t: Token | undefined) => !!t && /^(?:his|her|its|their|the|a|an|our|my|your)$/i.test(t.text);

/** Plural nouns of bodies that a list of names can share ("the X, Y and Z ministries"). */
const PLURAL_BODY_NOUNS = new Set(["departments", "ministries", "agencies", "companies", "firms", "banks", "parties", "newspapers", "outlets", "broadcasters", "services", "groups", "militias", "universities", "channels"]);

/**
 * Is the segment one of a list of names ("A, B, and C", "A and B") that a plural body noun ends,
 * after at most two lower-case modifiers ("news agencies")? A list holds a few names: the walk is bounded.
 */
export function listedBeforePluralBody(ctx: Context, s: Segment): boolean {
  const { tokens } = ctx;
  const block = tokens[s.from].block;
  let k = s.to;
  for (let items = 0; items < 8; items++) {
    let j = k;
    if (tokens[j]?.text === ",") j++;
    if (tokens[j]?.text === "and" || tokens[j]?.text === "&") j++;
    if (j === k) break;
    // the next item: a run of capitalised words
    let e = j;
    while (tokens[e]?.cap && tokens[e].block === block && e - j < 4) e++;
    if (e === j) break;
    k = e;
  }
  for (let m = 0; m <= 2 && tokens[k + m]?.block === block; m++) {
    const t = tokens[k + m];
    if (t.cap || !t.isWord) return false;
    // the last item of the list: a name and "and" or a comma before it
    if (PLURAL_BODY_NOUNS.has(t.text)) {
      if (k > s.to) return true;
      let b = s.from - 1;
      if (tokens[b]?.text === "and" || tokens[b]?.text === "&") b--;
      if (tokens[b]?.text === ",") b--;
      return b < s.from - 1 && !!tokens[b]?.cap && tokens[b].block === block;
    }
  }
  return false;
}

/** "MoFA", "MoD": a body's acronym that keeps its connectors' letters in lower case. */
const CAMEL_ACRONYM = /^\p{Lu}\p{Ll}{1,2}\p{Lu}{1,4}$/u;

/** Lower-case nouns after a name that make it a grouping of states ("the G7 summit"). */
const GROUPING_NOUNS = new Set(["summit", "summits", "alliance", "bloc", "grouping", "members", "member", "partners", "framework", "format", "secretariat"]);

/** Does a person's name ("Jana Lutz": a given name, then capitalised words, no post or body word) end at token i? */
function personNameEndsAt(ctx: Context, i: number): boolean {
  const lex = lexicons();
  let k = i;
  while (k >= 0 && i - k < 4 && ctx.tokens[k].cap && ctx.tokens[k].block === ctx.tokens[i].block && !isTitleWord(lex, ctx.tokens[k].text) && !orgHeadType(lex, ctx.tokens[k].text)) k--;
  return k < i - 1 && lex.givenNames.has(ctx.tokens[k + 1].text) && !(ctx.tokens[k]?.cap && ctx.tokens[k].block === ctx.tokens[i].block);
}

/** "Silver Lake said", "Civic Lantern said": a name of English words with a speech verb after it (a place-shaped one too: places do not speak). */
export function speakingCommonWordsName(ctx: Context, s: Segment): boolean {
  return !s.headline && commonWordsName(lexicons(), ctx.tokens.slice(s.from, s.to)) && speechFollows(ctx, s);
}

/** A name of two to four capitalised English words, none a given name or a post ("Civic Lantern", "Open Door"). */
function commonWordsName(lex: Lexicons, toks: Token[]): boolean {
  return toks.length >= 2 && toks.length <= 4 && toks.every((t) => t.cap && !t.allCaps && lex.commonWords.has(t.text.toLowerCase()) && !lex.givenNames.has(t.text) && !lex.titleHeads.has(t.text.toLowerCase()));
}

/** Evidence that an unknown segment is an organisation (an acronym that reports or speaks, a grouping). */
export function organisationCue(ctx: Context, s: Segment): boolean {
  const toks = ctx.tokens.slice(s.from, s.to);
  if (organisationNounCue(ctx, s)) return true;
  // "Pakistan MoFA", "the MoD": an acronym with its connectors in lower case ("Ministry of Foreign Affairs")
  if (toks.length === 1 && CAMEL_ACRONYM.test(toks[0].text)) return true;
  // "Dorrel & Finch": an ampersand joins a firm's partners, never a person's names
  if (toks.length >= 3 && toks.some((t) => t.text === "&")) return true;
  // "Texas-based Verrol", "a Dubai-registered Kestrel": what a place is the base of is a firm or a body
  const pb = before(ctx, s);
  if (pb && PLACE_SUFFIXES.has(pb.text) && pb.text !== "-born" && !toks.some((t) => lexicons().givenNames.has(t.text) && toks.length >= 2)) return true;
  // "Civic Lantern said", "Jane Roe of Open Door": a name of English words that speaks, or that a person is "of"
  if (commonWordsName(lexicons(), toks) && !s.headline && (speechFollows(ctx, s) || (before(ctx, s)?.text === "of" && personNameEndsAt(ctx, s.from - 2)))) return true;
  if (agencyInDateline(ctx, s)) return true;
  if (creditAfterSlash(ctx, s)) return true;
  // "Source: WIRE": an acronym that is a caption line's whole text is the credited outlet
  if (toks.length === 1 && toks[0].allCaps && toks[0].blockKind === "caption" && !before(ctx, s) && !after(ctx, s)) return true;
  // "Russia's Gazprom", "Japan's Toyota": an unknown name owned by a state is most often a company
  const lex = lexicons();
  const p1 = before(ctx, s), p2 = before(ctx, s, 2);
  const nextTok = ctx.tokens[s.to];
  // "Huawei founder X": a name owning the post of the person after it (unless itself a person's)
  const t1 = ctx.tokens[s.to], t2 = ctx.tokens[s.to + 1];
  if (t1 && !t1.cap && lex.titleHeads.has(t1.text) && t2?.cap && t1.block === toks[0].block
    && !toks.some((w) => lex.surnames.has(w.text.toLowerCase()) || lex.givenNames.has(w.text) || lex.commonWords.has(w.text.toLowerCase()) || lex.groupWords.has(w.text))) return true;
  if (toks.length === 1 && p1 && /^['’]s$/.test(p1.text) && p2 && (lex.countries.has(lookupKey(p2.text)) || lex.capitals.has(p2.text))
    && !lex.surnames.has(toks[0].text.toLowerCase()) && !lex.commonWords.has(toks[0].text.toLowerCase()) && !(nextTok && (nextTok.cap || PLACE_NOUNS.has(nextTok.text)))) return true;
  const next = ctx.tokens[s.to];
  const det = before(ctx, s)?.text.toLowerCase() === "the" || (before(ctx, s)?.isWord && !before(ctx, s)?.cap && before(ctx, s, 2)?.text.toLowerCase() === "the");
  if (toks.length === 1 && det && next && !next.cap && GROUPING_NOUNS.has(next.text)) return true;
  if (toks.length === 1 && toks[0].allCaps && toks[0].text.length <= 6) {
    if (before(ctx, s)?.text === "to" && before(ctx, s, 2)?.text.toLowerCase() === "according") return true;
    const n = after(ctx, s);
    return !!n && (SPEECH_VERBS.has(n.text) || ["reported", "reports", "quoted", "cited"].includes(n.text));
  }
  return toks.some((t) => orgHeadType(lexicons(), t.text) !== undefined);
}
