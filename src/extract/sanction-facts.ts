import type { SanctionFact, Span } from "../model.ts";
import { type TimeMention, findTimes } from "./dates.ts";
import { type ActorIndex, isActorKind, pluralAntecedent, subjectBefore } from "./quote-actors.ts";
import { type Clause, PAIR_TARGET, PRONOUN_TARGETS, pronounAntecedent, pronounTarget, agentAt, mentionFrom, mentionsIn } from "./sanction-context.ts";
import { imposingBodies, namedState, nearestState } from "./sanction-imposers.ts";
import { reasonAfter } from "./sanction-reasons.ts";
import { pattern } from "./patterns.ts";
import { MONTHS, WEEKDAYS } from "./words.ts";
import { lowerWords, matchesWhole, tokenAtOrAfter } from "./sanction-patterns.ts";

/** What the pass knows of a fact beyond the model: list additions, targets named by name. */
export interface Meta {
  list: boolean;
  /** Target entities named by a proper name (not only by an adjective such as "Chinese"). */
  named: string[];
  /** Every entity in the target phrase, adjectives included ("North Korean hackers": North Korea). */
  all: string[];
  /** "Under the sanctions, A and B will freeze …": details of the action reported before. */
  details?: boolean;
}

/** "ECOWAS announced the measures after a summit on Sunday", "The sanctions were announced on Monday": when the action was. */
export const ANNOUNCED_THEM = /\b(?:announced|unveiled|imposed|adopted|approved|agreed|introduced)\s+(?:the|these)\s+(?:new\s+)?(?:measures|sanctions|penalties|restrictions)\b|^(?:The|These)\s+(?:new\s+)?(?:measures|sanctions|penalties|restrictions)\s+(?:were|was)\s+(?:announced|unveiled|imposed|adopted|approved|agreed|introduced)\b/u;

/** An undated action takes the day the very next sentence gives it by a definite reference. */
export function datedByNextSentence(ix: ActorIndex, last: SanctionFact | undefined, s: Span, sentence: string, reference: string | undefined): void {
  if (!last || !reference || last.date || s.start < last.evidence.end || s.start - last.evidence.end > 4 || /\S/.test(ix.text.slice(last.evidence.end, s.start)) || !ANNOUNCED_THEM.test(sentence)) return;
  const day = findTimes(sentence, reference, s.start).find((d) => d.date);
  if (!day) return;
  last.date = day.date;
  delete last.month;
  delete last.year;
}

/** Target entities of a fact named in its target phrase: by a name, and by a name or an adjective. */
export function targetMeta(ix: ActorIndex, f: SanctionFact, list = false): Meta {
  const at = ix.text.slice(f.evidence.start, f.evidence.end).indexOf(f.targetText) + f.evidence.start;
  if (at < f.evidence.start) return { list, named: f.targets, all: f.targets };
  const inside = mentionsIn(ix, at, at + f.targetText.length);
  const keys = (ms: typeof inside) => [...new Set(ms.map((m) => m.entity))];
  const details = /^(?:Under|With)\s+the\s+(?:new\s+)?(?:sanctions|measures|package|decision|agreement|deal)\s*,/.test(ix.text.slice(f.evidence.start, f.evidence.end));
  return { list, named: keys(inside.filter((m) => m.via !== "demonym")), all: keys(inside), details };
}

/** A later report of an earlier fact fills what the earlier one lacks; a list addition takes the names of its targets. */
export function merge(g: SanctionFact, gm: Meta, f: SanctionFact, fm: Meta): void {
  if (!g.date && f.date) g.date = f.date;
  if (!g.date && !g.month && !g.year) Object.assign(g, coarseOf(f));
  if (!g.reason && f.reason) g.reason = f.reason;
  // a fuller report of the same targets ("8 officials" → "8 senior officials, including the vice-president")
  if (!gm.list && sameCount(g.targetText, f.targetText) && f.targetText.length > g.targetText.length && fm.named.length >= gm.named.length) {
    g.targetText = f.targetText;
    g.targets = [...new Set([...g.targets, ...f.targets])];
    gm.named = [...new Set([...gm.named, ...fm.named])];
  }
  if (gm.list && fm.list && fm.named.length > gm.named.length) {
    g.targetText = f.targetText;
    g.targets = f.targets;
    gm.named = fm.named;
    g.imposers = [...new Set([...g.imposers, ...f.imposers])];
    if (f.date) g.date = f.date;
  }
}

/** "… first imposed sanctions on Y in 2020 after Z, and expanded them after W": a second action with its own reason. */
export function expansion(ix: ActorIndex, s: Span, f: SanctionFact, c: Clause): SanctionFact | undefined {
  const from = Math.max(c.reason?.end ?? 0, c.target?.end ?? 0);
  if (!from) return undefined;
  const m = /^[^;]*?\b(?:and|but)\s+(?:later\s+|then\s+|subsequently\s+)?(?:expanded|extended|widened|broadened|tightened|stepped\s+up)\s+(?:them|those|the\s+sanctions|the\s+measures)\b/i.exec(ix.text.slice(from, s.end));
  if (!m) return undefined;
  const reason = reasonAfter(ix, from + m[0].length, s.end);
  if (!reason) return undefined;
  const { date: _date, month: _month, year: _year, ...rest } = f;
  const at = from + m[0].search(/(?:expanded|extended|widened|broadened|tightened|stepped)/i);
  return { ...rest, reason: ix.text.slice(reason.start, reason.end), evidence: { start: at, end: s.end }, confidence: 0.6 };
}

export function toFact(ix: ActorIndex, s: Span, c: Clause, reference: string | undefined, trigger: number): SanctionFact | undefined {
  const hit = c.target ? mentionsIn(ix, c.target.start, c.target.end).map((m) => m.entity) : [];
  const imposers = imposingBodies(ix, c.imposers, hit);
  if (!imposers.length) return undefined;
  let target = c.target;
  let targets: string[] = [];
  let targetText = target ? ix.text.slice(target.start, target.end) : "";
  const words = target ? lowerWords(ix.a.tokens, target.start, target.end) : [];
  const pronoun = target && pronounTarget(ix, target);
  if (target && pronoun) {
    const keys = pronounAntecedent(ix, target.start, pronoun, imposers);
    if (!keys) return undefined;
    targets = keys;
    target = undefined;
    targetText = keys.map((k) => ix.byKey.get(k)!.name).join(" and ");
  } else if (target && matchesWhole(ix.a.tokens, PAIR_TARGET, target.start, target.end)) {
    targets = pluralAntecedent(ix, target.start, 2) ?? [];
    if (targets.length) targetText = targets.map((k) => ix.byKey.get(k)!.name).join(" and ");
  } else if (target) {
    targets = [...new Set(mentionsIn(ix, target.start, target.end).map((m) => m.entity))];
    // "them and their families": the pronoun stands for those named before
    if (words[1] === "and" && PRONOUN_TARGETS.has(words[0])) targets = [...new Set([...(pronounAntecedent(ix, target.start, words[0], imposers) ?? []), ...targets])];
    // "sanctions on the country": the state named last before, not an imposer
    if (!targets.length && words.length === 2 && words[0] === "the" && words[1] === "country") targets = nearestState(ix, target.start, new Set(imposers)) ?? [];
  }
  if (!targetText && c.reason) {
    // "sanctions were imposed by the West after …": the sentence's first other actor is hit
    const first = mentionsIn(ix, s.start, s.end).find((m) => !imposers.includes(m.entity) && isActorKind(ix.byKey.get(m.entity)) && !(m.span.start >= c.reason!.start));
    if (!first) return undefined;
    targets = [first.entity];
    targetText = ix.byKey.get(first.entity)!.name;
  }
  if (!targetText) return undefined;
  const reason = c.reason ? ix.text.slice(c.reason.start, c.reason.end) : undefined;
  const action = actionWindow(ix, s, c, trigger);
  const when = reference ? dateNear(ix, action, reference, [c.reason, c.target]) ?? announcedOn(ix, action.end, s.end, reference) : undefined;
  const confidence = c.imposerHow === "context" ? 0.5 : c.imposerHow === "modifier" ? 0.6 : c.imposerHow === "agent" ? 0.8 : 0.85;
  return {
    imposers,
    targetText,
    targets: targets.filter((t) => !imposers.includes(t)),
    ...(reason ? { reason } : {}),
    ...(when?.date ? { date: when.date } : coarseOf(when ?? {})),
    evidence: { start: s.start, end: s.end },
    confidence,
  };
}

/**
 * The stretch of the sentence that reports the action: from its imposer (named before the trigger)
 * to a little past its last phrase ("…, announced by the Treasury on Monday, target …").
 */
export function actionWindow(ix: ActorIndex, s: Span, c: Clause, trigger: number): Span {
  // from the first of the imposers named last before the trigger ("Washington, Tokyo and Seoul announced");
  // an imposer the mentions leave unnamed ("Gulf leaders on Sunday blacklisted") acts from the sentence's start
  let start = c.imposers.some((k) => mentionsIn(ix, s.start, trigger + 200).some((m) => m.entity === k && m.span.start < trigger)) ? trigger : s.start;
  for (let i = mentionFrom(ix, trigger) - 1; i >= 0; i--) {
    const m = ix.mentions[i];
    if (m.span.start >= trigger) continue;
    if (m.span.start < s.start) break;
    if (c.imposers.includes(m.entity)) {
      const group = ix.groups.get(i) ?? [i];
      start = ix.mentions[group[0]].span.start;
      break;
    }
  }
  // a fronted time belongs to the clause: "On March 3, Iceland imposed …", "Today the Department of X's office designated …"
  const tokens = ix.a.tokens;
  const first = tokenAtOrAfter(tokens, s.start);
  const subject = tokenAtOrAfter(tokens, start);
  if (/^[^,;]{0,40},\s*(?:the\s+)?(?:\p{Lu}[\p{L}-]*\s+){0,4}$/u.test(ix.text.slice(s.start, start)) || (subject > first && FRONTED.matchAt(tokens, first, { endAt: subject, within: "anywhere" }))) start = s.start;
  const last = Math.max(trigger, c.target?.end ?? 0, c.reason?.end ?? 0, c.agentEnd ?? 0);
  // "Britain's sanctions on Y, announced on Tuesday, …": the participle's date is the action's
  const tail = /^,\s+(?:(?:first|jointly|also)\s+)?(?:announced|imposed|adopted|unveiled|approved|agreed|introduced)\s+(?:on\s+[\p{L}]+(?:\s+\d{1,2})?|last\s+[\p{L}]+|in\s+[\p{L}]+(?:\s+\d{4})?|yesterday|today)/u.exec(ix.text.slice(last, s.end))?.[0] ?? /^[^,;.]{0,30}/.exec(ix.text.slice(last, s.end))![0];
  return { start, end: last + tail.length };
}

const PART_OF_DAY = ["morning", "afternoon", "evening", "night"];
/**
 * A time fronted before a clause's subject ("Today, the Department of X's office designated …",
 * "On Tuesday afternoon, X's ministry said …", "Washington – Today the government has …"): the clause's time.
 */
const FRONTED = pattern([
  { seq: [{ cap: true, word: true, op: [1, 3] }, { text: ["–", "—", "-"] }], op: "?" },
  {
    any: [
      { lower: ["today", "yesterday", "tonight"] },
      [{ lower: "on" }, { any: [{ cap: true, word: true }, { test: (t) => /^\d{1,2}$/.test(t.text) }], op: [1, 3] }, { lower: PART_OF_DAY, op: "?" }, { seq: [{ text: ",", op: "?" }, { test: (t) => /^\d{4}$/.test(t.text) }], op: "?" }],
      [{ lower: ["this", "last", "late", "early"] }, { any: [{ lower: [...PART_OF_DAY, "week", "month", "year"] }, { test: (t) => WEEKDAYS.has(t.text) }] }],
      [{ lower: "earlier" }, { lower: ["today", "this"] }, { lower: [...PART_OF_DAY, "week", "month", "year"], op: "?" }],
      [{ lower: "in" }, { any: [{ test: (t) => MONTHS.has(t.text) }, { test: (t) => /^\d{4}$/.test(t.text) }] }, { test: (t) => /^\d{4}$/.test(t.text), op: "?" }],
    ],
  },
  { text: ",", op: "?" },
  // the subject's first words, up to its name ("the Department of the Treasury's Office of X (")
  { any: [{ lower: ["the", "of", "and"] }, { cap: true, word: true }, { text: ["'s", "’s", "("] }], op: [0, 12] },
]);

/** The day fixed inside the action's window, outside its reason and target phrases. */
export function dateNear(ix: ActorIndex, w: Span, reference: string, exclude: Array<Span | undefined>): TimeMention | undefined {
  const found = findTimes(ix.text.slice(w.start, w.end), reference, w.start).filter((d) => !exclude.some((x) => x && d.span.start >= x.start && d.span.start < x.end));
  // a day wins; else the month or year the window fixes ("earlier this month", "in 2014")
  return found.find((d) => d.date) ?? found[0];
}

/**
 * A reporting clause closing the sentence: "…, the Foreign Ministry said in a statement on Wednesday."
 * Its speaker is a plain noun phrase (no "which …", "after …"); after the verb stand only a medium
 * and a time ("in a statement", "at a news conference", "late on Friday", "on 3 March").
 */
export const CLOSING_ATTRIBUTION = /^[^;"“”]*?,\s+(?!(?:which|who|whom|that|when|where|while|as|after|before|since|and|but|or|because|although|if)\b)(?:[^,;"“”]{1,80}?\s)?(?:said|says|announced|announces|stated|confirmed)((?:\s+[\p{L}\d]+)*)$/iu;
export const AFTER_VERB = new Set(
  ("in on at during late early earlier later this last yesterday today tonight a an the its his her their " +
    "statement press news release conference briefing website post posted social media message note interview " +
    "morning afternoon evening night st nd rd th").split(" "),
);

/** The day a closing reporting clause gives the action, when the action's own words fix no time. */
export function announcedOn(ix: ActorIndex, from: number, end: number, reference: string): TimeMention | undefined {
  if (end - from > 240) return undefined; // a short closing clause, not the rest of an endless sentence
  const rest = ix.text.slice(from, end).replace(/[.!]\s*$/, "");
  const m = CLOSING_ATTRIBUTION.exec(rest);
  // after the verb: medium and time words, day and month names, numbers
  if (!m || !m[1].trim().split(/\s+/).filter(Boolean).every((w) => AFTER_VERB.has(w.toLowerCase()) || /^\p{Lu}/u.test(w) || /^\d{1,4}(?:st|nd|rd|th)?$/.test(w))) return undefined;
  return findTimes(rest, reference, from).find((d) => d.date);
}

/** The time a fact is dated to, as precisely as known (ISO day, month or year). */
const timeOf = (f: SanctionFact) => f.date ?? f.month ?? f.year;

/** The month and year of a time without its day. */
export const coarseOf = (t: Pick<SanctionFact, "month" | "year">): Pick<SanctionFact, "month" | "year"> => ({ ...(t.month ? { month: t.month } : {}), ...(t.year ? { year: t.year } : {}) });

/**
 * A later reference to an action already found: same imposer and same target (named alike, or
 * the same state by adjective and mostly the same words), or another report of the same list addition.
 */
export function repeats(ix: ActorIndex, g: SanctionFact, gm: Meta, f: SanctionFact, fm: Meta, c: Clause): boolean {
  // told at two different times: two actions ("sanctioned Y in 2023" … "designated Y in December 2019")
  if (timeOf(g) && timeOf(f) && !timeOf(g)!.startsWith(timeOf(f)!) && !timeOf(f)!.startsWith(timeOf(g)!)) return false;
  const sameImposer = g.imposers.some((k) => f.imposers.includes(k));
  // "the United States is designating three officials" … "the U.S. Treasury designated A, B and C"
  const stateOf = (keys: string[]) => [...keys, ...keys.flatMap((k) => namedState(ix, k))];
  const relatedImposer = stateOf(g.imposers).some((k) => stateOf(f.imposers).includes(k));
  const persons = (keys: string[]) => keys.filter((k) => ix.byKey.get(k)?.kind === "person").length;
  const counted = countOf(g.targetText);
  const enumerated = !!counted && persons(fm.named) === counted && !persons(gm.named) && fm.all.some((t) => gm.all.includes(t));
  if (relatedImposer && enumerated) return true;
  if (!sameImposer) return false;
  if (gm.list && fm.list) return true;
  const words = sharedWords(f.targetText, g.targetText);
  const sameState = fm.all.some((t) => gm.all.includes(t));
  const sameTargets = fm.named.some((t) => gm.named.includes(t)) || words === 1 || (sameState && (words >= 0.5 || !!fm.details || sameCount(f.targetText, g.targetText)));
  return sameTargets || (c.imposerHow === "modifier" && !c.background);
}

export const NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

/** The count a target phrase starts with ("8 senior officials", "three Malian officials"), if any. */
export function countOf(phrase: string): number | undefined {
  const m = /^(?:the\s+)?(\d[\d,]*|[a-z]+)\s/i.exec(phrase);
  if (!m) return undefined;
  const w = m[1].toLowerCase();
  const n = /^\d/.test(w) ? Number(w.replace(/,/g, "")) : NUMBER_WORDS.indexOf(w);
  return n > 0 ? n : undefined;
}

/** Both phrases start with the same count of targets ("8 senior officials", "8 high-ranking politicians"). */
export function sameCount(a: string, b: string): boolean {
  const x = countOf(a);
  return !!x && x === countOf(b);
}

export function sharedWords(a: string, b: string): number {
  const words = (s: string) => new Set(s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  const x = words(a), y = words(b);
  if (!x.size || !y.size) return 0;
  let n = 0;
  for (const w of x) if (y.has(w)) n++;
  return n / Math.min(x.size, y.size);
}

/** "…, which was followed by a similar announcement from A, B and C" / "A and B followed suit". */
export function followUp(ix: ActorIndex, s: Span, lastBefore: (pos: number) => SanctionFact | undefined): SanctionFact | undefined {
  const sentence = ix.text.slice(s.start, s.end);
  const cue = /\b(?:followed|matching|similar|parallel|identical|equivalent)\b/i.exec(sentence);
  if (!cue) return undefined;
  // the action reported before the cue ("B announced parallel measures, and C sanctioned …": not C's)
  const last = lastBefore(s.start + cue.index);
  // only an action of this sentence or the one just before can be followed
  if (!last || last.evidence.end < s.start - 400) return undefined;
  const similar = /\bfollowed\s+by\s+(?:a\s+|an\s+)?similar\s+(?:announcement|move|moves|measures|sanctions|action|actions|steps|step|decision)\s+(?:from|by)\s+/i.exec(sentence);
  let keys: string[] | undefined;
  let end = s.end;
  if (similar) {
    const agent = agentAt(ix, s.start + similar.index + similar[0].length, s.end);
    keys = agent?.keys;
    end = agent?.end ?? end;
  } else {
    const suit = /\bfollowed\s+suit\b/i.exec(sentence);
    // "in coordination with A and B, which announced matching sanctions"
    const coordination = /\b(?:in\s+coordination|coordinated|together|jointly|in\s+concert|in\s+step)\s+with\s+/i.exec(sentence);
    const matching = /\b(?:announced|imposed|unveiled|adopted|introduced)\s+(?:their\s+own\s+)?(?:matching|similar|parallel|identical|equivalent)\s+(?:sanctions|measures)\b(?!\s+(?:on|against)\b)/i.exec(sentence);
    if (suit) keys = subjectBefore(ix, s.start + suit.index, s.start, { speech: false })?.keys;
    else if (matching && coordination && coordination.index < matching.index) {
      const agent = agentAt(ix, s.start + coordination.index + coordination[0].length, s.end);
      if (agent && /^\s*,?\s*(?:which|who)\s+(?:also\s+|have\s+|had\s+)?$/i.test(ix.text.slice(agent.end, s.start + matching.index))) keys = agent.keys;
    } else if (matching) keys = subjectBefore(ix, s.start + matching.index, s.start, { speech: false })?.keys;
  }
  const imposers = keys && imposingBodies(ix, keys).filter((k) => !last.imposers.includes(k));
  if (!imposers?.length) return undefined;
  const { date: _date, month: _month, year: _year, ...rest } = last;
  return { ...rest, imposers, evidence: { start: s.start, end: Math.max(end, s.end) }, confidence: 0.7 };
}
