// The verb that governs a sanctions noun ("X imposed new sanctions on Y"), as token patterns matched
// right before the noun: the verb, a few words of no punctuation, then optionally the measures listed
// before the noun and a "package of" phrase.
import type { Span } from "../model.ts";
import { pattern, type Element } from "./patterns.ts";
import { lexiconSet } from "./quote-lexicon.ts";
import type { Token } from "./tokens.ts";
import { ADVERBIAL, isOrdinalNumber, tokenAtOrAfter } from "./sanction-patterns.ts";

/** Verb forms that report imposing sanctions when they govern the noun (data/lexicons/sanction-verbs.txt). */
const IMPOSE_VERBS = lexiconSet("sanction-verbs.txt");
const POSSESSIVE: Element = { text: ["'s", "’s"] };
const ORDINALS = ["new", "fresh", "latest", "further", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth"];

/** Words between the verb and the noun: "imposed a fresh round of", "slapped the bloc's", "imposed 1,200" (no punctuation but a number's, no second verb). */
/** The comma or point inside a written number ("1,200", "1.5"): the tagger reads it as part of the number. */
const NUMBER_SEPARATOR: Element = { text: [",", "."], tag: "NUM" };
/** (not an auxiliary or "that": "announced that it would consider sanctions" reports no action) */
/** ("imposed new, “coordinated sanctions”": the measures' name set in scare quotes after an adjective) */
const SCARE_OPEN: Element = { seq: [{ text: ",", op: "?" }, { text: ["“", "\""] }] };
const GAP: Element = { any: [{ word: true, test: (t) => !IMPOSE_VERBS.has(t.lower) && t.tag !== "AUX" && t.lower !== "that" }, POSSESSIVE, NUMBER_SEPARATOR, SCARE_OPEN], op: [0, 7] };

/** "impose an asset freeze, travel ban and arms embargo on Y": measures listed before the noun, each with its joiner. */
const MEASURES_BEFORE: Element = {
  op: [0, 8],
  seq: [
    { lower: ["a", "an", "the"], op: "?" },
    {
      any: [
        [{ lower: "asset" }, { lower: ["freeze", "freezes"] }],
        [{ lower: ["travel", "entry", "visa"] }, { lower: ["ban", "bans"] }],
        [{ lower: "arms" }, { lower: ["embargo", "embargoes"] }],
        [{ lower: "export" }, { lower: ["control", "controls"] }],
        { lower: "sanctions" },
      ],
    },
    { any: [[{ text: "," }, { lower: "and", op: "?" }], { lower: "and" }] },
  ],
};

/** "the bloc's tenth package of (new)": a package of measures whose owner and count are no words between. */
const PACKAGE_OF: Element = {
  op: "?",
  seq: [
    { seq: [{ cap: true, word: true, op: [1, 4] }, POSSESSIVE], op: "?" },
    { any: [{ lower: ORDINALS }, { test: isOrdinalNumber }], op: "?" },
    { lower: ["package", "round", "set", "wave", "raft", "batch", "tranche"] },
    { lower: "of" },
    { lower: ["new", "fresh", "further"], op: "?" },
  ],
};

/** A word of an inserted phrase: no verb, no clause opener. */
const CLAUSE_OPENERS = new Set(["which", "that", "who", "whom", "and", "but", "or", "if", "while", "because"]);
const INSERTED_WORD: Element = { word: true, test: (t) => t.tag !== "VERB" && t.tag !== "AUX" && !CLAUSE_OPENERS.has(t.lower) };
const SPACED_DASH = (t: Token, i: number, tokens: readonly Token[]) => ["-", "–", "—"].includes(t.text) && i > 0 && tokens[i - 1].end < t.start;
/**
 * "X announced, Thursday, May 2, in a press release, sanctions on Y", "X adopted today - in view of Z - a
 * package of measures" (invented): a time, a medium or an aside set off by commas or spaced dashes.
 */
const INSERT: Element = {
  op: "?",
  any: [
    [{ seq: [{ text: "," }, { any: [INSERTED_WORD, NUMBER_SEPARATOR], op: [1, 12] }], op: [1, 3] }, { text: "," }],
    [{ test: SPACED_DASH }, { any: [INSERTED_WORD, { text: "-" }], op: [1, 16] }, { test: SPACED_DASH }],
  ],
};
/** "X imposed (new) sanctions", "X adopted its tenth package of sanctions". */
const GOVERNING = pattern([{ in: IMPOSE_VERBS, as: "verb" }, GAP, INSERT, GAP, MEASURES_BEFORE, PACKAGE_OF]);

/** "X responded with (counter-)sanctions", "X hit back with its own sanctions". */
const ANSWER = pattern([
  { any: [{ lower: ["responded", "retaliated", "reacted", "answered"] }, [{ lower: ["hit", "struck", "hits", "strikes", "fought", "fights"] }, { lower: "back" }]], as: "verb" },
  { seq: [ADVERBIAL], op: [0, 2] },
  { lower: "with" },
  { word: true, op: [0, 3] },
]);

/**
 * "Norway aligned itself with the EU's latest sanctions", "Iceland joined the bloc's sanctions against Y",
 * "Peru followed suit with sanctions on Y" (invented): a state taking up another's package imposes it itself.
 */
const JOINING = pattern([
  { as: "verb", any: [{ lower: ["aligned", "aligns", "align", "aligning"] }, { lower: ["joined", "joins", "join", "joining"] }, [{ lower: ["followed", "follows", "following"] }, { lower: "suit" }]] },
  { lower: ["itself", "themselves", "fully"], op: "?" },
  { lower: "with", op: "?" },
  { any: [{ word: true, test: (t) => t.tag !== "VERB" && t.tag !== "AUX" && t.lower !== "that" }, POSSESSIVE], op: [0, 8] },
]);

/** The token holding character `pos`. */
function tokenAt(tokens: readonly Token[], pos: number): number {
  const i = tokenAtOrAfter(tokens, pos);
  return tokens[i]?.start === pos ? i : i - 1;
}

/** "bringing the (total) number of sanctions to 900": a count of sanctions in force, no action. */
const COUNT_OF = pattern([{ lower: "the" }, { lower: "total", op: "?" }, { lower: ["number", "tally", "count", "total"] }, { lower: "of" }]);

/** Where the sanctions verb governing the noun at `noun` starts (a character offset), if there is one. */
export function governingVerb(tokens: readonly Token[], s: Span, noun: number): number | undefined {
  const end = tokenAt(tokens, noun);
  const floor = tokenAtOrAfter(tokens, s.start);
  for (const p of [ANSWER, GOVERNING, JOINING]) {
    const verb = p.matchBefore(tokens, end, Math.max(floor, end - 36))?.get("verb");
    if (!verb) continue;
    for (let k = verb.to; k < end; k++) if (tokens[k].lower === "the" && COUNT_OF.matchAt(tokens, k)) return undefined;
    return tokens[verb.from].start;
  }
  return undefined;
}
