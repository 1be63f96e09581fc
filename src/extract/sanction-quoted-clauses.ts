// An imposer telling its own act in a quotation: "Today we are sanctioning Y," the minister said; the
// ministry said: "The Government has imposed sanctions on Y." A present, past or perfect act (or the
// imposer's own "will sanction") by the speaker's body or state counts; plans, calls, hypotheses and denials
// ("we will consider sanctions", "we should impose", "we are not imposing", "if we sanction") do not. Its day is
// the attribution's ("…," she said on Monday), else the one its own words fix ("Today the Government has …").
// The imposer is the body or state the speaker acts for: the speaker itself when it is a body or a state,
// else the body of the speaker's post, else the imposer of the action the article just told.
import type { QuoteFact, SanctionFact, Span } from "../model.ts";
import type { ActorIndex } from "./quote-actors.ts";
import { type Clause, phraseAt } from "./sanction-context.ts";
import { pattern } from "./patterns.ts";
import { reasonAfter } from "./sanction-reasons.ts";
import { tokenAtOrAfter } from "./sanction-patterns.ts";

/** The speaker's own voice: "we", "I", "the Government", "the Department (of State)", "the Council". */
const OWN_SUBJECT = pattern([
  {
    any: [
      { lower: ["we", "i", "we're", "we’re", "we've", "we’ve", "i'm", "i’m", "i've", "i’ve"] },
      // ("the Norwegian Government": a state's adjective before the body)
      [{ lower: "the" }, { cap: true, word: true, op: [0, 2] }, { lower: ["government", "department", "ministry", "council", "treasury", "administration", "commission", "office"] }, { seq: [{ lower: "of" }, { cap: true, word: true, op: [1, 3] }], op: "?" }],
    ],
  },
]);
const MEASURE_WORDS = ["sanctions", "restrictions", "measures", "penalties", "bans", "ban", "freezes"];
/** After the subject: an auxiliary of a done or doing act (no "should", "could", "not"), adverbs, then the act with its object next. */
const OWN_ACT = pattern([
  { lower: ["are", "am", "is", "have", "has", "will", "shall"], op: "?" },
  { lower: ["today", "also", "now", "hereby", "further", "additionally", "again", "formally", "immediately", "already"], op: [0, 2] },
  {
    as: "act",
    any: [
      { lower: ["sanctioning", "sanctioned", "sanction", "designating", "designated", "designate", "blacklisting", "blacklisted", "blacklist"] },
      [
        { lower: ["imposing", "imposed", "impose", "placing", "placed", "place", "introducing", "introduced", "introduce", "announcing", "announced", "announce", "applying", "applied", "apply"] },
        // ("imposed further targeted financial sanctions and travel bans on Y": measures listed)
        { not: { text: [",", ".", ";", ":", "\"", "“", "”"], lower: ["on", "against", "to"] }, op: [0, 6] },
        { lower: MEASURE_WORDS },
        { lower: ["on", "against", "to"] },
      ],
    ],
  },
]);
/** Words before the subject that make the act a condition or a question ("if we sanction", "whether we impose"). */
const NOT_ASSERTED = new Set(["if", "unless", "whether", "should", "would", "could", "might", "once", "when", "until"]);
/** Words after the act that make it conditional ("will sanction more if Y does not stop"). */
const CONDITIONS = new Set(["if", "unless", "should"]);

/** The imposer a speaker acts for: a body or state itself, the body of its post, else the imposer just reported. */
function speakerImposers(ix: ActorIndex, speaker: string, last: SanctionFact | undefined, at: number): string[] | undefined {
  const e = ix.byKey.get(speaker);
  if (!e) return undefined;
  if (e.kind === "country" || e.kind === "organisation") return [speaker];
  if (e.kind !== "person") return undefined;
  const post = ix.a.roles.find((r) => r.holder === speaker && r.organisation && ix.byKey.has(r.organisation));
  if (post) return [post.organisation!];
  return last && at - last.evidence.end < 1500 ? last.imposers : undefined;
}

/** The acts the speaker of `quote` tells as its own inside sentence `s`, each read into a clause. */
export function quotedOwnActs(ix: ActorIndex, s: Span, quote: QuoteFact, last: SanctionFact | undefined): Array<{ at: number; clause: Clause }> {
  const tokens = ix.a.tokens;
  const start = Math.max(s.start, quote.span.start);
  const end = Math.min(s.end, quote.span.end);
  if (start >= end) return [];
  const out: Array<{ at: number; clause: Clause }> = [];
  const to = tokenAtOrAfter(tokens, end);
  for (const subject of OWN_SUBJECT.matchAll(tokens, { from: tokenAtOrAfter(tokens, start), to, within: "anywhere" })) {
    if (subject.from > 0 && NOT_ASSERTED.has(tokens[subject.from - 1].lower)) continue;
    const act = OWN_ACT.matchAt(tokens, subject.to, { to });
    if (!act) continue;
    const target = phraseAt(ix, tokens[act.to - 1].end, end);
    if (!target) continue;
    const after = tokenAtOrAfter(tokens, target.end);
    let conditional = false;
    for (let k = after; k < to && !conditional; k++) conditional = CONDITIONS.has(tokens[k].lower);
    if (conditional) continue;
    // (where the act's verb stands: the words around it tell the kind of measure)
    const at = tokens[act.get("act")!.from].start;
    const imposers = speakerImposers(ix, quote.speaker, last, at);
    if (!imposers) continue;
    out.push({ at, clause: { imposers, imposerHow: "verb", target, reason: reasonAfter(ix, target.end, end), quoted: { date: quote.date } } });
  }
  return out;
}
