import type { SanctionFact, Span } from "../model.ts";
import { charSpan, pattern, phrasesOf } from "./patterns.ts";
import { type ActorIndex, isActorKind, sentenceAt } from "./quote-actors.ts";
import { type Clause, FAR, agentAt, conditional, hypothetical, mentionFrom, mentionsIn, notAnAction, phraseAt, subjectPhrase, verbGroupStart } from "./sanction-context.ts";
import { imposerBefore, possessor } from "./sanction-imposers.ts";
import { ADVERBIAL, DESIGNATED_APPOSITION, LETTER_WORD, endOf, lowerWords, matchAfter, matchEndingAt, objectStart, startOf, targetPhraseBefore, tokenAtOrAfter, wordAt } from "./sanction-patterns.ts";
import type { Token } from "./tokens.ts";
import { reasonAfter } from "./sanction-reasons.ts";

const COUNT_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "dozens", "several", "more", "further", "another", "additional", "both"];
/** Nouns for people or bodies that a designation lists. */
const LISTED_NOUNS = [
  "individuals", "entities", "companies", "firms", "officials", "people", "persons", "vessels", "ships", "tankers", "banks", "businessmen", "oligarchs",
  "judges", "generals", "hackers", "men", "women", "networks", "groups", "organisations", "organizations", "executives", "broker", "brokers", "dealer",
  "dealers", "supplier", "suppliers", "trader", "traders", "financier", "financiers", "commanders", "militia", "militias", "smuggler", "smugglers",
];
const isDigits = (t: Token) => t.isWord && t.text[0] >= "0" && t.text[0] <= "9";
/** The object of "designated"/"listed" as a sanctions verb: counted people or bodies, or "the same …". */
export const LISTED_OBJECT = pattern([
  {
    any: [
      { test: isDigits },
      // "sixteen", "forty": a number written in words
      { word: true, tag: "NUM" },
      { lower: COUNT_WORDS },
      [{ lower: "the" }, { lower: "same" }],
      [{ lower: ["the", "a", "an"], op: "?" }, { ...LETTER_WORD, op: [0, 3] }, { lower: LISTED_NOUNS }],
    ],
  },
]);

/** "the Velmar Group, a Norwegian-designated entity": the actor in the compound designated the body before the comma. */
export function designatedApposition(ix: ActorIndex, s: Span, trigger: Span): Clause | undefined {
  const tokens = ix.a.tokens;
  let byStart: number, byEnd: number, comma: number;
  const whole = tokenAtOrAfter(tokens, trigger.start + 1) - 1;
  if (tokens[whole] && tokens[whole].start < trigger.start - 1) {
    // one hyphenated token ("Norway-designated") after ", a"
    if (!["a", "an"].includes(tokens[whole - 1]?.lower ?? "") || tokens[whole - 2]?.text !== ",") return undefined;
    [byStart, byEnd, comma] = [tokens[whole].start, trigger.start - 1, tokens[whole - 2].start];
  } else {
    const verb = tokenAtOrAfter(tokens, trigger.start);
    const m = DESIGNATED_APPOSITION.matchBefore(tokens, verb + 1, Math.max(tokenAtOrAfter(tokens, s.start), verb - 8));
    const by = m?.get("by");
    if (!m || !by) return undefined;
    [byStart, byEnd, comma] = [tokens[by.from].start, tokens[by.to - 1].end, tokens[m.from].start];
  }
  // the designator is one actor named exactly there; the designated one is a body or person named right before the comma
  const designator = mentionsIn(ix, byStart, byEnd).find((x) => x.span.start === byStart && x.span.end === byEnd && isActorKind(ix.byKey.get(x.entity)));
  const i = mentionFrom(ix, comma) - 1;
  const target = i >= 0 ? ix.mentions[i] : undefined;
  const kind = target && ix.byKey.get(target.entity)?.kind;
  if (!designator || !target || target.span.end !== comma || (kind !== "organisation" && kind !== "person")) return undefined;
  return { imposers: [designator.entity], imposerHow: "agent", target: target.span };
}

/**
 * "… join those of A, B and C, sanctioned in May with an asset freeze": a participle set off after a
 * noun phrase, with no object of its own; its agent ("by X") or else the imposer of the action just reported.
 */
export function participleAfterComma(ix: ActorIndex, s: Span, trigger: Span, last: SanctionFact | undefined): Clause | undefined {
  const tokens = ix.a.tokens;
  const verb = tokenAtOrAfter(tokens, trigger.start);
  if (tokens[verb - 1]?.text !== "," || tokens[verb - 1].start < s.start || !tokens[verb].lower.endsWith("ed")) return undefined;
  const next = tokens[verb + 1];
  if (!next || !(next.tag === "ADP" || next.tag === "PUNCT")) return undefined;
  const by = wordAt(tokens, trigger.end, s.end);
  const agent = by?.lower === "by" ? agentAt(ix, by.end, s.end) : last && last.evidence.end > s.start - FAR ? { keys: last.imposers, end: trigger.end } : undefined;
  if (!agent) return undefined;
  const target = targetPhraseBefore(tokens, verb - 1, tokenAtOrAfter(tokens, s.start));
  if (!target) return undefined;
  return { imposers: agent.keys, imposerHow: by?.lower === "by" ? "agent" : "context", agentEnd: agent.end, target, reason: reasonAfter(ix, agent.end, s.end) };
}

/** "along with (the) (14) others": the subject is one of a group already told of. */
const ALONG_WITH_OTHERS = pattern([{ lower: "along" }, { lower: "with" }, { lower: "the", op: "?" }, { tag: "NUM", op: "?" }, { lower: "others" }]);
/** "As explained by X,", "According to X,", "In a statement,": a source fronted before the clause's subject. */
const FRONTED_SOURCE = pattern([
  {
    any: [
      [{ lower: "as" }, { not: { text: [",", ";", ".", ":"] }, op: [1, 10] }],
      [{ lower: "according" }, { lower: "to" }, { not: { text: [",", ";", ".", ":"] }, op: [1, 10] }],
      [{ lower: "in" }, { lower: ["a", "an", "its", "their", "the"] }, { not: { text: [",", ";", ".", ":"] }, op: [0, 3] }, { lower: ["statement", "release", "notice", "announcement", "report"] }],
    ],
  },
  { text: "," },
]);

/** "X sanctioned Y", "X retaliated by sanctioning Y", "Y was sanctioned by X". */
export function verbClause(ix: ActorIndex, s: Span, trigger: Span, last?: SanctionFact): Clause | undefined {
  const tokens = ix.a.tokens;
  if (hypothetical(ix, s.start, trigger.start) || conditional(ix, s.start, trigger.start, s.end)) return undefined;
  const v = tokenAtOrAfter(tokens, trigger.start);
  const passive = tokens[v]?.lower.endsWith("ed") ? matchEndingAt(tokens, PASSIVE_AUX, s.start, trigger.start, 2) : undefined;
  if (passive) {
    const passiveAt = startOf(tokens, passive);
    const byWord = wordAt(tokens, trigger.end, s.end);
    const by = byWord?.lower === "by";
    let agent = by ? agentAt(ix, byWord!.end, s.end) : undefined;
    // "Y and Z were sanctioned under the same law": no agent, the imposer of the action just reported
    const contextual = !agent && !by && last && last.evidence.end > s.start - FAR && PAST_PASSIVE.has(tokens[v - 1].lower) && !matchEndingAt(tokens, MODAL_BE, s.start, trigger.start, 3);
    if (contextual) agent = { keys: last.imposers, end: trigger.end };
    if (!agent) return undefined;
    // "A and B, its leader, were sanctioned": the comma that closes an apposition is no part of the subject
    let verbAt = tokenAtOrAfter(tokens, verbGroupStart(ix, passiveAt));
    if (tokens[verbAt - 1]?.text === ",") verbAt--;
    // ("As explained by the ministry, A and B were blacklisted": a fronted source is no part of the subject)
    const fronted = FRONTED_SOURCE.matchAt(tokens, tokenAtOrAfter(tokens, s.start), { to: verbAt });
    const floor = fronted ? fronted.to : tokenAtOrAfter(tokens, s.start);
    let subject = targetPhraseBefore(tokens, verbAt, floor) ?? subjectPhrase(ix, fronted ? tokens[floor].start : s.start, passiveAt);
    const apposed = subject ? undefined : beforeApposition(ix, s, verbAt);
    if (apposed) subject = apposed;
    // "this is the first time Y has been sanctioned": the time is no part of the subject
    const time = subject && matchAfter(tokens, NTH_TIME_THAT, subject.start, subject.end);
    if (subject && time) subject = endOf(tokens, time) < subject.end ? { start: tokens[time.to].start, end: subject.end } : undefined;
    const reason = reasonAfter(ix, agent.end, s.end);
    const clause: Clause = { imposers: agent.keys, imposerHow: contextual ? "context" : "agent", agentEnd: agent.end, target: subject, reason, ...(apposed ? { aside: { start: apposed.end, end: tokens[verbAt].end } } : {}) };
    // "A and his company were blacklisted along with others", "A and B have also been sanctioned": members of
    // the action just reported (a perfect with no agent tells no occasion of its own)
    if (contextual && (matchAfter(tokens, ALONG_WITH_OTHERS, trigger.end, s.end) || matchEndingAt(tokens, PERFECT_PASSIVE, s.start, trigger.start, 4))) clause.partOf = true;
    // "Last May, A and in June B, were sanctioned": each subject with its own time is an action of its own
    const other = subject && matchAfter(tokens, TIMED_CONJUNCT, s.start, subject.start)?.get("first");
    if (other) clause.also = [{ ...clause, target: { start: startOf(tokens, other), end: endOf(tokens, other) } }];
    return clause;
  }
  const appositive = participleAfterComma(ix, s, trigger, last);
  if (appositive) return appositive;
  let target = phraseAt(ix, objectStart(ix.a.tokens, trigger.end), s.end);
  const imposer = imposerBefore(ix, s, verbGroupStart(ix, trigger.start), target);
  if (!imposer) return undefined;
  // "including 64 Norway has sanctioned since May": no object after the verb, a count or noun right before its subject
  if (!target) target = gapTarget(ix, s, verbGroupStart(ix, trigger.start), imposer);
  const listed = target && listAfter(ix, target, s);
  return { imposers: imposer, imposerHow: "verb", target: listed ?? target, reason: reasonAfter(ix, target?.end ?? trigger.end, s.end), ...(listed ? { list: true } : {}) };
}

/** How far back (tokens) the comma that opens an apposition is looked for. */
const APPOSITION_REACH = 20;
/** "Y, the group X led until last year, is still designated": the subject before an apposition closed by the comma at token `comma`. */
function beforeApposition(ix: ActorIndex, s: Span, comma: number): Span | undefined {
  const tokens = ix.a.tokens;
  if (tokens[comma]?.text !== ",") return undefined;
  const floor = tokenAtOrAfter(tokens, s.start);
  for (let k = comma - 1; k > floor && k >= comma - APPOSITION_REACH; k--) {
    if (tokens[k].text === ";" || tokens[k].text === ":") return undefined;
    if (tokens[k].text === ",") return subjectPhrase(ix, s.start, tokens[k].start);
  }
  return undefined;
}

/**
 * The object of a relative clause with no relative pronoun ("the 40 firms Norway has sanctioned",
 * "including 64 Iceland has sanctioned since"): the phrase right before the clause's subject.
 */
export function gapTarget(ix: ActorIndex, s: Span, verbStart: number, imposers: string[]): Span | undefined {
  const tokens = ix.a.tokens;
  const v = tokenAtOrAfter(tokens, verbStart);
  // the subject: one actor named right before the verb group
  const i = mentionFrom(ix, verbStart) - 1;
  const subject = i >= 0 ? ix.mentions[i] : undefined;
  if (!subject || !imposers.includes(subject.entity) || tokens[v - 1]?.end !== subject.span.end) return undefined;
  let k = tokenAtOrAfter(tokens, subject.span.start);
  if (tokens[k - 1]?.lower === "the") k--;
  const before = tokens[k - 1];
  if (!before || before.start < s.start || !["NUM", "NOUN"].includes(before.tag)) return undefined;
  // the noun phrase that ends there (the tagger may run it on into the subject's name), not the list
  // it closes ("more than 700 others, including 64"); a bare count is a phrase of its own
  const { phrases, phraseAt } = phrasesOf(tokens);
  const p = phrases[phraseAt[k - 1]];
  const first = p && p.from < k ? p.from : k - 1;
  return tokens[first].start >= s.start ? charSpan(tokens, { from: first, to: k }) : undefined;
}

/** "were (formally) sanctioned": the auxiliary of a passive. */
const PASSIVE_AUX = pattern([
  { lower: ["was", "were", "been", "being", "be", "is", "are"] },
  { any: [{ word: true, test: (t) => t.lower.length > 2 && t.lower.endsWith("ly") }, { lower: ["still", "also", "already", "now", "previously"] }], op: "?" },
]);
const PAST_PASSIVE = new Set(["was", "were", "been"]);
/** "has (also) been", "have now been": a perfect passive's auxiliaries. */
const PERFECT_PASSIVE = pattern([{ lower: ["has", "have"] }, { lower: ["also", "now", "likewise", "similarly"], op: "?" }, { lower: "been" }]);
/** "will be", "to have been": a passive not (yet) done. */
const MODAL_BE = pattern([{ lower: ["will", "would", "could", "might", "may", "should", "must", "to"] }, { lower: "have", op: "?" }, { lower: ["be", "been"] }]);
/** "the first time (that)": a time before the subject, no part of it. */
const NTH_TIME_THAT = pattern([{ lower: "the", op: "?" }, { lower: ["first", "second", "third", "last", "only"] }, { lower: "time" }, { lower: "that", op: "?" }]);
const TIMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
/** "[Last May,] A and in June [B]": the first of two subjects that each carry their own time (`first`). */
export const TIMED_CONJUNCT = pattern([
  { op: "?", seq: [{ any: [{ lower: ["last", "in", "on"] }, [{ lower: "earlier" }, { text: ["in", "this"] }]] }, { word: true, op: [1, 5] }, { text: "," }] },
  {
    as: "first",
    seq: [
      { text: "the", op: "?" },
      { cap: true },
      // up to the first "and in/on/last" (a clause's commas end it)
      { not: { text: [",", ";"] }, test: (t, i, ts) => !(t.text === "and" && ["in", "on", "last"].includes(ts[i + 1]?.text)), op: [1, 24] },
    ],
  },
  { text: "and" },
  { text: ["in", "on", "last"] },
  { test: (t) => TIMES.includes(t.text) || (t.text.length === 4 && t.tag === "NUM") },
]);

/** "UK sanctions Russian officials": "sanctions" tagged as a verb, and not "sanctions list/regime". */
/** Words after "sanctions" that make it a noun ("sanctions list", "sanctions on"). */
const NOT_AN_OBJECT = new Set(["list", "lists", "regime", "package", "packages", "programme", "program", "policy", "designation", "designations", "relief", "evasion", "on", "against"]);
const BULLETS = new Set(["•", "*", "·", "-", "–"]);
/** Only bullets (and list numbers: "1.", "2)") in [start, end), and "the" last when `the` allows. */
function onlyBullets(tokens: readonly Token[], start: number, end: number, the: boolean, numbers = false): boolean {
  for (let i = tokenAtOrAfter(tokens, start); i < tokens.length && tokens[i].start < end; i++) {
    const t = tokens[i];
    const last = !tokens[i + 1] || tokens[i + 1].start >= end;
    if (BULLETS.has(t.text) || (the && last && t.lower === "the") || (numbers && (t.text === "." || t.text === ")" || isDigits(t)))) continue;
    return false;
  }
  return true;
}

/** "people and entities", "individuals or companies": an object of kinds only (no number, no name, no modifier), then no more of the phrase. */
const KINDS = ["people", "persons", "individuals", "entities", "companies", "firms", "organisations", "organizations", "businesses", "groups", "vessels"];
const GENERIC_OBJECT = pattern([
  { lower: KINDS },
  { seq: [{ text: ",", op: "?" }, { lower: ["and", "or"] }, { lower: KINDS }], op: [0, 3] },
  { aheadNot: { word: true, not: { lower: ["by", "for", "and", "or", "that", "who", "which", "when", "if"] } } },
]);
export function presentTenseVerb(ix: ActorIndex, trigger: Span): boolean {
  const tokens = ix.a.tokens;
  const i = tokenAtOrAfter(tokens, trigger.start);
  const t = tokens[i];
  const next = tokens[i + 1];
  if (!t || t.start !== trigger.start || !tokens[i - 1]?.cap || !next || NOT_AN_OBJECT.has(next.lower)) return false;
  // "It sanctions people and entities by adding them to its list": what a body does, told of no one in particular
  if (GENERIC_OBJECT.matchAt(tokens, i + 1)) return false;
  if (t.tag === "VERB") return true;
  // a bullet or headline-like line "Norway sanctions three officials": the tagger reads a compound noun;
  // an actor opening the sentence, then an object phrase, is a subject and its verb
  const actor = mentionsIn(ix, tokens[i - 1].start - 60, trigger.start).find((m) => m.span.end === tokens[i - 1].end && isActorKind(ix.byKey.get(m.entity)));
  const opening = actor && onlyBullets(tokens, sentenceAt(ix, trigger.start).start, actor.span.start, true);
  return !!opening && ["NUM", "DET", "ADJ", "PROPN"].includes(next.tag);
}

/**
 * "designated the following persons:" and a list after it, one per line or bullet: the people
 * named at the start of the lines that follow are the targets.
 */
export function listAfter(ix: ActorIndex, target: Span, s: Span): Span | undefined {
  const { text } = ix;
  const tokens = ix.a.tokens;
  const words = lowerWords(tokens, target.start, target.end);
  if (words[0] !== "the" || words[1] !== "following" || wordAt(tokens, target.end, s.end + 1)?.text !== ":") return undefined;
  const blocks = ix.a.doc.blocks;
  let b = blocks.findIndex((x) => x.start <= target.start && target.start < x.end);
  if (b < 0) return undefined;
  let end = -1;
  for (let n = 0, k = b + 1; k < blocks.length && n < 500; k++, n++) {
    const first = mentionsIn(ix, blocks[k].start, blocks[k].end)[0];
    // a list line starts with its person; the list ends at the first line that does not
    if (!first || ix.byKey.get(first.entity)?.kind !== "person" || !onlyBullets(tokens, blocks[k].start, first.span.start, false, true)) break;
    end = blocks[k].end;
  }
  return end > 0 ? { start: target.start, end } : undefined;
}

/** Words that may open a sentence before an inverted passive ("Also sanctioned were …"). */
const INVERTED_LEAD = pattern([
  { any: [{ text: ["•", "*", "·", "-", "–"] }, [{ test: isDigits }, { text: [".", ")"] }]], op: "?" },
  { lower: ["also", "additionally", "separately", "likewise", "further", "similarly"], op: "?" },
  { text: ",", op: "?" },
  {
    as: "among",
    op: "?",
    any: [
      [{ lower: "among" }, { lower: ["those", "the"] }, { word: true, not: { lower: ["were", "was", "are", "is"] }, op: [0, 3] }],
      // "One of those sanctioned is A", "One of the officials designated was A"
      [{ lower: "one" }, { lower: "of" }, { lower: ["those", "the"] }, { word: true, not: { lower: ["were", "was", "are", "is"] }, op: [0, 3] }],
    ],
  },
]);
/** "(by X) (on Monday) were": what may follow the participle of an inverted passive before its subject. */
const INVERTED_AUX = pattern([{ lower: ["were", "was", "are", "is"] }, { lower: ["also", "now"], op: "?" }]);
const INVERTED_DATE = pattern([{ text: ",", op: "?" }, { lower: "on" }, { word: true, op: [1, 3], not: { lower: ["were", "was", "are", "is"] } }, { text: ",", op: "?" }]);

/**
 * An inverted passive at a sentence's start: "Also sanctioned were A and B", "Among those designated
 * (by X) on Monday are A and B". The subject after the auxiliary is hit; the imposer is the agent, else
 * the one of the action just reported. "Among those …" names members of that action (`partOf`).
 */
export function invertedPassive(ix: ActorIndex, s: Span, trigger: Span, last: SanctionFact | undefined): Clause | undefined {
  const tokens = ix.a.tokens;
  const v = tokenAtOrAfter(tokens, trigger.start);
  if (tokens[v]?.start !== trigger.start || !tokens[v].lower.endsWith("ed")) return undefined;
  const first = tokenAtOrAfter(tokens, s.start);
  const lead = v > first ? INVERTED_LEAD.matchAt(tokens, first, { to: v, endAt: v, within: "anywhere" }) : undefined;
  if (v > first && !lead) return undefined;
  let pos = trigger.end;
  const byWord = wordAt(tokens, pos, s.end);
  const agent = byWord?.lower === "by" ? agentAt(ix, byWord.end, s.end) : undefined;
  if (byWord?.lower === "by" && !agent) return undefined;
  if (agent) pos = agent.end;
  const when = matchAfter(tokens, INVERTED_DATE, pos, s.end);
  if (when) pos = endOf(tokens, when);
  const aux = matchAfter(tokens, INVERTED_AUX, pos, s.end);
  if (!aux) return undefined;
  const keys = agent?.keys ?? (last && last.evidence.end > s.start - FAR ? last.imposers : undefined);
  const target = keys && phraseAt(ix, endOf(tokens, aux), s.end);
  if (!keys || !target) return undefined;
  return { imposers: keys, imposerHow: agent ? "agent" : "context", agentEnd: agent?.end, target, reason: reasonAfter(ix, target.end, s.end), ...(agent ? { own: true } : {}), ...(lead?.get("among") ? { partOf: true } : {}) };
}

/**
 * "X's decision (last month) to", "X decided (on Monday) to", "the bloc voted to", "X has moved to", "X is to":
 * a decision taken (or an action announced), before an infinitive.
 */
const DECIDED_TO = pattern([
  { as: "head", any: [{ lower: ["decision", "decided", "voted", "agreed", "moved", "moves", "is", "are"] }] },
  { op: [0, 3], any: [ADVERBIAL, [{ lower: ["last", "this", "earlier"] }, { lower: ["week", "month", "year"] }], [{ lower: "in" }, { test: (t) => MONTH_NAMES.has(t.text) }]] },
  { lower: "to" },
]);
const MONTH_NAMES = new Set(["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]);

/**
 * "the move follows Norway's decision last month to sanction six officials", "Norway decided on Monday
 * to sanction Y": a decision to sanction that was taken is the decider's action ("plans to sanction",
 * "threatened to sanction", "any decision to sanction" are not).
 */
export function decidedToSanction(ix: ActorIndex, s: Span, trigger: Span): Clause | undefined {
  const tokens = ix.a.tokens;
  const v = tokenAtOrAfter(tokens, trigger.start);
  const m = matchEndingAt(tokens, DECIDED_TO, s.start, trigger.start, 8);
  if (!m) return undefined;
  const head = tokens[m.get("head")!.from];
  const headAt = head.start;
  if (hypothetical(ix, s.start, headAt) || conditional(ix, s.start, headAt, s.end)) return undefined;
  const target = phraseAt(ix, objectStart(tokens, tokens[v].end), s.end);
  if (!target) return undefined;
  // the decision's owner: "Norway's decision" / "the EU's decision"; the verb's subject otherwise
  const imposers = head.lower === "decision" ? (tokens[m.from - 1]?.text === "'s" || tokens[m.from - 1]?.text === "’s" ? possessorOf(ix, s, headAt) : undefined) : imposerBefore(ix, s, verbGroupStart(ix, headAt), target);
  if (!imposers) return undefined;
  return { imposers, imposerHow: "verb", target, reason: reasonAfter(ix, target.end, s.end) };
}

/** The actor named right before "'s" that ends at token before `at`. */
function possessorOf(ix: ActorIndex, s: Span, at: number): string[] | undefined {
  const tokens = ix.a.tokens;
  const k = tokenAtOrAfter(tokens, at);
  const mark = tokens[k - 1];
  const i = mentionFrom(ix, mark.start) - 1;
  const m = i >= 0 ? ix.mentions[i] : undefined;
  if (!m || m.span.end !== mark.start || m.span.start < s.start || !isActorKind(ix.byKey.get(m.entity))) return undefined;
  return [m.entity];
}

/** "(X) now / already / who have been / subject to (N)": what stands between a subject and the participle or noun. */
const MEMBER_LEAD = pattern([
  {
    any: [
      { lower: ["now", "already", "currently", "newly", "also"] },
      [{ lower: ["who", "that", "which"] }, { lower: ["have", "has", "had"], op: "?" }, { lower: ["been", "are", "were", "is", "was"] }, { lower: ["now", "also", "already"], op: "?" }],
      [{ lower: ["now", "already", "currently"], op: "?" }, { lower: "subject" }, { lower: "to" }, { word: true, not: { lower: ["include", "includes", "included"] }, op: [0, 3] }],
    ],
  },
]);
const INCLUDE = pattern([{ lower: ["include", "includes", "included", "are", "were"], as: "verb" }]);

/**
 * "Chilean bankers now subject to Norwegian sanctions include A and B", "Officials now sanctioned include A",
 * "Propagandists who have been designated include A" (invented): members of an action are named after
 * "include"; the imposer is the agent, the sanctions' owner, else the one of the action just reported.
 */
export function membersInclude(ix: ActorIndex, s: Span, trigger: Span, last: SanctionFact | undefined, noun: boolean): Clause | undefined {
  const tokens = ix.a.tokens;
  const lead = matchEndingAt(tokens, MEMBER_LEAD, s.start, trigger.start, 8);
  if (!lead) return undefined;
  const subjectTo = lowerWords(tokens, startOf(tokens, lead), trigger.start).includes("subject");
  if (noun !== subjectTo || startOf(tokens, lead) <= s.start) return undefined;
  let pos = trigger.end;
  const byWord = wordAt(tokens, pos, s.end);
  const agent = byWord?.lower === "by" ? agentAt(ix, byWord.end, s.end) : undefined;
  if (agent) pos = agent.end;
  const include = matchAfter(tokens, INCLUDE, pos, s.end);
  if (!include) return undefined;
  const target = phraseAt(ix, endOf(tokens, include), s.end);
  if (!target) return undefined;
  // "are"/"were": only a list of names ("Officials sanctioned are often wealthy" is no list)
  const named = mentionsIn(ix, target.start, target.end).some((m) => ["person", "organisation"].includes(ix.byKey.get(m.entity)?.kind ?? ""));
  if (!["include", "includes", "included"].includes(tokens[include.from].lower) && !named) return undefined;
  if (hypothetical(ix, s.start, startOf(tokens, lead))) return undefined;
  const owner = noun && !agent ? possessor(ix, s, trigger.start) : undefined;
  const keys = agent?.keys ?? owner ?? (last && last.evidence.end > s.start - FAR ? last.imposers : undefined);
  if (!keys) return undefined;
  return { imposers: keys, imposerHow: agent ? "agent" : owner ? "modifier" : "context", agentEnd: agent?.end, target, partOf: true, ...(agent ? { own: true } : {}) };
}

const TARGETED_NOUNS = ["people", "persons", "individuals", "entities", "companies", "firms", "officials", "figures", "businesses", "organisations", "organizations"];
/** "(Among) those targeted (by X) (on Monday) include/were", "The people targeted are": the opening of a members sentence. */
const TARGETED_MEMBERS = pattern([
  { any: [{ text: ["•", "*", "·", "-", "–"] }, [{ test: isDigits }, { text: [".", ")"] }]], op: "?" },
  { as: "among", op: "?", lower: "among" },
  {
    any: [
      [{ any: [{ lower: "those" }, [{ lower: "the" }, { lower: TARGETED_NOUNS }]] }, { lower: ["newly", "also", "now"], op: "?" }, { lower: ["targeted", "hit"] }],
      // "The targeted people include A"
      [{ lower: "the" }, { lower: ["newly", "latest"], op: "?" }, { lower: "targeted" }, { lower: TARGETED_NOUNS }],
    ],
  },
]);
const TARGETED_DATE = pattern([{ text: ",", op: "?" }, { lower: "on" }, { word: true, op: [1, 3], not: { lower: ["were", "was", "are", "is", "include", "includes", "included"] } }, { text: ",", op: "?" }]);
const TARGETED_VERB = pattern([{ lower: ["include", "includes", "included", "are", "were"] }, { lower: "also", op: "?" }]);

/**
 * "Those targeted include A and B", "Among those targeted on Monday were A and B", "The people targeted
 * by X are A" (invented): a sentence opening the members of the action just reported (or of the agent's
 * action); read only right after an action (`last` near) or with its agent named.
 */
export function targetedMembers(ix: ActorIndex, s: Span, last: SanctionFact | undefined): Clause | undefined {
  const tokens = ix.a.tokens;
  const first = tokenAtOrAfter(tokens, s.start);
  const lead = TARGETED_MEMBERS.matchAt(tokens, first, { to: tokenAtOrAfter(tokens, s.end), within: "anywhere" });
  if (!lead) return undefined;
  let pos = endOf(tokens, lead);
  const byWord = wordAt(tokens, pos, s.end);
  const agent = byWord?.lower === "by" ? agentAt(ix, byWord.end, s.end) : undefined;
  if (byWord?.lower === "by" && !agent) return undefined; // "those targeted by the raids"
  if (agent) pos = agent.end;
  const when = matchAfter(tokens, TARGETED_DATE, pos, s.end);
  if (when) pos = endOf(tokens, when);
  const verb = matchAfter(tokens, TARGETED_VERB, pos, s.end);
  if (!verb) return undefined;
  const target = phraseAt(ix, endOf(tokens, verb), s.end);
  if (!target) return undefined;
  const near = last && last.evidence.end > s.start - FAR ? last : undefined;
  const keys = agent?.keys ?? near?.imposers;
  if (!keys) return undefined;
  return { imposers: keys, imposerHow: agent ? "agent" : "context", agentEnd: agent?.end, target, partOf: true, ...(agent ? { own: true } : {}) };
}

/** Words before "designation" that tell it is not (yet) made: "the planned designation of Y". */
const UNMADE = new Set(["planned", "proposed", "possible", "potential", "threatened", "pending", "future", "expected", "any", "a"]);
/** Words after the designated phrase that make it a description: "designation of Y as a heritage site". */
const DESCRIBED_AS = new Set(["as"]);

/**
 * "Norway's designation of Acme Shipping and five of its subsidiaries", "the Norwegian designation of
 * Tomas Varn" (invented): a designation with its owner, of named people or bodies, is the owner's action
 * ("the planned designation of Y", "designation of Y as a heritage site", "the designation of Y" with no
 * owner are none).
 */
export function designationOf(ix: ActorIndex, s: Span, trigger: Span): Clause | undefined {
  const tokens = ix.a.tokens;
  const v = tokenAtOrAfter(tokens, trigger.start);
  if (tokens[v]?.start !== trigger.start || tokens[v + 1]?.lower !== "of") return undefined;
  const before = tokens[v - 1];
  if (before && before.start >= s.start && UNMADE.has(before.lower)) return undefined;
  const target = phraseAt(ix, tokens[v + 1].end, s.end);
  if (!target) return undefined;
  const named = mentionsIn(ix, target.start, target.end).some((m) => ["person", "organisation"].includes(ix.byKey.get(m.entity)?.kind ?? ""));
  // "X announced its designation of 16 individuals": an announced designation of counted people or bodies
  const announced = matchEndingAt(tokens, ANNOUNCED_DESIGNATION, s.start, trigger.start, 6);
  const counted = announced && matchAfter(tokens, LISTED_OBJECT, target.start, target.end);
  if ((!named && !counted) || DESCRIBED_AS.has(wordAt(tokens, target.end, s.end)?.lower ?? "")) return undefined;
  if (hypothetical(ix, s.start, trigger.start) || conditional(ix, s.start, trigger.start, s.end)) return undefined;
  const verbAt = announced && startOf(tokens, announced);
  const announcer = verbAt !== undefined && !notAnAction(ix, s.start, verbAt) ? imposerBefore(ix, s, verbAt, target) : undefined;
  const owner = named ? possessor(ix, s, trigger.start, target) : undefined;
  const imposers = owner ?? announcer;
  if (!imposers) return undefined;
  return { imposers, imposerHow: owner ? "modifier" : "verb", target, reason: reasonAfter(ix, target.end, s.end) };
}
/** "announced its / the (new) designation of": the announcer made it. */
const ANNOUNCED_DESIGNATION = pattern([
  { lower: ["announced", "announces", "announcing", "confirmed", "confirms", "unveiled", "unveils", "published", "publishes", "made", "makes"] },
  { lower: ["its", "the", "their"] },
  { lower: ["new", "latest", "further", "additional", "formal"], op: "?" },
]);


/** "(A and B) are also targeted." at a sentence's end: the passive with no agent and nothing after it. */
const ALSO_TARGETED = pattern([
  { lower: ["are", "were", "is", "was"], as: "aux" },
  { lower: ["also", "likewise", "similarly"] },
  { lower: "targeted" },
  { text: "." },
]);

/**
 * "Norway sanctioned five Chilean officials. A, B and C are also targeted." (invented): named people or
 * bodies also targeted, right after an action, are more of its members.
 */
export function alsoTargeted(ix: ActorIndex, s: Span, last: SanctionFact | undefined): Clause | undefined {
  const near = last && last.evidence.end > s.start - FAR ? last : undefined;
  if (!near) return undefined;
  const tokens = ix.a.tokens;
  const floor = tokenAtOrAfter(tokens, s.start);
  const to = tokenAtOrAfter(tokens, s.end);
  if (to - floor < 5) return undefined;
  const m = ALSO_TARGETED.matchAt(tokens, to - 4, { to, within: "anywhere" });
  if (!m || m.to !== to) return undefined;
  // the whole subject: a list of names with their posts ("Former minister A, director of B C and B")
  const target = { start: tokens[floor].start, end: tokens[m.from - 1].end };
  const named = mentionsIn(ix, target.start, target.end).some((x) => ["person", "organisation"].includes(ix.byKey.get(x.entity)?.kind ?? ""));
  return named ? { imposers: near.imposers, imposerHow: "context", target, partOf: true } : undefined;
}
