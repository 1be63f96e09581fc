import type { Span } from "../model.ts";
import { type ActorIndex, groupKeys, inside, isActorKind, pluralAntecedent } from "./quote-actors.ts";
import { targetPhraseAt, tokenAtOrAfter } from "./sanction-patterns.ts";

/** "said it would bar …": a decision reported, not a hypothesis. */
export const REPORTED_DECISION = /\b(?:said|announced|confirmed|decided)\s+(?:that\s+)?(?:it|they|(?:the\s+)?[\p{Lu}][\p{L}.]*(?:\s+[\p{Lu}][\p{L}.]*)*)\s+would\s+(?:also\s+|now\s+|each\s+)?$/u;
export const HYPOTHETICAL = /\b(?:could|would|might|may|should|must|threaten(?:s|ed|ing)?\s+to|if|unless|whether|not|never|no)\b[^,.;]*$/i;
/** An infinitive that reports no action yet ("plans to impose", "allowing it to impose"); decided/agreed/voted to impose do. */
export const NOT_YET_DONE = /\b(?!(?:decided|agreed|voted|moved|began|started|went\s+on)\s)[\p{L}]+\s+to\s+$/iu;
/** Pronouns that stand for a target named before ("sanctioned him", "froze their assets"). */
export const PRONOUN_TARGET = /^(?:them|it|him|her|us|those|his|its|their)$/i;
/** "both men", "the two officials": the pair named last. */
export const PAIR_TARGET = /^(?:both|the\s+two)\s+(?:men|women|officials|individuals|brothers|leaders|generals|commanders)$/i;
export const WEEKDAY_TO = /\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)\s+to\s+$/;
/** "X implemented / signed the council's decision to impose …": a decision carried out is an action. */
const DECISION_CARRIED_OUT = /\b(?:implemented|implements|signed|signs|approved|approves|enacted|enacts|endorsed|endorses|upheld|upholds)\s+(?:[^,;.!?]{0,80}?\s)?(?:decision|decisions|decree|order|resolution|ruling)\s+to\s+$/i;
/** Not an action: a hypothesis or a plan before `pos` in `pre` ("could impose", "plans to impose"). */
export function notAnAction(pre: string): boolean {
  if (REPORTED_DECISION.test(pre) || DECISION_CARRIED_OUT.test(pre)) return false;
  const p = pre.replace(WEEKDAY_TO, " to ");
  return HYPOTHETICAL.test(p.slice(-40)) || NOT_YET_DONE.test(p);
}
/** "said it would bar … if the talks fail": a reported decision with a condition is none. */
export const conditional = (pre: string, rest: string) => REPORTED_DECISION.test(pre) && /\b(?:if|unless|should)\b/i.test(rest);
export const hypothetical = (pre: string) => !REPORTED_DECISION.test(pre) && HYPOTHETICAL.test(pre.slice(-40));

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
  reason?: Span;
  /** Further actions told in the same clause ("A and in June B were sanctioned"). */
  also?: Clause[];
  /** "…, after being placed under sanctions by X": a participle clause whose subject (the target) is the one of the clause before. */
  sharesSubject?: boolean;
  /** "existing / previous sanctions": an earlier action told as background, never the one just reported. */
  background?: boolean;
}


/** How far back (characters) an unnamed imposer ("the government", "the president") is looked for: each look-up is bounded, so the pass stays linear. */
export const FAR = 3000;

/** Index of the first mention that starts at or after `pos` (mentions are sorted by start). */
export function mentionFrom(ix: ActorIndex, pos: number): number {
  let lo = 0, hi = ix.mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ix.mentions[mid].span.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The mentions wholly inside [start, end). */
export function mentionsIn(ix: ActorIndex, start: number, end: number): ActorIndex["mentions"] {
  const out: ActorIndex["mentions"] = [];
  for (let i = mentionFrom(ix, start); i < ix.mentions.length && ix.mentions[i].span.start < end; i++) if (ix.mentions[i].span.end <= end) out.push(ix.mentions[i]);
  return out;
}

/** Where the verb group ending at `pos` starts: back over auxiliaries and adverbs ("is designating", "has publicly designated"). */
export function verbGroupStart(ix: ActorIndex, pos: number): number {
  const tokens = ix.a.tokens;
  let i = tokenAtOrAfter(tokens, pos);
  while (i > 0 && (tokens[i - 1].tag === "AUX" || (tokens[i - 1].tag === "ADV" && /ly$|^(?:now|also|today|further)$/.test(tokens[i - 1].lower))) && tokens[i - 1].start >= pos - 40) i--;
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
  const skip = /^\s*(?:the\s+)?/i.exec(ix.text.slice(pos, end))![0].length;
  const first = mentionFrom(ix, pos);
  const i = first < ix.mentions.length && ix.mentions[first].span.start <= pos + skip + 1 && ix.mentions[first].span.start < end ? first : -1;
  if (i < 0 || !isActorKind(ix.byKey.get(ix.mentions[i].entity))) return undefined;
  const group = ix.groups.get(i) ?? [i];
  return { keys: groupKeys(ix, i), end: ix.mentions[group[group.length - 1]].span.end };
}

/** The target phrase at `pos`: noun phrases with their attachments (sanction-patterns.ts). */
export function phraseAt(ix: ActorIndex, pos: number, end: number): Span | undefined {
  const span = targetPhraseAt(ix.a.tokens, pos, end);
  if (!span) return undefined;
  const phrase = ix.text.slice(span.start, span.end);
  if (/^(?:the\s+)?(?:first|second|third|last|next)\s+time\b/i.test(phrase)) return undefined;
  return span;
}

/** The subject noun phrase of a passive verb: back from `end` to the clause's start. */
export function subjectPhrase(ix: ActorIndex, floor: number, end: number): Span | undefined {
  const pre = ix.text.slice(floor, end);
  let start = floor;
  for (const m of pre.matchAll(/(?:[,;:]\s+|\s)(?:and|but|while|since|after|because|as|when|that|which)\s+|[,;:]\s+|\s--\s/g)) start = floor + m.index! + m[0].length;
  const phrase = ix.text.slice(start, end).trim();
  if (!phrase || /^(?:he|she|it|they)$/i.test(phrase)) return undefined;
  const at = start + ix.text.slice(start, end).indexOf(phrase);
  return { start: at, end: at + phrase.length };
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
