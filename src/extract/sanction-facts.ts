import type { SanctionFact, Span } from "../model.ts";
import { type TimeMention, findTimes } from "./dates.ts";
import { type ActorIndex, isActorKind, pluralAntecedent, spanIndexAt, subjectBefore } from "./quote-actors.ts";
import { type Clause, PAIR_TARGET, PRONOUN_TARGETS, pronounAntecedent, pronounTarget, agentAt, mentionFrom, mentionsIn } from "./sanction-context.ts";
import { imposingBodies, namedState, nearestState } from "./sanction-imposers.ts";
import { reasonAfter } from "./sanction-reasons.ts";
import { pattern } from "./patterns.ts";
import { MONTHS, WEEKDAYS } from "./words.ts";
import type { Token } from "./tokens.ts";
import type { MeasureKind } from "./sanction-triggers.ts";
import { allDigits, endOf, isDayNumber, isPlainWord, isYearNumber, lowerWords, matchAfter, matchesWhole, startOf, startsUpper, tokenAtOrAfter } from "./sanction-patterns.ts";

/** What the pass knows of a fact beyond the model: list additions, targets named by name. */
export interface Meta {
  list: boolean;
  /** Target entities named by a proper name (not only by an adjective such as "Chinese"). */
  named: string[];
  /** Every entity in the target phrase, adjectives included ("North Korean hackers": North Korea). */
  all: string[];
  /** "Under the sanctions, A and B will freeze …": details of the action reported before. */
  details?: boolean;
  /** The kind of measure its trigger names (entry, trade or sanctions). */
  kind?: MeasureKind;
}

const ANNOUNCING = ["announced", "unveiled", "imposed", "adopted", "approved", "agreed", "introduced"];
const MEASURE_NOUNS = ["measures", "sanctions", "penalties", "restrictions"];
/** "ECOWAS announced the measures after a summit on Sunday": when the action was. */
const ANNOUNCED_THEM = pattern([{ text: ANNOUNCING }, { text: ["the", "these"] }, { text: "new", op: "?" }, { text: MEASURE_NOUNS }]);
/** "The sanctions were announced on Monday" (opening the sentence). */
const THEY_WERE_ANNOUNCED = pattern([{ text: ["The", "These"] }, { text: "new", op: "?" }, { text: MEASURE_NOUNS }, { text: ["were", "was"] }, { text: ANNOUNCING }]);

/**
 * An undated action takes the day the very next sentence gives it by a definite reference: "The sanctions were
 * announced on Monday", "announced the measures on Sunday", or its imposer (or a body of its state) reporting
 * on the day about those it hit ("On Saturday, the ministry stated that the sanctioned individuals include …",
 * "The ministry said on Tuesday that the six tycoons …"): the day of the report, not one inside it.
 */
export function datedByNextSentence(ix: ActorIndex, last: SanctionFact | undefined, s: Span, sentence: string, reference: string | undefined, related: (keys: string[]) => boolean = () => false): void {
  if (!last || !reference || last.date || s.start < last.evidence.end || s.start - last.evidence.end > 4) return;
  const tokens = ix.a.tokens;
  const first = tokenAtOrAfter(tokens, last.evidence.end);
  // nothing written between the two sentences
  if (first >= tokens.length || tokens[first].start < s.start) return;
  const to = tokenAtOrAfter(tokens, s.end);
  let told = sentence;
  if (!THEY_WERE_ANNOUNCED.matchAt(tokens, first, { to, within: "anywhere" }) && !ANNOUNCED_THEM.matchAll(tokens, { from: first, to, within: "anywhere" }).length) {
    const report = REPORTED_ABOUT_THEM.matchAll(tokens, { from: first, to, within: "anywhere" })[0];
    const about = report && tokens[report.get("about")!.from];
    if (!report || !about) return;
    // the reported subject names them: "the sanctioned …", "the new measures", or their count ("the six tycoons")
    const count = countOf(last.targetText);
    if (!REFERS_BACK.has(about.lower) && !(count && countOf(`${about.lower} x`) === count)) return;
    if (!related(mentionsIn(ix, s.start, tokens[report.get("verb")!.from].start).map((m) => m.entity))) return;
    // the report's own words, up to "that": the day may stand before the verb or after it ("said on Tuesday that")
    told = ix.text.slice(s.start, tokens[report.get("about")!.from - 2].start);
  }
  const day = findTimes(told, reference, s.start).find((d) => d.date);
  if (!day) return;
  last.date = day.date;
  delete last.month;
  delete last.year;
}

/** "… said on Tuesday that the six tycoons", "stated that the sanctioned individuals": a report, then its subject's first word. */
const REPORTED_ABOUT_THEM = pattern([
  { text: ["said", "stated", "announced", "confirmed", "says", "states"], as: "verb" },
  { not: { text: [",", ";", ":", "\"", "“", "”", "."] }, op: [0, 4] },
  { text: "that" },
  { lower: "the" },
  { word: true, as: "about" },
]);
/** Words after "the" that refer back to an action's targets or measures. */
const REFERS_BACK = new Set(["sanctioned", "designated", "listed", "blacklisted", "targeted", "new", "sanctions", "measures", "designations", "penalties", "restrictions"]);

/** "Under the (new) sanctions, A and B will freeze …": details of the action reported before. */
const UNDER_THEM = pattern([
  { text: ["Under", "With"] },
  { text: "the" },
  { text: "new", op: "?" },
  { text: ["sanctions", "measures", "package", "decision", "agreement", "deal"] },
  { text: "," },
]);

/** Target entities of a fact named in its target phrase: by a name, and by a name or an adjective. */
export function targetMeta(ix: ActorIndex, f: SanctionFact, list = false): Meta {
  const at = ix.text.slice(f.evidence.start, f.evidence.end).indexOf(f.targetText) + f.evidence.start;
  if (at < f.evidence.start) return { list, named: f.targets, all: f.targets };
  const inside = mentionsIn(ix, at, at + f.targetText.length);
  const keys = (ms: typeof inside) => [...new Set(ms.map((m) => m.entity))];
  const details = !!matchAfter(ix.a.tokens, UNDER_THEM, f.evidence.start, f.evidence.end);
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

/** "and (later) expanded them / the sanctions": a second action on the same targets. */
const EXPANDED_THEM = pattern([
  { lower: ["and", "but"] },
  { lower: ["later", "then", "subsequently"], op: "?" },
  { as: "verb", any: [{ lower: ["expanded", "extended", "widened", "broadened", "tightened"] }, [{ lower: "stepped" }, { lower: "up" }]] },
  { any: [{ lower: ["them", "those"] }, [{ lower: "the" }, { lower: ["sanctions", "measures"] }]] },
]);

/** "… first imposed sanctions on Y in 2020 after Z, and expanded them after W": a second action with its own reason. */
export function expansion(ix: ActorIndex, s: Span, f: SanctionFact, c: Clause): SanctionFact | undefined {
  const from = Math.max(c.reason?.end ?? 0, c.target?.end ?? 0);
  if (!from) return undefined;
  const tokens = ix.a.tokens;
  // the clause up to a semicolon
  const first = tokenAtOrAfter(tokens, from);
  let to = first;
  while (to < tokens.length && tokens[to].start < s.end && tokens[to].text !== ";") to++;
  const m = EXPANDED_THEM.matchAll(tokens, { from: first, to, within: "anywhere" })[0];
  if (!m) return undefined;
  const reason = reasonAfter(ix, endOf(tokens, m), s.end);
  if (!reason) return undefined;
  const { date: _date, month: _month, year: _year, ...rest } = f;
  const at = startOf(tokens, m.get("verb")!);
  return { ...rest, reason: ix.text.slice(reason.start, reason.end), evidence: { start: at, end: s.end }, confidence: 0.6 };
}

/** Person nouns a nationality adjective qualifies ("Russian citizen NAME", "an Iranian national, NAME"). */
const NATIONALITY_NOUNS = new Set(["citizen", "citizens", "national", "nationals", "passport", "holder", "resident", "residents", "born"]);

/**
 * The entities a target phrase names. A state named only by the nationality of a person named right
 * after it is no target: "Russian citizen Pavel Korin" (invented) hits the person, not Russia.
 */
function targetKeys(ix: ActorIndex, target: Span): string[] {
  const ms = mentionsIn(ix, target.start, target.end);
  const tokens = ix.a.tokens;
  const nationalityOnly = (i: number): boolean => {
    const m = ms[i];
    if (m.via !== "demonym") return false;
    let k = tokenAtOrAfter(tokens, m.span.end);
    const first = k;
    while (k < first + 2 && tokens[k] && NATIONALITY_NOUNS.has(tokens[k].lower)) k++;
    const next = ms[i + 1];
    return k > first && !!next && ix.byKey.get(next.entity)?.kind === "person" && next.span.start === tokens[k]?.start;
  };
  const keep = new Set<string>();
  for (let i = 0; i < ms.length; i++) if (!nationalityOnly(i)) keep.add(ms[i].entity);
  return [...keep];
}

/** "Varn administration", "Varn's government": the person a government is called after. */
const HEADS_ITS_GOVERNMENT = /^(?:['’]s)?\s+(?:administration|government)\b/;

/** After an actor's name: "(and UK)('s) (new) sanctions": the actor owns the sanctions named next. */
const OWNS_SANCTIONS = /^(?:\s*(?:,|and|or)\s*\p{Lu}[\p{L}.]*)*(?:['’]s)?\s+(?:[\p{L}-]+\s+){0,2}(?:sanctions|restrictive\s+measures)\b/u;

export function toFact(ix: ActorIndex, s: Span, c: Clause, reference: string | undefined, trigger: number): SanctionFact | undefined {
  const hit = c.target ? mentionsIn(ix, c.target.start, c.target.end).map((m) => m.entity) : [];
  const imposers = imposingBodies(ix, c.imposers, hit, trigger);
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
    targets = targetKeys(ix, target);
    // "them and their families": the pronoun stands for those named before
    if (words[1] === "and" && PRONOUN_TARGETS.has(words[0])) targets = [...new Set([...(pronounAntecedent(ix, target.start, words[0], imposers) ?? []), ...targets])];
    // "sanctions on the country": the state named last before, not an imposer
    if (!targets.length && words.length === 2 && words[0] === "the" && words[1] === "country") targets = nearestState(ix, target.start, new Set(imposers)) ?? [];
  }
  if (c.entries) targets = [...new Set([...targets, ...c.entries])];
  if (!targetText && c.reason) {
    // "sanctions were imposed by the West after …": the sentence's first other actor is hit
    // (not the person a government is called after: "the Varn administration")
    const first = mentionsIn(ix, s.start, s.end).find((m) => !imposers.includes(m.entity) && isActorKind(ix.byKey.get(m.entity)) && !(m.span.start >= c.reason!.start) && !HEADS_ITS_GOVERNMENT.test(ix.text.slice(m.span.end, m.span.end + 20))
      // "X is mirroring previous EU sanctions": the subject before a modifier's sanctions acts on them, it is not hit
      && !(c.imposerHow === "modifier" && m.span.end <= trigger)
      // "mirroring previous EU and UK sanctions and expanding its own": an owner of sanctions is not hit by them
      && !OWNS_SANCTIONS.test(ix.text.slice(m.span.end, m.span.end + 80)));
    if (!first) return undefined;
    targets = [first.entity];
    targetText = ix.byKey.get(first.entity)!.name;
  }
  if (!targetText) return undefined;
  // "Moscow's sanctions against Moscow": a target that names only its own imposers is a misread owner
  // (not "Norland's sanctions on Norlandic citizens": a state may hit its own nationals)
  const named = target ? mentionsIn(ix, target.start, target.end) : [];
  if (named.length && named.every((m) => imposers.includes(m.entity) && m.via !== "demonym")) return undefined;
  const reason = c.reason ? ix.text.slice(c.reason.start, c.reason.end) : undefined;
  const action = actionWindow(ix, s, c, trigger);
  const when: Omit<TimeMention, "span"> | undefined = c.quoted?.date ? { date: c.quoted.date } : reference ? dateNear(ix, action, reference, [c.reason, c.target, c.aside]) ?? announcedOn(ix, action.end, s.end, reference) ?? sameOccasion(ix, s, reference) ?? closingWeekday(ix, s, Math.max(trigger, c.target?.end ?? 0), reference) : undefined;
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

/** ", (on) Thursday." closing the sentence: the day of its main verb, however long the phrases before it. */
const CLOSING_WEEKDAY = pattern([{ text: "," }, { text: "on", op: "?" }, { test: (t) => WEEKDAYS.has(t.text), as: "day" }, { text: ["."] }]);
function closingWeekday(ix: ActorIndex, s: Span, from: number, reference: string): TimeMention | undefined {
  const tokens = ix.a.tokens;
  const end = tokenAtOrAfter(tokens, s.end);
  if (end - 4 < tokenAtOrAfter(tokens, from)) return undefined;
  for (const k of [end - 4, end - 3]) {
    const m = CLOSING_WEEKDAY.matchAt(tokens, k, { endAt: end });
    const day = m?.get("day");
    if (day) return findTimes(tokens[day.from].text, reference, tokens[day.from].start).find((d) => d.date);
  }
  return undefined;
}

/** "At the same meeting,", "On the same day", "That day": the occasion the sentence before told of. */
const SAME_OCCASION = pattern([
  { lower: ["at", "on", "during"], op: "?" },
  { any: [[{ lower: "the" }, { lower: "same" }], { lower: "that" }] },
  { lower: ["meeting", "session", "summit", "sitting", "day", "gathering"] },
]);

/**
 * "The Council met on Tuesday. At the same meeting it imposed asset freezes on Y" (invented): a sentence
 * opening on "the same meeting/day" has the day the sentence before gives (a day, not a month or year).
 */
function sameOccasion(ix: ActorIndex, s: Span, reference: string): TimeMention | undefined {
  const tokens = ix.a.tokens;
  if (!SAME_OCCASION.matchAt(tokens, tokenAtOrAfter(tokens, s.start), { to: tokenAtOrAfter(tokens, s.end), within: "anywhere" })) return undefined;
  const si = spanIndexAt(ix.sentences, s.start);
  const before = si > 0 ? ix.sentences[si - 1] : undefined;
  if (!before || s.start - before.end > 4) return undefined;
  return findTimes(ix.text.slice(before.start, before.end), reference, before.start).find((d) => d.date);
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
  let subject = tokenAtOrAfter(tokens, start);
  // "its Office of Export Control (OEC) designated": the subject is the name before its abbreviation
  if (subject - 2 > first && tokens[subject - 1].text === "(") {
    const named = ix.mentions[mentionFrom(ix, tokens[subject - 2].end) - 1];
    if (named && named.span.end === tokens[subject - 2].end && named.span.start >= s.start && c.imposers.includes(named.entity)) subject = tokenAtOrAfter(tokens, named.span.start);
  }
  const comma = subject > first ? FRONTED_COMMA.matchAt(tokens, first, { endAt: subject, within: "anywhere" }) : undefined;
  // (a meeting fronted with its day may be longer: "At its extraordinary meeting on 28 February 2022, the Council …")
  const fronted = comma ? tokens[comma.get("comma")!.from].start - s.start : Infinity;
  if (fronted <= 40 || (fronted <= 80 && FRONTED_MEETING.matchAt(tokens, first, { within: "anywhere" })) || (subject > first && FRONTED.matchAt(tokens, first, { endAt: subject, within: "anywhere" }))) start = s.start;
  // "Minister X announced Monday that Norway is imposing …": the report's time is the action's
  const reported = subject > first ? REPORTED_ON_THAT.matchBefore(tokens, subject, Math.max(first, subject - 6)) : undefined;
  if (reported) start = Math.min(start, tokens[reported.from].start);
  const last = Math.max(trigger, c.target?.end ?? 0, c.reason?.end ?? 0, c.agentEnd ?? 0);
  // "Britain's sanctions on Y, announced on Tuesday, …": the participle's date is the action's
  const tail = tokens[tokenAtOrAfter(tokens, last)]?.start === last ? matchAfter(tokens, ANNOUNCED_TAIL, last, s.end) : undefined;
  if (tail) return { start, end: endOf(tokens, tail) };
  // else a little past the last phrase: up to 30 characters of the same clause
  let n = 0;
  while (n < 30 && last + n < s.end && !CLAUSE_ENDS.has(ix.text[last + n])) n++;
  return { start, end: last + n };
}

const CLAUSE_ENDS = new Set([",", ";", "."]);
/** "announced (on) Monday that", "said on Thursday its": a reporting verb, its day, and the reported clause next. */
const REPORTED_ON_THAT = pattern([
  { text: ["announced", "said", "confirmed", "stated"] },
  { any: [[{ text: "on", op: "?" }, { test: (t) => WEEKDAYS.has(t.text) }], { text: ["today", "yesterday"] }] },
  { any: [[{ text: "that" }, { text: ["its", "their"], op: "?" }], { text: ["its", "their"] }] },
]);
/** "On March 3, (the) Iceland …": a short fronted phrase and its comma, then the subject's capitalised words. */
const FRONTED_COMMA = pattern([
  { not: { text: [",", ";"] }, op: [0, 12] },
  { text: ",", as: "comma" },
  { text: "the", op: "?" },
  { test: (t) => startsUpper(t) && !t.text.includes("."), op: [0, 4] },
]);
/** "At its (extraordinary) meeting on …", "During the summit on …": the occasion of the clause, fronted with its day. */
const FRONTED_MEETING = pattern([
  { lower: ["at", "during", "on"] },
  { lower: ["its", "their", "the", "a", "an"] },
  { word: true, not: { text: "," }, op: [0, 3] },
  { lower: ["meeting", "session", "summit", "sitting", "gathering", "conference"] },
  { seq: [{ lower: ["of", "in"] }, { word: true, op: [1, 3] }], op: "?" },
  { lower: ["on", "held"] },
]);
/** ", (first) announced on Tuesday": a participle after the action's phrases, with its time. */
const ANNOUNCED_TAIL = pattern([
  { text: "," },
  { text: ["first", "jointly", "also"], op: "?" },
  { text: ANNOUNCING },
  {
    any: [
      [{ text: "on" }, { word: true, not: { tag: "NUM" } }, { test: isDayNumber, op: "?" }],
      [{ text: "last" }, { word: true, not: { tag: "NUM" } }],
      [{ text: "in" }, { word: true, not: { tag: "NUM" } }, { test: isYearNumber, op: "?" }],
      { text: ["yesterday", "today"] },
    ],
  },
]);
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
      [{ lower: "on" }, { any: [{ cap: true, word: true }, { test: isDayNumber }], op: [1, 3] }, { lower: PART_OF_DAY, op: "?" }, { seq: [{ text: ",", op: "?" }, { test: isYearNumber }], op: "?" }],
      [{ lower: ["this", "last", "late", "early"] }, { any: [{ lower: [...PART_OF_DAY, "week", "month", "year"] }, { test: (t) => WEEKDAYS.has(t.text) }] }],
      [{ lower: "earlier" }, { lower: ["today", "this"] }, { lower: [...PART_OF_DAY, "week", "month", "year"], op: "?" }],
      [{ lower: "in" }, { any: [{ test: (t) => MONTHS.has(t.text) }, { test: isYearNumber }] }, { test: isYearNumber, op: "?" }],
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
const NOT_A_SPEAKER = new Set(["which", "who", "whom", "that", "when", "where", "while", "as", "after", "before", "since", "and", "but", "or", "because", "although", "if"]);
const CLOSING_VERBS = new Set(["said", "says", "announced", "announces", "stated", "confirmed"]);
const NO_CLOSING_CLAUSE = new Set([";", "\"", "“", "”"]);
export const AFTER_VERB = new Set(
  ("in on at during late early earlier later this last yesterday today tonight a an the its his her their " +
    "statement press news release conference briefing website post posted social media message note interview " +
    "morning afternoon evening night st nd rd th").split(" "),
);
/** "3", "21st": a day or a year, with its ordinal ending. */
function numberWord(t: Token): boolean {
  const digits = allDigits(t.text) ? t.text : ["st", "nd", "rd", "th"].includes(t.lower.slice(-2)) ? t.text.slice(0, -2) : "";
  return digits.length >= 1 && digits.length <= 4 && allDigits(digits);
}
const afterVerbWord = (t: Token) => AFTER_VERB.has(t.lower) || startsUpper(t) || numberWord(t);
/** How long (characters) the speaker between the comma and the verb may be. */
const SPEAKER_LENGTH = 80;

/**
 * The day a closing reporting clause gives the action, when the action's own words fix no time; the clause
 * may be followed by an aside of its own ("…, the ministry announced on Sunday, the eve of the holiday.").
 */
export function announcedOn(ix: ActorIndex, from: number, end: number, reference: string): TimeMention | undefined {
  if (end - from > 240) return undefined; // a short closing clause, not the rest of an endless sentence
  const tokens = ix.a.tokens;
  const first = tokenAtOrAfter(tokens, from);
  let to = tokenAtOrAfter(tokens, end);
  // the sentence's closing mark is no part of the clause
  if (to > first && (tokens[to - 1].text === "." || tokens[to - 1].text === "!")) to--;
  // the clause: after the last comma (no semicolon or quotation mark in the whole stretch)
  const commas: number[] = [];
  for (let i = first; i < to; i++) {
    if (NO_CLOSING_CLAUSE.has(tokens[i].text)) return undefined;
    if (tokens[i].text === ",") commas.push(i);
  }
  const last = commas.length - 1;
  return last >= 0 ? reportingClauseDay(ix, from, commas[last], to, reference) ?? (last >= 1 ? reportingClauseDay(ix, from, commas[last - 1], commas[last], reference) : undefined) : undefined;
}

/** The day told by a reporting clause in tokens (comma, to): a short speaker, its verb, then only plain words. */
function reportingClauseDay(ix: ActorIndex, from: number, comma: number, to: number, reference: string): TimeMention | undefined {
  const tokens = ix.a.tokens;
  const speaker = comma + 1;
  if (speaker >= to || tokens[speaker].start === tokens[comma].end || NOT_A_SPEAKER.has(tokens[speaker].lower)) return undefined;
  // the first reporting verb (right after the comma, or after a speaker of a few words): only plain words after it
  for (let v = speaker; v < to && tokens[v].start - tokens[speaker].start <= SPEAKER_LENGTH + 1; v++) {
    if (!CLOSING_VERBS.has(tokens[v].lower) || (v > speaker && tokens[v].start === tokens[v - 1].end)) continue;
    let plain = true;
    for (let k = v + 1; k < to && plain; k++) plain = isPlainWord(tokens[k]) && tokens[k].start > tokens[k - 1].end;
    if (!plain) continue;
    for (let k = v + 1; k < to; k++) if (!afterVerbWord(tokens[k])) return undefined;
    const stop = tokens[to - 1].end;
    return findTimes(ix.text.slice(from, stop), reference, from).find((d) => d.date);
  }
  return undefined;
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
  // "X has designated these officials under …": a demonstrative target restates the action just told
  const phrase = f.targetText.toLowerCase().split(" ");
  // (the body that owns the first imposer, named in its report, counts too: "X's office (OFAC) has sanctioned …")
  const ownerNamed = () => mentionsIn(ix, g.evidence.start, g.evidence.end).some((m) => f.imposers.includes(m.entity));
  // (or two bodies of no state the text names, about the same kind of target: "BIS announced the inclusion of these companies")
  const bodies = (keys: string[]) => keys.every((k) => ix.byKey.get(k)?.kind === "organisation");
  const sameHead = () => sharedWords(phrase[phrase.length - 1], g.targetText) === 1 && bodies(f.imposers) && bodies(g.imposers);
  if (!fm.named.length && (phrase[0] === "these" || phrase[0] === "those") && phrase.length <= 3 && (relatedImposer || ownerNamed() || sameHead())) return true;
  if (!sameImposer) return false;
  // "… froze the assets of 98 officials. In all, 499 officials remain subject to asset freezes": a tally, not the action again
  const [cf, cg] = [countOf(f.targetText), countOf(g.targetText)];
  if (c.background && cf && cg && cf !== cg) return false;
  if (gm.list && fm.list) return true;
  const words = sharedWords(f.targetText, g.targetText);
  const sameState = fm.all.some((t) => gm.all.includes(t));
  // "the morality police" restating "Iran's morality police in its entirety" (a summary bullet): every
  // content word of the shorter phrase, at least two of them, is in the other
  const sameWords = words === 1 || sharedContentWords(f.targetText, g.targetText) === 1;
  const sameTargets = fm.named.some((t) => gm.named.includes(t)) || sameWords || (sameState && (words >= 0.5 || !!fm.details || sameCount(f.targetText, g.targetText)));
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

/** Words that say nothing of whom a target phrase names. */
const FUNCTION_WORDS = new Set(["the", "a", "an", "its", "their", "his", "her", "of", "and", "in", "s"]);

/** The share of the shorter phrase's content words (two at least) that the other has, else 0. */
export function sharedContentWords(a: string, b: string): number {
  const words = (s: string) => new Set((s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !FUNCTION_WORDS.has(w)));
  const x = words(a), y = words(b);
  if (Math.min(x.size, y.size) < 2) return 0;
  let n = 0;
  for (const w of x) if (y.has(w)) n++;
  return n / Math.min(x.size, y.size);
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
const FOLLOW_CUES = new Set(["followed", "matching", "similar", "parallel", "identical", "equivalent"]);
/** "followed by a similar announcement from A and B": `agent` starts after it. */
const FOLLOWED_BY_SIMILAR = pattern([
  { lower: "followed" },
  { lower: "by" },
  { lower: ["a", "an"], op: "?" },
  { lower: "similar" },
  { lower: ["announcement", "move", "moves", "measures", "sanctions", "action", "actions", "steps", "step", "decision"] },
  { lower: ["from", "by"] },
]);
const FOLLOWED_SUIT = pattern([{ lower: "followed" }, { lower: "suit" }]);
/** "in coordination with A and B". */
const COORDINATED_WITH = pattern([
  { any: [[{ lower: "in" }, { lower: ["coordination", "concert", "step"] }], { lower: ["coordinated", "together", "jointly"] }] },
  { lower: "with" },
]);
/** "announced (their own) matching sanctions" (not "… on Y": an action of its own). */
const MATCHING = pattern([
  { lower: ["announced", "imposed", "unveiled", "adopted", "introduced"] },
  { seq: [{ lower: "their" }, { lower: "own" }], op: "?" },
  { lower: ["matching", "similar", "parallel", "identical", "equivalent"] },
  { lower: ["sanctions", "measures"] },
  { aheadNot: { lower: ["on", "against"] } },
]);
/** "A and B, which (also) announced …": the relative pronoun between the partners and the verb. */
const WHICH_ALSO = pattern([{ text: ",", op: "?" }, { lower: ["which", "who"] }, { lower: ["also", "have", "had"], op: "?" }]);

export function followUp(ix: ActorIndex, s: Span, lastBefore: (pos: number) => SanctionFact | undefined): SanctionFact | undefined {
  const tokens = ix.a.tokens;
  const from = tokenAtOrAfter(tokens, s.start);
  const to = tokenAtOrAfter(tokens, s.end);
  let cue = from;
  while (cue < to && !FOLLOW_CUES.has(tokens[cue].lower)) cue++;
  if (cue >= to) return undefined;
  // the action reported before the cue ("B announced parallel measures, and C sanctioned …": not C's)
  const last = lastBefore(tokens[cue].start);
  // only an action of this sentence or the one just before can be followed
  if (!last || last.evidence.end < s.start - 400) return undefined;
  const options = { from, to, within: "anywhere" as const };
  const similar = FOLLOWED_BY_SIMILAR.matchAll(tokens, options)[0];
  let keys: string[] | undefined;
  let end = s.end;
  if (similar) {
    const agent = agentAt(ix, endOf(tokens, similar), s.end);
    keys = agent?.keys;
    end = agent?.end ?? end;
  } else {
    const suit = FOLLOWED_SUIT.matchAll(tokens, options)[0];
    // "in coordination with A and B, which announced matching sanctions"
    const coordination = COORDINATED_WITH.matchAll(tokens, options)[0];
    const matching = MATCHING.matchAll(tokens, options)[0];
    if (suit) keys = subjectBefore(ix, startOf(tokens, suit), s.start, { speech: false })?.keys;
    else if (matching && coordination && coordination.from < matching.from) {
      const agent = agentAt(ix, endOf(tokens, coordination), s.end);
      const at = agent && tokenAtOrAfter(tokens, agent.end);
      const which = agent && WHICH_ALSO.matchAt(tokens, at!, { endAt: matching.from, within: "anywhere" });
      if (agent && which) keys = agent.keys;
    } else if (matching) keys = subjectBefore(ix, startOf(tokens, matching), s.start, { speech: false })?.keys;
  }
  const imposers = keys && imposingBodies(ix, keys).filter((k) => !last.imposers.includes(k));
  if (!imposers?.length) return undefined;
  const { date: _date, month: _month, year: _year, ...rest } = last;
  return { ...rest, imposers, evidence: { start: s.start, end: Math.max(end, s.end) }, confidence: 0.7 };
}
