// Sanctions actions: who imposes them, on whom, why and when.
//   each "sanction(s|ed|ing)" outside quotes → its construction:
//     X imposed/announced/slapped (its own|new) sanctions on Y over Z      (governing verb)
//     sanctions (were) imposed/brought on|against Y by X after Z          (participle + agent)
//     X retaliated by sanctioning Y / Y was sanctioned by X              (the verb itself)
//     X's / its / US sanctions on Y                                       (possessor or modifier)
//   → "followed by a similar announcement from A, B and C" repeats the last action for new imposers.
//   clauses around a noun phrase: "Y, a Norway-designated entity", "the 40 firms X sanctioned",
//     "$3 billion frozen by X", "those of A and B, sanctioned in May" (imposer: the action just reported),
//     "A and B were sanctioned under the same law" (likewise), "after being placed under sanctions by X"
//     (target: the clause's subject), "X implemented the council's decision to impose sanctions on Y".
// Talk about sanctions that reports no action ("unilateral sanctions are illegal", "to sanction
// those it sees as…", a threat) has no imposer or no target and is dropped.
import type { QuoteFact, SanctionFact, Span } from "../model.ts";
import type { AnnotatedDocument } from "./annotate.ts";
import { findQuotedPassages } from "./quote-marks.ts";
import { buildActorIndex, inside, spanIndexAt, subjectBefore, wordCount, type ActorIndex } from "./quote-actors.ts";
import { referenceDate } from "./dates.ts";
import { dropUnusedActors, ensureCollectiveActors } from "./sanction-actors.ts";
import { type Clause, FAR, agentAt, hypothetical, mentionsIn, phraseAt, subjectPhrase, verbGroupStart } from "./sanction-context.ts";
import { type Meta, datedByNextSentence, expansion, followUp, merge, repeats, targetMeta, toFact } from "./sanction-facts.ts";
import { namedState, noteImposer, unnamedSubjectBefore } from "./sanction-imposers.ts";
import { listClause } from "./sanction-list-clauses.ts";
import { keptClause, keptIn } from "./sanction-kept-clauses.ts";
import { frozenBy, hasFrozenBy, measureClause, measureVerbsIn } from "./sanction-measure-clauses.ts";
import { nounClause } from "./sanction-noun-clauses.ts";
import { quotedOwnActs } from "./sanction-quoted-clauses.ts";
import { reasonAfter } from "./sanction-reasons.ts";
import { LISTED_OBJECT, decidedToSanction, designatedApposition, invertedPassive, membersInclude, presentTenseVerb, alsoTargeted, designationOf, targetedMembers, verbClause } from "./sanction-verb-clauses.ts";
import { TOTAL_WORDS, matchAfter, matchEndingAt, objectStart, startOf, targetPhraseBefore, tokenAtOrAfter, wordAt } from "./sanction-patterns.ts";
import { pattern } from "./patterns.ts";
import type { Token } from "./tokens.ts";
import { listsIn, measureKind, triggersIn } from "./sanction-triggers.ts";
import { lexicons } from "./lexicon.ts";
import { measuresTargetAt } from "./sanction-anaphora.ts";

/** Words besides "sanction…" that tell an article is about sanctions, alone or after a word. */
const ABOUT_WORDS = new Set(["blacklist", "blacklisted", "blacklisting", "embargo", "embargoes"]);
const ABOUT_PAIRS = new Map([["list", "entity"], ["measures", "restrictive"], ["freeze", "asset"], ["freezes", "asset"]]);
const SKIPPED_BLOCKS = new Set(["headline", "subheadline", "byline", "caption", "aside"]);

/** A sentence longer than this is read in windows around each trigger, so one endless sentence stays linear. */
const LONG_SENTENCE = 2000;
/** How many sentences after an announcement with no target may name its targets. */
const ANNOUNCEMENT_REACH = 5;
/** Earlier facts a new one is compared with (real articles report far fewer). */
const RECENT_FACTS = 50;

export function extractSanctions(a: AnnotatedDocument, quotes: readonly QuoteFact[] = []): SanctionFact[] {
  const { text, blocks, sentences } = a.doc;
  const passages = findQuotedPassages(text, blocks).map((p) => ({ start: p.open, end: (p.close ?? p.pieces[p.pieces.length - 1].end) + 1 }));
  const added = ensureCollectiveActors(a);
  const ix = buildActorIndex(a, passages);
  const reference = referenceDate(a.doc);
  // an article about sanctions (or export blacklists: "added two entities to the Entity List") may report additions to lists
  const aboutSanctions = a.tokens.some((t, i) => t.lower.startsWith("sanction") || t.lower.includes("-sanction") || ABOUT_WORDS.has(t.lower) || (i > 0 && ABOUT_PAIRS.get(t.lower) === a.tokens[i - 1].lower));
  const facts: SanctionFact[] = [];
  const meta = new Map<SanctionFact, Meta>();
  /** The fact found or reported again last: what a follow-up ("which announced matching sanctions") repeats. */
  let recent: SanctionFact | undefined;
  // sentences and blocks are both in text order: one pointer walks the blocks alongside (and one the quotations)
  let bi = 0;
  const said = [...quotes].sort((x, y) => x.span.start - y.span.start);
  let qi = 0;
  /** An announcement with an imposer and no target ("X announced new sanctions on Monday."), for the next sentence to complete. */
  let announced: { clause: Clause; s: Span; at: number; next: number } | undefined;
  for (const [si, s] of sentences.entries()) {
    while (bi < blocks.length && blocks[bi].end <= s.start) bi++;
    const block = bi < blocks.length && blocks[bi].start <= s.start ? blocks[bi] : undefined;
    if (block && SKIPPED_BLOCKS.has(block.kind)) continue;
    const sentence = text.slice(s.start, s.end);
    datedByNextSentence(ix, facts[facts.length - 1], s, sentence, reference, (keys) => speaksFor(ix, keys, facts[facts.length - 1].imposers));
    const win = (at: number): Span => (s.end - s.start <= LONG_SENTENCE ? s : { start: Math.max(s.start, at - LONG_SENTENCE / 2), end: Math.min(s.end, at + LONG_SENTENCE / 2) });
    const found: Array<{ at: number; clause: Clause; anaphoric: boolean }> = [];
    const ctx = () => facts[facts.length - 1];
    // "… announced new sanctions on Monday. They target seven hackers …": the announcement's imposer
    // (the targets may come a few sentences later: "… decided to adopt the EU's packages of sanctions. It does so
    // in view of Z. The financial sanctions against A, B and C take effect immediately.")
    const told = announced && si >= announced.next && si < announced.next + ANNOUNCEMENT_REACH ? measuresTargetAt(a.tokens, s, si > announced.next) : undefined;
    if (told && announced) {
      const both = { start: announced.s.start, end: s.end };
      const fact = toFact(ix, both, { ...announced.clause, imposerHow: "context", target: told, reason: reasonAfter(ix, told.end, s.end) }, reference, announced.at);
      if (fact) {
        facts.push(fact);
        meta.set(fact, targetMeta(ix, fact));
        recent = fact;
      }
    }
    if (told || (announced && si + 1 >= announced.next + ANNOUNCEMENT_REACH)) announced = undefined;
    for (const trigger of triggersIn(a.tokens, s)) {
      const at = trigger.start;
      if (inside(passages, at) && !scareQuoted(text, passages, at)) continue;
      const clause = readClause(ix, win(at), trigger, ctx());
      // "The sanctions, announced by …": a definite reference to an action already reported
      const anaphoric = DEFINITE.has(wordBefore(a.tokens, s, trigger) ?? "");
      if (clause) found.push({ at, clause, anaphoric }, ...(clause.also ?? []).map((c) => ({ at, clause: c, anaphoric })));
    }
    // "Today we are sanctioning Y," the minister said: the speaker's own act, told in its words
    while (qi < said.length && said[qi].span.end <= s.start) qi++;
    for (let k = qi; aboutSanctions && k < said.length && said[k].span.start < s.end; k++) {
      for (const { at, clause } of quotedOwnActs(ix, s, said[k], ctx())) found.push({ at, clause, anaphoric: false });
    }
    if (aboutSanctions) {
      // "Those targeted include A and B": members of the action just reported
      const members = inside(passages, s.start) ? undefined : targetedMembers(ix, s, ctx()) ?? alsoTargeted(ix, s, ctx());
      if (members) found.push({ at: s.start, clause: members, anaphoric: false });
      for (const list of listsIn(a.tokens, s)) {
        const passage = passages[spanIndexAt(passages, list.start)];
        if (passage && wordCount(text.slice(passage.start, passage.end)) > 5) continue; // a list named in scare quotes is fine, a quotation is not
        const clause = listClause(ix, win(list.start), list);
        if (clause) found.push({ at: list.start, clause, anaphoric: false });
      }
      // "X would not lift the designations of Y", "X kept Y on its list": designations kept in force
      for (const kept of keptIn(a.tokens, s)) {
        if (inside(passages, kept.at)) continue;
        const clause = keptClause(ix, win(kept.at), kept);
        if (clause) found.push({ at: kept.at, clause, anaphoric: false });
      }
      for (const { at, after, target } of measureVerbsIn(a.tokens, s)) {
        if (inside(passages, at)) continue;
        const clause = measureClause(ix, win(at), at, target ?? phraseAt(ix, after!, win(at).end));
        // "imposed sanctions on Y, including freezing the assets of A": a measure of the action just told
        if (clause && wordBefore(a.tokens, s, { start: at, end: at }) === "including") clause.partOf = true;
        if (clause) found.push({ at, clause, anaphoric: false });
      }
    }
    // (the token pattern runs only where its verb is written: most sentences have none)
    if (aboutSanctions && hasFrozenBy(a.tokens, s)) for (const f of frozenBy(ix, s)) if (!inside(passages, f.at)) found.push(f);
    found.sort((x, y) => x.at - y.at);
    /** The fact reported last before a position of this sentence: what a follow-up there repeats. */
    const recentAt: Array<{ at: number; fact: SanctionFact | undefined }> = [{ at: s.start, fact: recent }];
    let targetBefore: Span | undefined;
    for (const { at, clause, anaphoric } of found) {
      if (clause.sharesSubject && !clause.target) clause.target = targetBefore;
      targetBefore = clause.target ?? targetBefore;
      // "Peru has also adopted AU sanctions": the targets of the owner's own action told before
      if (clause.packageOf && !clause.target) clause.target = ownersTarget(ix, facts.slice(-RECENT_FACTS), clause.packageOf);
      const fact = toFact(ix, win(at), clause, reference, at);
      if (!fact) {
        if (!clause.target && !clause.reason && clause.imposerHow === "verb") announced = { clause, s, at, next: si + 1 };
        continue;
      }
      const m = { ...targetMeta(ix, fact, !!clause.list), kind: measureKind(a.tokens, tokenAtOrAfter(a.tokens, at)) };
      // a definite reference to an earlier action, unless it reports one on other targets
      const recentFacts = facts.slice(-RECENT_FACTS);
      if (anaphoric && !clause.own && facts.length && !(clause.imposerHow === "context" && m.named.length && !recentFacts.some((g) => meta.get(g)!.named.some((t) => m.named.includes(t))))) continue;
      // "Y face an EU travel ban after the bloc tightened its sanctions over Z": a clause with no target of its
      // own, beside an action of the same imposer in the sentence, tells more of that action
      const sameSentence = !clause.target && recentFacts.find((g) => g.evidence.start === fact.evidence.start && g.imposers.some((k) => fact.imposers.includes(k)));
      // "Among those sanctioned were A and B": the action just reported, now with its members named
      const member = clause.partOf ? facts[facts.length - 1] : undefined;
      if (member && member.imposers.some((k) => fact.imposers.includes(k))) {
        member.targets = [...new Set([...member.targets, ...fact.targets])];
        meta.get(member)!.named = [...new Set([...meta.get(member)!.named, ...m.named])];
        merge(member, meta.get(member)!, fact, m);
        recent = { ...member, evidence: fact.evidence };
        recentAt.push({ at, fact: recent });
        continue;
      }
      // "We are sanctioning Y," the minister said: the speaker's own words for an action of the same kind its
      // body or state was just reported taking are that action told again
      // (a government body the text gives no state, quoting itself, speaks for the state just reported imposing)
      const stateless = fact.imposers.every((k) => ix.byKey.get(k)?.kind === "organisation" && ix.byKey.get(k)?.orgType === "government" && !namedState(ix, k).length && !stateWritten(ix, k).length);
      const toldBefore = clause.quoted && [...recentFacts].reverse().find((g) => relatedImposers(ix, g.imposers, fact.imposers) || (stateless && g.imposers.some((k) => ix.byKey.get(k)?.kind === "country")));
      const earlier = (toldBefore && meta.get(toldBefore)!.kind === m.kind ? toldBefore : undefined) || sameSentence || recentFacts.find((g) => repeats(ix, g, meta.get(g)!, fact, m, clause)) || restated(ix, facts[facts.length - 1], fact, clause, meta.get(facts[facts.length - 1])?.kind !== m.kind);
      if (earlier) {
        merge(earlier, meta.get(earlier)!, fact, m);
        recent = { ...earlier, evidence: fact.evidence };
        recentAt.push({ at, fact: recent });
        continue;
      }
      // "X sanctioned A on Monday. Sanctions were also levied on B": the imposer taken from the action just
      // told, in this sentence or the one before, and no time of its own: the same occasion, so its day
      // (so too a second action of the same imposer told next: "Additionally, the ministry is imposing visa restrictions on C")
      if ((clause.imposerHow === "context" || clause.imposerHow === "verb") && !clause.background) sameOccasion(ix, facts[facts.length - 1], fact, clause, at);
      facts.push(fact);
      meta.set(fact, m);
      recent = fact;
      recentAt.push({ at, fact });
      // "Australia has imposed …. Foreign Minister X announced …": the state a minister with no state named acts for
      if (clause.imposerHow === "verb") noteImposer(ix, fact.imposers);
      const more = expansion(ix, s, fact, clause);
      if (more) {
        facts.push(more);
        meta.set(more, { ...m });
      }
    }
    const follow = followUp(ix, s, (pos) => [...recentAt].reverse().find((r) => r.at < pos)?.fact);
    if (follow && !facts.slice(-RECENT_FACTS).some((g) => g.evidence.start === s.start && g.imposers.some((k) => follow.imposers.includes(k)))) {
      facts.push(follow);
      meta.set(follow, targetMeta(ix, follow));
    }
  }
  // "the U.S. Department of the Treasury" imposes for its state too (added last: two bodies of one
  // state are not one imposer when deciding whether two reports are one action)
  for (const f of facts) f.imposers = [...new Set([...f.imposers, ...f.imposers.flatMap((k) => namedState(ix, k))])];
  dropUnusedActors(a, added, new Set(facts.flatMap((f) => [...f.imposers, ...f.targets])));
  return facts;
}

/**
 * "OFAC designated ten officials on Monday. OFAC also designated three companies …", "The Council imposed
 * new sanctions today. By the text, the Council … added 16 individuals to its list": an undated action of
 * the same imposer told in the very next sentence is more of the action just told, not another one.
 */
function restated(ix: ActorIndex, g: SanctionFact | undefined, f: SanctionFact, c: Clause, otherKind: boolean): SanctionFact | undefined {
  if (!g || f.date || f.month || f.year || c.imposerHow !== "verb" || c.background) return undefined;
  const gi = spanIndexAt(ix.sentences, g.evidence.start);
  const fi = spanIndexAt(ix.sentences, f.evidence.start);
  if (gi < 0) return undefined;
  // "… imposed sanctions on A. Additionally, the ministry is imposing visa restrictions on B", "Separately, it
  // designated C": another kind of measure, or one told as separate, is a second action of the same release
  if (otherKind || (fi >= 0 && SEPARATELY.matchAt(ix.a.tokens, tokenAtOrAfter(ix.a.tokens, ix.sentences[fi].start)))) return undefined;
  if (fi === gi + 1 && g.imposers.some((k) => f.imposers.includes(k)) && !runningTotal(ix, ix.sentences[fi])) return g;
  // "The United States imposed sanctions on Y. … The Treasury Department said in a statement it slapped sanctions on
  // Z": the state's own body reporting, a sentence or two later, what it did is the same action told again
  const reported = fi > gi && fi <= gi + 2 && !!matchAfter(ix.a.tokens, SAID_IT, ix.sentences[fi].start, ix.sentences[fi].end);
  const sameState = f.imposers.some((k) => [...namedState(ix, k), ...stateWritten(ix, k)].some((st) => g.imposers.includes(st)));
  return reported && sameState ? g : undefined;
}
/** Two imposer lists with a body or state in common, a body counting for its state ("the U.S. Treasury", "the United States"). */
function relatedImposers(ix: ActorIndex, a: string[], b: string[]): boolean {
  const stateOf = (keys: string[]) => [...keys, ...keys.flatMap((k) => [...namedState(ix, k), ...stateWritten(ix, k)])];
  const sa = stateOf(a);
  return stateOf(b).some((k) => sa.includes(k));
}
/**
 * "announced the imposition of new, “coordinated sanctions” against Y" (invented): the measures' name in
 * scare quotes, three words at most, is the narrator's phrase, read as the sentence it stands in.
 */
function scareQuoted(text: string, passages: readonly Span[], at: number): boolean {
  const p = passages[spanIndexAt(passages, at)];
  return !!p && wordCount(text.slice(p.start, p.end)) <= 3;
}

/** Where the target of the latest action of one of `owners` is written (its evidence holds its words). */
function ownersTarget(ix: ActorIndex, facts: readonly SanctionFact[], owners: readonly string[]): Span | undefined {
  const g = [...facts].reverse().find((f) => f.targetText && f.imposers.some((k) => owners.includes(k)));
  const at = g ? ix.text.indexOf(g.targetText, g.evidence.start) : -1;
  return g && at >= 0 && at < g.evidence.end ? { start: at, end: at + g.targetText.length } : undefined;
}

/** "Separately,", "In a separate action/announcement,": a sentence telling another action. */
const SEPARATELY = pattern([{ any: [{ lower: "separately" }, [{ lower: "in" }, { lower: ["a", "another"] }, { lower: "separate" }]] }]);
/** "US Treasury Department": the state whose name or abbreviation opens a body's name, when the text names that state. */
function stateWritten(ix: ActorIndex, key: string): string[] {
  const e = ix.byKey.get(key);
  if (e?.kind !== "organisation" || e.orgType === "international") return [];
  const first = e.name.split(" ")[0];
  const iso3 = lexicons().countries.get(first.toLowerCase())?.iso3 ?? lexicons().countries.get(first.toLowerCase().replace(/\./g, ""))?.iso3;
  return iso3 ? ix.a.entities.filter((c) => c.kind === "country" && c.iso3 === iso3).map((c) => c.key) : [];
}
/**
 * Whether the actors (a report's speakers, a later action's imposers) speak for the imposers of an action: the
 * same body or state, a body of it ("the Norwegian foreign ministry" for Norway), or a government body the
 * text gives no state of its own, after an action of a state.
 */
function speaksFor(ix: ActorIndex, reporters: string[], imposers: string[]): boolean {
  if (relatedImposers(ix, imposers, reporters)) return true;
  if (reporters.some((k) => stateByAdjective(ix, k).some((st) => imposers.includes(st)))) return true;
  const stateless = (k: string) => ix.byKey.get(k)?.kind === "organisation" && ix.byKey.get(k)?.orgType === "government" && !namedState(ix, k).length && !stateWritten(ix, k).length && !stateByAdjective(ix, k).length;
  return reporters.length > 0 && reporters.every(stateless) && imposers.some((k) => ix.byKey.get(k)?.kind === "country");
}
/** "the Norwegian foreign ministry": the state whose adjective opens a body's name, when the text names that state. */
function stateByAdjective(ix: ActorIndex, key: string): string[] {
  const e = ix.byKey.get(key);
  if (e?.kind !== "organisation" || e.orgType === "international") return [];
  const iso3 = lexicons().demonyms.get(e.name.split(" ")[0])?.iso3;
  return iso3 ? ix.a.entities.filter((c) => c.kind === "country" && c.iso3 === iso3).map((c) => c.key) : [];
}
/** "Norway has now sanctioned 1,000 people since the war began", "… to date": a running total, not the action again. */
function runningTotal(ix: ActorIndex, s: Span): boolean {
  const tokens = ix.a.tokens;
  return TOTAL_WORDS.matchAll(tokens, { from: tokenAtOrAfter(tokens, s.start), to: tokenAtOrAfter(tokens, s.end) }).length > 0;
}
/** "X (in a statement) said (that) it …": a body reporting its own action. */
const SAID_IT = pattern([
  { not: { text: [",", ";", ":"] }, op: [1, 8] },
  { seq: [{ lower: "in" }, { lower: ["a", "its"] }, { word: true, op: [0, 2] }, { lower: ["statement", "release", "notice"] }], op: "?" },
  { lower: ["said", "says", "announced", "stated"] },
  { lower: "that", op: "?" },
  { lower: ["it", "they"] },
]);

/** How many sentences after an action "X also sanctioned Y" may tell more of it. */
const ALSO_REACH = 8;

/**
 * Gives `f` (no time of its own) the day of `g`, the action told last: when `g` was told in the same sentence or
 * the one right before by the same imposer; when `f` details it ("The sanctions include travel bans on Y"); or
 * when `f`'s imposer, named in its clause, the same or its state's body, "also sanctioned Y" a few sentences
 * later (not "has also …", an earlier act told as background).
 */
function sameOccasion(ix: ActorIndex, g: SanctionFact | undefined, f: SanctionFact, c: Clause, at: number): void {
  if (!g || f.date || f.month || f.year || !(g.date || g.month || g.year)) return;
  const gi = spanIndexAt(ix.sentences, g.evidence.end - 1);
  const fi = spanIndexAt(ix.sentences, f.evidence.start);
  if (gi < 0 || fi < gi) return;
  const next = fi <= gi + 1 && g.imposers.some((k) => f.imposers.includes(k));
  // (the imposer named in the clause itself: "Also sanctioned were B" takes its imposer from the action before)
  const also = c.imposerHow === "verb" && fi <= gi + ALSO_REACH && toldAlso(ix.a.tokens, at) && speaksFor(ix, f.imposers, g.imposers);
  if (!next && !c.details && !also) return;
  if (g.date) f.date = g.date;
  if (g.month) f.month = g.month;
  if (g.year) f.year = g.year;
}

/** "also" just before the trigger ("also sanctioned", "also imposed sanctions"), with no perfect or future auxiliary. */
function toldAlso(tokens: readonly Token[], at: number): boolean {
  const t = tokenAtOrAfter(tokens, at);
  const also = [t - 1, t - 2, t - 3].find((k) => tokens[k]?.lower === "also");
  if (also === undefined) return false;
  for (let k = also - 1; k >= Math.max(0, also - 3); k--) if (AUXILIARY.has(tokens[k].lower)) return false;
  for (let k = also + 1; k < t; k++) if (!tokens[k].isWord || AUXILIARY.has(tokens[k].lower)) return false;
  return true;
}
const AUXILIARY = new Set(["has", "have", "had", "'s", "’s", "will", "would", "could", "may", "might", "is", "are", "was", "were", "be", "been"]);

// ---- one trigger ---------------------------------------------------------------------------

/** Words before a trigger that make it a definite reference to sanctions already reported ("the sanctions"). */
const DEFINITE = new Set(["the", "these", "those", "such"]);
/** Words before "sanctioned"/"designated" that make it an adjective, not a verb ("the sanctioned oligarch", "those listed"). */
const ADJECTIVAL_AFTER = new Set(["the", "a", "an", "its", "their", "his", "her", "western", "those", "entities", "individuals", "people", "companies", "firms", "of", "any", "all", "some", "such", "these", "other"]);
/** Words before "sanction" that make it a noun ("a sanction", "this sanction"). */
const NOUN_AFTER = new Set(["a", "the", "new", "this", "that"]);

/** The lower-case word right before a trigger in its sentence, past spaces (none inside a hyphenated word: "counter-sanctions"). */
function wordBefore(tokens: readonly Token[], s: Span, trigger: Span): string | undefined {
  const i = tokenAtOrAfter(tokens, trigger.start);
  const prev = tokens[i - 1];
  if (tokens[i]?.start !== trigger.start || !prev || prev.start < s.start || prev.end === trigger.start || !prev.isWord) return undefined;
  return prev.lower;
}

/**
 * "a targeted financial sanction", "an autonomous cyber sanction", "its first such sanction" (invented
 * examples): a determiner and modifiers before "sanction" make it a noun, not a verb.
 */
const MODIFIED_NOUN = pattern([
  { lower: ["a", "an", "the", "this", "that", "its", "their", "first", "new", "such"] },
  { word: true, test: (t) => t.tag === "ADJ" || t.tag === "NOUN" || t.tag === "NUM" || (t.tag === "VERB" && t.lower.endsWith("ed")), op: [1, 3] },
]);

/** "(Y) was (also) among (the) 15 individuals (sanctioned)". */
const AMONG = pattern([
  { lower: ["was", "were", "is", "are"] },
  { lower: "also", op: "?" },
  { lower: "among" },
  { lower: "the", op: "?" },
  { any: [{ word: true }, { text: [",", "-"] }], op: [1, 8] },
]);
/** "is (still) designated": a passive's auxiliary. */
const PASSIVE_BEFORE = pattern([{ lower: ["is", "are", "was", "were", "been", "being"] }, { lower: ["still", "also", "already", "now", "formally", "previously"], op: "?" }]);
/** Words after "listed"/"designated" that make it no sanctions verb ("listed as", "listed on an exchange"). */
const NOT_LISTED_AFTER = new Set(["as", "on", "in", "at", "by", "for", "under", "among", "below", "above"]);
/** "designated X as a …": a description, not a designation of sanctions. */
const AS_A = new Set(["as", "a", "an"]);
const VERB_FORMS = new Set(["sanctioned", "sanctioning", "blacklisted", "blacklisting"]);
/** Nouns that "sanctions" modifies without naming measures taken ("sanctions authority", "sanctions evasion"). */
const COMPOUND_HEADS = new Set(["authority", "powers", "evasion", "expert", "experts", "compliance", "relief", "policy", "specialist", "specialists", "watchdog", "law", "laws", "legislation", "bill", "coordinator", "tsar", "czar"]);

function readClause(ix: ActorIndex, s: Span, trigger: Span, last: SanctionFact | undefined): Clause | undefined {
  const { text } = ix;
  const word = text.slice(trigger.start, trigger.end).toLowerCase();
  const tokens = ix.a.tokens;
  const before = wordBefore(tokens, s, trigger);
  // "Norway's decision last month to sanction Y": a decision taken; "authorises it to sanction…": no action
  if (before === "to" && word === "sanction") return decidedToSanction(ix, s, trigger);
  // "Also sanctioned were A and B", "Among those designated on Monday are A and B"
  const inverted = word.endsWith("ed") ? invertedPassive(ix, s, trigger, last) : undefined;
  if (inverted) return inverted;
  // "Bankers now subject to Norwegian sanctions include A and B", "Officials now sanctioned include A"
  const members = word.endsWith("ed") || word === "sanctions" || word.endsWith("measures") ? membersInclude(ix, s, trigger, last, !word.endsWith("ed")) : undefined;
  if (members) return members;
  // "Y were among 15 individuals sanctioned by X": Y is hit
  const among = word.endsWith("ed") ? matchEndingAt(tokens, AMONG, s.start, trigger.start) : undefined;
  const amongBy = among && wordAt(tokens, trigger.end, s.end);
  const amongAgent = amongBy?.lower === "by" ? agentAt(ix, amongBy.end, s.end) : undefined;
  const amongAt = among && startOf(tokens, among);
  if (among && amongAgent && !hypothetical(ix, s.start, amongAt!)) {
    const target = subjectPhrase(ix, s.start, amongAt!);
    if (target) return { imposers: amongAgent.keys, imposerHow: "agent", agentEnd: amongAgent.end, target, reason: reasonAfter(ix, amongAgent.end, s.end) };
  }
  // "A and B are among those sanctioned.": members of the action just reported (nothing more after the participle)
  const ends = among && amongBy?.lower !== "by" && last && last.evidence.end > s.start - FAR && !hypothetical(ix, s.start, amongAt!);
  if (ends && /^[\s.]*$/.test(text.slice(trigger.end, s.end)) && /\bthose\s+(?:(?:also|now|already|newly|\w+ly)\s+)?$/i.test(text.slice(amongAt!, trigger.start))) {
    // (a list: "A and B are among …", which a clause's subject stops at "and")
    const target = targetPhraseBefore(tokens, tokenAtOrAfter(tokens, amongAt!), tokenAtOrAfter(tokens, s.start)) ?? subjectPhrase(ix, s.start, amongAt!);
    const named = target && mentionsIn(ix, target.start, target.end).some((m) => ["person", "organisation"].includes(ix.byKey.get(m.entity)?.kind ?? ""));
    if (target && named) return { imposers: last.imposers, imposerHow: "context", target, partOf: true };
  }
  if (word.startsWith("designation")) return designationOf(ix, s, trigger);
  if (word === "designated" && text[trigger.start - 1] === "-") return designatedApposition(ix, s, trigger);
  if ((ADJECTIVAL_AFTER.has(before ?? "") || text[trigger.start - 1] === "-") && word.endsWith("ed")) return undefined; // "the sanctioned oligarch", "those listed", "the list of sanctioned citizens"
  if (word.startsWith("designat") || word === "listed") {
    // "The EU listed four officials": only right after a named actor, and not "listed as", "listed on an exchange"
    const object = objectStart(tokens, trigger.end);
    const after = wordAt(tokens, object, s.end)?.lower ?? "";
    // "Y is (still) designated by X (as …)": a passive with its agent
    if (after === "by" && word.endsWith("ed") && matchEndingAt(tokens, PASSIVE_BEFORE, s.start, trigger.start, 3)) return verbClause(ix, s, trigger, last);
    if (NOT_LISTED_AFTER.has(after)) return undefined;
    const verb = verbGroupStart(ix, trigger.start);
    const subject = subjectBefore(ix, verb, s.start, { speech: false, maxWords: 3 });
    if ((!subject || subject.how !== "mention") && !unnamedSubjectBefore(ix, s, verb)) return undefined;
    // what is listed must be people or bodies: "listed four of the same bankers", not "listed its concerns"
    // the object names a person or a body ("designated former minister X", "designated Condor Shipping")
    const phrase = phraseAt(ix, object, s.end);
    const named = phrase && mentionsIn(ix, phrase.start, phrase.end).find((m) => ["person", "organisation"].includes(ix.byKey.get(m.entity)?.kind ?? ""));
    const namedObject = named && !AS_A.has(wordAt(tokens, phrase!.end, s.end)?.lower ?? "");
    if (!matchAfter(ix.a.tokens, LISTED_OBJECT, object, s.end) && !namedObject) return undefined;
    return verbClause(ix, s, trigger, last);
  }
  // "expanded Norwegian sanctions authority against Y", "sanctions evasion": the noun names a power or a field, no measures
  if ((word === "sanctions" || word === "sanction") && COMPOUND_HEADS.has(wordAt(tokens, trigger.end, s.end)?.lower ?? "")) return undefined;
  // "its sanction list": a noun before the list's name
  if (word === "sanction" && wordAt(tokens, trigger.end, s.end)?.lower === "list") return nounClause(ix, s, trigger, last);
  if (VERB_FORMS.has(word) || (word === "sanction" && !NOUN_AFTER.has(before ?? "") && !matchEndingAt(tokens, MODIFIED_NOUN, s.start, trigger.start))) return verbClause(ix, s, trigger, last);
  // "UK sanctions Russian officials": the tagger reads a present-tense verb
  if (word === "sanctions" && presentTenseVerb(ix, trigger)) return verbClause(ix, s, trigger, last);
  return nounClause(ix, s, trigger, last);
}
