import type { SanctionFact, Span } from "../model.ts";
import { charSpan, phrasesOf } from "./patterns.ts";
import { type ActorIndex, isActorKind, sentenceAt } from "./quote-actors.ts";
import { type Clause, FAR, agentAt, conditional, hypothetical, mentionFrom, mentionsIn, phraseAt, subjectPhrase, verbGroupStart } from "./sanction-context.ts";
import { imposerBefore } from "./sanction-imposers.ts";
import { DESIGNATED_APPOSITION, objectStart, targetPhraseBefore, tokenAtOrAfter } from "./sanction-patterns.ts";
import { reasonAfter } from "./sanction-reasons.ts";

/** The object of "designated"/"listed" as a sanctions verb: counted people or bodies, or "the same …". */
export const LISTED_OBJECT = /^\s+(?:(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|several|more|further|another|additional|the\s+same|both)\b|(?:(?:the|a|an)\s+)?(?:[\p{L}-]+\s+){0,3}(?:individuals|entities|companies|firms|officials|people|persons|vessels|ships|tankers|banks|businessmen|oligarchs|judges|generals|hackers|men|women|networks|groups|organi[sz]ations|executives|brokers?|dealers?|suppliers?|traders?|financiers?|commanders|militias?|smugglers?)\b)/iu;

/** "the Velmar Group, a Norwegian-designated entity": the actor in the compound designated the body before the comma. */
export function designatedApposition(ix: ActorIndex, s: Span, trigger: Span): Clause | undefined {
  const tokens = ix.a.tokens;
  let byStart: number, byEnd: number, comma: number;
  const whole = tokenAtOrAfter(tokens, trigger.start + 1) - 1;
  if (tokens[whole] && tokens[whole].start < trigger.start - 1) {
    // one hyphenated token ("Norway-designated") after ", a"
    if (!/^(?:a|an)$/.test(tokens[whole - 1]?.lower ?? "") || tokens[whole - 2]?.text !== ",") return undefined;
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
export function participleAfterComma(ix: ActorIndex, s: Span, trigger: Span, pre: string, last: SanctionFact | undefined): Clause | undefined {
  if (!/,\s*$/.test(pre) || !/ed$/i.test(ix.text.slice(trigger.start, trigger.end))) return undefined;
  const tokens = ix.a.tokens;
  const verb = tokenAtOrAfter(tokens, trigger.start);
  const next = tokens[verb + 1];
  if (!next || !(next.tag === "ADP" || next.tag === "PUNCT")) return undefined;
  const by = /^\s*by\s+/i.exec(ix.text.slice(trigger.end, s.end));
  const agent = by ? agentAt(ix, trigger.end + by[0].length, s.end) : last && last.evidence.end > s.start - FAR ? { keys: last.imposers, end: trigger.end } : undefined;
  if (!agent) return undefined;
  const target = targetPhraseBefore(tokens, verb - 1, tokenAtOrAfter(tokens, s.start));
  if (!target) return undefined;
  return { imposers: agent.keys, imposerHow: by ? "agent" : "context", agentEnd: agent.end, target, reason: reasonAfter(ix, agent.end, s.end) };
}

/** "X sanctioned Y", "X retaliated by sanctioning Y", "Y was sanctioned by X". */
export function verbClause(ix: ActorIndex, s: Span, trigger: Span, last?: SanctionFact): Clause | undefined {
  const pre = ix.text.slice(s.start, trigger.start);
  if (hypothetical(ix, s.start, trigger.start) || conditional(ix, s.start, trigger.start, s.end)) return undefined;
  const passive = /ed$/i.test(ix.text.slice(trigger.start, trigger.end)) ? /\b(?:was|were|been|being|be|is|are)\s+(?:[a-z]+ly\s+)?$/i.exec(pre) : null;
  if (passive) {
    const by = /^\s*by\s+/i.exec(ix.text.slice(trigger.end, s.end));
    let agent = by && agentAt(ix, trigger.end + by[0].length, s.end);
    // "Y and Z were sanctioned under the same law": no agent, the imposer of the action just reported
    const contextual = !agent && !by && last && last.evidence.end > s.start - FAR && /\b(?:was|were|been)\s+$/i.test(pre) && !/\b(?:will|would|could|might|may|should|must|to)\s+(?:have\s+)?be(?:en)?\s+$/i.test(pre);
    if (contextual) agent = { keys: last.imposers, end: trigger.end };
    if (!agent) return undefined;
    const tokens = ix.a.tokens;
    // "A and B, its leader, were sanctioned": the comma that closes an apposition is no part of the subject
    let verbAt = tokenAtOrAfter(tokens, verbGroupStart(ix, s.start + passive.index));
    if (tokens[verbAt - 1]?.text === ",") verbAt--;
    let subject = targetPhraseBefore(tokens, verbAt, tokenAtOrAfter(tokens, s.start)) ?? subjectPhrase(ix, s.start, s.start + passive.index);
    // "this is the first time Y has been sanctioned": the time is no part of the subject
    const time = subject && /^(?:the\s+)?(?:first|second|third|last|only)\s+time\s+(?:that\s+)?/i.exec(ix.text.slice(subject.start, subject.end));
    if (subject && time) subject = time[0].length < subject.end - subject.start ? { start: subject.start + time[0].length, end: subject.end } : undefined;
    const reason = reasonAfter(ix, agent.end, s.end);
    const clause: Clause = { imposers: agent.keys, imposerHow: contextual ? "context" : "agent", agentEnd: agent.end, target: subject, reason };
    // "Last May, A and in June B, were sanctioned": each subject with its own time is an action of its own
    const other = subject && TIMED_CONJUNCT.exec(ix.text.slice(s.start, subject.start));
    if (other?.indices?.[1]) clause.also = [{ ...clause, target: { start: s.start + other.indices[1][0], end: s.start + other.indices[1][1] } }];
    return clause;
  }
  const appositive = participleAfterComma(ix, s, trigger, pre, last);
  if (appositive) return appositive;
  let target = phraseAt(ix, objectStart(ix.a.tokens, trigger.end), s.end);
  const imposer = imposerBefore(ix, s, verbGroupStart(ix, trigger.start), target);
  if (!imposer) return undefined;
  // "including 64 Norway has sanctioned since May": no object after the verb, a count or noun right before its subject
  if (!target) target = gapTarget(ix, s, verbGroupStart(ix, trigger.start), imposer);
  const listed = target && listAfter(ix, target, s);
  return { imposers: imposer, imposerHow: "verb", target: listed ?? target, reason: reasonAfter(ix, target?.end ?? trigger.end, s.end), ...(listed ? { list: true } : {}) };
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

/** "[Last May,] A and in June [B]": the first of two subjects that each carry their own time. */
export const TIMED_CONJUNCT = /^(?:(?:[Ll]ast|[Ii]n|[Oo]n|[Ee]arlier\s+(?:in|this))\s+[\p{L}\d ]{2,25},\s*)?((?:the\s+)?\p{Lu}[^,;]{2,120}?)\s+and\s+(?:in|on|last)\s+(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|\d{4})\b/du;


/** "UK sanctions Russian officials": "sanctions" tagged as a verb, and not "sanctions list/regime". */
export function presentTenseVerb(ix: ActorIndex, trigger: Span): boolean {
  const tokens = ix.a.tokens;
  const i = tokenAtOrAfter(tokens, trigger.start);
  const t = tokens[i];
  const next = tokens[i + 1];
  if (!t || t.start !== trigger.start || !tokens[i - 1]?.cap || !next || /^(?:list|lists|regime|package|packages|programme|program|policy|designations?|relief|evasion|on|against)$/.test(next.lower)) return false;
  if (t.tag === "VERB") return true;
  // a bullet or headline-like line "Norway sanctions three officials": the tagger reads a compound noun;
  // an actor opening the sentence, then an object phrase, is a subject and its verb
  const actor = mentionsIn(ix, tokens[i - 1].start - 60, trigger.start).find((m) => m.span.end === tokens[i - 1].end && isActorKind(ix.byKey.get(m.entity)));
  const opening = actor && /^[\s•*·\-–]*(?:the\s+)?$/i.test(ix.text.slice(sentenceAt(ix, trigger.start).start, actor.span.start));
  return !!opening && ["NUM", "DET", "ADJ", "PROPN"].includes(next.tag);
}

/**
 * "designated the following persons:" and a list after it, one per line or bullet: the people
 * named at the start of the lines that follow are the targets.
 */
export function listAfter(ix: ActorIndex, target: Span, s: Span): Span | undefined {
  const { text } = ix;
  if (!/^the\s+following\b/i.test(text.slice(target.start, target.end)) || !/^\s*:/.test(text.slice(target.end, s.end + 1))) return undefined;
  const blocks = ix.a.doc.blocks;
  let b = blocks.findIndex((x) => x.start <= target.start && target.start < x.end);
  if (b < 0) return undefined;
  let end = -1;
  for (let n = 0, k = b + 1; k < blocks.length && n < 500; k++, n++) {
    const first = mentionsIn(ix, blocks[k].start, blocks[k].end)[0];
    // a list line starts with its person; the list ends at the first line that does not
    if (!first || ix.byKey.get(first.entity)?.kind !== "person" || !/^[\s•*·\-–\d.)]*$/.test(text.slice(blocks[k].start, first.span.start))) break;
    end = blocks[k].end;
  }
  return end > 0 ? { start: target.start, end } : undefined;
}
