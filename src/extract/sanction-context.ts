import type { Span } from "../model.ts";
import { type ActorIndex, groupKeys, inside, isActorKind, pluralAntecedent } from "./quote-actors.ts";
import { pattern } from "./patterns.ts";
import { ADVERBIAL, NTH_TIME, pastDescribedAs, isLetters, lowerWords, matchEndingAt, targetPhraseAt, tokenAtOrAfter } from "./sanction-patterns.ts";
import { lowerBound } from "./sorted.ts";
import type { Token } from "./tokens.ts";
import { WEEKDAYS } from "./words.ts";

const WEEKDAY = { test: (t: Token) => WEEKDAYS.has(t.text) };

/** "said (that) it / the Council / the country would (also) bar …": a decision reported, not a hypothesis. */
const REPORTED_DECISION = pattern([
  { lower: ["said", "announced", "confirmed", "decided"] },
  { seq: [ADVERBIAL], op: [0, 2] },
  { lower: "that", op: "?" },
  { any: [{ lower: ["it", "they"] }, [{ lower: "the", op: "?" }, { cap: true, word: true, op: "+" }], [{ lower: "the" }, { lower: ["country", "government", "bloc", "council", "kingdom", "state", "ministry", "administration", "cabinet"] }]] },
  { lower: "would" },
  { lower: ["also", "now", "each"], op: "?" },
]);
/** Words that make what follows them a hypothesis, a threat or a denial ("could impose", "not", "if"). */
const HEDGES = new Set(["could", "would", "might", "may", "should", "must", "if", "unless", "whether", "not", "never", "no"]);
const THREATEN = new Set(["threaten", "threatens", "threatened", "threatening"]);
/** The end of a clause: a hedge before it does not reach past it. */
const CLAUSE_MARKS = new Set([",", ".", ";"]);
/** How far back (characters) a hedge word is looked for before a verb. */
const HEDGE_REACH = 40;
/**
 * Infinitives that report an action done: "decided/agreed/voted to impose" (not "plans to impose"), and
 * "is to impose" (an action announced for the imposer's own near future, counted as "will impose" is).
 */
const DONE_TO = new Set(["decided", "agreed", "voted", "moved", "moves", "began", "started", "is", "are"]);
/** "plans (on Monday) to": an infinitive's governing word, with the day it was told. */
const GOVERNS_TO = pattern([
  { word: true, as: "verb" },
  { any: [[{ lower: "on", op: "?" }, { any: [WEEKDAY, { text: ["today", "yesterday"] }] }], ADVERBIAL], op: [0, 2] },
  { lower: "to" },
  // a split infinitive: "to independently impose"
  { word: true, test: (t) => t.tag === "ADV" && t.lower.endsWith("ly"), op: "?" },
]);
/**
 * "is taking steps to impose", "took action (on Monday) to freeze", "has taken concrete measures to bar"
 * (invented): steps taken or being taken are the act itself ("could take steps", "is considering taking
 * steps", "urged X to take action" are not: a bare "take" or "taking" after another verb).
 */
const TAKING_STEPS = pattern([
  { any: [{ lower: "took" }, [{ lower: ["is", "are", "was", "were", "has", "have", "had"] }, { lower: ["taking", "taken"] }]] },
  { word: true, not: { lower: ["steps", "action", "measures", "to"] }, op: [0, 2] },
  { lower: ["steps", "action", "measures"] },
  { any: [[{ lower: "on", op: "?" }, { any: [WEEKDAY, { text: ["today", "yesterday"] }] }], ADVERBIAL], op: [0, 2] },
  { lower: "to" },
]);
/** "X implemented / signed the council's decision to impose …": a decision carried out is an action, X its imposer. */
export const DECISION_CARRIED_OUT = pattern([
  { lower: ["implemented", "implements", "signed", "signs", "approved", "approves", "enacted", "enacts", "endorsed", "endorses", "upheld", "upholds"] },
  { not: { text: [",", ";", ".", "!", "?"] }, op: [0, 16] },
  { lower: ["decision", "decisions", "decree", "order", "resolution", "ruling"] },
  { lower: "to" },
]);
const reportedDecision = (ix: ActorIndex, from: number, to: number) => !!matchEndingAt(ix.a.tokens, REPORTED_DECISION, from, to);
/** "X's (recent) decision (on Monday) of / to": a decision with its owner, right before the verb it governs. */
const OWNED_DECISION = pattern([
  { text: ["'s", "’s"] },
  { word: true, test: (t) => t.tag === "ADJ" || t.tag === "ADV", op: [0, 2] },
  { lower: ["decision", "decisions", "move"] },
  { op: [0, 2], any: [[{ lower: "on" }, WEEKDAY], ADVERBIAL] },
  { lower: ["of", "to"] },
]);
/**
 * "The office supported the ministry's decision of imposing sanctions on Y", "Peru welcomed Norway's decision
 * to impose …": the owner of a decision taken imposes, not the clause's subject who welcomes it. Read only as
 * the object of a verb or a preposition ("The ministry's decision to impose … could come" opens its sentence).
 */
export function decisionOwner(ix: ActorIndex, from: number, verb: number): string[] | undefined {
  const tokens = ix.a.tokens;
  const m = matchEndingAt(tokens, OWNED_DECISION, from, verb, 12);
  if (!m || m.to !== tokenAtOrAfter(tokens, verb)) return undefined;
  const i = mentionFrom(ix, tokens[m.from].start) - 1;
  const owner = i >= 0 ? ix.mentions[i] : undefined;
  if (!owner || owner.span.end !== tokens[m.from].start || owner.span.start < from || !isActorKind(ix.byKey.get(owner.entity))) return undefined;
  let k = tokenAtOrAfter(tokens, owner.span.start) - 1;
  if (tokens[k]?.lower === "the") k--;
  const head = tokens[k];
  return head && head.start >= from && (head.tag === "VERB" || head.tag === "ADP") ? groupKeys(ix, i) : undefined;
}
/** "considering imposing", "urged X to weigh sanctioning", "looking at imposing": a gerund only thought of or proposed. */
const THOUGHT_OF = pattern([
  {
    any: [
      { lower: ["consider", "considers", "considered", "considering", "weigh", "weighs", "weighed", "weighing", "mull", "mulls", "mulled", "mulling", "contemplate", "contemplates", "contemplated", "contemplating", "explore", "explores", "explored", "exploring", "discuss", "discusses", "discussed", "discussing", "propose", "proposes", "proposed", "proposing", "suggest", "suggests", "suggested", "suggesting", "recommend", "recommends", "recommended", "recommending"] },
      [{ lower: ["look", "looks", "looked", "looking"] }, { lower: ["at", "into"] }],
    ],
  },
  { word: true, tag: "ADV", op: "?" },
]);
/** A hedge word ("could", "if", "threatened to") within the last few words before `to`, in the same clause. */
function hedged(ix: ActorIndex, from: number, to: number): boolean {
  const tokens = ix.a.tokens;
  const thought = matchEndingAt(tokens, THOUGHT_OF, from, to, 3);
  if (thought && thought.to === tokenAtOrAfter(tokens, to) && /ing$/.test(tokens[thought.to]?.lower ?? "")) return true;
  for (let i = tokenAtOrAfter(tokens, to) - 1; i >= 0 && tokens[i].start >= Math.max(from, to - HEDGE_REACH); i--) {
    const t = tokens[i];
    if (CLAUSE_MARKS.has(t.text) || t.text.includes(".")) return false;
    if (HEDGES.has(t.lower) || (THREATEN.has(t.lower) && tokens[i + 1]?.lower === "to" && tokens[i + 1].end <= to)) return true;
  }
  return false;
}
/** Not an action: a hypothesis or a plan in the words [from, to) before a verb ("could impose", "plans to impose"). */
export function notAnAction(ix: ActorIndex, from: number, to: number): boolean {
  const tokens = ix.a.tokens;
  if (reportedDecision(ix, from, to) || matchEndingAt(tokens, DECISION_CARRIED_OUT, from, to)) return false;
  if (hedged(ix, from, to)) return true;
  if (matchEndingAt(tokens, TAKING_STEPS, from, to, 12)) return false;
  if (decisionOwner(ix, from, to)) return false;
  const verb = matchEndingAt(tokens, GOVERNS_TO, from, to, 8)?.get("verb");
  return !!verb && isLetters(tokens[verb.from]) && !DONE_TO.has(tokens[verb.from].lower);
}
/** "said it would bar … if the talks fail": a reported decision with a condition is none. */
export function conditional(ix: ActorIndex, from: number, at: number, end: number): boolean {
  return reportedDecision(ix, from, at) && lowerWords(ix.a.tokens, at, end).some((w) => w === "if" || w === "unless" || w === "should");
}
export const hypothetical = (ix: ActorIndex, from: number, to: number) => !reportedDecision(ix, from, to) && hedged(ix, from, to);

/** Pronouns that stand for a target named before ("sanctioned him", "froze their assets"). */
export const PRONOUN_TARGETS = new Set(["them", "it", "him", "her", "us", "those", "his", "its", "their"]);
/** "both men", "the two officials": the pair named last. */
/** The phrase [start, end) is one pronoun standing for a target ("them"). */
export function pronounTarget(ix: ActorIndex, span: Span): string | undefined {
  const words = lowerWords(ix.a.tokens, span.start, span.end);
  return words.length === 1 && PRONOUN_TARGETS.has(words[0]) ? words[0] : undefined;
}
export const PAIR_TARGET = pattern([
  { any: [{ lower: "both" }, [{ lower: "the" }, { lower: "two" }]] },
  { lower: ["men", "women", "officials", "individuals", "brothers", "leaders", "generals", "commanders"] },
]);

export interface Clause {
  imposers: string[];
  /** End of the "by X" agent phrase, when there is one. */
  agentEnd?: number;
  /** context: the imposer of the action reported before ("The sanctions include …", "sanctions imposed on Y in 2023"). */
  imposerHow: "agent" | "verb" | "modifier" | "context";
  /** An addition to a list (blacklist, entity list): later reports of it name the same targets. */
  list?: boolean;
  /** "the sanctions that the EU adopted against Y": a definite noun with its own imposer clause, a new report. */
  own?: boolean;
  target?: Span;
  /** Persons and bodies of the entry lines a notice's target ("the entries specified below") stands for. */
  entries?: string[];
  reason?: Span;
  /** Further actions told in the same clause ("A and in June B were sanctioned"). */
  also?: Clause[];
  /** "…, after being placed under sanctions by X": a participle clause whose subject (the target) is the one of the clause before. */
  sharesSubject?: boolean;
  /** Words inside the clause that tell of something else ("Y, the group X led until last year, is …"): no time of the action. */
  aside?: Span;
  /** "Peru has also adopted AU sanctions": the owner of the package taken up, whose own action names the targets. */
  packageOf?: string[];
  /** "existing / previous sanctions": an earlier action told as background, never the one just reported. */
  background?: boolean;
  /** "Among those sanctioned were A and B": members of the action just reported, not another action. */
  partOf?: boolean;
  /** "The sanctions include travel bans on Y": more of the action reported before (its day too). */
  details?: boolean;
  /** An act told inside a quotation by its imposer: its attribution's day, when it has one, dates it ("today" in the quote is the speaker's). */
  quoted?: { date?: string };
}


/** How far back (characters) an unnamed imposer ("the government", "the president") is looked for: each look-up is bounded, so the pass stays linear. */
export const FAR = 3000;

/** Index of the first mention that starts at or after `pos` (mentions are sorted by start). */
export function mentionFrom(ix: ActorIndex, pos: number): number {
  return lowerBound(ix.mentions, pos, mentionStart);
}
const mentionStart = (m: ActorIndex["mentions"][number]) => m.span.start;

/** The mentions wholly inside [start, end). */
export function mentionsIn(ix: ActorIndex, start: number, end: number): ActorIndex["mentions"] {
  const out: ActorIndex["mentions"] = [];
  for (let i = mentionFrom(ix, start); i < ix.mentions.length && ix.mentions[i].span.start < end; i++) if (ix.mentions[i].span.end <= end) out.push(ix.mentions[i]);
  return out;
}

const GROUP_ADVERBS = new Set(["now", "also", "today", "further"]);
/** Where the verb group ending at `pos` starts: back over auxiliaries and adverbs ("is designating", "has publicly designated"). */
export function verbGroupStart(ix: ActorIndex, pos: number): number {
  const tokens = ix.a.tokens;
  let i = tokenAtOrAfter(tokens, pos);
  while (i > 0 && (tokens[i - 1].tag === "AUX" || (tokens[i - 1].tag === "ADV" && (tokens[i - 1].lower.endsWith("ly") || GROUP_ADVERBS.has(tokens[i - 1].lower)))) && tokens[i - 1].start >= pos - 40) i--;
  return i < tokens.length ? Math.min(pos, tokens[i].start) : pos;
}

/** The nearest country or organisation mentioned before `pos` in the sentence (outside `avoid`). */
export function nearestBody(ix: ActorIndex, pos: number, floor: number, avoid?: Span): string[] | undefined {
  for (let i = mentionFrom(ix, pos) - 1; i >= 0; i--) {
    const m = ix.mentions[i];
    if (m.span.end > pos || (avoid && m.span.start >= avoid.start && m.span.end <= avoid.end)) continue;
    if (m.span.start < floor) break;
    const e = ix.byKey.get(m.entity);
    if (e && (e.kind === "country" || e.kind === "organisation") && !inside(ix.quoted, m.span.start)) return [e.key];
  }
  return undefined;
}

/** The actors named right at `pos` ("by the US, Canada and Britain"). */
export function agentAt(ix: ActorIndex, pos: number, end: number): { keys: string[]; end: number } | undefined {
  // past "the": the name starts at the next word
  const tokens = ix.a.tokens;
  const k = tokenAtOrAfter(tokens, pos);
  const at = tokens[k]?.lower === "the" && tokens[k + 1] ? tokens[k + 1].start : Math.max(pos, tokens[k]?.start ?? pos);
  const first = mentionFrom(ix, pos);
  const i = first < ix.mentions.length && ix.mentions[first].span.start <= at + 1 && ix.mentions[first].span.start < end ? first : -1;
  if (i < 0 || !isActorKind(ix.byKey.get(ix.mentions[i].entity))) return undefined;
  const group = ix.groups.get(i) ?? [i];
  return { keys: groupKeys(ix, i), end: ix.mentions[group[group.length - 1]].span.end };
}

/** The target phrase at `pos`: noun phrases with their attachments (sanction-patterns.ts). */
export function phraseAt(ix: ActorIndex, pos: number, end: number): Span | undefined {
  // ("announced its designation of “16 individuals and five entities pursuant to …”": the body's own words quoted)
  const open = ix.a.tokens[tokenAtOrAfter(ix.a.tokens, pos)];
  if (open && open.start < end && OPENING_MARKS.has(open.text) && ix.text.slice(pos, open.start).trim() === "") pos = open.end;
  const span = targetPhraseAt(ix.a.tokens, pastDescribedAs(ix.a.tokens, pos), end);
  if (!span) return undefined;
  if (NTH_TIME.matchAt(ix.a.tokens, tokenAtOrAfter(ix.a.tokens, span.start), { within: "anywhere" })) return undefined;
  return span;
}

const OPENING_MARKS = new Set(["“", "\""]);

/** Words that open a clause: the subject of a verb after them starts after them. */
const CLAUSE_OPENERS = new Set(["and", "but", "while", "since", "after", "because", "as", "when", "that", "which"]);
const CLAUSE_PUNCTUATION = new Set([",", ";", ":"]);
const SUBJECT_PRONOUNS = new Set(["he", "she", "it", "they"]);

/** The subject noun phrase of a passive verb: back from `end` to the clause's start (a comma, "--", "and", "which"). */
export function subjectPhrase(ix: ActorIndex, floor: number, end: number): Span | undefined {
  const { tokens } = ix.a;
  const first = tokenAtOrAfter(tokens, floor);
  const last = tokenAtOrAfter(tokens, end);
  let from = first;
  for (let i = last - 1; i >= first; i--) {
    const t = tokens[i];
    const spaced = (k: number) => k + 1 < tokens.length && tokens[k + 1].start > tokens[k].end && tokens[k + 1].start <= end;
    const opener = CLAUSE_OPENERS.has(t.lower) && i > first && tokens[i - 1].end < t.start && spaced(i);
    const dashes = t.text === "-" && tokens[i - 1]?.text === "-" && tokens[i - 1].end === t.start && i - 1 > first && tokens[i - 1].start > tokens[i - 2].end && spaced(i);
    if (opener || dashes || (CLAUSE_PUNCTUATION.has(t.text) && spaced(i))) {
      from = i + 1;
      break;
    }
  }
  if (from >= last) return undefined;
  if (last - from === 1 && SUBJECT_PRONOUNS.has(tokens[from].lower)) return undefined;
  return { start: tokens[from].start, end: tokens[last - 1].end };
}

/**
 * What a pronoun target stands for: "him"/"his"/"her" the person named last, "it"/"its" the body or
 * state named last, "them"/"their"/"those" the group named last; never one of the imposers.
 */
export function pronounAntecedent(ix: ActorIndex, pos: number, pronoun: string, imposers: readonly string[]): string[] | undefined {
  const p = pronoun.toLowerCase();
  if (!["him", "his", "her", "it", "its"].includes(p)) return pluralAntecedent(ix, pos);
  const wanted = p === "it" || p === "its" ? ["country", "organisation"] : ["person"];
  for (let i = mentionFrom(ix, pos) - 1; i >= 0 && ix.mentions[i].span.start > pos - FAR; i--) {
    const m = ix.mentions[i];
    if (m.span.end > pos || inside(ix.quoted, m.span.start) || imposers.includes(m.entity)) continue;
    if (wanted.includes(ix.byKey.get(m.entity)?.kind ?? "")) return [m.entity];
  }
  return undefined;
}
