import type { SanctionFact, Span } from "../model.ts";
import { type ActorIndex, pluralAntecedent, spanIndexAt } from "./quote-actors.ts";
import { type Clause, FAR, agentAt, conditional, hypothetical, pronounTarget, mentionsIn, nearestBody, notAnAction, phraseAt, subjectPhrase } from "./sanction-context.ts";
import { bloc, imposerBefore, namedState, possessor } from "./sanction-imposers.ts";
import { governingVerb } from "./sanction-governing.ts";
import { listClause } from "./sanction-list-clauses.ts";
import { MEASURE_NOUNS } from "./sanction-triggers.ts";
import { reasonAfter } from "./sanction-reasons.ts";
import { LETTER_WORD, TOTAL_WORDS, endOf, isOrdinalNumber, lowerWords, matchAfter, matchEndingAt, startOf, targetPhraseBefore, tokenAtOrAfter, wordAt } from "./sanction-patterns.ts";
import { countOf } from "./sanction-facts.ts";
import { pattern, type Element, type Pattern } from "./patterns.ts";
import type { Token } from "./tokens.ts";
import { MONTHS, WEEKDAYS } from "./words.ts";

/** "-ly" adverbs and a few others between an auxiliary and its participle ("were formally imposed"). */
const PARTICIPLE_ADVERB: Element = { any: [{ lower: ["also", "further", "now", "already", "first", "later", "subsequently"] }, { word: true, test: (t) => t.lower.length > 2 && t.lower.endsWith("ly") }] };
/** "has been", "have also been". */
const AUX_BEEN = (words: string[]): Element => ({ seq: [{ lower: words }, { ...PARTICIPLE_ADVERB, op: "?" }, { lower: "been" }] });
const PARTICIPLE_VERBS = ["imposed", "brought", "announced", "levied", "placed", "introduced", "adopted", "approved", "slapped", "unveiled", "ordered", "issued", "agreed"];
/** "(, which were also) imposed": a participle after the noun; `aux` and `verb` captured. */
export const PARTICIPLE = pattern([
  { text: ",", op: "?" },
  { as: "aux", op: "?", any: [{ lower: ["were", "was", "are", "is", "being", "be"] }, AUX_BEEN(["have", "has", "had"])] },
  { ...PARTICIPLE_ADVERB, op: "?" },
  { lower: PARTICIPLE_VERBS, as: "verb" },
]);
/**
 * "sanctions against Y have been announced by X" (invented): a finished passive told after the target,
 * its agent next ("will be announced by" is still to come: no action).
 */
const LATE_PASSIVE = pattern([
  { any: [{ lower: ["were", "was"] }, AUX_BEEN(["have", "has", "had"])] },
  { ...PARTICIPLE_ADVERB, op: "?" },
  { lower: PARTICIPLE_VERBS },
  { ahead: { lower: "by" } },
]);
/** Auxiliaries of a finished passive ("were imposed", "has been imposed"), not "are"/"being". */
const PASSIVE_DONE = new Set(["were", "was", "have", "has"]);

/** A date phrase right ahead ("on Monday", "last week"), skipped between the parts of a clause. */
const isYear = (t: Token) => t.text.length === 4 && t.tag === "NUM" && Number(t.text) > 999;
const isDay = (t: Token) => t.text.length <= 2 && Number(t.text) > 0;
const FULL_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
export const DATE_AHEAD = pattern([
  { text: ",", op: "?" },
  {
    any: [
      [{ text: "on" }, { test: (t) => MONTHS.has(t.text) || WEEKDAYS.has(t.text) }, { text: ".", op: "?" }, { test: isDay, op: "?" }],
      // "on 11 September (2017)", "on 23 and 25 February"
      [{ text: "on" }, { test: isDay }, { seq: [{ text: [",", "and"] }, { test: isDay }], op: [0, 3] }, { test: (t) => MONTHS.has(t.text) }, { test: isYear, op: "?" }],
      [{ any: [{ text: "last" }, [{ text: "earlier" }, { text: "this" }], { text: "this" }] }, { text: ["week", "month", "year"] }],
      [{ text: "in" }, { any: [[{ text: FULL_MONTHS }, { test: isYear, op: "?" }], { test: isYear }] }, { ahead: { text: ["on", "against", "upon", "targeting"] } }],
      { text: ["yesterday", "today"] },
      // "announced sanctions Thursday on Y": a bare weekday (American style) right before the target
      [{ test: (t) => WEEKDAYS.has(t.text) }, { ahead: { text: ["on", "against", "upon", "targeting"] } }],
    ],
  },
]);

/**
 * "sanctions within its jurisdiction on Y", "sanctions under its own law against Y", "through its national
 * legislation" (invented): an aside on the legal ground between the measures and their target.
 */
const ASIDE_BEFORE_TARGET = pattern([
  { lower: ["within", "under", "through", "via"] },
  { word: true, not: { lower: ["on", "against", "upon", "by", "which", "that", "to"] }, op: [1, 5] },
  { ahead: { lower: ["on", "against", "upon"] } },
]);

/** "the imposition of (new) sanctions": the act itself, told as a noun. */
const IMPOSITION_OF = pattern([{ lower: ["imposition", "introduction", "imposing"] }, { lower: "of" }, { ...LETTER_WORD, op: [0, 2] }]);
/** "called for / demanded / urged the": what follows is asked for, not done. */
const ASKED_FOR = pattern([
  {
    any: [
      [{ lower: ["called", "calls", "call", "calling", "pressed", "pushed", "pushing", "lobbied", "lobbying", "argued", "arguing"] }, { lower: "for" }],
      { lower: ["demanded", "demands", "demand", "demanding", "sought", "seeks", "seek", "seeking", "urged", "urges", "urge", "urging", "proposed", "proposes", "propose", "proposing", "requested", "requests", "request", "wants", "want", "wanted", "favours", "favors", "favoured", "favored", "backed", "supports", "supported", "opposed", "opposes", "rejected", "rejects"] },
      [{ lower: ["calls", "call", "demands", "pressure", "push"] }, { lower: "for" }],
    ],
  },
  { lower: ["the", "an", "any"], op: "?" },
]);

/** "(are already) subject to (Norwegian) …": people under measures; `aux` captured. */
const SUBJECT_TO = pattern([
  { as: "aux", op: "?", seq: [{ lower: ["are", "is", "were", "was", "remain", "remains", "remained"] }, { lower: ["already", "now", "still", "also", "currently"], op: "?" }] },
  { lower: "subject" },
  { lower: "to" },
  { lower: ["a", "an", "the"], op: "?" },
  { ...LETTER_WORD, op: [0, 2] },
]);
/** ", by / within X": the body or state whose measures they are, after the measures ("and a freeze of their assets within the EU"). */
const MEASURES_OF = pattern([{ not: { text: [",", ";", ".", ":"], lower: ["by", "within", "since", "for", "over", "because"] }, op: [0, 8] }, { lower: ["by", "within"] }]);
/**
 * "The move brings to 499 the total number of Chilean individuals subject to asset freezes by Norwegian
 * authorities", "More than 200 individuals are already subject to a travel ban and a freeze of their assets
 * within the EU" (invented): people told as under measures are a standing action (a tally, or the measures
 * in force) of the body named after the measures, of the state in the modifier, else of the action just
 * told; no day of its own. `false`: the shape, but no action (a hypothesis, no imposer).
 */
function subjectToMeasures(ix: ActorIndex, s: Span, trigger: Span, last: SanctionFact | undefined): Clause | false | undefined {
  const tokens = ix.a.tokens;
  const m = matchEndingAt(tokens, SUBJECT_TO, s.start, trigger.start, 8);
  if (!m) return undefined;
  const at = startOf(tokens, m);
  if (hypothetical(ix, s.start, at)) return false;
  const aux = m.get("aux");
  const target = aux ? subjectPhrase(ix, s.start, at) : targetPhraseBefore(tokens, m.from, tokenAtOrAfter(tokens, s.start));
  if (!target || pronounTarget(ix, target)) return false;
  // (with no verb, a counted tally only: "individuals or entities subject to sanctions" is a kind of people, no action)
  if (!aux && !countOf(ix.text.slice(target.start, target.end)) && !lowerWords(tokens, target.start, target.end).includes("number")) return false;
  const by = matchAfter(tokens, MEASURES_OF, trigger.end, s.end);
  const agent = by && agentAt(ix, endOf(tokens, by), s.end);
  const modifier = agent ? undefined : possessor(ix, s, trigger.start);
  const near = last && last.evidence.end > s.start - FAR ? last : undefined;
  const imposers = agent?.keys ?? modifier ?? near?.imposers;
  if (!imposers) return false;
  return { imposers, imposerHow: agent ? "agent" : modifier ? "modifier" : "context", agentEnd: agent?.end, target, background: true };
}

/** "have now been": a passive of a running total. */
const NOW_BEEN = pattern([{ lower: ["have", "has"] }, { lower: "now" }, { lower: "been" }]);
/**
 * "In total, 300 officials have now": the subject phrase without the total's words before it and the
 * auxiliary after it, a list whole ("1,000 individuals and entities", which a clause's subject stops at "and").
 */
function pastTotalWords(ix: ActorIndex, s: Span, target: Span): Span {
  const tokens = ix.a.tokens;
  let to = tokenAtOrAfter(tokens, target.end);
  let from = tokenAtOrAfter(tokens, target.start);
  while (to > from + 1 && ["have", "has", "now", "already"].includes(tokens[to - 1].lower)) to--;
  const floor = tokenAtOrAfter(tokens, s.start);
  const m = TOTAL_WORDS.matchAt(tokens, floor, { to });
  const list = targetPhraseBefore(tokens, to, m && tokens[m.to]?.text === "," ? m.to + 1 : floor);
  if (list && list.start < tokens[from].start) return list;
  return { start: tokens[from].start, end: tokens[to - 1].end };
}

/** "as part of its (new) sanctions": the measures just told belong to them. */
const AS_PART_OF = pattern([{ lower: "as" }, { lower: "part" }, { lower: "of" }, { lower: ["its", "their", "the", "a", "his", "her"], op: "?" }, { ...LETTER_WORD, op: [0, 3] }]);

/** Words right after "sanctions" that make it a list's name or a package. */
const LIST_NAMES = new Set(["list", "lists", "blacklist", "register"]);
const CLOSING_MARKS = new Set(["”", "\""]);
const PACKAGES = new Set(["package", "packages"]);
const IMPOSE_IN_RELATIVE = ["imposed", "slapped", "placed", "levied", "introduced"];
const IMPOSE_OR_ADOPT = [...IMPOSE_IN_RELATIVE, "adopted", "announced", "approved"];
/** "the sanctions (that) it (had) imposed on Y": a relative clause whose subject is a pronoun. */
const PRONOUN_RELATIVE = pattern([
  { lower: ["that", "which"], op: "?" },
  { lower: ["it", "they"], as: "subject" },
  { lower: ["had", "has", "have"], op: "?" },
  { lower: ["first", "later"], op: "?" },
  { lower: IMPOSE_IN_RELATIVE },
]);
/** "the sanctions that the EU adopted in March against Y": a named subject of the relative clause. */
const NAMED_RELATIVE = pattern([
  { text: ["that", "which"] },
  { as: "subject", seq: [{ text: "the", op: "?" }, { cap: true, word: true, op: [1, 5] }] },
  { text: ["had", "has", "have"], op: "?" },
  { text: ["first", "later", "jointly"], op: "?" },
  { text: IMPOSE_OR_ADOPT },
]);
/** "Y was hit with (new) sanctions", "Y was placed under": the passive subject is the target. */
const HIT_WITH = pattern([
  { lower: ["was", "were", "been", "being", "is", "are", "be"] },
  { any: [[{ lower: ["hit", "slapped", "targeted", "punished", "sanctioned"] }, { lower: "with" }], [{ lower: "placed" }, { lower: "under" }]] },
  { ...LETTER_WORD, op: [0, 3] },
]);
/** "(also) had (new) sanctions (applied)": the subject is hit. */
const HAD_MEASURES = pattern([{ lower: "also", op: "?" }, { lower: ["had", "has", "have"] }, { lower: ["new", "fresh", "further", "additional", "similar", "the", "same"], op: [0, 2] }]);
const MEASURES_APPLIED = pattern([{ lower: ["applied", "imposed", "placed", "levied", "slapped"] }, { aheadNot: { lower: ["by", "from"] } }]);
/** "Y faces (new) sanctions": the subject is the target. */
const FACES = pattern([{ lower: ["faces", "faced", "face", "facing", "received", "suffered"] }, { ...LETTER_WORD, op: [0, 3] }]);
/** "will (themselves) face", "are likely to face", "risk facing": sanctions still to come. */
const FACE_AHEAD = pattern([
  { any: [{ lower: ["will", "'ll", "to", "risk", "risks", "risking", "could", "may", "might", "would"] }, [{ lower: "going" }, { lower: "to" }]] },
  { lower: ["themselves", "itself", "himself", "herself", "also", "then", "now", "soon", "still"], op: [0, 2] },
]);
/** "…, after (having) been placed under sanctions": the participle's subject is the sentence's. */
const AFTER_BEING = pattern([{ lower: ["after", "before", "following", "since", "upon"] }, { lower: "having", op: "?" }]);
const NOT_IN_OBJECT = [";", ":", ",", "."];
/** "X targeted Y with new sanctions", "X hit Y in a new round of sanctions": the object is hit, the subject imposes. */
const TARGETED_WITH = pattern([
  { lower: ["targeted", "targets", "targeting", "target", "hit", "hits", "struck", "strikes", "slapped", "slaps", "punished", "punishes"] },
  { aheadNot: { lower: "back" } },
  { as: "target", seq: [{ not: { in: new Set([...NOT_IN_OBJECT, "with", "for"]) }, op: [1, 20] }] },
  {
    any: [
      [{ lower: ["with", "for"] }, { ...LETTER_WORD, op: [0, 4] }],
      [{ lower: "in" }, { lower: ["a", "an", "its", "their", "the"] }, { ...LETTER_WORD, op: [0, 2] }, { lower: ["round", "package", "wave", "batch", "tranche", "set"] }, { lower: "of" }, { ...LETTER_WORD, op: [0, 2] }],
    ],
  },
]);
/** Verbs that carry measures over to further targets ("extend the sanctions to Y"). */
const EXTENDING = new Set(["extend", "extended", "extends", "extending", "expand", "expanded", "expands", "expanding", "widen", "widened", "widens", "apply", "applied", "applies"]);
const EXTENDED_TO = pattern([{ lower: "to" }, { any: [{ lower: ["include", "cover", "target"] }, { aheadNot: { tag: "VERB" } }] }]);
/** "to 31 July", "to a further 12 months", "to the end of the year": a time the measures run to, not a target. */
const TIME_WORDS = new Set(["year", "years", "month", "months", "week", "weeks", "day", "days", "end", "date"]);
function aTime(tokens: readonly Token[], phrase: Span): boolean {
  const from = tokenAtOrAfter(tokens, phrase.start);
  const to = tokenAtOrAfter(tokens, phrase.end);
  const last = tokens[to - 1];
  return !!last && (TIME_WORDS.has(last.lower) || FULL_MONTHS.includes(last.text) || isYear(last) || (isDay(tokens[from]) && FULL_MONTHS.includes(tokens[from + 1]?.text ?? "")));
}
/** "X placed Y under (new) sanctions". */
const PLACED_UNDER = pattern([
  { lower: ["placed", "places", "placing", "put", "puts", "putting"] },
  { as: "target", seq: [{ not: { in: new Set([...NOT_IN_OBJECT, "under"]) }, op: [1, 20] }] },
  { lower: "under" },
  { ...LETTER_WORD, op: [0, 2] },
]);
const OBJECT_PRONOUNS = new Set(["them", "it", "him", "her"]);
/** "sanctions on/against Y", "sanctions, which target Y", "sanctions targeted at / aimed at Y". */
const ON_TARGET = pattern([
  {
    any: [
      { lower: ["on", "against", "targeting", "upon"] },
      [{ lower: ["targeted", "aimed", "directed"] }, { lower: ["at", "against"] }],
      [{ text: ",", op: "?" }, { lower: ["which", "that"], op: "?" }, { lower: ["target", "targets", "targeted", "hit", "hits", "cover", "covers"] }],
    ],
  },
]);
/** "…, which already cover its navy": the relative clause names whom they hit. */
const COVERING = pattern([
  { text: "," },
  { lower: ["which", "that"] },
  { lower: ["already", "also"], op: "?" },
  { lower: ["cover", "covers", "covered", "include", "includes", "included", "target", "targets", "targeted"] },
]);
/** "…, by adding 23 people to its list". */
const BY_ADDING = pattern([{ text: ",", op: "?" }, { lower: "by" }, { lower: ["adding", "including", "putting", "placing", "listing", "designating"] }]);
/** ", which A and B imposed": a relative clause after the target, its subject named. */
const WHICH = pattern([{ text: "," }, { lower: ["which", "that"] }]);
const RELATIVE_VERB = pattern([{ lower: ["had", "has", "have", "first", "jointly", "later", "also"], op: [0, 2] }, { lower: IMPOSE_OR_ADOPT }]);
/** "sanctions and (unjustified) crackdowns on Y". */
const AND_ON = pattern([{ text: ["and", "or"] }, { word: true, not: { text: ["on", "against"] }, op: [1, 3] }, { text: ["on", "against"] }]);
/** ", which were first imposed": a participle after the target that tells they were imposed. */
const IMPOSED_AFTER = pattern([
  { text: ",", op: "?" },
  { seq: [{ lower: ["which", "that"] }, { lower: ["were", "it"] }], op: "?" },
  { lower: "first", op: "?" },
  { lower: ["imposed", "introduced", "levied"] },
]);
/** "The (new) sanctions (also) include travel bans on Y": details of the action reported before. */
const DETAILS = pattern([
  { text: ["The", "These", "Those", "Its", "Their"] },
  { text: ["new", "latest"], op: "?" },
  { text: ["sanctions", "measures", "penalties"] },
  { text: "also", op: "?" },
  { any: [{ text: ["include", "included", "includes"] }, [{ text: "consist" }, { text: "of" }]] },
]);
/** "latest package of", "12th round of new": the package words between its owner and the noun. */
const PACKAGE_BEFORE = pattern([
  { any: [{ lower: ["latest", "new", "newest", "recent", "last", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"] }, { test: isOrdinalNumber }], op: [0, 2] },
  { lower: ["package", "packages", "round", "rounds", "set", "wave", "tranche"] },
  { lower: "of" },
  { lower: ["new", "fresh", "further"], op: "?" },
]);
/** Verbs by which a state takes up another's package ("adopted EU sanctions", "aligned itself with", "joined"). */
const TAKING_UP = new Set([
  "adopt", "adopts", "adopted", "adopting", "apply", "applies", "applied", "applying",
  "align", "aligns", "aligned", "aligning", "join", "joins", "joined", "joining",
  "implement", "implements", "implemented", "implementing", "follow", "follows", "followed", "following",
]);
/** Verbs by which one body takes over another's sanctions ("adopt the sanctions imposed by the bloc"). */
const ADOPTING = new Set(["adopt", "adopts", "adopted", "adopting", "apply", "applies", "applied"]);
/** "… and a travel ban and asset freeze on": a further measure of the same action, on further targets. */
const AND_MEASURE_ON = pattern([
  { text: "and" },
  { op: [1, 3], seq: [{ lower: ["a", "an", "the"], op: "?" }, MEASURE_NOUNS, { any: [{ text: "," }, { lower: "and" }], op: "?" }] },
  { lower: ["on", "against"] },
]);
/** Where "and (a) MEASURE on" starts inside or right after the target phrase, and that match. */
function measureAfter(tokens: readonly Token[], target: Span) {
  for (let k = tokenAtOrAfter(tokens, target.start) + 1; k < tokens.length && tokens[k].start < target.end; k++) {
    if (tokens[k].lower !== "and") continue;
    const m = AND_MEASURE_ON.matchAt(tokens, k, { within: "anywhere" });
    if (m) {
      target.end = tokens[k - 1].end;
      return m;
    }
  }
  const k = tokenAtOrAfter(tokens, target.end);
  return k < tokens.length ? AND_MEASURE_ON.matchAt(tokens, k, { within: "anywhere" }) : undefined;
}
/** ", banning / freezing …": the measures of the sanctions, told after them, with their object. */
const MEASURE_PARTICIPLE = pattern([{ text: "," }, { lower: ["banning", "freezing", "barring", "blocking", "prohibiting", "capping", "restricting"] }]);
const IMPOSED_BEFORE = new Set(["imposed", "placed", "levied", "introduced", "slapped"]);
/** "individuals", "people and companies": kinds only, no number, name or modifier (sanctions in general). */
const TARGET_KINDS = ["people", "persons", "individuals", "entities", "companies", "firms", "organisations", "organizations", "businesses", "officials", "countries", "states"];
const KINDS_ONLY = pattern([{ lower: TARGET_KINDS }, { seq: [{ text: ",", op: "?" }, { lower: ["and", "or"] }, { lower: TARGET_KINDS }], op: [0, 3] }]);
/** The target phrase is kinds only, up to its end or a comma (the phrase may run on past the comma: "individuals, they"). */
function kindsOnly(tokens: readonly Token[], target: Span): boolean {
  const m = KINDS_ONLY.matchAt(tokens, tokenAtOrAfter(tokens, target.start));
  return !!m && (m.to >= tokenAtOrAfter(tokens, target.end) || tokens[m.to].text === ",");
}
const SLAPPED = new Set(["imposed", "slapped", "levied"]);
/** "sanctions" as a noun: governing verb before it, participle and agent after it, or a possessor. */
export function nounClause(ix: ActorIndex, s: Span, trigger: Span, last: SanctionFact | undefined): Clause | undefined {
  const { text } = ix;
  const tokens = ix.a.tokens;
  const after = (p: Pattern, pos: number) => matchAfter(tokens, p, pos, s.end);
  const before = (p: Pattern, pos: number, reach?: number) => matchEndingAt(tokens, p, s.start, pos, reach);
  const regime = regimeCreated(ix, s, trigger);
  if (regime) return regime;
  // "X froze the assets of Y as part of its new sanctions against Z": the clause's own action, told already
  if (before(AS_PART_OF, trigger.start, 8)) return undefined;
  const next = wordAt(tokens, trigger.end, s.end);
  if (next && LIST_NAMES.has(next.lower)) return listClause(ix, s, trigger);
  // "the EU's 20th sanctions package, adopted on Friday, targets Y": the package is the sanctions
  let pos = next && PACKAGES.has(next.lower) ? next.end : trigger.end;
  // ("“coordinated sanctions” against Y": past the scare quote's closing mark)
  if (next && CLOSING_MARKS.has(next.text) && next.start === trigger.end) pos = next.end;
  let imposers: string[] | undefined;
  let how: Clause["imposerHow"] = "agent";
  let target: Span | undefined;
  let agentEnd: number | undefined;
  // "the sanctions it imposed on Y": a relative clause with its own subject
  const relative = after(PRONOUN_RELATIVE, pos);
  // "the sanctions that the EU adopted in March against Y": a named subject of the relative clause
  const namedRelative = relative ? undefined : after(NAMED_RELATIVE, pos);
  const namedAgent = namedRelative && agentAt(ix, startOf(tokens, namedRelative.get("subject")!), s.end);
  if (namedRelative && namedAgent) {
    imposers = namedAgent.keys;
    how = "verb";
    pos = endOf(tokens, namedRelative);
  } else if (relative) {
    const subject = relative.get("subject")!;
    const at = startOf(tokens, subject);
    imposers = tokens[subject.from].lower === "they" ? pluralAntecedent(ix, at) : nearestBody(ix, at, s.start);
    if (!imposers) return undefined;
    how = "verb";
    pos = endOf(tokens, relative);
  }
  const participle = relative ? undefined : after(PARTICIPLE, pos);
  const participleVerb = participle && tokens[participle.get("verb")!.from].lower;
  const participleAux = participle?.get("aux");
  if (participle) pos = endOf(tokens, participle);
  // "Y also had sanctions applied (to it)": Y is hit by the imposer of the action just reported
  const had = last && last.evidence.end > s.start - FAR ? before(HAD_MEASURES, trigger.start, 5) : undefined;
  if (had && after(MEASURES_APPLIED, trigger.end) && !hypothetical(ix, s.start, startOf(tokens, had))) {
    const target = subjectPhrase(ix, s.start, startOf(tokens, had));
    if (target && !pronounTarget(ix, target)) return { imposers: last!.imposers, imposerHow: "context", target };
  }
  // "Y was hit with new sanctions by X": the passive subject is the target
  const faces = before(HIT_WITH, trigger.start, 8) ? undefined : before(FACES, trigger.start, 8);
  const hitWith = before(HIT_WITH, trigger.start, 8) ?? faces;
  const hitAt = hitWith && startOf(tokens, hitWith);
  // "banks that deal with them may (themselves) face sanctions", "will face sanctions", "risk facing": a warning, not an action
  if (faces && (hypothetical(ix, s.start, hitAt!) || matchEndingAt(tokens, FACE_AHEAD, s.start, hitAt!, 4))) return undefined;
  if (hitWith) target = subjectPhrase(ix, s.start, hitAt!);
  // "Y was sanctioned by A, after being placed under sanctions by B": the participle's subject is the sentence's
  const sharesSubject = !!hitWith && !!before(AFTER_BEING, hitAt!, 2);
  // "499 officials (are already) subject to asset freezes by X": a tally, or the measures in force
  const standing = hitWith || participle ? undefined : subjectToMeasures(ix, s, trigger, last);
  if (standing !== undefined) return standing || undefined;
  // "X targeted Y with new sanctions" / "for new economic and visa restrictions": the object is hit, the subject imposes
  // "X targeted Y in a new round of sanctions", "X placed Y under sanctions"
  const targetedWith = hitWith ? undefined : before(TARGETED_WITH, trigger.start) ?? before(PLACED_UNDER, trigger.start);
  const object = targetedWith?.get("target");
  if (targetedWith && object && !(object.to - object.from === 1 && OBJECT_PRONOUNS.has(tokens[object.from].lower))) {
    const verbAt = startOf(tokens, targetedWith);
    target = { start: startOf(tokens, object), end: endOf(tokens, object) };
    if (notAnAction(ix, s.start, verbAt)) return undefined;
    const subject = imposerBefore(ix, s, verbAt, target);
    if (subject) {
      imposers = subject;
      how = "verb";
    }
  }
  // "the imposition of sanctions on Y by X": the noun of the act takes its agent after the target
  const imposition = participle || hitWith ? undefined : before(IMPOSITION_OF, trigger.start, 6);
  // ("called for the imposition of sanctions on Y by X": asked for, not done)
  if (imposition && (before(ASKED_FOR, startOf(tokens, imposition), 4) || hypothetical(ix, s.start, startOf(tokens, imposition)))) return undefined;
  // after the noun (and participle): on/against TARGET and by AGENT, in either order
  let latePassive = false;
  for (let k = 0; k < 5; k++) {
    const when = after(DATE_AHEAD, pos) ?? (target ? undefined : after(ASIDE_BEFORE_TARGET, pos));
    if (when) {
      pos = endOf(tokens, when);
      continue;
    }
    const on = after(ON_TARGET, pos);
    const word = wordAt(tokens, pos, s.end)?.lower;
    // "sanctions by A and B on Y": a bare "by" agent only when the target follows it
    const bareBy = !participle && !hitWith && !target && word === "by";
    const bareAgent = bareBy ? agentAt(ix, wordAt(tokens, pos, s.end)!.end, s.end) : undefined;
    // "sanctions against Y have been announced by X": the passive comes after the target
    const late = target && !participle && !hitWith && !imposers ? after(LATE_PASSIVE, pos) : undefined;
    if (late) {
      latePassive = true;
      pos = endOf(tokens, late);
      continue;
    }
    const by = participle || hitWith || latePassive || (imposition && target) ? word === "by" || word === "from" : bareAgent ? ["on", "against"].includes(wordAt(tokens, bareAgent.end, s.end)?.lower ?? "") : word === "from";
    if (on && !target) {
      target = phraseAt(ix, endOf(tokens, on), s.end);
      if (!target) break;
      pos = target.end;
    } else if (by && !imposers) {
      const agent = agentAt(ix, wordAt(tokens, pos, s.end)!.end, s.end);
      if (!agent) break;
      imposers = agent.keys;
      agentEnd = pos = agent.end;
    } else break;
  }
  // "an arms embargo on X and a travel ban and asset freeze on Y": one action, on X and on Y
  // (the target phrase may have taken the next measure for a further target: "Chile and a travel ban")
  const more = target && measureAfter(tokens, target);
  const further = more && phraseAt(ix, endOf(tokens, more), s.end);
  if (further) target = { start: target!.start, end: further.end };
  // "decided to adopt the sanctions imposed by the bloc": the adopter imposes them too (and the bloc did)
  let adoptedFrom: string[] | undefined;
  if (imposers && how === "agent" && participle) {
    const verb = governingVerb(tokens, s, trigger.start);
    const adopter = verb !== undefined && ADOPTING.has(tokens[tokenAtOrAfter(tokens, verb)].lower) && !notAnAction(ix, s.start, verb) ? imposerBefore(ix, s, verb, target) : undefined;
    if (adopter && !adopter.some((k) => imposers!.includes(k))) {
      adoptedFrom = imposers;
      // (the bloc's own action is told here too, though after a definite "the sanctions")
      imposers = adopter;
      how = "verb";
    }
  }
  // "Ostbay's existing sanctions on Norland, which already cover its navy": the relative clause names whom they hit
  const covering = target && after(COVERING, target.end);
  const covered = covering && phraseAt(ix, endOf(tokens, covering), s.end);
  if (covered) target = covered;
  // "extended sanctions against Y by adding 23 people to its list": the people added are the new targets
  const adding = target && after(BY_ADDING, target.end);
  const added = adding && phraseAt(ix, endOf(tokens, adding), s.end);
  if (added) target = added;
  let relativeAfter = false;
  if (target && !imposers) {
    // "sanctions against Y, which A and B imposed after Z": the relative clause names the imposers
    const rel = after(WHICH, target.end);
    const agent = rel && agentAt(ix, endOf(tokens, rel), s.end);
    const verb = agent && after(RELATIVE_VERB, agent.end);
    if (agent && verb) {
      imposers = agent.keys;
      how = "verb";
      agentEnd = pos = endOf(tokens, verb);
      relativeAfter = true;
    }
  }
  if (!target && !participle && !hitWith && !relative) {
    // "decided to extend restrictive measures to five banks": the measures reach further targets
    const to = after(EXTENDED_TO, pos);
    const verb = to && governingVerb(tokens, s, trigger.start);
    const further = verb !== undefined && EXTENDING.has(tokens[tokenAtOrAfter(tokens, verb)].lower) ? phraseAt(ix, endOf(tokens, to!), s.end) : undefined;
    if (further && !aTime(tokens, further)) target = further;
  }
  if (!target && !participle && !hitWith) {
    // "its unilateral sanctions and unjustified crackdowns on China and Russia"
    const later = after(AND_ON, pos);
    if (later) target = phraseAt(ix, endOf(tokens, later), s.end);
  }
  let measureAt: number | undefined;
  if (!target) {
    // "imposed sanctions on 11 September, when it adopted resolution N …, banning its textile exports": the measure's object
    const measure = MEASURE_PARTICIPLE.matchAll(tokens, { from: tokenAtOrAfter(tokens, pos), to: tokenAtOrAfter(tokens, s.end), within: "anywhere" })[0];
    if (measure) target = phraseAt(ix, endOf(tokens, measure), s.end);
    if (measure && target) measureAt = startOf(tokens, measure);
  }
  // "urging X to release the sanctions against Y imposed when Z": the sanctions X is asked to lift are X's,
  // and the participle after the target tells they were imposed
  const imposedAfter = !imposers && target ? after(IMPOSED_AFTER, target.end) : undefined;
  const asked = imposedAfter && before(LIFT_ASKED, trigger.start, 24);
  const askedAgent = asked && agentAt(ix, startOf(tokens, asked.get("who")!), s.end);
  if (imposedAfter && askedAgent) {
    imposers = askedAgent.keys;
    how = "verb";
    pos = endOf(tokens, imposedAfter);
  }
  let governedFrom: number | undefined;
  if (!imposers) {
    const verb = governingVerb(tokens, s, trigger.start);
    if (verb !== undefined) {
      // (a reported decision with a condition is none: "said that the government would impose sanctions on Y if …")
      if (notAnAction(ix, s.start, verb) || conditional(ix, s.start, verb, s.end)) return undefined;
      const subject = imposerBefore(ix, s, verb, target);
      if (subject) {
        imposers = subject;
        how = "verb";
        governedFrom = verb;
      }
    }
  }
  // "X announced new Chile-related sanctions, designating 150 officials": the participle names whom they hit
  let hitState: string[] | undefined;
  const designating = imposers && governedFrom !== undefined && !target ? after(TARGETING_AFTER, pos) : undefined;
  if (designating) target = phraseAt(ix, endOf(tokens, designating), s.end);
  // "X announced 370 more Chilean sanctions": with its imposer the subject, a state named before the noun is hit
  if (imposers && governedFrom !== undefined && !target) {
    const own = new Set([...imposers, ...imposers.flatMap((k) => namedState(ix, k))]);
    const hit = mentionsIn(ix, governedFrom, trigger.start).filter((m) => ix.byKey.get(m.entity)?.kind === "country" && !own.has(m.entity));
    if (hit.length) target = { start: hit[0].span.start, end: hit[hit.length - 1].span.end };
  }
  if (!imposers) {
    const modifier = possessor(ix, s, trigger.start);
    if (modifier) {
      imposers = modifier;
      how = "modifier";
    }
  }
  // "The Treasury escalated pressure on Z. Sanctions were placed on Y": an agentless finished passive right
  // after a sentence whose subject moved against someone; that subject imposed them
  if (!imposers && target && participle && participleAux && PASSIVE_DONE.has(tokens[participleAux.from].lower) && PRESSED_VERBS.has(participleVerb!) && !hypothetical(ix, s.start, trigger.start)) {
    const presser = pressureBefore(ix, s);
    if (presser) {
      imposers = presser;
      how = "context";
    }
  }
  let detailsOfLast = false;
  if (!imposers && last) {
    // "The sanctions include travel bans on Y": the action reported before, on further targets;
    // "the sanctions imposed on Y in 2023": an earlier action of the same imposer
    const details = DETAILS.matchAt(tokens, tokenAtOrAfter(tokens, s.start), { to: tokenAtOrAfter(tokens, s.end), within: "anywhere" });
    // (not sanctions in general: "Unlike sanctions imposed on individuals, …" names no one hit)
    const past = participleVerb && IMPOSED_BEFORE.has(participleVerb) && target && !kindsOnly(tokens, target);
    if ((details && target) || past) {
      imposers = last.imposers;
      how = "context";
      detailsOfLast = Boolean(details && target);
    }
  }
  // "X sanctioned A on Monday. More than 1,000 people have now been targeted with sanctions since Z": a running
  // total of the same imposer's, told right after its action, with no day of its own
  let total = false;
  if (!imposers && last && hitWith && !faces && target && last.evidence.end > s.start - FAR && !hypothetical(ix, s.start, hitAt!)) {
    const range = { from: tokenAtOrAfter(tokens, s.start), to: tokenAtOrAfter(tokens, s.end) };
    if (TOTAL_WORDS.matchAll(tokens, { ...range, within: "anywhere" }).length || before(NOW_BEEN, hitAt! + 1, 4)) {
      target = pastTotalWords(ix, s, target);
      imposers = last.imposers;
      how = "context";
      total = true;
    }
  }
  // "Before the summit closed, sanctions were slapped on Y": a passive with no agent and no action before
  // it; the bloc whose meeting the text tells of (named within two sentences) imposed them
  const finished = participleAux && PASSIVE_DONE.has(tokens[participleAux.from].lower);
  if (!imposers && !last && target && participle && finished && SLAPPED.has(participleVerb!) && !hypothetical(ix, s.start, trigger.start)) {
    const body = bloc(ix, s);
    if (body) {
      imposers = body;
      how = "context";
    }
  }
  if (!imposers) return undefined;
  // a target before the noun ("targeted Y for new restrictions"): the reason comes after the noun
  // (a measure told after the noun: the reason stands between them)
  let reason = measureAt !== undefined ? reasonAfter(ix, pos, measureAt) : reasonAfter(ix, Math.max(target?.end ?? pos, pos), s.end);
  // the relative clause is set off by commas: its reason ends at the next one
  const comma = relativeAfter && reason ? text.slice(reason.start, reason.end).indexOf(",") : -1;
  if (reason && comma > 0) reason = { start: reason.start, end: reason.start + comma };
  // "announced new sanctions in response to Z, targeting Y": whom they hit told after the reason
  const targetingAfter = !target && reason ? after(TARGETING_AFTER, reason.end) : undefined;
  if (targetingAfter) target = phraseAt(ix, endOf(tokens, targetingAfter), s.end);
  // "expanded sanctions against Chile over Z, targeting 10 entities and 54 individuals": the state is hit
  // through those the participle names, which the target phrase tells
  const lone = target && !targetingAfter && !designating ? loneState(ix, target) : undefined;
  const through = lone && after(TARGETING_AFTER, reason?.end ?? target!.end);
  const members = through && phraseAt(ix, endOf(tokens, through), s.end);
  if (lone && members) {
    target = members;
    hitState = [lone];
  }
  // "existing / previous sanctions": an earlier action told as background, not the one just reported
  const t = tokenAtOrAfter(tokens, trigger.start);
  const background = total || [tokens[t - 1], tokens[t - 2]].some((w) => w && EARLIER.has(w.lower));
  const clause: Clause = { imposers, imposerHow: how, agentEnd, target, reason, ...(hitState ? { entries: hitState } : {}), ...(background ? { background } : {}), ...(namedAgent && target ? { own: true } : {}), ...(added ? { list: true } : {}), ...(sharesSubject && !target ? { sharesSubject } : {}), ...(detailsOfLast ? { details: true } : {}) };
  // "Peru has also adopted AU sanctions", "aligned itself with the EU's latest package of sanctions": whose package
  if (!target && !reason && governedFrom !== undefined && TAKING_UP.has(tokens[tokenAtOrAfter(tokens, governedFrom)].lower)) {
    const pack = before(PACKAGE_BEFORE, trigger.start, 5);
    const owner = (possessor(ix, s, trigger.start) ?? (pack && possessor(ix, s, startOf(tokens, pack))))?.filter((k) => !imposers!.includes(k));
    if (owner?.length) clause.packageOf = owner;
  }
  if (adoptedFrom) {
    clause.also = [{ ...clause, imposers: adoptedFrom, imposerHow: "agent", own: true }];
    // "adopt the sanctions imposed by the bloc on 23 February": that day is the bloc's, not the adopter's
    clause.aside = { start: trigger.start, end: s.end };
  }
  return clause;
}

/** ", targeting Y" set off after a reason (or right after the noun: ", designating Y"). */
const TARGETING_AFTER = pattern([{ text: "," }, { lower: ["targeting", "targetting", "hitting", "designating", "listing"] }]);
/** The state a target phrase is made of alone ("Chile", "Santiago"), if it is. */
function loneState(ix: ActorIndex, target: Span): string | undefined {
  const ms = mentionsIn(ix, target.start, target.end);
  return ms.length === 1 && ms[0].span.start === target.start && ms[0].span.end === target.end && ix.byKey.get(ms[0].entity)?.kind === "country" ? ms[0].entity : undefined;
}

/** Participles of an agentless passive whose imposer the sentence before may name. */
const PRESSED_VERBS = new Set(["imposed", "placed", "levied", "slapped"]);
/** "escalated (its) pressure on", "stepped up pressure against", "took (decisive) action against", "cracked down on". */
const PRESSURE = pattern([
  {
    as: "verb",
    any: [
      [{ any: [{ lower: ["escalated", "increased", "intensified", "tightened", "raised", "heightened"] }, [{ lower: ["stepped", "ramped", "ratcheted", "turned"] }, { lower: "up" }]] }, { lower: ["its", "the", "their"], op: "?" }, { word: true, op: [0, 2], not: { lower: ["pressure", "on", "against"] } }, { lower: "pressure" }],
      [{ lower: "took" }, { word: true, op: [0, 2], not: { lower: ["action", "on", "against"] } }, { lower: "action" }],
      [{ lower: "cracked" }, { lower: "down" }],
      [{ lower: "moved" }],
    ],
  },
  { lower: ["on", "against"] },
]);
/** The subject of the sentence right before `s` (same block) when it tells a move against someone. */
function pressureBefore(ix: ActorIndex, s: Span): string[] | undefined {
  const si = spanIndexAt(ix.sentences, s.start);
  const prev = si > 0 ? ix.sentences[si - 1] : undefined;
  const block = prev && ix.blocks[spanIndexAt(ix.blocks, s.start)];
  if (!prev || !block || prev.start < block.start) return undefined;
  const tokens = ix.a.tokens;
  const m = PRESSURE.matchAll(tokens, { from: tokenAtOrAfter(tokens, prev.start), to: tokenAtOrAfter(tokens, prev.end), within: "anywhere" })[0];
  if (!m) return undefined;
  const at = tokens[m.from].start;
  if (notAnAction(ix, prev.start, at) || hypothetical(ix, prev.start, at)) return undefined;
  return imposerBefore(ix, prev, at, undefined);
}

const EARLIER = new Set(["existing", "previous", "earlier", "prior", "past"]);

/** "urged X to lift (the) …", "called on X to release its": `who` is X and what follows it. */
export const LIFT_ASKED = pattern([
  {
    any: [
      { lower: ["urge", "urges", "urged", "urging", "ask", "asks", "asked", "asking", "press", "presses", "pressed", "pressing", "push", "pushes", "pushed", "pushing"] },
      [{ lower: ["call", "calls", "called", "calling"] }, { lower: "on" }],
    ],
  },
  { as: "who", seq: [{ not: { text: [",", ";", "."] }, op: [1, 12] }] },
  { lower: "to" },
  { lower: ["release", "lift", "ease", "remove", "drop", "unfreeze", "end"] },
  { lower: ["the", "its", "their"], op: "?" },
  { ...LETTER_WORD, op: "?" },
]);

/** "the sanctions regime, which the Council first created in 2006 in response to Z": who set up the sanctions, and why. */
const REGIME_WHICH = pattern([{ lower: ["list", "regime", "programme", "program"] }, { text: ",", op: "?" }, { lower: ["which", "that"] }]);
const CREATED = pattern([{ lower: ["first", "originally"], op: "?" }, { any: [{ lower: ["created", "established", "imposed", "introduced"] }, [{ lower: "set" }, { lower: "up" }]] }]);
export function regimeCreated(ix: ActorIndex, s: Span, trigger: Span): Clause | undefined {
  const tokens = ix.a.tokens;
  const rel = matchAfter(tokens, REGIME_WHICH, trigger.end, s.end);
  if (!rel) return undefined;
  const agent = agentAt(ix, endOf(tokens, rel), s.end);
  if (!agent) return undefined;
  const verb = matchAfter(tokens, CREATED, agent.end, s.end);
  if (!verb) return undefined;
  const reason = reasonAfter(ix, endOf(tokens, verb), s.end);
  if (!reason) return undefined;
  return { imposers: agent.keys, imposerHow: "verb", reason };
}
