// Targets told in the sentence after the announcement: "Australia announced new sanctions on Monday.
// They target seven hackers …", "Norway unveiled a sanctions package. The measures hit 14 officials …".
// The announcement names the imposer but no target; the next sentence, opening with a definite
// reference to the measures, names the targets. Token patterns (src/extract/patterns.ts).
import type { Span } from "../model.ts";
import { charSpan, pattern } from "./patterns.ts";
import type { Token } from "./tokens.ts";
import { TARGET_LIST, tokenAtOrAfter } from "./sanction-patterns.ts";

const MEASURE_WORDS = ["sanctions", "measures", "penalties", "restrictions", "designations", "listings", "package"];

/** "They target …", "The new measures hit …", "These sanctions apply to …": the subject refers to the measures just announced. */
const MEASURES_TARGET = pattern([
  {
    any: [
      { lower: "they" },
      [{ lower: ["the", "these", "those"] }, { lower: ["new", "latest", "fresh", "additional", "further", "restrictive", "economic", "financial"], op: [0, 2] }, { lower: MEASURE_WORDS }],
    ],
  },
  { lower: ["also", "will", "would"], op: [0, 2] },
  {
    any: [
      { lower: ["target", "targets", "hit", "hits", "cover", "covers", "affect", "affects", "name", "names"] },
      [{ lower: ["apply", "applies"] }, { lower: "to" }],
      [{ lower: ["are", "were", "is", "was"] }, { lower: ["aimed", "directed"] }, { lower: "at" }],
    ],
  },
  { as: "target", seq: [TARGET_LIST] },
]);

const TAKE_EFFECT = ["take", "takes", "took", "enter", "enters", "entered", "come", "comes", "came"];
/**
 * "The financial sanctions against A, B and C take effect immediately", "The measures on A and B enter
 * into force today" (invented): a definite reference to the measures, with their targets after "against/on".
 */
const MEASURES_AGAINST = pattern([
  { lower: ["the", "these"] },
  { lower: ["new", "latest", "fresh", "additional", "further", "restrictive", "economic", "financial", "targeted"], op: [0, 2] },
  { lower: MEASURE_WORDS },
  { lower: ["against", "on"] },
  // (names with their posts: "President A, Prime Minister B and C", read up to the verb)
  { as: "target", seq: [{ not: { lower: [";", ".", ":", ...TAKE_EFFECT] }, op: [1, 40] }] },
  { any: [{ lower: TAKE_EFFECT }, [{ lower: ["apply", "applies", "applied"] }, { lower: ["immediately", "from", "as"] }]] },
]);

/**
 * The target phrase of a sentence that opens with "They target …" / "The measures hit …", if it does
 * (`later`: the sentence is not the one right after the announcement, so "they" may be anyone: only
 * "The sanctions against Y take effect …" counts).
 */
export function measuresTargetAt(tokens: readonly Token[], s: Span, later = false): Span | undefined {
  const from = tokenAtOrAfter(tokens, s.start);
  const opens = from < tokens.length && tokens[from].start < s.end;
  const m = opens ? (later ? undefined : MEASURES_TARGET.matchAt(tokens, from)) ?? MEASURES_AGAINST.matchAt(tokens, from) : undefined;
  const target = m?.get("target");
  if (!m || !target || tokens[target.to - 1].end > s.end) return undefined;
  return charSpan(tokens, target);
}
