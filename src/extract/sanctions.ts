// Sanctions actions: who imposes them, on whom, why and when.
//   each "sanction(s|ed|ing)" outside quotes → its construction:
//     X imposed/announced/slapped (its own|new) sanctions on Y over Z      (governing verb)
//     sanctions (were) imposed/brought on|against Y by X after Z          (participle + agent)
//     X retaliated by sanctioning Y / Y was sanctioned by X              (the verb itself)
//     X's / its / US sanctions on Y                                       (possessor or modifier)
//   → "followed by a similar announcement from A, B and C" repeats the last action for new imposers.
// Talk about sanctions that reports no action ("unilateral sanctions are illegal", "to sanction
// those it sees as…", a threat) has no imposer or no target and is dropped.
import type { SanctionFact, Span } from "../model.ts";
import type { AnnotatedDocument } from "./annotate.ts";
import { findQuotedPassages } from "./quote-marks.ts";
import { buildActorIndex, groupKeys, inside, isActorKind, pluralAntecedent, subjectBefore, type ActorIndex } from "./quote-actors.ts";
import { lexiconAlternation, lexiconSet } from "./quote-lexicon.ts";
import { findDates, referenceDate } from "./dates.ts";
import { dropUnusedActors, ensureCollectiveActors } from "./sanction-actors.ts";

const IMPOSE_VERBS = lexiconSet("sanction-verbs.txt");
const REASON = new RegExp(`\\b(?:${lexiconAlternation("sanction-reason-markers.txt")})\\s+`, "gi");
const TRIGGER = /\bsanction(?:s|ed|ing)?\b/gi;
const SKIPPED_BLOCKS = new Set(["headline", "subheadline", "byline", "caption", "aside"]);
const PARTICIPLE = /^\s*,?\s*(?:(?:were|was|have\s+been|has\s+been|had\s+been|are|is|being|be)\s+)?(?:[a-z]+ly\s+)?(imposed|brought|announced|levied|placed|introduced|adopted|approved|slapped|unveiled|ordered|issued|agreed)\b/i;
/** Where a target or reason phrase stops. */
const PHRASE_END = /\s+(?:by|that|which|who|whom|while|but|as|under|since|when|until|have|has|had|were|was|are|is|will|would|could|can|may|might|should|must|did|do|does|remain|remains|remained|took|take|takes|came|come|comes|went|forced|forces|prompted|caused|led|leads|means|meant|affect|affects|affected|include|includes|included|apply|applies|applied|bar|bars|barred|ban|bans|banned|freeze|freezes|froze|hit|hits|cost|costs)\s|\s+on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|[A-Z][a-z]{2,8}\.?\s+\d)|\s+(?:last|earlier|this)\s+(?:week|month|year)|\s+in\s+(?:January|February|March|April|May|June|July|August|September|October|November|December|\d{4})\b|[,;:.!?()]\s|[,;:.!?()]$|\s+--\s|\s*[—–]\s*/;
const REASON_END = /,\s+(?:which|while|when|where|but|and|as|after|the|a|an|[a-z]+ing)\b|\s+(?:since|when|until)\s|\s+--\s|\s*[—–]\s*|;|[.!?](?=\s|$)|\s+(?:on|last|earlier)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month)\b/;
const HYPOTHETICAL = /\b(?:could|would|might|may|should|must|threaten(?:s|ed|ing)?\s+to|if|unless|whether|not|never|no)\b[^,.;]*$/i;
/** A date phrase right ahead ("on Monday", "last week"), skipped between the parts of a clause. */
const DATE_AHEAD = /^\s*,?\s*(?:on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?(?:\s+\d{1,2}\b)?|(?:last|earlier\s+this|this)\s+(?:week|month|year)|yesterday|today)/;
/** An infinitive that reports no action yet ("plans to impose", "allowing it to impose"); decided/agreed/voted to impose do. */
const NOT_YET_DONE = /\b(?!(?:decided|agreed|voted|moved|began|started|went\s+on)\s)[\p{L}]+\s+to\s+$/iu;
const PRONOUN_TARGET = /^(?:them|it|him|her|us|those)$/i;

interface Clause {
  imposers: string[];
  /** End of the "by X" agent phrase, when there is one. */
  agentEnd?: number;
  imposerHow: "agent" | "verb" | "modifier";
  target?: Span;
  reason?: Span;
}

export function extractSanctions(a: AnnotatedDocument): SanctionFact[] {
  const { text, blocks, sentences } = a.doc;
  const quoted = findQuotedPassages(text, blocks).map((p) => ({ start: p.open, end: (p.close ?? p.pieces[p.pieces.length - 1].end) + 1 }));
  const added = ensureCollectiveActors(a);
  const ix = buildActorIndex(a, quoted);
  const reference = referenceDate(a.doc);
  const facts: SanctionFact[] = [];
  for (const s of sentences) {
    const block = blocks.find((b) => s.start >= b.start && s.start < b.end);
    if (block && SKIPPED_BLOCKS.has(block.kind)) continue;
    const sentence = text.slice(s.start, s.end);
    for (let m = TRIGGER.exec(sentence); m; m = TRIGGER.exec(sentence)) {
      const at = s.start + m.index;
      if (inside(quoted, at)) continue;
      const clause = readClause(ix, s, { start: at, end: at + m[0].length });
      const fact = clause && toFact(ix, s, clause, reference, at);
      // "The sanctions, announced by …": a definite reference to an action already reported
      const anaphoric = facts.length > 0 && /\b(?:the|these|those|such)\s+$/i.test(text.slice(Math.max(s.start, at - 8), at));
      if (fact && !anaphoric && !repeats(facts, fact, clause)) facts.push(fact);
    }
    TRIGGER.lastIndex = 0;
    const follow = followUp(ix, s, facts[facts.length - 1]);
    if (follow) facts.push(follow);
  }
  dropUnusedActors(a, added, new Set(facts.flatMap((f) => [...f.imposers, ...f.targets])));
  return facts;
}

// ---- one trigger ---------------------------------------------------------------------------

function readClause(ix: ActorIndex, s: Span, trigger: Span): Clause | undefined {
  const { text } = ix;
  const word = text.slice(trigger.start, trigger.end).toLowerCase();
  const pre = text.slice(s.start, trigger.start);
  if (/\bto\s+$/i.test(pre) && word === "sanction") return undefined; // "authorises it to sanction…": no action
  if (/(?:\b(?:the|a|an|its|their|his|her|western)\s+|-)$/i.test(pre) && word === "sanctioned") return undefined; // "the sanctioned oligarch"
  if (word === "sanctioned" || word === "sanctioning" || (word === "sanction" && !/\b(?:a|the|new|this|that)\s+$/i.test(pre))) return verbClause(ix, s, trigger);
  return nounClause(ix, s, trigger);
}

/** "X sanctioned Y", "X retaliated by sanctioning Y", "Y was sanctioned by X". */
function verbClause(ix: ActorIndex, s: Span, trigger: Span): Clause | undefined {
  const pre = ix.text.slice(s.start, trigger.start);
  if (HYPOTHETICAL.test(pre.slice(-40))) return undefined;
  const passive = ix.text.slice(trigger.start, trigger.end).toLowerCase() === "sanctioned" ? /\b(?:was|were|been|being|be|is|are)\s+(?:[a-z]+ly\s+)?$/i.exec(pre) : null;
  if (passive) {
    const by = /^\s*by\s+/i.exec(ix.text.slice(trigger.end, s.end));
    const agent = by && agentAt(ix, trigger.end + by[0].length, s.end);
    if (!agent) return undefined;
    return { imposers: agent.keys, imposerHow: "agent", agentEnd: agent.end, target: subjectPhrase(ix, s.start, s.start + passive.index), reason: reasonAfter(ix, agent.end, s.end) };
  }
  const imposer = subjectBefore(ix, trigger.start, s.start, { speech: false });
  if (!imposer) return undefined;
  const target = phraseAt(ix, trigger.end, s.end);
  return { imposers: imposer.keys, imposerHow: "verb", target, reason: reasonAfter(ix, target?.end ?? trigger.end, s.end) };
}

/** "sanctions" as a noun: governing verb before it, participle and agent after it, or a possessor. */
function nounClause(ix: ActorIndex, s: Span, trigger: Span): Clause | undefined {
  const { text } = ix;
  if (/^\s+(?:list|lists|blacklist|register)\b/i.test(text.slice(trigger.end, s.end))) return listClause(ix, s, trigger);
  let pos = trigger.end;
  let imposers: string[] | undefined;
  let how: Clause["imposerHow"] = "agent";
  let target: Span | undefined;
  let agentEnd: number | undefined;
  const participle = PARTICIPLE.exec(text.slice(pos, s.end));
  if (participle) pos += participle[0].length;
  // "Y was hit with new sanctions by X": the passive subject is the target
  const hitWith =
    /\b(?:was|were|been|being|is|are|be)\s+(?:hit|slapped|targeted|punished|sanctioned)\s+with\s+(?:[\p{L}-]+\s+){0,3}$/iu.exec(text.slice(s.start, trigger.start)) ??
    /\b(?:faces|faced|face|facing|received|suffered)\s+(?:[\p{L}-]+\s+){0,3}$/iu.exec(text.slice(s.start, trigger.start));
  if (hitWith) target = subjectPhrase(ix, s.start, s.start + hitWith.index);
  // after the noun (and participle): on/against TARGET and by AGENT, in either order
  for (let k = 0; k < 4; k++) {
    const rest = text.slice(pos, s.end);
    const when = DATE_AHEAD.exec(rest);
    if (when) {
      pos += when[0].length;
      continue;
    }
    const on = /^\s*(?:on|against|targeting|upon)\s+/i.exec(rest) ?? /^\s*,?\s*(?:which\s+|that\s+)?(?:target|targets|targeted|hit|hits|cover|covers)\s+/i.exec(rest);
    const by = participle || hitWith ? /^\s*(?:by|from)\s+/i.exec(rest) : /^\s*from\s+/i.exec(rest);
    if (on && !target) {
      target = phraseAt(ix, pos + on[0].length, s.end);
      if (!target) break;
      pos = target.end;
    } else if (by && !imposers) {
      const agent = agentAt(ix, pos + by[0].length, s.end);
      if (!agent) break;
      imposers = agent.keys;
      agentEnd = pos = agent.end;
    } else break;
  }
  if (!target && !participle && !hitWith) {
    // "its unilateral sanctions and unjustified crackdowns on China and Russia"
    const later = /^\s*(?:and|or)\s+(?:[\p{L}-]+\s+){1,3}?(?:on|against)\s+/u.exec(text.slice(pos, s.end));
    if (later) target = phraseAt(ix, pos + later[0].length, s.end);
  }
  const pre = text.slice(s.start, trigger.start);
  if (!imposers) {
    const verb = governingVerb(pre);
    if (verb !== undefined) {
      if (HYPOTHETICAL.test(pre.slice(0, verb).slice(-40)) || NOT_YET_DONE.test(pre.slice(0, verb))) return undefined;
      const subject = subjectBefore(ix, s.start + verb, s.start, { speech: false });
      if (subject) {
        imposers = subject.keys;
        how = "verb";
      }
    }
  }
  if (!imposers) {
    const modifier = possessor(ix, s, trigger.start);
    if (modifier) {
      imposers = modifier;
      how = "modifier";
    }
  }
  if (!imposers) return undefined;
  return { imposers, imposerHow: how, agentEnd, target, reason: reasonAfter(ix, target?.end ?? pos, s.end) };
}

/** "X added Y to its sanctions list": Y is the target, X (or the list's owner) the imposer. */
function listClause(ix: ActorIndex, s: Span, trigger: Span): Clause | undefined {
  const pre = ix.text.slice(s.start, trigger.start);
  const m = /\b(?:added|adds|adding|add|put|puts|putting|placed|places|placing|included|includes|including)\s+(.+?)\s+(?:to|on|in)\s+((?:the|its|their|a)\s+)?((?:\S+\s+){0,3})$/u.exec(pre);
  if (!m || HYPOTHETICAL.test(pre.slice(0, m.index).slice(-40))) return undefined;
  const targetStart = s.start + m.index + m[0].indexOf(m[1], m[0].search(/\s/));
  const target = { start: targetStart, end: targetStart + m[1].length };
  const subject = subjectBefore(ix, s.start + m.index, s.start, { speech: false })?.keys;
  const imposers = subject ?? possessor(ix, s, trigger.start);
  if (!imposers) return undefined;
  return { imposers, imposerHow: subject ? "verb" : "modifier", target, reason: reasonAfter(ix, trigger.end, s.end) };
}

/** Offset (in `pre`) of a sanctions verb governing the noun at the end of `pre`: "imposed (new) sanctions". */
function governingVerb(pre: string): number | undefined {
  // "X responded with (counter-)sanctions on Y"
  const answer = /\b(?:responded|retaliated|hit\s+back|struck\s+back)\s+with\s+(?:[\p{L}-]+\s+){0,3}(?:counter-)?$/iu.exec(pre);
  if (answer) return answer.index;
  // walk the words before the noun back to the nearest sanctions verb, at most five words away
  const words = [...pre.matchAll(/[\p{L}'’-]+/gu)].slice(-6).reverse();
  for (const w of words) {
    const between = pre.slice(w.index! + w[0].length);
    if (/[,;:“”"]|\s--\s/.test(between)) return undefined;
    if (IMPOSE_VERBS.has(w[0].toLowerCase())) return w.index!;
  }
  return undefined;
}

/** Between an owner and "sanctions": "'s", adjectives of sanctions ("Washington's new", "US unilateral"). */
const OWNER_GAP = /^(?:['’]s)?(?:\s+(?:own|new|fresh|further|latest|additional|unilateral|economic|financial|trade|tough|sweeping|targeted|punitive|retaliatory|broad|harsh|coordinated|existing|previous|earlier|recent))*\s+$/i;

/** "its (own) sanctions", "Washington's sanctions", "US sanctions": the actor that owns them. */
function possessor(ix: ActorIndex, s: Span, at: number): string[] | undefined {
  const pre = ix.text.slice(s.start, at);
  const its = /\b(its|their)\s+(?:[\p{L}-]+\s+){0,2}$/iu.exec(pre);
  if (its) {
    const owner = its[1].toLowerCase() === "their" ? pluralAntecedent(ix, s.start + its.index) : nearestBody(ix, s.start + its.index, s.start);
    return owner?.length ? owner : undefined;
  }
  for (let i = ix.mentions.length - 1; i >= 0; i--) {
    const m = ix.mentions[i];
    if (m.span.end > at) continue;
    if (m.span.end < at - 40) break;
    const gap = ix.text.slice(m.span.end, at);
    if (ix.byKey.get(m.entity)?.kind !== "person" && isActorKind(ix.byKey.get(m.entity)) && OWNER_GAP.test(gap) && !/-/.test(ix.text.slice(m.span.end, m.span.end + 1))) {
      return groupKeys(ix, i);
    }
  }
  return undefined;
}

/** The nearest country or organisation mentioned before `pos` in the sentence. */
function nearestBody(ix: ActorIndex, pos: number, floor: number): string[] | undefined {
  for (let i = ix.mentions.length - 1; i >= 0; i--) {
    const m = ix.mentions[i];
    if (m.span.end > pos) continue;
    if (m.span.start < floor) break;
    const e = ix.byKey.get(m.entity);
    if (e && (e.kind === "country" || e.kind === "organisation") && !inside(ix.quoted, m.span.start)) return [e.key];
  }
  return undefined;
}

/** The actors named right at `pos` ("by the US, Canada and Britain"). */
function agentAt(ix: ActorIndex, pos: number, end: number): { keys: string[]; end: number } | undefined {
  const skip = /^\s*(?:the\s+)?/i.exec(ix.text.slice(pos, end))![0].length;
  const i = ix.mentions.findIndex((m) => m.span.start >= pos && m.span.start <= pos + skip + 1 && m.span.start < end);
  if (i < 0 || !isActorKind(ix.byKey.get(ix.mentions[i].entity))) return undefined;
  const group = ix.groups.get(i) ?? [i];
  return { keys: groupKeys(ix, i), end: ix.mentions[group[group.length - 1]].span.end };
}

/** A noun phrase from `pos` to the next phrase boundary or reason marker. */
function phraseAt(ix: ActorIndex, pos: number, end: number): Span | undefined {
  const rest = ix.text.slice(pos, end);
  let stop = rest.length;
  const boundary = PHRASE_END.exec(rest);
  if (boundary) stop = boundary.index;
  const reason = new RegExp(REASON.source, "gi");
  for (let m = reason.exec(rest); m; m = reason.exec(rest)) {
    if (m.index > 0 && m.index < stop) {
      stop = m.index;
      break;
    }
  }
  // "entities it accused of …": the relative clause's subject is no part of the phrase
  const kept = rest.slice(0, stop).replace(/\s+(?:it|they|he|she|we)\s*$/i, "");
  const phrase = kept.trim();
  if (!phrase || /^(?:the\s+)?(?:first|second|third|last|next)\s+time\b/i.test(phrase)) return undefined;
  return { start: pos + (rest.length - rest.trimStart().length), end: pos + kept.trimEnd().length };
}

/** The reason phrase after a marker ("over", "in response to", "accused of"), after `pos`. */
function reasonAfter(ix: ActorIndex, pos: number, end: number): Span | undefined {
  const rest = ix.text.slice(pos, end);
  const reason = new RegExp(REASON.source, "gi");
  const m = reason.exec(rest);
  if (!m) return undefined;
  const from = m.index + m[0].length;
  const tail = rest.slice(from);
  const stop = REASON_END.exec(tail);
  const phrase = tail.slice(0, stop ? stop.index : tail.length).trim();
  if (!phrase || /^(?:the\s+)?(?:first|second|third|last|next)\s+time\b/i.test(phrase)) return undefined;
  return { start: pos + from, end: pos + from + phrase.length };
}

/** The subject noun phrase of a passive verb: back from `end` to the clause's start. */
function subjectPhrase(ix: ActorIndex, floor: number, end: number): Span | undefined {
  const pre = ix.text.slice(floor, end);
  let start = floor;
  for (const m of pre.matchAll(/(?:[,;:]\s+|\s)(?:and|but|while|since|after|because|as|when|that|which)\s+|[,;:]\s+|\s--\s/g)) start = floor + m.index! + m[0].length;
  const phrase = ix.text.slice(start, end).trim();
  if (!phrase || /^(?:he|she|it|they)$/i.test(phrase)) return undefined;
  const at = start + ix.text.slice(start, end).indexOf(phrase);
  return { start: at, end: at + phrase.length };
}

// ---- from clause to fact ---------------------------------------------------------------------

/** Imposers are states and organisations: a person stands for the body of their post, if known. */
function imposingBodies(ix: ActorIndex, keys: string[]): string[] {
  const out: string[] = [];
  for (const k of keys) {
    const e = ix.byKey.get(k);
    if (!e || e.kind === "place") continue;
    if (e.kind !== "person") out.push(k);
    else for (const r of ix.a.roles) if (r.holder === k && r.organisation && ix.byKey.get(r.organisation)?.kind !== "person") out.push(r.organisation);
  }
  return [...new Set(out)];
}

function toFact(ix: ActorIndex, s: Span, c: Clause, reference: string | undefined, trigger: number): SanctionFact | undefined {
  const imposers = imposingBodies(ix, c.imposers);
  if (!imposers.length) return undefined;
  let target = c.target;
  let targets: string[] = [];
  let targetText = target ? ix.text.slice(target.start, target.end) : "";
  if (target && PRONOUN_TARGET.test(targetText)) {
    const keys = pluralAntecedent(ix, target.start);
    if (!keys) return undefined;
    targets = keys;
    target = undefined;
    targetText = keys.map((k) => ix.byKey.get(k)!.name).join(" and ");
  } else if (target) {
    targets = [...new Set(ix.mentions.filter((m) => m.span.start >= target!.start && m.span.end <= target!.end).map((m) => m.entity))];
  }
  if (!targetText && c.reason) {
    // "sanctions were imposed by the West after …": the sentence's first other actor is hit
    const first = ix.mentions.find((m) => m.span.start >= s.start && m.span.end <= s.end && !imposers.includes(m.entity) && isActorKind(ix.byKey.get(m.entity)) && !(m.span.start >= c.reason!.start));
    if (!first) return undefined;
    targets = [first.entity];
    targetText = ix.byKey.get(first.entity)!.name;
  }
  if (!targetText) return undefined;
  const reason = c.reason ? ix.text.slice(c.reason.start, c.reason.end) : undefined;
  const date = reference ? dateNear(ix, actionWindow(ix, s, c, trigger), reference, [c.reason, c.target]) : undefined;
  const confidence = c.imposerHow === "modifier" ? 0.6 : c.imposerHow === "agent" ? 0.8 : 0.85;
  return {
    imposers,
    targetText,
    targets: targets.filter((t) => !imposers.includes(t)),
    ...(reason ? { reason } : {}),
    ...(date ? { date } : {}),
    evidence: { start: s.start, end: s.end },
    confidence,
  };
}

/**
 * The stretch of the sentence that reports the action: from its imposer (named before the trigger)
 * to a little past its last phrase ("…, announced by the Treasury on Monday, target …").
 */
function actionWindow(ix: ActorIndex, s: Span, c: Clause, trigger: number): Span {
  let start = trigger;
  for (const m of ix.mentions) {
    if (m.span.start >= trigger) break;
    if (m.span.start >= s.start && c.imposers.includes(m.entity)) start = m.span.start;
  }
  // a fronted adverbial belongs to the clause: "On March 3, Iceland imposed …"
  if (/^[^,;]{0,40},\s*(?:the\s+)?$/.test(ix.text.slice(s.start, start))) start = s.start;
  const last = Math.max(trigger, c.target?.end ?? 0, c.reason?.end ?? 0, c.agentEnd ?? 0);
  const tail = /^[^,;.]{0,30}/.exec(ix.text.slice(last, s.end))![0];
  return { start, end: last + tail.length };
}

/** The day fixed inside the action's window, outside its reason and target phrases. */
function dateNear(ix: ActorIndex, w: Span, reference: string, exclude: Array<Span | undefined>): string | undefined {
  const found = findDates(ix.text.slice(w.start, w.end), reference, w.start).filter((d) => !exclude.some((x) => x && d.span.start >= x.start && d.span.start < x.end));
  return found[0]?.date;
}

/** A later reference to an action already found: same imposer and same target. */
function repeats(facts: SanctionFact[], f: SanctionFact, c: Clause): boolean {
  return facts.some((g) => {
    const sameImposer = g.imposers.some((k) => f.imposers.includes(k));
    if (!sameImposer) return false;
    const sameTargets = f.targets.some((t) => g.targets.includes(t)) || sharedWords(f.targetText, g.targetText) === 1;
    return sameTargets || c.imposerHow === "modifier";
  });
}

function sharedWords(a: string, b: string): number {
  const words = (s: string) => new Set(s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  const x = words(a), y = words(b);
  if (!x.size || !y.size) return 0;
  let n = 0;
  for (const w of x) if (y.has(w)) n++;
  return n / Math.min(x.size, y.size);
}

/** "…, which was followed by a similar announcement from A, B and C" / "A and B followed suit". */
function followUp(ix: ActorIndex, s: Span, last: SanctionFact | undefined): SanctionFact | undefined {
  // only an action of this sentence or the one just before can be followed
  if (!last || last.evidence.end < s.start - 400) return undefined;
  const sentence = ix.text.slice(s.start, s.end);
  const similar = /\bfollowed\s+by\s+(?:a\s+|an\s+)?similar\s+(?:announcement|move|moves|measures|sanctions|action|actions|steps|step|decision)\s+(?:from|by)\s+/i.exec(sentence);
  let keys: string[] | undefined;
  let end = s.end;
  if (similar) {
    const agent = agentAt(ix, s.start + similar.index + similar[0].length, s.end);
    keys = agent?.keys;
    end = agent?.end ?? end;
  } else {
    const suit = /\bfollowed\s+suit\b/i.exec(sentence);
    if (suit) keys = subjectBefore(ix, s.start + suit.index, s.start, { speech: false })?.keys;
  }
  const imposers = keys && imposingBodies(ix, keys).filter((k) => !last.imposers.includes(k));
  if (!imposers?.length) return undefined;
  const { date: _date, ...rest } = last;
  return { ...rest, imposers, evidence: { start: s.start, end: Math.max(end, s.end) }, confidence: 0.7 };
}
