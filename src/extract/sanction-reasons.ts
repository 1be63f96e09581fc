// Why sanctions were imposed: a marker ("over", "in response to", "accused of") and the phrase after
// it, as token patterns. The phrase runs to the end of its clause: a comma that opens another clause
// (", which", ", the …", ", citing"), "since"/"when"/"until", a dash, a semicolon, the sentence's end
// or a time ("on Monday", "last week").
import type { Span } from "../model.ts";
import { pattern, type Element, type Match, type Pattern } from "./patterns.ts";
import { type ActorIndex, isActorKind } from "./quote-actors.ts";
import { lexiconEntries } from "./quote-lexicon.ts";
import type { Token } from "./tokens.ts";
import { mentionsIn } from "./sanction-context.ts";
import { allDigits, isIngWord, tokenAtOrAfter } from "./sanction-patterns.ts";

const MARKERS = lexiconEntries("sanction-reason-markers.txt").map((phrase) => phrase.split(/\s+/));
/** The words a marker starts with: the pattern is tried only there. */
const MARKER_STARTS = new Set([...MARKERS.map((words) => words[0]), "accused", "accusing"]);
/** The markers of data/lexicons/sanction-reason-markers.txt, longest first (the earlier alternative wins), and "accused (…) of". */
const MARKER = pattern([
  {
    any: [
      ...MARKERS
        .sort((a, b) => b.length - a.length)
        .map((words): Element[] => words.map((w) => ({ lower: w }))),
      [{ lower: ["accused", "accusing"] }, { not: { lower: ["of", ",", ";", ":", "."] }, op: [0, 6] }, { lower: "of" }],
    ],
  },
]);

/** Markers that are also a participle describing someone ("are linked to Z"). */
const DESCRIBING = new Set(["linked", "tied", "related"]);
const BE = new Set(["is", "are", "was", "were", "be", "been"]);
/** Words before a marker that make it a time: "hours after", "shortly after". */
const TIME_BEFORE = new Set(["minutes", "hours", "days", "weeks", "months", "years", "shortly", "soon", "just", "immediately"]);

/** "extended them for another year": a duration, not a reason. */
const DURATION = pattern([
  { seq: [{ any: [{ lower: ["another", "a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "eighteen"] }, [{ lower: ["a", "an"] }, { lower: ["further", "additional"] }], { test: (t) => allDigits(t.text) }] }], op: "?" },
  { lower: "more", op: "?" },
  { lower: ["year", "years", "month", "months", "week", "weeks", "day", "days"] },
]);

/** "over 1,000", "over $5 million", "over two dozen", "over a hundred": a quantity after "over". */
const QUANTITY = pattern([
  { text: ["$", "£", "€", "¥"], op: "?" },
  { any: [{ tag: "NUM" }, { test: (t) => allDigits(t.text) }, [{ lower: ["a", "one", "two", "three", "four", "five", "six"] }, { lower: ["dozen", "hundred", "thousand", "million", "billion"] }]] },
]);

const IMPOSING = ["imposed", "tightened", "extended", "expanded", "widened", "broadened", "renewed", "announced", "adopted", "approved", "toughened"];
/** "after the bloc tightened its sanctions", "after being placed under sanctions by X": an action told as a clause is no reason. */
const ACTION_CLAUSE = pattern([
  {
    any: [
      [
        { lower: "the", op: "?" },
        { word: true, not: { lower: IMPOSING }, op: [0, 4] },
        { lower: IMPOSING },
        { lower: ["its", "their", "the", "new", "fresh", "further"] },
        { word: true, not: { lower: ["sanctions", "measures", "restrictions"] }, op: "?" },
        { lower: ["sanctions", "measures", "restrictions"] },
      ],
      [
        { any: [[{ lower: "having" }, { lower: "been" }], { lower: "being" }] },
        { any: [[{ lower: "placed" }, { lower: "under" }], [{ lower: ["hit", "slapped"] }, { lower: "with" }], { lower: ["sanctioned", "designated", "blacklisted"] }] },
      ],
    ],
  },
]);

const CLAUSE_OPENERS = new Set(["which", "while", "when", "where", "but", "and", "as", "after", "the", "a", "an"]);
const SENTENCE_MARKS = new Set([".", "!", "?"]);
const DASHES = new Set(["—", "–", "--", ";"]);
const TIMES = new Set(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "week", "month"]);

/** Whether the reason phrase stops before token `i`. */
function stopsAt(ts: readonly Token[], i: number): boolean {
  const t = ts[i];
  const next = ts[i + 1];
  if (DASHES.has(t.text) || t.lower === "since" || t.lower === "when" || t.lower === "until") return true;
  if (t.text === "-" && next?.text === "-" && next.start === t.end) return true; // "--"
  if (SENTENCE_MARKS.has(t.text)) return !next || next.start > t.end;
  if (t.text === ",") return !!next && (CLAUSE_OPENERS.has(next.lower) || (!next.cap && isIngWord(next)));
  return (t.lower === "on" || t.lower === "last" || t.lower === "earlier") && !!next && TIMES.has(next.lower);
}

/** What may stand between actors named as a reason ("the United States and Britain"). */
const ACTOR_JOINERS = new Set([",", "and", "the"]);
/** The reason phrase: every token up to the clause's end. */
const PHRASE: Pattern = pattern([{ test: (_t, i, ts) => !stopsAt(ts, i), op: [1, 96] }]);
/** "the first time …" is no reason. */
const NTH_TIME = pattern([{ lower: "the", op: "?" }, { lower: ["first", "second", "third", "last", "next"] }, { lower: "time" }]);

/** The reason phrase after a marker ("over", "in response to", "accused of"), after `pos`. */
export function reasonAfter(ix: ActorIndex, pos: number, end: number): Span | undefined {
  const tokens = ix.a.tokens;
  const from = tokenAtOrAfter(tokens, pos);
  const to = tokenAtOrAfter(tokens, end);
  if (from >= to) return undefined;
  const named = mentionsIn(ix, pos - 200, end).filter((x) => x.span.end > pos);
  const acceptable = (m: Match) => {
    const first = tokens[m.from];
    // "hours after …" is a time, not a reason; a marker inside a name is none
    if (m.from > 0 && TIME_BEFORE.has(tokens[m.from - 1].lower)) return false;
    if (first.lower === "for" && m.to - m.from === 1 && DURATION.matchAt(tokens, m.to, { to })) return false;
    // "designated over 1,000 individuals", "froze over $5 million": a count, not a reason
    if (first.lower === "over" && m.to - m.from === 1 && QUANTITY.matchAt(tokens, m.to, { to })) return false;
    if ((first.lower === "after" || first.lower === "following") && ACTION_CLAUSE.matchAt(tokens, m.to, { to })) return false;
    // "oligarchs whose businesses are closely linked to Z": a description of the target, not a reason
    if (DESCRIBING.has(first.lower) && m.from > 0 && (BE.has(tokens[m.from - 1].lower) || (m.from > 1 && tokens[m.from - 1].lower.endsWith("ly") && BE.has(tokens[m.from - 2].lower)))) return false;
    return !named.some((x) => x.span.start < first.start && first.start < x.span.end);
  };
  // the first acceptable marker (a refused one is skipped whole, as a regular expression's global search does)
  let marker: Match | undefined;
  for (let i = from; i < to && !marker; i++) {
    if (!MARKER_STARTS.has(tokens[i].lower)) continue;
    const m = MARKER.matchAt(tokens, i, { to, within: "anywhere" });
    if (!m) continue;
    if (acceptable(m)) marker = m;
    else i = m.to - 1;
  }
  if (!marker || marker.to >= to) return undefined;
  const phrase = PHRASE.matchAt(tokens, marker.to, { to, within: "anywhere" });
  if (!phrase || NTH_TIME.matchAt(tokens, phrase.from, { to })) return undefined;
  const span = { start: tokens[phrase.from].start, end: tokens[phrase.to - 1].end };
  // "following the United States and Britain": other imposers, not a reason
  const actors = named.filter((x) => x.span.start >= span.start && x.span.end <= span.end && isActorKind(ix.byKey.get(x.entity)));
  const joinsActors = tokens.slice(phrase.from, phrase.to).every((t) => ACTOR_JOINERS.has(t.lower) || actors.some((x) => x.span.start <= t.start && t.end <= x.span.end));
  if (actors.length && joinsActors) return undefined;
  return span;
}
