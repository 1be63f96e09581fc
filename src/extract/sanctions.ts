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
import type { LocalEntity, SanctionFact, Span } from "../model.ts";
import type { AnnotatedDocument } from "./annotate.ts";
import { findQuotedPassages } from "./quote-marks.ts";
import { buildActorIndex, findMention, groupKeys, sentenceAt, inside, isActorKind, parentStates, pluralAntecedent, spanIndexAt, subjectBefore, wordCount, type ActorIndex } from "./quote-actors.ts";
import { lexiconAlternation, lexiconSet } from "./quote-lexicon.ts";
import { findTimes, referenceDate, type TimeMention } from "./dates.ts";
import { lexicons } from "./lexicon.ts";
import { parseDateline } from "../ingest/dateline.ts";
import { dropUnusedActors, ensureCollectiveActors } from "./sanction-actors.ts";
import { charSpan, phrasesOf } from "./patterns.ts";
import { DESIGNATED_APPOSITION, FROZEN_BY, objectStart, targetPhraseAt, targetPhraseBefore, tokenAtOrAfter } from "./sanction-patterns.ts";

const IMPOSE_VERBS = lexiconSet("sanction-verbs.txt");
const REASON = new RegExp(`\\b(?:accus(?:ing|ed)\\s+(?:[\\p{L}'’.-]+\\s+){0,5}?of|${lexiconAlternation("sanction-reason-markers.txt")})\\s+`, "giu");
/** Sanctions words, and the measures that are sanctions: asset freezes, travel and entry bans, export controls, blacklisting. */
const TRIGGER = /\b(?:sanction(?:s|ed|ing)?|blacklist(?:ed|ing)|designat(?:ed|ing|es)|listed|asset\s+freezes?|travel\s+bans?|entry\s+bans?|visa\s+bans?|visa\s+restrictions|(?:export|import|trade)\s+restrictions|(?:(?:fresh|new|further|additional|economic|financial)\s+)penalties|(?:restrictive|retaliatory|punitive)\s+measures|counter-?measures|(?:import|export)\s+bans?|export\s+controls?|(?:arms\s+|trade\s+|oil\s+)?embargo(?:es)?)\b/gi;
/** The object of "designated"/"listed" as a sanctions verb: counted people or bodies, or "the same …". */
const LISTED_OBJECT = /^\s+(?:(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|several|more|further|another|additional|the\s+same)\b|(?:(?:the|a|an)\s+)?(?:[\p{L}-]+\s+){0,3}(?:individuals|entities|companies|firms|officials|people|persons|vessels|ships|tankers|banks|businessmen|oligarchs|judges|generals|hackers|networks|groups|organi[sz]ations|executives|brokers?|dealers?|suppliers?|traders?|financiers?|commanders|militias?|smugglers?)\b)/iu;
/** A list the imposer adds its targets to ("added X to its blacklist / entity list / list"). */
const LIST = /\b(?:blacklist|list)\b/gi;
/** Measures written as a verb phrase: "froze the assets of Y", "barred Y from entering", "denied entry to Y", "prohibits entry into the country of Y". */
const MEASURE_VERB = /\b(?:(?:revoke|revoked|revokes|revoking)\s+(?:the\s+)?visas\s+of|(?:freez(?:e|es|ing)|froze|frozen)\s+(?:the\s+)?(?:[A-Z][A-Za-z.]*\s+)?(?:assets|funds|property)\s+(?:of|(?:belonging|linked)\s+to|(?:owned|held|controlled)\s+by)|(?:bar|bars|barred|barring|ban|bans|banned|banning|deny|denies|denied|denying|refuse|refused|refusing)\s+entry\s+to|(?:prohibit|prohibits|prohibited|prohibiting|bar|bars|barred|barring|ban|bans|banned|banning)\s+(?:the\s+)?entry\s+(?:into\s+(?:[A-Za-z'’-]+\s+){1,4})?of|(?:ban|bans|banned|banning)\s+(?:all\s+)?(?:port\s+calls|imports|exports|flights|shipments|transactions|dealings)\s+(?:by|from|of|with))\s+/gi;
/** "froze the Peruvian bank's assets": the owner of the assets is hit. */
const FROZE_OWN = /\b(?:froze|freezes|freeze|freezing)\s+((?:[^;.,]|(?<=\b\p{Lu})\.){3,80}?)['’]s?\s+(?:assets|funds|accounts|property)\b/giu;
const BAR_FROM = /\b(?:bar|bars|barred|barring|ban|bans|banned|banning)\s+(?!(?:them|him|her|it|us|all|any)\b)((?:[^;.]|(?<=\b\p{Lu})\.){3,120}?)\s+from\s+(?:entering|travell?ing\s+to|visiting)\b/giu;
const SKIPPED_BLOCKS = new Set(["headline", "subheadline", "byline", "caption", "aside"]);
const PARTICIPLE = /^\s*,?\s*(?:(?:were|was|have\s+been|has\s+been|had\s+been|are|is|being|be)\s+)?(?:(?:also|further|now|already|first|later|subsequently|[a-z]+ly)\s+)?(imposed|brought|announced|levied|placed|introduced|adopted|approved|slapped|unveiled|ordered|issued|agreed)\b/i;
/** Where a target or reason phrase stops. */
const PHRASE_END = /\s+(?:by|that|which|who|whom|while|but|as|under|since|when|until|have|has|had|were|was|are|is|will|would|could|can|may|might|should|must|did|do|does|remain|remains|remained|took|take|takes|came|come|comes|went|forced|forces|prompted|caused|led|leads|means|meant|affect|affects|affected|include|includes|included|apply|applies|applied|bar|bars|barred|ban|bans|banned|freeze|freezes|froze|hit|hits|cost|costs|during|amid)\s|\s+on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|[A-Z][a-z]{2,8}\.?\s+\d)|\s+(?:last|earlier|this)\s+(?:week|month|year)|\s+earlier\s+(?:this|last|in|on|today)\b|\s+from\s+(?:next|this|today|tomorrow|the\s+(?:start|end|beginning)\s+of)\b|\s+in\s+(?:January|February|March|April|May|June|July|August|September|October|November|December|\d{4})\b|\s+(?:it|they|he|she|we|officials)\s+(?:said|says|alleged|alleges|believes|believed|claimed|claims|suspects|suspected)\b|[,;:.!?()]\s|[,;:.!?()]$|\s+--\s|\s*[—–]\s*|\s+(?:in\s+coordination|in\s+concert|in\s+step|together|jointly|in\s+tandem)\s+with\s/;
const REASON_END = /,\s+(?:which|while|when|where|but|and|as|after|the|a|an|[a-z]+ing)\b|\s+(?:since|when|until)\s|\s+--\s|\s*[—–]\s*|;|[.!?](?=\s|$)|\s+(?:on|last|earlier)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month)\b/;
/** "said it would bar …": a decision reported, not a hypothesis. */
const REPORTED_DECISION = /\b(?:said|announced|confirmed|decided)\s+(?:that\s+)?(?:it|they|(?:the\s+)?[\p{Lu}][\p{L}.]*(?:\s+[\p{Lu}][\p{L}.]*)*)\s+would\s+(?:also\s+|now\s+|each\s+)?$/u;
const HYPOTHETICAL = /\b(?:could|would|might|may|should|must|threaten(?:s|ed|ing)?\s+to|if|unless|whether|not|never|no)\b[^,.;]*$/i;
/** A date phrase right ahead ("on Monday", "last week"), skipped between the parts of a clause. */
const DATE_AHEAD = /^\s*,?\s*(?:on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?(?:\s+\d{1,2}\b)?|(?:last|earlier\s+this|this)\s+(?:week|month|year)|in\s+(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+\d{4})?|\d{4})(?=\s+(?:on|against|upon|targeting)\b)|yesterday|today)/;
/** An infinitive that reports no action yet ("plans to impose", "allowing it to impose"); decided/agreed/voted to impose do. */
const NOT_YET_DONE = /\b(?!(?:decided|agreed|voted|moved|began|started|went\s+on)\s)[\p{L}]+\s+to\s+$/iu;
const PRONOUN_TARGET = /^(?:them|it|him|her|us|those)$/i;
const WEEKDAY_TO = /\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)\s+to\s+$/;
/** "X implemented / signed the council's decision to impose …": a decision carried out is an action, X its imposer. */
const DECISION_CARRIED_OUT = /\b(?:implemented|implements|signed|signs|approved|approves|enacted|enacts|endorsed|endorses|upheld|upholds)\s+(?:[^,;.!?]{0,80}?\s)?(?:decision|decisions|decree|order|resolution|ruling)\s+to\s+$/i;
/** Not an action: a hypothesis or a plan before `pos` in `pre` ("could impose", "plans to impose"). */
function notAnAction(pre: string): boolean {
  if (REPORTED_DECISION.test(pre) || DECISION_CARRIED_OUT.test(pre)) return false;
  const p = pre.replace(WEEKDAY_TO, " to ");
  return HYPOTHETICAL.test(p.slice(-40)) || NOT_YET_DONE.test(p);
}
/** "said it would bar … if the talks fail": a reported decision with a condition is none. */
const conditional = (pre: string, rest: string) => REPORTED_DECISION.test(pre) && /\b(?:if|unless|should)\b/i.test(rest);
const hypothetical = (pre: string) => !REPORTED_DECISION.test(pre) && HYPOTHETICAL.test(pre.slice(-40));

interface Clause {
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
}

/** What the pass knows of a fact beyond the model: list additions, targets named by name. */
interface Meta {
  list: boolean;
  /** Target entities named by a proper name (not only by an adjective such as "Chinese"). */
  named: string[];
  /** Every entity in the target phrase, adjectives included ("North Korean hackers": North Korea). */
  all: string[];
  /** "Under the sanctions, A and B will freeze …": details of the action reported before. */
  details?: boolean;
}

/** A sentence longer than this is read in windows around each trigger, so one endless sentence stays linear. */
const LONG_SENTENCE = 2000;
/** Earlier facts a new one is compared with (real articles report far fewer). */
const RECENT_FACTS = 50;
/** How far back (characters) an unnamed imposer ("the government", "the president") is looked for: each look-up is bounded, so the pass stays linear. */
const FAR = 3000;

/** Index of the first mention that starts at or after `pos` (mentions are sorted by start). */
function mentionFrom(ix: ActorIndex, pos: number): number {
  let lo = 0, hi = ix.mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ix.mentions[mid].span.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The mentions wholly inside [start, end). */
function mentionsIn(ix: ActorIndex, start: number, end: number): ActorIndex["mentions"] {
  const out: ActorIndex["mentions"] = [];
  for (let i = mentionFrom(ix, start); i < ix.mentions.length && ix.mentions[i].span.start < end; i++) if (ix.mentions[i].span.end <= end) out.push(ix.mentions[i]);
  return out;
}

export function extractSanctions(a: AnnotatedDocument): SanctionFact[] {
  const { text, blocks, sentences } = a.doc;
  const passages = findQuotedPassages(text, blocks).map((p) => ({ start: p.open, end: (p.close ?? p.pieces[p.pieces.length - 1].end) + 1 }));
  const added = ensureCollectiveActors(a);
  const ix = buildActorIndex(a, passages);
  const reference = referenceDate(a.doc);
  const aboutSanctions = /\bsanction/i.test(text);
  const facts: SanctionFact[] = [];
  const meta = new Map<SanctionFact, Meta>();
  /** The fact found or reported again last: what a follow-up ("which announced matching sanctions") repeats. */
  let recent: SanctionFact | undefined;
  // sentences and blocks are both in text order: one pointer walks the blocks alongside
  let bi = 0;
  for (const s of sentences) {
    while (bi < blocks.length && blocks[bi].end <= s.start) bi++;
    const block = bi < blocks.length && blocks[bi].start <= s.start ? blocks[bi] : undefined;
    if (block && SKIPPED_BLOCKS.has(block.kind)) continue;
    const sentence = text.slice(s.start, s.end);
    datedByNextSentence(ix, facts[facts.length - 1], s, sentence, reference);
    const win = (at: number): Span => (s.end - s.start <= LONG_SENTENCE ? s : { start: Math.max(s.start, at - LONG_SENTENCE / 2), end: Math.min(s.end, at + LONG_SENTENCE / 2) });
    const found: Array<{ at: number; clause: Clause; anaphoric: boolean }> = [];
    const ctx = () => facts[facts.length - 1];
    for (const m of sentence.matchAll(TRIGGER)) {
      const at = s.start + m.index!;
      if (inside(passages, at)) continue;
      const clause = readClause(ix, win(at), { start: at, end: at + m[0].length }, ctx());
      // "The sanctions, announced by …": a definite reference to an action already reported
      const anaphoric = /\b(?:the|these|those|such)\s+$/i.test(text.slice(Math.max(s.start, at - 8), at));
      if (clause) found.push({ at, clause, anaphoric }, ...(clause.also ?? []).map((c) => ({ at, clause: c, anaphoric })));
    }
    if (aboutSanctions) {
      for (const m of sentence.matchAll(LIST)) {
        const at = s.start + m.index!;
        if (/sanctions?\s+$/i.test(text.slice(Math.max(s.start, at - 12), at))) continue; // "sanctions list": read with its trigger
        const passage = passages[spanIndexAt(passages, at)];
        if (passage && wordCount(text.slice(passage.start, passage.end)) > 5) continue; // a list named in scare quotes is fine, a quotation is not
        // a list of the imposer's or of a sanctions kind: not "the list of grievances", "the heritage list"
        if (/^\s+of\b/i.test(text.slice(at + m[0].length, s.end)) && !/^\s+of\s+(?:the\s+)?(?:sanctioned|designated|blacklisted)\b/i.test(text.slice(at + m[0].length, s.end))) continue;
        const kind = /\b(?:its|their|entity|trade|terror(?:ism|ist)?|watch|control|sanctions?|unreliable|designated|restricted|export|denied|travel\s+ban|no-fly)\b(?:\s+["“”'‘’]?[\p{L}-]+["”’']?){0,2}\s+["“”'‘’]?$/iu;
        if (m[0].toLowerCase() === "list" && !kind.test(text.slice(Math.max(s.start, at - 40), at))) continue;
        const clause = listClause(ix, win(at), { start: at, end: at + m[0].length });
        if (clause) found.push({ at, clause, anaphoric: false });
      }
      for (const m of sentence.matchAll(MEASURE_VERB)) {
        const at = s.start + m.index!;
        if (inside(passages, at)) continue;
        const clause = measureClause(ix, win(at), at, phraseAt(ix, at + m[0].length, win(at).end));
        if (clause) found.push({ at, clause, anaphoric: false });
      }
      for (const m of [...sentence.matchAll(BAR_FROM), ...sentence.matchAll(FROZE_OWN)]) {
        const at = s.start + m.index!;
        if (inside(passages, at)) continue;
        const from = at + m[0].indexOf(m[1], m[0].search(/\s/));
        const clause = measureClause(ix, win(at), at, { start: from, end: from + m[1].length });
        if (clause) found.push({ at, clause, anaphoric: false });
      }
    }
    // (the token pattern runs only where its verb is written: most sentences have none)
    if (aboutSanctions && FROZEN_WORD.test(sentence)) for (const f of frozenBy(ix, s)) if (!inside(passages, f.at)) found.push(f);
    found.sort((x, y) => x.at - y.at);
    /** The fact reported last before a position of this sentence: what a follow-up there repeats. */
    const recentAt: Array<{ at: number; fact: SanctionFact | undefined }> = [{ at: s.start, fact: recent }];
    let targetBefore: Span | undefined;
    for (const { at, clause, anaphoric } of found) {
      if (clause.sharesSubject && !clause.target) clause.target = targetBefore;
      targetBefore = clause.target ?? targetBefore;
      const fact = toFact(ix, win(at), clause, reference, at);
      if (!fact) continue;
      const m = targetMeta(ix, fact, !!clause.list);
      // a definite reference to an earlier action, unless it reports one on other targets
      const recentFacts = facts.slice(-RECENT_FACTS);
      if (anaphoric && !clause.own && facts.length && !(clause.imposerHow === "context" && m.named.length && !recentFacts.some((g) => meta.get(g)!.named.some((t) => m.named.includes(t))))) continue;
      // "Y face an EU travel ban after the bloc tightened its sanctions over Z": a clause with no target of its
      // own, beside an action of the same imposer in the sentence, tells more of that action
      const sameSentence = !clause.target && recentFacts.find((g) => g.evidence.start === fact.evidence.start && g.imposers.some((k) => fact.imposers.includes(k)));
      const earlier = sameSentence || recentFacts.find((g) => repeats(ix, g, meta.get(g)!, fact, m, clause));
      if (earlier) {
        merge(earlier, meta.get(earlier)!, fact, m);
        recent = { ...earlier, evidence: fact.evidence };
        recentAt.push({ at, fact: recent });
        continue;
      }
      facts.push(fact);
      meta.set(fact, m);
      recent = fact;
      recentAt.push({ at, fact });
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

/** "ECOWAS announced the measures after a summit on Sunday", "The sanctions were announced on Monday": when the action was. */
const ANNOUNCED_THEM = /\b(?:announced|unveiled|imposed|adopted|approved|agreed|introduced)\s+(?:the|these)\s+(?:new\s+)?(?:measures|sanctions|penalties|restrictions)\b|^(?:The|These)\s+(?:new\s+)?(?:measures|sanctions|penalties|restrictions)\s+(?:were|was)\s+(?:announced|unveiled|imposed|adopted|approved|agreed|introduced)\b/u;

/** An undated action takes the day the very next sentence gives it by a definite reference. */
function datedByNextSentence(ix: ActorIndex, last: SanctionFact | undefined, s: Span, sentence: string, reference: string | undefined): void {
  if (!last || !reference || last.date || s.start < last.evidence.end || s.start - last.evidence.end > 4 || /\S/.test(ix.text.slice(last.evidence.end, s.start)) || !ANNOUNCED_THEM.test(sentence)) return;
  const day = findTimes(sentence, reference, s.start).find((d) => d.date);
  if (!day) return;
  last.date = day.date;
  delete last.month;
  delete last.year;
}

/** Target entities of a fact named in its target phrase: by a name, and by a name or an adjective. */
function targetMeta(ix: ActorIndex, f: SanctionFact, list = false): Meta {
  const at = ix.text.slice(f.evidence.start, f.evidence.end).indexOf(f.targetText) + f.evidence.start;
  if (at < f.evidence.start) return { list, named: f.targets, all: f.targets };
  const inside = mentionsIn(ix, at, at + f.targetText.length);
  const keys = (ms: typeof inside) => [...new Set(ms.map((m) => m.entity))];
  const details = /^(?:Under|With)\s+the\s+(?:new\s+)?(?:sanctions|measures|package|decision|agreement|deal)\s*,/.test(ix.text.slice(f.evidence.start, f.evidence.end));
  return { list, named: keys(inside.filter((m) => m.via !== "demonym")), all: keys(inside), details };
}

/** A later report of an earlier fact fills what the earlier one lacks; a list addition takes the names of its targets. */
function merge(g: SanctionFact, gm: Meta, f: SanctionFact, fm: Meta): void {
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
function expansion(ix: ActorIndex, s: Span, f: SanctionFact, c: Clause): SanctionFact | undefined {
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

// ---- one trigger ---------------------------------------------------------------------------

function readClause(ix: ActorIndex, s: Span, trigger: Span, last: SanctionFact | undefined): Clause | undefined {
  const { text } = ix;
  const word = text.slice(trigger.start, trigger.end).toLowerCase();
  const pre = text.slice(s.start, trigger.start);
  if (/\bto\s+$/i.test(pre) && word === "sanction") return undefined; // "authorises it to sanction…": no action
  // "Y were among 15 individuals sanctioned by X": Y is hit
  const among = /ed$/.test(word) && /\b(?:was|were|is|are)\s+(?:also\s+)?among\s+(?:the\s+)?(?:[\p{L}\d,-]+\s+){1,4}$/iu.exec(pre);
  const amongBy = among && /^\s+by\s+/i.exec(text.slice(trigger.end, s.end));
  const amongAgent = amongBy && agentAt(ix, trigger.end + amongBy[0].length, s.end);
  if (among && amongAgent && !hypothetical(pre.slice(0, among.index))) {
    const target = subjectPhrase(ix, s.start, s.start + among.index);
    if (target) return { imposers: amongAgent.keys, imposerHow: "agent", agentEnd: amongAgent.end, target, reason: reasonAfter(ix, amongAgent.end, s.end) };
  }
  if (word === "designated" && /-$/.test(pre)) return designatedApposition(ix, s, trigger);
  if (/(?:\b(?:the|a|an|its|their|his|her|western|those|entities|individuals|people|companies|firms|of)\s+|-)$/i.test(pre) && /ed$/.test(word)) return undefined; // "the sanctioned oligarch", "those listed", "the list of sanctioned citizens"
  if (/^designat/.test(word) || word === "listed") {
    // "The EU listed four officials": only right after a named actor, and not "listed as", "listed on an exchange"
    const object = objectStart(ix.a.tokens, trigger.end);
    if (/^\s+(?:as|on|in|at|by|for|under|among|below|above)\b/i.test(text.slice(object, s.end))) return undefined;
    const subject = subjectBefore(ix, verbGroupStart(ix, trigger.start), s.start, { speech: false, maxWords: 3 });
    if (!subject || subject.how !== "mention") return undefined;
    // what is listed must be people or bodies: "listed four of the same bankers", not "listed its concerns"
    // the object names a person or a body ("designated former minister X", "designated Condor Shipping")
    const phrase = phraseAt(ix, object, s.end);
    const named = phrase && mentionsIn(ix, phrase.start, phrase.end).find((m) => ["person", "organisation"].includes(ix.byKey.get(m.entity)?.kind ?? ""));
    const namedObject = named && !/^\s+(?:as|a|an)\b/i.test(text.slice(phrase!.end, s.end));
    if (!LISTED_OBJECT.test(text.slice(object, s.end)) && !namedObject) return undefined;
    return verbClause(ix, s, trigger, last);
  }
  if (/^(?:sanctioned|sanctioning|blacklisted|blacklisting)$/.test(word) || (word === "sanction" && !/\b(?:a|the|new|this|that)\s+$/i.test(pre))) return verbClause(ix, s, trigger, last);
  // "UK sanctions Russian officials": the tagger reads a present-tense verb
  if (word === "sanctions" && presentTenseVerb(ix, trigger)) return verbClause(ix, s, trigger, last);
  return nounClause(ix, s, trigger, last);
}

/** "the Velmar Group, a Norwegian-designated entity": the actor in the compound designated the body before the comma. */
function designatedApposition(ix: ActorIndex, s: Span, trigger: Span): Clause | undefined {
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

const FROZEN_WORD = /\b(?:frozen|blocked|seized|impounded|confiscated)\s+by\b/i;

/** "there is $3 billion currently frozen by X": the phrase before the participle is hit, the agent imposes. */
function frozenBy(ix: ActorIndex, s: Span): Array<{ at: number; clause: Clause; anaphoric: boolean }> {
  const tokens = ix.a.tokens;
  const from = tokenAtOrAfter(tokens, s.start);
  const out: Array<{ at: number; clause: Clause; anaphoric: boolean }> = [];
  for (const m of FROZEN_BY.matchAll(tokens, { from, to: tokenAtOrAfter(tokens, s.end) })) {
    const agent = agentAt(ix, tokens[m.to - 1].end, s.end);
    const target = agent && targetPhraseBefore(tokens, m.from, from);
    if (!agent || !target || PRONOUN_TARGET.test(ix.text.slice(target.start, target.end))) continue;
    const pre = ix.text.slice(s.start, target.start);
    if (notAnAction(pre)) continue;
    const at = tokens[m.get("verb")!.from].start;
    out.push({ at, clause: { imposers: agent.keys, imposerHow: "agent", agentEnd: agent.end, target, reason: reasonAfter(ix, agent.end, s.end) }, anaphoric: false });
  }
  return out;
}

/** "froze the assets of Y", "barred Y from entering": a measure with its imposer before the verb. */
function measureClause(ix: ActorIndex, s: Span, verb: number, target: Span | undefined): Clause | undefined {
  if (!target || PRONOUN_TARGET.test(ix.text.slice(target.start, target.end))) return undefined;
  const pre = ix.text.slice(s.start, verb);
  if (notAnAction(pre) || conditional(pre, ix.text.slice(verb, s.end))) return undefined;
  const imposer = announcedBy(ix, s, verb) ?? imposerBefore(ix, s, verb, target);
  if (!imposer) return undefined;
  return { imposers: imposer, imposerHow: "verb", target, reason: reasonAfter(ix, target.end, s.end) };
}

/**
 * "… join those of A, B and C, sanctioned in May with an asset freeze": a participle set off after a
 * noun phrase, with no object of its own; its agent ("by X") or else the imposer of the action just reported.
 */
function participleAfterComma(ix: ActorIndex, s: Span, trigger: Span, pre: string, last: SanctionFact | undefined): Clause | undefined {
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

/** "the measure announced by X which bars …": the agent of the measure the relative clause tells of. */
function announcedBy(ix: ActorIndex, s: Span, verb: number): string[] | undefined {
  const m = /\b(?:measure|decision|order|decree|ban|move|step)\s+(?:announced|issued|taken|adopted|signed)\s+by\s+((?:[^,;.]|(?<=\b\p{Lu})\.){2,80}?)\s*,?\s*(?:which|that)\s+$/iu.exec(ix.text.slice(s.start, verb));
  if (!m) return undefined;
  const at = s.start + m.index + m[0].indexOf(m[1], m[0].search(/\bby\s/i) + 3);
  const agent = agentAt(ix, at, verb);
  return agent?.keys;
}

/** "X sanctioned Y", "X retaliated by sanctioning Y", "Y was sanctioned by X". */
function verbClause(ix: ActorIndex, s: Span, trigger: Span, last?: SanctionFact): Clause | undefined {
  const pre = ix.text.slice(s.start, trigger.start);
  if (hypothetical(pre) || conditional(pre, ix.text.slice(trigger.end, s.end))) return undefined;
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
function gapTarget(ix: ActorIndex, s: Span, verbStart: number, imposers: string[]): Span | undefined {
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
const TIMED_CONJUNCT = /^(?:(?:[Ll]ast|[Ii]n|[Oo]n|[Ee]arlier\s+(?:in|this))\s+[\p{L}\d ]{2,25},\s*)?((?:the\s+)?\p{Lu}[^,;]{2,120}?)\s+and\s+(?:in|on|last)\s+(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|\d{4})\b/du;

/** Where the verb group ending at `pos` starts: back over auxiliaries and adverbs ("is designating", "has publicly designated"). */
function verbGroupStart(ix: ActorIndex, pos: number): number {
  const tokens = ix.a.tokens;
  let i = tokenAtOrAfter(tokens, pos);
  while (i > 0 && (tokens[i - 1].tag === "AUX" || (tokens[i - 1].tag === "ADV" && /ly$|^(?:now|also|today|further)$/.test(tokens[i - 1].lower))) && tokens[i - 1].start >= pos - 40) i--;
  return i < tokens.length ? Math.min(pos, tokens[i].start) : pos;
}

/** "UK sanctions Russian officials": "sanctions" tagged as a verb, and not "sanctions list/regime". */
function presentTenseVerb(ix: ActorIndex, trigger: Span): boolean {
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
function listAfter(ix: ActorIndex, target: Span, s: Span): Span | undefined {
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

/** "sanctions" as a noun: governing verb before it, participle and agent after it, or a possessor. */
function nounClause(ix: ActorIndex, s: Span, trigger: Span, last: SanctionFact | undefined): Clause | undefined {
  const { text } = ix;
  const regime = regimeCreated(ix, s, trigger);
  if (regime) return regime;
  if (/^\s+(?:list|lists|blacklist|register)\b/i.test(text.slice(trigger.end, s.end))) return listClause(ix, s, trigger);
  // "the EU's 20th sanctions package, adopted on Friday, targets Y": the package is the sanctions
  let pos = trigger.end + (/^\s+(?:package|packages)\b/i.exec(text.slice(trigger.end, s.end))?.[0].length ?? 0);
  let imposers: string[] | undefined;
  let how: Clause["imposerHow"] = "agent";
  let target: Span | undefined;
  let agentEnd: number | undefined;
  // "the sanctions it imposed on Y": a relative clause with its own subject
  const relative = /^\s+(?:that\s+|which\s+)?(it|they)\s+(?:had\s+|has\s+|have\s+)?(?:first\s+|later\s+)?(?:imposed|slapped|placed|levied|introduced)\b/i.exec(text.slice(pos, s.end));
  // "the sanctions that the EU adopted in March against Y": a named subject of the relative clause
  const namedRelative = relative ? null : /^\s+(?:that|which)\s+((?:the\s+)?[\p{Lu}][\p{L}.'’-]*(?:\s+[\p{Lu}][\p{L}.'’-]*){0,4})\s+(?:had\s+|has\s+|have\s+)?(?:first\s+|later\s+|jointly\s+)?(?:imposed|slapped|placed|levied|introduced|adopted|announced|approved)\b/u.exec(text.slice(pos, s.end));
  const namedAgent = namedRelative && agentAt(ix, pos + namedRelative[0].indexOf(namedRelative[1], 1), s.end);
  if (namedRelative && namedAgent) {
    imposers = namedAgent.keys;
    how = "verb";
    pos += namedRelative[0].length;
  } else if (relative) {
    const at = pos + relative[0].indexOf(relative[1]);
    imposers = relative[1].toLowerCase() === "they" ? pluralAntecedent(ix, at) : nearestBody(ix, at, s.start);
    if (!imposers) return undefined;
    how = "verb";
    pos += relative[0].length;
  }
  const participle = relative ? null : PARTICIPLE.exec(text.slice(pos, s.end));
  if (participle) pos += participle[0].length;
  // "Y was hit with new sanctions by X": the passive subject is the target
  const hitWith =
    /\b(?:was|were|been|being|is|are|be)\s+(?:(?:hit|slapped|targeted|punished|sanctioned)\s+with|placed\s+under)\s+(?:[\p{L}-]+\s+){0,3}$/iu.exec(text.slice(s.start, trigger.start)) ??
    /\b(?:faces|faced|face|facing|received|suffered)\s+(?:[\p{L}-]+\s+){0,3}$/iu.exec(text.slice(s.start, trigger.start));
  if (hitWith) target = subjectPhrase(ix, s.start, s.start + hitWith.index);
  // "Y was sanctioned by A, after being placed under sanctions by B": the participle's subject is the sentence's
  const sharesSubject = !!hitWith && /\b(?:after|before|following|since|upon)\s+(?:having\s+)?$/i.test(text.slice(Math.max(s.start, s.start + hitWith.index - 20), s.start + hitWith.index));
  // "X targeted Y with new sanctions" / "for new economic and visa restrictions": the object is hit, the subject imposes
  // "X targeted Y in a new round of sanctions", "X placed Y under sanctions"
  const targetedWith = hitWith ? null :
    /\b(?:targeted|targets|targeting|hit|hits|struck|strikes|slapped|slaps|punished|punishes)\s+((?:[^;:,.]|(?<=\b\p{Lu})\.){2,80}?)\s+(?:(?:with|for)\s+(?:[\p{L}-]+\s+){0,4}|in\s+(?:a|an|its|their|the)\s+(?:[\p{L}-]+\s+){0,2}(?:round|package|wave|batch|tranche|set)\s+of\s+(?:[\p{L}-]+\s+){0,2})$/iu.exec(text.slice(s.start, trigger.start)) ??
    /\b(?:placed|places|placing|put|puts|putting)\s+((?:[^;:,.]|(?<=\b\p{Lu})\.){2,80}?)\s+under\s+(?:[\p{L}-]+\s+){0,2}$/iu.exec(text.slice(s.start, trigger.start));
  if (targetedWith && !/^(?:them|it|him|her)$/i.test(targetedWith[1])) {
    const from = s.start + targetedWith.index + targetedWith[0].indexOf(targetedWith[1], targetedWith[0].search(/\s/));
    target = { start: from, end: from + targetedWith[1].length };
    if (notAnAction(text.slice(s.start, s.start + targetedWith.index))) return undefined;
    const subject = imposerBefore(ix, s, s.start + targetedWith.index, target);
    if (subject) {
      imposers = subject;
      how = "verb";
    }
  }
  // after the noun (and participle): on/against TARGET and by AGENT, in either order
  for (let k = 0; k < 4; k++) {
    const rest = text.slice(pos, s.end);
    const when = DATE_AHEAD.exec(rest);
    if (when) {
      pos += when[0].length;
      continue;
    }
    const on = /^\s*(?:on|against|targeting|upon)\s+/i.exec(rest) ?? /^\s*,?\s*(?:which\s+|that\s+)?(?:target|targets|targeted|hit|hits|cover|covers)\s+/i.exec(rest);
    // "sanctions by A and B on Y": a bare "by" agent only when the target follows it
    const bareBy = !participle && !hitWith && !target && /^\s*by\s+/i.exec(rest);
    const bareAgent = bareBy && agentAt(ix, pos + bareBy[0].length, s.end);
    const by = participle || hitWith ? /^\s*(?:by|from)\s+/i.exec(rest) : bareAgent && /^\s*(?:on|against)\s/i.test(text.slice(bareAgent.end, s.end)) ? bareBy : /^\s*from\s+/i.exec(rest);
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
  // "extended sanctions against Y by adding 23 people to its list": the people added are the new targets
  const adding = target && /^\s*,?\s*by\s+(?:adding|including|putting|placing|listing|designating)\s+/i.exec(text.slice(target.end, s.end));
  const added = adding && phraseAt(ix, target!.end + adding[0].length, s.end);
  if (added) target = added;
  let relativeAfter = false;
  if (target && !imposers) {
    // "sanctions against Y, which A and B imposed after Z": the relative clause names the imposers
    const rel = /^\s*,\s*(?:which|that)\s+/i.exec(text.slice(target.end, s.end));
    const agent = rel && agentAt(ix, target.end + rel[0].length, s.end);
    const verb = agent && /^\s+(?:(?:had|has|have|first|jointly|later|also)\s+){0,2}(?:imposed|slapped|placed|levied|introduced|adopted|announced|approved)\b/i.exec(text.slice(agent.end, s.end));
    if (agent && verb) {
      imposers = agent.keys;
      how = "verb";
      agentEnd = pos = agent.end + verb[0].length;
      relativeAfter = true;
    }
  }
  if (!target && !participle && !hitWith) {
    // "its unilateral sanctions and unjustified crackdowns on China and Russia"
    const later = /^\s*(?:and|or)\s+(?:[\p{L}-]+\s+){1,3}?(?:on|against)\s+/u.exec(text.slice(pos, s.end));
    if (later) target = phraseAt(ix, pos + later[0].length, s.end);
  }
  const pre = text.slice(s.start, trigger.start);
  // "urging X to release the sanctions against Y imposed when Z": the sanctions X is asked to lift are X's,
  // and the participle after the target tells they were imposed
  const imposedAfter = !imposers && target ? /^\s*,?\s*(?:(?:which|that)\s+(?:were|it)\s+)?(?:first\s+)?(?:imposed|introduced|levied)\b/i.exec(text.slice(target.end, s.end)) : null;
  const asked = imposedAfter && LIFT_ASKED.exec(pre);
  const askedAgent = asked && agentAt(ix, s.start + asked.index + asked[0].length - asked[1].length - asked[2].length, s.end);
  if (imposedAfter && askedAgent) {
    imposers = askedAgent.keys;
    how = "verb";
    pos = target!.end + imposedAfter[0].length;
  }
  if (!imposers) {
    const verb = governingVerb(pre);
    if (verb !== undefined) {
      if (notAnAction(pre.slice(0, verb))) return undefined;
      const subject = imposerBefore(ix, s, s.start + verb, target);
      if (subject) {
        imposers = subject;
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
  if (!imposers && last) {
    // "The sanctions include travel bans on Y": the action reported before, on further targets;
    // "the sanctions imposed on Y in 2023": an earlier action of the same imposer
    const sentence = text.slice(s.start, s.end);
    const details = /^(?:The|These|Those|Its|Their)\s+(?:new\s+|latest\s+)?(?:sanctions|measures|penalties)\s+(?:also\s+)?(?:include|included|includes|consist\s+of)\b/.test(sentence);
    const past = participle && /imposed|placed|levied|introduced|slapped/i.test(participle[1]) && target;
    if ((details && target) || past) {
      imposers = last.imposers;
      how = "context";
    }
  }
  // "Before the summit closed, sanctions were slapped on Y": a passive with no agent and no action before
  // it; the bloc whose meeting the text tells of (named within two sentences) imposed them
  if (!imposers && !last && target && participle && /^\s*,?\s*(?:were|was|have\s+been|has\s+been)\s/i.test(participle[0]) && /imposed|slapped|levied/i.test(participle[1]) && !hypothetical(text.slice(s.start, trigger.start))) {
    const body = bloc(ix, s);
    if (body) {
      imposers = body;
      how = "context";
    }
  }
  if (!imposers) return undefined;
  // a target before the noun ("targeted Y for new restrictions"): the reason comes after the noun
  let reason = reasonAfter(ix, Math.max(target?.end ?? pos, pos), s.end);
  // the relative clause is set off by commas: its reason ends at the next one
  const comma = relativeAfter && reason ? text.slice(reason.start, reason.end).indexOf(",") : -1;
  if (reason && comma > 0) reason = { start: reason.start, end: reason.start + comma };
  return { imposers, imposerHow: how, agentEnd, target, reason, ...(namedAgent && target ? { own: true } : {}), ...(added ? { list: true } : {}), ...(sharesSubject && !target ? { sharesSubject } : {}) };
}

/** "urged X to lift (the) …": `1` is X and what follows it, `2` the request's verb and article. */
const LIFT_ASKED = /\b(?:urg(?:e|es|ed|ing)|call(?:s|ed|ing)?\s+on|ask(?:s|ed|ing)?|press(?:es|ed|ing)?|push(?:es|ed|ing)?)\s+((?:[^,;.]|(?<=\b\p{Lu})\.){2,60}?)(\s+to\s+(?:release|lift|ease|remove|drop|unfreeze|end)\s+(?:the\s+|its\s+|their\s+)?(?:[\p{L}-]+\s+)?)$/iu;

/** "the sanctions regime, which the Council first created in 2006 in response to Z": who set up the sanctions, and why. */
function regimeCreated(ix: ActorIndex, s: Span, trigger: Span): Clause | undefined {
  const rel = /^\s+(?:list|regime|programme|program)\s*,?\s+(?:which|that)\s+/i.exec(ix.text.slice(trigger.end, s.end));
  if (!rel) return undefined;
  const agent = agentAt(ix, trigger.end + rel[0].length, s.end);
  if (!agent) return undefined;
  const verb = /^\s+(?:first\s+|originally\s+)?(?:created|established|set\s+up|imposed|introduced)\b/i.exec(ix.text.slice(agent.end, s.end));
  if (!verb) return undefined;
  const reason = reasonAfter(ix, agent.end + verb[0].length, s.end);
  if (!reason) return undefined;
  return { imposers: agent.keys, imposerHow: "verb", reason };
}

/** "X added Y to its sanctions list": Y is the target, X (or the list's owner) the imposer. */
function listClause(ix: ActorIndex, s: Span, trigger: Span): Clause | undefined {
  const pre = ix.text.slice(s.start, trigger.start);
  const m = /\b(?:added|adds|adding|add|put|puts|putting|placed|places|placing|included|includes|including)\s+(.+?)\s+(?:to|on|in)\s+((?:the|its|their|a)\s+)?((?:\S+\s+){0,3})$/u.exec(pre);
  if (!m) {
    // "Y was added to the entity list by X"
    const passive = /\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:also\s+)?(?:added|put|placed)\s+(?:to|on)\s+(?:the|its|their|a|an)\s+(?:\S+\s+){0,3}$/i.exec(pre);
    const by = passive && /^\s*(?:\([^)]*\)\s*)?by\s+/i.exec(ix.text.slice(trigger.end, s.end));
    const agent = by && agentAt(ix, trigger.end + by[0].length, s.end);
    if (!passive || !agent || hypothetical(pre.slice(0, passive.index))) return undefined;
    const target = subjectPhrase(ix, s.start, s.start + passive.index);
    return target && { imposers: agent.keys, imposerHow: "agent", agentEnd: agent.end, target, reason: reasonAfter(ix, agent.end, s.end), list: true };
  }
  if (/^(?:them|it|him|her)$/i.test(m[1])) return undefined;
  // "would have added …": the whole clause before the verb counts, not only the last words
  if (notAnAction(pre.slice(0, m.index)) || /\b(?:would|could|might)\s+have\b/i.test(pre.slice(0, m.index))) return undefined;
  const targetStart = s.start + m.index + m[0].indexOf(m[1], m[0].search(/\s/));
  const target = { start: targetStart, end: targetStart + m[1].length };
  const subject = imposerBefore(ix, s, s.start + m.index, target);
  const imposers = subject ?? possessor(ix, s, trigger.start);
  if (!imposers) return undefined;
  return { imposers, imposerHow: subject ? "verb" : "modifier", target, reason: reasonAfter(ix, trigger.end, s.end), list: true };
}

// ---- imposers ------------------------------------------------------------------------------

const GOVERNMENT = /\bthe\s+(?:[a-z]+\s+){0,2}(?:government|administration|authorities|cabinet)\s+(?:(?:has|had|have|would|will|also|then|later)\s+)*$/i;
const COLLECTIVE = /\b(?:the\s+)?(?:[\p{Lu}][\p{L}-]*\s+){1,3}(?:leaders|heads\s+of\s+state(?:\s+and\s+government)?|foreign\s+ministers|ministers|governments|member\s+states|states|nations)\s+(?:(?:has|had|have|also|jointly|on\s+\p{Lu}\p{Ll}+day)\s+)*$|\bthe\s+(?:regional\s+)?bloc\s+(?:(?:has|had|have|also)\s+)*$/u;
const BARE_BODY = /(?:^|[^\p{L}])(?:the\s+)?(Treasury|Ministry|Department|Commission|Council|Parliament|Office)\s+(?:(?:has|had|have|also|then|later)\s+)*$/u;
const MINISTRY = /\bthe\s+(?:foreign\s+)?ministry\s+(?:(?:has|had|have|also|then|later)\s+)*$/i;

/**
 * The imposer of a verb at `pos`: its subject, where the mentions leave it unnamed read from the words:
 * "the government" (the state named last, not the target's), "West African leaders" (the bloc the
 * article names), "Treasury" (the body of that name), "the ministry" (the state whose ministry was named).
 */
function imposerBefore(ix: ActorIndex, s: Span, pos: number, target: Span | undefined): string[] | undefined {
  // "… ministers agreed on Friday to freeze": the subject of the verb that governs the infinitive
  let pre = ix.text.slice(s.start, pos).replace(/\b(?:agreed|decided|voted|moved)\s+(?:on\s+)?(?:(?:\p{Lu}\p{Ll}+day|today|yesterday)\s+)?to\s+$/u, "");
  const carried = DECISION_CARRIED_OUT.exec(pre);
  if (carried) {
    pre = pre.slice(0, carried.index);
    pos = s.start + carried.index;
  }
  const avoid = new Set(target ? mentionsIn(ix, target.start, target.end).map((m) => m.entity) : []);
  if (GOVERNMENT.test(pre)) return nearestState(ix, s.start + GOVERNMENT.exec(pre)!.index, avoid);
  const collective = COLLECTIVE.exec(pre);
  if (collective) {
    // "Norwegian ministers": that state; "West African leaders": the bloc the article names
    const named = new Set(mentionsIn(ix, s.start + collective.index, pos).map((m) => m.entity));
    if (!named.size) return bloc(ix, s);
    if (named.size === 1 && isActorKind(ix.byKey.get([...named][0]))) return [...named];
  }
  const bare = BARE_BODY.exec(pre);
  const head = bare && s.start + bare.index + bare[0].indexOf(bare[1]);
  if (bare && head && !mentionsIn(ix, head - 200, pos + 200).some((m) => m.span.end > head && m.span.start < pos)) {
    const body = bodyNamed(ix, bare[1], s.start + bare.index);
    if (body) return [body];
  }
  // "Peru's foreign ministry said it would bar …": "it" is the body named before in the sentence, even as an owner
  const it = /\bit\s+(?:(?:has|had|have|would|will|also|then|later|now)\s+)*$/i.exec(pre);
  const owner = it && nearestBody(ix, s.start + it.index, s.start);
  if (owner) return owner;
  // "the president imposed …": the holder of that post named last, who acts for the body of the post
  const post = /\bthe\s+((?:[a-z]+\s+){0,2}(?:president|prime\s+minister|premier|chancellor|minister|secretary|king|emir))\s+(?:(?:has|had|have|also|then|later|now)\s+)*$/i.exec(pre);
  const holder = post && postHolder(ix, post[1], s.start + post.index);
  if (holder) return [holder];
  const subject = subjectBefore(ix, pos, s.start, { speech: false });
  if (subject) return subject.keys;
  if (MINISTRY.test(pre)) return ministryState(ix, s.start + MINISTRY.exec(pre)!.index);
  return undefined;
}

/** The person named last before `pos` who holds a post called `title` ("the president" → President X). */
function postHolder(ix: ActorIndex, title: string, pos: number): string | undefined {
  const words = title.toLowerCase().split(/\s+/);
  const d = docIndex(ix);
  let holders = d.holders.get(title.toLowerCase());
  if (!holders) {
    holders = new Set(ix.a.roles.filter((r) => words.every((w) => r.title.toLowerCase().split(/\s+/).includes(w))).map((r) => r.holder));
    d.holders.set(title.toLowerCase(), holders);
  }
  if (!holders.size) return undefined;
  for (let i = mentionFrom(ix, pos) - 1; i >= 0 && ix.mentions[i].span.start > pos - FAR; i--) if (holders.has(ix.mentions[i].entity)) return ix.mentions[i].entity;
  return undefined;
}

/** The state mentioned last before `pos`, other than those in `avoid`. */
function nearestState(ix: ActorIndex, pos: number, avoid: Set<string>): string[] | undefined {
  for (let i = mentionFrom(ix, pos) - 1; i >= 0 && ix.mentions[i].span.start > pos - FAR; i--) {
    const m = ix.mentions[i];
    if (m.span.end > pos) continue;
    if (ix.byKey.get(m.entity)?.kind === "country" && !avoid.has(m.entity)) return [m.entity];
  }
  return undefined;
}

/** The international organisation named nearest to sentence `s` (within two sentences either side). */
function bloc(ix: ActorIndex, s: Span): string[] | undefined {
  const si = spanIndexAt(ix.sentences, s.start);
  if (si < 0) return undefined;
  const near = (d: number) => {
    const { start, end } = ix.sentences[si + d] ?? { start: 0, end: 0 };
    const i = findMention(ix, start, end - 1, (m) => {
      const e = ix.byKey.get(m.entity);
      return e?.kind === "organisation" && e.orgType === "international";
    });
    return i >= 0 ? ix.mentions[i].entity : undefined;
  };
  for (const d of [0, -1, 1, -2, 2]) {
    const key = near(d);
    if (key) return [key];
  }
  return undefined;
}

/** The organisation named before `pos` whose name has the word `head` ("Treasury" → "the Treasury Department"). */
function bodyNamed(ix: ActorIndex, head: string, pos: number): string | undefined {
  for (let i = mentionFrom(ix, pos) - 1; i >= 0 && ix.mentions[i].span.start > pos - FAR; i--) {
    const m = ix.mentions[i];
    if (m.span.end > pos) continue;
    const e = ix.byKey.get(m.entity);
    if (e?.kind === "organisation" && e.names.some((n) => n.split(/\s+/).includes(head))) return e.key;
  }
  return undefined;
}

/** "the ministry" with no ministry named as an organisation: the state of the last "Iran's foreign ministry". */
function ministryState(ix: ActorIndex, pos: number): string[] | undefined {
  for (let i = mentionFrom(ix, pos) - 1; i >= 0 && ix.mentions[i].span.start > pos - FAR; i--) {
    const m = ix.mentions[i];
    if (m.span.end > pos || ix.byKey.get(m.entity)?.kind !== "country") continue;
    if (/^(?:['’]s)?\s+(?:[a-z]+\s+){0,2}ministry\b/i.test(ix.text.slice(m.span.end, m.span.end + 30))) return [m.entity];
  }
  return undefined;
}

/** Offset (in `pre`) of a sanctions verb governing the noun at the end of `pre`: "imposed (new) sanctions". */
function governingVerb(pre: string): number | undefined {
  // "X responded with (counter-)sanctions on Y"
  const answer = /\b(?:responded|retaliated|hit\s+back|struck\s+back)\s+with\s+(?:[\p{L}-]+\s+){0,3}(?:counter-)?$/iu.exec(pre);
  if (answer) return answer.index;
  // "adopted the bloc's tenth package of sanctions": the measure noun and its owner are no words between
  const pkg = /(?:\b[\p{Lu}][\p{L}.-]*(?:\s+[\p{Lu}][\p{L}.-]*){0,3}['’]s\s+)?(?:(?:new|fresh|latest|further|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d+(?:st|nd|rd|th))\s+)?(?:package|round|set|wave|raft|batch|tranche)\s+of\s+(?:new\s+|fresh\s+|further\s+)?$/u.exec(pre);
  if (pkg) pre = pre.slice(0, pkg.index);
  // "impose an asset freeze, travel ban and arms embargo on Y": the measures listed before are no words between
  const measures = /(?:(?:an?\s+|the\s+)?(?:asset\s+freezes?|travel\s+bans?|entry\s+bans?|visa\s+bans?|arms\s+embargo(?:es)?|export\s+controls?|sanctions)(?:\s*,\s*(?:and\s+)?|\s+and\s+))+$/i.exec(pre);
  if (measures) pre = pre.slice(0, measures.index);
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
const OWNER_GAP = /^(?:['’]s)?(?:\s+(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|own|new|fresh|further|latest|additional|unilateral|economic|financial|trade|tough|sweeping|targeted|punitive|retaliatory|broad|harsh|coordinated|existing|previous|earlier|recent))*\s+$/i;

/** "its (own) sanctions", "Washington's sanctions", "US sanctions": the actor that owns them. */
function possessor(ix: ActorIndex, s: Span, at: number): string[] | undefined {
  const pre = ix.text.slice(s.start, at);
  const its = /\b(its|their)\s+(?:[\p{L}-]+\s+){0,2}$/iu.exec(pre);
  if (its) {
    const owner = its[1].toLowerCase() === "their" ? pluralAntecedent(ix, s.start + its.index) : nearestBody(ix, s.start + its.index, s.start);
    return owner?.length ? owner : undefined;
  }
  for (let i = mentionFrom(ix, at) - 1; i >= 0; i--) {
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
  for (let i = mentionFrom(ix, pos) - 1; i >= 0; i--) {
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
  const first = mentionFrom(ix, pos);
  const i = first < ix.mentions.length && ix.mentions[first].span.start <= pos + skip + 1 && ix.mentions[first].span.start < end ? first : -1;
  if (i < 0 || !isActorKind(ix.byKey.get(ix.mentions[i].entity))) return undefined;
  const group = ix.groups.get(i) ?? [i];
  return { keys: groupKeys(ix, i), end: ix.mentions[group[group.length - 1]].span.end };
}

/** The target phrase at `pos`: noun phrases with their attachments (sanction-patterns.ts). */
function phraseAt(ix: ActorIndex, pos: number, end: number): Span | undefined {
  const span = targetPhraseAt(ix.a.tokens, pos, end);
  if (!span) return undefined;
  const phrase = ix.text.slice(span.start, span.end);
  if (/^(?:the\s+)?(?:first|second|third|last|next)\s+time\b/i.test(phrase)) return undefined;
  return span;
}

/** "extended them for another year": a duration, not a reason. */
const DURATION = /^(?:(?:another|a\s+further|a\s+further|an\s+additional|a|one|two|three|four|five|six|seven|eight|nine|ten|twelve|eighteen|\d+)\s+)?(?:more\s+)?(?:years?|months?|weeks?|days?)\b/i;

/** "after the bloc tightened its sanctions", "after being placed under sanctions by X": an action told as a clause is no reason. */
const ACTION_CLAUSE = /^(?:the\s+)?(?:[\p{L}.'’-]+\s+){0,4}?(?:imposed|tightened|extended|expanded|widened|broadened|renewed|announced|adopted|approved|toughened)\s+(?:its|their|the|new|fresh|further)\s+(?:[\p{L}-]+\s+)?(?:sanctions|measures|restrictions)\b|^(?:having\s+been|being)\s+(?:placed\s+under|hit\s+with|slapped\s+with|sanctioned|designated|blacklisted)\b/iu;

/** The reason phrase after a marker ("over", "in response to", "accused of"), after `pos`. */
function reasonAfter(ix: ActorIndex, pos: number, end: number): Span | undefined {
  const rest = ix.text.slice(pos, end);
  const reason = new RegExp(REASON.source, "giu");
  const named = mentionsIn(ix, pos - 200, end).filter((x) => x.span.end > pos);
  let m = reason.exec(rest);
  // "hours after …" is a time, not a reason; a marker inside a name is none
  while (m && (/\b(?:minutes|hours|days|weeks|months|years|shortly|soon|just|immediately)\s+$/i.test(ix.text.slice(Math.max(0, pos + m.index - 20), pos + m.index)) || (/^for\s/i.test(m[0]) && DURATION.test(rest.slice(m.index + m[0].length))) || (/^(?:after|following)\s/i.test(m[0]) && ACTION_CLAUSE.test(rest.slice(m.index + m[0].length))) || named.some((x) => x.span.start < pos + m!.index && pos + m!.index < x.span.end))) m = reason.exec(rest);
  if (!m) return undefined;
  const from = m.index + m[0].length;
  const tail = rest.slice(from);
  const stop = REASON_END.exec(tail);
  const phrase = tail.slice(0, stop ? stop.index : tail.length).trim();
  if (!phrase || /^(?:the\s+)?(?:first|second|third|last|next)\s+time\b/i.test(phrase)) return undefined;
  // "following the United States and Britain": other imposers, not a reason
  const span = { start: pos + from, end: pos + from + phrase.length };
  const actors = named.filter((x) => x.span.start >= span.start && x.span.end <= span.end && isActorKind(ix.byKey.get(x.entity)));
  let left = ix.text.slice(span.start, span.end);
  for (const x of [...actors].reverse()) left = left.slice(0, x.span.start - span.start) + left.slice(x.span.end - span.start);
  if (actors.length && /^(?:\s|,|\band\b|\bthe\b)*$/i.test(left)) return undefined;
  return span;
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
function imposingBodies(ix: ActorIndex, keys: string[], hit: string[] = []): string[] {
  const out: string[] = [];
  for (const k of keys) {
    const e = ix.byKey.get(k);
    if (!e || e.kind === "place") continue;
    if (e.kind !== "person") {
      if (canImpose(ix.byKey.get(k))) out.push(k);
    } else {
      // a post's body that cannot impose (a news agency read off a byline) is no body of the post
      const posts = rolesOf(ix, k);
      const roles = posts.filter((r) => !r.organisation || canImpose(ix.byKey.get(r.organisation)));
      for (const r of roles) if (r.organisation && ix.byKey.get(r.organisation)?.kind !== "person") out.push(r.organisation);
      // "Foreign Minister X announced sanctions" with no state named for the post: the state of the
      // dateline's capital ("WASHINGTON —"), else the article's own state
      if (!roles.some((r) => r.organisation) && posts.some((r) => GOVERNMENT_POST.test(r.title))) {
        const home = datelineState(ix, new Set(hit)) ?? mainState(ix, new Set(hit));
        if (home) out.push(home);
      }
    }
  }
  for (const k of [...out]) out.push(...parentStates(ix, k));
  return [...new Set(out)];
}

/** Per document: each person's posts, and namedState's answers (each computed once). */
interface DocIndex {
  roles: Map<string, AnnotatedDocument["roles"]>;
  states: Map<string, string[]>;
  /** The holders of posts with these title words ("president"). */
  holders: Map<string, Set<string>>;
  /** The dateline's place (null: none), read once. */
  dateline?: string | null;
}
const docIndexes = new WeakMap<ActorIndex, DocIndex>();
function docIndex(ix: ActorIndex): DocIndex {
  let d = docIndexes.get(ix);
  if (!d) {
    const roles = new Map<string, AnnotatedDocument["roles"]>();
    for (const r of ix.a.roles) roles.set(r.holder, [...(roles.get(r.holder) ?? []), r]);
    d = { roles, states: new Map(), holders: new Map() };
    docIndexes.set(ix, d);
  }
  return d;
}
const rolesOf = (ix: ActorIndex, holder: string) => docIndex(ix).roles.get(holder) ?? [];

/** "U.S. Department of the Treasury", "UK Foreign Office": a body whose name starts with its state's name. */
function namedState(ix: ActorIndex, key: string): string[] {
  const known = docIndex(ix).states.get(key);
  if (known) return known;
  const e = ix.byKey.get(key);
  let out: string[] = [];
  if (e?.kind === "organisation" && e.orgType !== "international") {
    const states = ix.a.entities.filter((c) => c.kind === "country");
    out = states.filter((c) => c.names.some((n) => e.names.some((own) => own.startsWith(`${n} `)))).map((c) => c.key);
  }
  docIndex(ix).states.set(key, out);
  return out;
}

const GOVERNMENT_POST = /\b(?:minister|secretary|president|premier|chancellor)\b/i;

/** Bodies that never impose sanctions: news agencies, universities, firms (a role read off a byline). */
const NOT_IMPOSING = new Set(["media", "academic", "company"]);
const canImpose = (e: LocalEntity | undefined) => !!e && e.kind !== "place" && !(e.kind === "organisation" && NOT_IMPOSING.has(e.orgType ?? ""));

/** The dateline's place: the article's, else one in capitals opening one of its first paragraphs (after captions). */
function datelinePlace(ix: ActorIndex): string | undefined {
  const d = docIndex(ix);
  if (d.dateline === undefined) {
    d.dateline = ix.a.doc.dateline?.place ?? null;
    const blocks = ix.a.doc.blocks;
    for (let k = 0; d.dateline === null && k < Math.min(blocks.length, 12); k++) {
      const b = blocks[k];
      if (b.kind !== "body") continue;
      const line = parseDateline(ix.text, b.start, b.end);
      const written = line?.place && ix.text.slice(line.span.start, line.span.start + line.place.length);
      if (written && written === written.toUpperCase() && /\p{Lu}{3}/u.test(written)) d.dateline = line!.place!;
    }
  }
  return d.dateline ?? undefined;
}

/** The state whose capital the dateline names ("WASHINGTON —"), when the article names that state too. */
function datelineState(ix: ActorIndex, avoid: Set<string>): string | undefined {
  const place = datelinePlace(ix);
  if (!place) return undefined;
  const titled = place.toLowerCase().replace(/(^|[\s-])\p{L}/gu, (c) => c.toUpperCase());
  const info = lexicons().capitals.get(titled) ?? lexicons().capitals.get(place);
  const state = info?.iso3 && ix.a.entities.find((e) => e.kind === "country" && e.iso3 === info.iso3);
  return state && !avoid.has(state.key) ? state.key : undefined;
}

/** Mentions per state, most named first: counted once per document. */
const stateCounts = new WeakMap<ActorIndex, Array<[string, number]>>();

/** The state the article names most often (at least three times), leaving out `avoid`. */
function mainState(ix: ActorIndex, avoid: Set<string>): string | undefined {
  let ranked = stateCounts.get(ix);
  if (!ranked) {
    const counts = new Map<string, number>();
    for (const m of ix.mentions) if (ix.byKey.get(m.entity)?.kind === "country") counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
    ranked = [...counts].sort((x, y) => y[1] - x[1]);
    stateCounts.set(ix, ranked);
  }
  const best = ranked.find(([k]) => !avoid.has(k));
  return best && best[1] >= 3 ? best[0] : undefined;
}

function toFact(ix: ActorIndex, s: Span, c: Clause, reference: string | undefined, trigger: number): SanctionFact | undefined {
  const hit = c.target ? mentionsIn(ix, c.target.start, c.target.end).map((m) => m.entity) : [];
  const imposers = imposingBodies(ix, c.imposers, hit);
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
    targets = [...new Set(mentionsIn(ix, target.start, target.end).map((m) => m.entity))];
    // "sanctions on the country": the state named last before, not an imposer
    if (!targets.length && /^the\s+country$/i.test(targetText)) targets = nearestState(ix, target.start, new Set(imposers)) ?? [];
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
function actionWindow(ix: ActorIndex, s: Span, c: Clause, trigger: number): Span {
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
  // a fronted adverbial belongs to the clause: "On March 3, Iceland imposed …"
  if (/^[^,;]{0,40},\s*(?:the\s+)?(?:\p{Lu}[\p{L}-]*\s+){0,4}$/u.test(ix.text.slice(s.start, start))) start = s.start;
  const last = Math.max(trigger, c.target?.end ?? 0, c.reason?.end ?? 0, c.agentEnd ?? 0);
  // "Britain's sanctions on Y, announced on Tuesday, …": the participle's date is the action's
  const tail = /^,\s+(?:(?:first|jointly|also)\s+)?(?:announced|imposed|adopted|unveiled|approved|agreed|introduced)\s+(?:on\s+[\p{L}]+(?:\s+\d{1,2})?|last\s+[\p{L}]+|in\s+[\p{L}]+(?:\s+\d{4})?|yesterday|today)/u.exec(ix.text.slice(last, s.end))?.[0] ?? /^[^,;.]{0,30}/.exec(ix.text.slice(last, s.end))![0];
  return { start, end: last + tail.length };
}

/** The day fixed inside the action's window, outside its reason and target phrases. */
function dateNear(ix: ActorIndex, w: Span, reference: string, exclude: Array<Span | undefined>): TimeMention | undefined {
  const found = findTimes(ix.text.slice(w.start, w.end), reference, w.start).filter((d) => !exclude.some((x) => x && d.span.start >= x.start && d.span.start < x.end));
  // a day wins; else the month or year the window fixes ("earlier this month", "in 2014")
  return found.find((d) => d.date) ?? found[0];
}

/**
 * A reporting clause closing the sentence: "…, the Foreign Ministry said in a statement on Wednesday."
 * Its speaker is a plain noun phrase (no "which …", "after …"); after the verb stand only a medium
 * and a time ("in a statement", "at a news conference", "late on Friday", "on 3 March").
 */
const CLOSING_ATTRIBUTION = /^[^;"“”]*?,\s+(?!(?:which|who|whom|that|when|where|while|as|after|before|since|and|but|or|because|although|if)\b)(?:[^,;"“”]{1,80}?\s)?(?:said|says|announced|announces|stated|confirmed)((?:\s+[\p{L}\d]+)*)$/iu;
const AFTER_VERB = new Set(
  ("in on at during late early earlier later this last yesterday today tonight a an the its his her their " +
    "statement press news release conference briefing website post posted social media message note interview " +
    "morning afternoon evening night st nd rd th").split(" "),
);

/** The day a closing reporting clause gives the action, when the action's own words fix no time. */
function announcedOn(ix: ActorIndex, from: number, end: number, reference: string): TimeMention | undefined {
  if (end - from > 240) return undefined; // a short closing clause, not the rest of an endless sentence
  const rest = ix.text.slice(from, end).replace(/[.!]\s*$/, "");
  const m = CLOSING_ATTRIBUTION.exec(rest);
  // after the verb: medium and time words, day and month names, numbers
  if (!m || !m[1].trim().split(/\s+/).filter(Boolean).every((w) => AFTER_VERB.has(w.toLowerCase()) || /^\p{Lu}/u.test(w) || /^\d{1,4}(?:st|nd|rd|th)?$/.test(w))) return undefined;
  return findTimes(rest, reference, from).find((d) => d.date);
}

/** The month and year of a time without its day. */
const coarseOf = (t: Pick<SanctionFact, "month" | "year">): Pick<SanctionFact, "month" | "year"> => ({ ...(t.month ? { month: t.month } : {}), ...(t.year ? { year: t.year } : {}) });

/**
 * A later reference to an action already found: same imposer and same target (named alike, or
 * the same state by adjective and mostly the same words), or another report of the same list addition.
 */
function repeats(ix: ActorIndex, g: SanctionFact, gm: Meta, f: SanctionFact, fm: Meta, c: Clause): boolean {
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
  return sameTargets || c.imposerHow === "modifier";
}

const NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

/** The count a target phrase starts with ("8 senior officials", "three Malian officials"), if any. */
function countOf(phrase: string): number | undefined {
  const m = /^(?:the\s+)?(\d[\d,]*|[a-z]+)\s/i.exec(phrase);
  if (!m) return undefined;
  const w = m[1].toLowerCase();
  const n = /^\d/.test(w) ? Number(w.replace(/,/g, "")) : NUMBER_WORDS.indexOf(w);
  return n > 0 ? n : undefined;
}

/** Both phrases start with the same count of targets ("8 senior officials", "8 high-ranking politicians"). */
function sameCount(a: string, b: string): boolean {
  const x = countOf(a);
  return !!x && x === countOf(b);
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
function followUp(ix: ActorIndex, s: Span, lastBefore: (pos: number) => SanctionFact | undefined): SanctionFact | undefined {
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
