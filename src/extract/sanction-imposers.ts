import { parseDateline } from "../ingest/dateline.ts";
import type { LocalEntity, Span } from "../model.ts";
import type { AnnotatedDocument } from "./annotate.ts";
import type { Token } from "./tokens.ts";
import { calledByHead, lexicons } from "./lexicon.ts";
import { pattern, type Element, type Match, type Pattern, type TokenTest } from "./patterns.ts";
import { ADVERBIAL, UNDATED_ADVERBIAL, endOf, isIngWord, isLetters, isOrdinalNumber, isWeekdayWord, tokenAtOrAfter } from "./sanction-patterns.ts";
import { type ActorIndex, findMention, groupKeys, inside, isActorKind, parentStates, pluralAntecedent, spanIndexAt, subjectBefore } from "./quote-actors.ts";
import { FAR, decisionOwner, mentionFrom, mentionsIn, nearestBody } from "./sanction-context.ts";


// ---- imposers ------------------------------------------------------------------------------

/** Words between a subject and its verb that do not change who acts: "has", "would", "also", "on Monday", "formally". */
const AUX_TAIL: Element = {
  op: [0, 4],
  any: [{ lower: ["has", "had", "have", "would", "will"] }, ADVERBIAL],
};
const FOLLOWED = (...elements: Element[]) => pattern([...elements, AUX_TAIL]);

/** "the (new military) government", "the authorities": the state named last, not the target's. */
/** (with no dated adverbial: "the government on Monday …" reads the state named last, too weak a guess to reach further) */
/** "the Norwegian and Icelandic governments", "the US and UK governments". */
const GOVERNMENTS = pattern([
  { lower: "the" },
  { word: true, op: [1, 3] },
  { lower: ["and", "&"] },
  { word: true, op: [1, 3] },
  { lower: ["governments", "administrations", "authorities"] },
  { op: [0, 4], any: [{ lower: ["have", "had", "would", "will"] }, UNDATED_ADVERBIAL] },
]);
const GOVERNMENT = pattern([
  { lower: "the" },
  { word: true, op: [0, 2] },
  { lower: ["government", "administration", "authorities", "cabinet"] },
  { op: [0, 4], any: [{ lower: ["has", "had", "have", "would", "will"] }, UNDATED_ADVERBIAL] },
]);
/** "West African leaders", "EU foreign ministers", "the regional bloc": the state named in it, or the bloc the article names. */
const COLLECTIVE = FOLLOWED({
  any: [
    [
      { lower: "the", op: "?" },
      { cap: true, word: true, op: [1, 3] },
      {
        any: [
          { lower: ["leaders", "ministers", "governments", "states", "nations"] },
          [{ lower: "heads" }, { lower: "of" }, { lower: "state" }, { seq: [{ lower: "and" }, { lower: "government" }], op: "?" }],
          [{ lower: "foreign" }, { lower: "ministers" }],
          [{ lower: "member" }, { lower: "states" }],
        ],
      },
      { seq: [{ lower: "on" }, { test: isWeekdayWord }], op: "?" },
    ],
    [{ lower: "the" }, { lower: "regional", op: "?" }, { lower: "bloc" }],
  ],
});
/** "the Treasury", "the Council": a body called by its head word alone, as the text named it before. */
const BARE_BODY = FOLLOWED({ lower: "the", op: "?" }, { text: ["Treasury", "Ministry", "Department", "Commission", "Council", "Parliament", "Office"], as: "head" });
/** "it has": the body named before in the sentence. */
const IT = FOLLOWED({ lower: "it" });
/** "…, which (has) placed …": a relative clause's subject. */
const WHICH = FOLLOWED({ lower: "which" });
/** "the president", "the prime minister": the holder of that post named last. */
const POST = FOLLOWED(
  { lower: "the" },
  {
    as: "title",
    seq: [{ word: true, not: { lower: ["president", "minister", "premier", "chancellor", "secretary", "king", "emir"] }, op: [0, 2] }, { any: [{ lower: ["president", "premier", "chancellor", "minister", "secretary", "king", "emir"] }, [{ lower: "prime" }, { lower: "minister" }]] }],
  },
);
/** "The Norwegian government on Friday announced …": a dated adverbial, read only where the phrase names its state. */
const GOVERNMENT_DATED = pattern([
  { lower: "the" },
  { word: true, op: [1, 2] },
  { lower: ["government", "administration", "authorities", "cabinet"] },
  { op: [1, 4], any: [{ lower: ["has", "had", "have", "would", "will"] }, ADVERBIAL] },
]);
/** "We have today imposed …": a release speaking for its issuer. */
const WE = FOLLOWED({ lower: "we" }, { lower: ["are", "were"], op: "?" });
/** How far into a document (characters) its issuer's header may name it. */
const HEADER_REACH = 300;
/**
 * The body a release is issued by: the first government body named in the blocks before
 * the one holding `pos`, near the top ("Ministry of Foreign Affairs of X / Media release / We have today …").
 */
function issuer(ix: ActorIndex, pos: number): string[] | undefined {
  const first = ix.a.doc.blocks.find((b) => b.end > pos);
  const limit = Math.min(HEADER_REACH, first ? first.start : pos);
  const head = mentionsIn(ix, 0, limit);
  // (a government body only: a state named at the top may be the one hit or the one the story is about)
  const body = head.find((m) => ix.byKey.get(m.entity)?.kind === "organisation" && ix.byKey.get(m.entity)?.orgType === "government");
  return body ? [body.entity] : undefined;
}
/** "Peru's (foreign) minister", "Chile's prime minister" with no holder named: the post's state acts. */
const OWNED_POST = FOLLOWED(
  { text: ["'s", "’s"] },
  { word: true, not: { lower: ["president", "minister", "premier", "chancellor", "secretary"] }, op: [0, 2] },
  { lower: ["president", "premier", "chancellor", "minister", "secretary"] },
);
/** "the (foreign) ministry" with no ministry named: the state whose ministry the text named. */
const MINISTRY = FOLLOWED({ lower: "the" }, { lower: "foreign", op: "?" }, { lower: "ministry" });
/** "… ministers agreed on Friday to freeze": the subject of the verb that governs the infinitive. */
const AGREED_TO = pattern([
  { lower: ["agreed", "decided", "voted", "moved"] },
  { any: [[{ lower: "on", op: "?" }, { any: [{ test: isWeekdayWord }, { lower: ["today", "yesterday"] }] }], ADVERBIAL], op: [0, 2] },
  { lower: "to" },
]);
/** "X responded on 9 January by closing its borders and freezing …", "X retaliated by banning …": X acts. */
const RESPONDED_BY = pattern([
  { any: [{ lower: ["responded", "retaliated", "reacted", "answered"] }, [{ lower: ["hit", "struck"] }, { lower: "back" }]] },
  { seq: [ADVERBIAL], op: [0, 2] },
  { lower: "by" },
  { seq: [{ test: isIngWord }, { not: { text: [",", ";", ".", ":"] }, op: [0, 12] }, { lower: "and" }], op: "?" },
]);
/** "X implemented / signed the council's decision to impose …": a decision carried out is an action, X its imposer. */
export const DECISION_CARRIED_OUT = pattern([
  { lower: ["implemented", "implements", "signed", "signs", "approved", "approves", "enacted", "enacts", "endorsed", "endorses", "upheld", "upholds"] },
  { not: { text: [",", ";", ".", "!", "?"] }, op: [0, 16] },
  { lower: ["decision", "decisions", "decree", "order", "resolution", "ruling"] },
  { lower: "to" },
]);

/** "X signed an executive order imposing / freezing / blocking …": the order's signer imposes. */
const ORDER_SIGNED = pattern([
  { lower: ["signed", "signs", "issued", "issues"] },
  { lower: ["an", "a", "the"], op: "?" },
  { word: true, not: { lower: ["order", "decree", "directive", "proclamation"] }, op: [0, 2] },
  { lower: ["order", "decree", "directive", "proclamation"] },
  { seq: [{ lower: "on" }, { test: isWeekdayWord }], op: "?" },
  { text: ",", op: "?" },
]);
/** "the Security Council's sanctions committee", "the ministry's sanctions office": a unit acts for the body that owns it. */
const OWNED_UNIT = FOLLOWED({ text: ["'s", "’s"] }, { word: true, op: [0, 2] }, { lower: ["committee", "panel", "office", "unit", "department", "directorate", "agency", "division", "service"] });
/**
 * "the Committee established pursuant to resolution 1234 (2015) concerning Norland approved …" (invented):
 * a committee's long name, its resolution and its country, before the verb. The body is the one named
 * right before "established", not the country at the end.
 */
const ESTABLISHED_UNDER = FOLLOWED(
  { any: [{ lower: ["established", "created", "constituted"] }, [{ lower: "set" }, { lower: "up" }]] },
  { any: [[{ lower: "pursuant" }, { lower: "to" }], { lower: ["under", "by"] }] },
  { lower: ["resolution", "resolutions"] },
  { not: { text: [",", ";", ".", ":"] }, op: [1, 14] },
);
/** "the president" with no holder named acts for the article's state. */
const HEADS_OF_GOVERNMENT = new Set(["president", "prime minister", "premier", "chancellor"]);
/** Bare heads that name a state's own office ("the Treasury"). */
const STATE_OFFICES = new Set(["Treasury"]);
/** Bare heads that name a bloc's own body ("the Council adopted …", "the Commission proposed …"). */
const BLOC_BODIES = new Set(["Council", "Commission", "Parliament"]);

/**
 * The imposer of a verb at `pos`: its subject, where the mentions leave it unnamed read from the words:
 * "the government" (the state named last, not the target's), "West African leaders" (the bloc the
 * article names), "Treasury" (the body of that name), "the ministry" (the state whose ministry was named).
 */
export function imposerBefore(ix: ActorIndex, s: Span, pos: number, target: Span | undefined, chained = false): string[] | undefined {
  const tokens = ix.a.tokens;
  const floor = tokenAtOrAfter(tokens, s.start);
  let v = tokenAtOrAfter(tokens, pos);
  // "the Council capped …, required …, and added 16 individuals to its list": the chain's subject
  const shared = chained ? undefined : sharedSubject(ix, s, v, target);
  if (shared) return shared;
  const before = (p: Pattern) => (v > floor ? p.matchBefore(tokens, v, Math.max(floor, v - 24)) : undefined);
  const start = (m: Match) => tokens[m.from].start;
  // "X has not designated Y as Z, despite imposing sanctions against Y": the gerund's subject is the clause's
  const adjunct = v > floor ? ADJUNCT_GERUND.matchBefore(tokens, v + 1, Math.max(floor, v - 2)) : undefined;
  if (adjunct && adjunct.to === v + 1 && adjunct.from > floor && tokens[adjunct.from - 1].text === ",") {
    const main = mainSubject(ix, s, tokens[adjunct.from].start);
    if (main) return main;
  }
  // "supported the ministry's decision of imposing …": the decision's owner ("X implemented the council's
  // decision to impose …" is X's action: the one who carries it out)
  const decider = decisionOwner(ix, s.start, pos);
  let carried = false;
  for (const p of [AGREED_TO, DECISION_CARRIED_OUT, ORDER_SIGNED, RESPONDED_BY]) {
    const m = before(p);
    if (m) {
      v = m.from;
      pos = start(m);
      carried = true;
    }
  }
  if (decider && !carried) return decider;
  const avoid = new Set(target ? mentionsIn(ix, target.start, target.end).map((m) => m.entity) : []);
  const established = before(ESTABLISHED_UNDER);
  const committee = established && established.from > floor ? mentionAt(ix, tokens[established.from - 1].end) : undefined;
  if (committee !== undefined) return groupKeys(ix, committee);
  // "the Norwegian and Icelandic governments imposed …": every state named in it
  const governments = before(GOVERNMENTS);
  if (governments) {
    const states = mentionsIn(ix, start(governments), tokens[governments.to - 1].end).filter((m) => ix.byKey.get(m.entity)?.kind === "country" && !avoid.has(m.entity)).map((m) => m.entity);
    if (states.length > 1) return [...new Set(states)];
  }
  const government = before(GOVERNMENT);
  if (government) {
    // "the Norwegian government": the state named in it; "the government": the state named last
    const own = mentionsIn(ix, start(government), tokens[government.to - 1].end).find((m) => ix.byKey.get(m.entity)?.kind === "country" && !avoid.has(m.entity));
    if (own) return [own.entity];
    // "the administration" after "the Varn administration": the state that one was read as
    const named = tokens[government.to - 1].lower === "administration" || tokens.slice(government.from, government.to).some((t) => t.lower === "administration") ? administrationBefore(ix, start(government), avoid) : undefined;
    if (named) return [named];
    // "the government has sanctioned 90 Chilean-linked people": a state the target is named by is hit, not imposing
    // (a compound like "Chilean-linked" is no mention of it); no state named: the release's issuer
    return nearestState(ix, start(government), new Set([...avoid, ...statesNamedIn(ix, target)])) ?? issuer(ix, start(government));
  }
  const dated = before(GOVERNMENT_DATED);
  const datedOwn = dated && mentionsIn(ix, start(dated), tokens[dated.to - 1].end).find((m) => ix.byKey.get(m.entity)?.kind === "country" && !avoid.has(m.entity) && m.span.end <= tokens[dated.to - 1].start);
  if (datedOwn) return [datedOwn.entity];
  const collective = before(COLLECTIVE);
  if (collective) {
    // "Norwegian ministers": that state; "West African leaders": the bloc the article names
    const named = new Set(mentionsIn(ix, start(collective), pos).map((m) => m.entity));
    if (!named.size) return bloc(ix, s);
    if (named.size === 1 && isActorKind(ix.byKey.get([...named][0]))) return [...named];
  }
  const unit = before(OWNED_UNIT);
  const owner = unit && mentionAt(ix, tokens[unit.from].start);
  if (owner !== undefined) return groupKeys(ix, owner);
  const bare = before(BARE_BODY);
  const head = bare && tokens[bare.get("head")!.from];
  if (bare && head && !mentionsIn(ix, head.start - 200, pos + 200).some((m) => m.span.end > head.start && m.span.start < pos)) {
    // "the Council" with no council named: the bloc the article names nearby
    const body = bodyNamed(ix, head.text, start(bare)) ?? (BLOC_BODIES.has(head.text) ? bloc(ix, s)?.[0] : undefined);
    if (body) return [body];
    // "Treasury designated …" with no treasury named: a state's own office, of the dateline's state or the one the article is about
    if (STATE_OFFICES.has(head.text)) {
      const home = datelineState(ix, avoid) ?? mainState(ix, avoid) ?? nearestState(ix, start(bare), avoid)?.[0];
      if (home) return [home];
    }
  }
  // "Peru's foreign ministry said it would bar …": "it" is the body named before in the sentence, even as an owner
  const it = before(IT);
  const antecedent = it && nearestBody(ix, start(it), s.start);
  if (antecedent) return antecedent;
  // "resolution 1234, (adopted on …,) which placed an arms embargo on Y": the body named before "which"
  const which = before(WHICH);
  const named = which && nearestBody(ix, start(which), s.start, target);
  if (named) return named;
  // "the president imposed …": the holder of that post named last, who acts for the body of the post
  const post = before(POST);
  const title = post?.get("title");
  const titleWords = post && title ? tokens.slice(title.from, title.to).map((t) => t.lower).join(" ") : "";
  const holder = post && titleWords && postHolder(ix, titleWords, start(post));
  if (holder) return [holder];
  // "the president signed …" with no president named: the state of the dateline, else the one the article is about
  if (post && HEADS_OF_GOVERNMENT.has(titleWords)) {
    const home = datelineState(ix, avoid) ?? mainState(ix, avoid);
    if (home) return [home];
  }
  const subject = subjectBefore(ix, pos, s.start, { speech: false });
  if (subject) return subject.keys;
  // "Peru's prime minister imposed …": the state that owns the post
  const ownedPost = before(OWNED_POST);
  const postState = ownedPost && ownedPost.from > floor ? mentionAt(ix, tokens[ownedPost.from].start) : undefined;
  if (postState !== undefined && ix.byKey.get(ix.mentions[postState].entity)?.kind === "country") return groupKeys(ix, postState);
  // "We have today imposed …" outside quotation marks: the release's issuer named in its header
  const we = before(WE);
  if (we && we.from === floor) return issuer(ix, start(we));
  const ministry = before(MINISTRY);
  if (ministry) return ministryState(ix, start(ministry));
  return undefined;
}

/** Past-tense verbs that do not end in "-ed". */
const IRREGULAR_PAST = new Set(["froze", "put", "set", "cut", "hit", "struck", "took", "made", "gave", "brought", "sent", "cast", "slapped"]);
const isPastVerb = (t: Token) => t.tag === "VERB" && (t.lower.endsWith("ed") || IRREGULAR_PAST.has(t.lower));
const isProgressive = (t: Token) => t.tag === "VERB" && t.lower.endsWith("ing");
const PROGRESSIVE_AUX = new Set(["is", "are", "was", "were"]);
/** How far back (tokens) the first verb of a chain is looked for. */
const CHAIN_REACH = 60;

/**
 * The subject of a verb that closes a chain of past-tense verbs sharing one subject ("The Council capped
 * …, required …, and added 16 individuals to its list"): the verb follows "and", and the subject is the
 * one of the chain's first verb (the verbs after "," or "and" are its later links).
 */
function sharedSubject(ix: ActorIndex, s: Span, v: number, target: Span | undefined): string[] | undefined {
  const tokens = ix.a.tokens;
  const floor = tokenAtOrAfter(tokens, s.start);
  if (v - 1 <= floor || tokens[v - 1].lower !== "and" || !tokens[v]) return undefined;
  // "X is mirroring A's sanctions and expanding its own": a chain of progressive verbs, too
  const progressive = isProgressive(tokens[v]);
  if (!progressive && !isPastVerb(tokens[v])) return undefined;
  for (let k = v - 2; k > floor && k >= v - CHAIN_REACH; k--) {
    const t = tokens[k];
    if (t.text === ";" || t.text === ":") return undefined;
    if (progressive ? !(isProgressive(t) && PROGRESSIVE_AUX.has(tokens[k - 1]?.lower)) : !isPastVerb(t)) continue;
    // a later link of the chain
    if (tokens[k - 1].lower === "and" || tokens[k - 1].text === ",") continue;
    const subject = imposerBefore(ix, s, t.start, target, true);
    if (subject) return subject;
  }
  return undefined;
}

/** ", despite / after / while imposing": a gerund set off after the clause it belongs to. */
const ADJUNCT_GERUND = pattern([
  { lower: ["despite", "after", "before", "while", "without", "since", "besides", "upon"] },
  { lower: "having", op: "?" },
  { word: true, test: (t) => t.lower.endsWith("ing") || t.lower.endsWith("ed") || IRREGULAR_PAST.has(t.lower) },
]);
/** The actor that opens sentence `s` as its subject, before `end`: its first mention, right before a verb group. */
function mainSubject(ix: ActorIndex, s: Span, end: number): string[] | undefined {
  const tokens = ix.a.tokens;
  for (let k = tokenAtOrAfter(tokens, s.start); k < tokens.length && tokens[k].start < end; k++) {
    if (tokens[k].tag !== "VERB" && tokens[k].tag !== "AUX") continue;
    const subject = subjectBefore(ix, tokens[k].start, s.start, { speech: false, maxWords: 6 });
    return subject?.how === "mention" && isActorKind(ix.byKey.get(subject.keys[0])) ? subject.keys : undefined;
  }
  return undefined;
}

/** An unnamed imposer written right before `pos`: "the Council", "the government", "EU leaders", "the committee of X". */
export function unnamedSubjectBefore(ix: ActorIndex, s: Span, pos: number): boolean {
  const tokens = ix.a.tokens;
  const floor = tokenAtOrAfter(tokens, s.start);
  const v = tokenAtOrAfter(tokens, pos);
  return v > floor && [BARE_BODY, GOVERNMENT, COLLECTIVE, OWNED_UNIT, POST].some((p) => p.matchBefore(tokens, v, Math.max(floor, v - 24)));
}

/** The index of the actor mention that ends right at `pos` ("the Security Council['s]"), if any. */
function mentionAt(ix: ActorIndex, pos: number): number | undefined {
  const i = mentionFrom(ix, pos) - 1;
  const m = i >= 0 ? ix.mentions[i] : undefined;
  return m && m.span.end === pos && isActorKind(ix.byKey.get(m.entity)) ? i : undefined;
}

/** The person named last before `pos` who holds a post called `title` ("the president" → President X). */
export function postHolder(ix: ActorIndex, title: string, pos: number): string | undefined {
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

/** States whose name opens a word of the target phrase ("Chilean-linked", "Chile-based"), mentioned or not. */
function statesNamedIn(ix: ActorIndex, target: Span | undefined): string[] {
  if (!target) return [];
  const words = ix.text.slice(target.start, target.end).split(/[\s,;]+/).filter((w) => /^\p{Lu}/u.test(w));
  if (!words.length) return [];
  return ix.a.entities.filter((e) => e.kind === "country" && e.names.some((n) => n.length >= 4 && words.some((w) => w.startsWith(n)))).map((e) => e.key);
}

/** The state a person-named administration before `pos` was read as ("the Varn administration"; sanction-actors). */
function administrationBefore(ix: ActorIndex, pos: number, avoid: Set<string>): string | undefined {
  for (let i = mentionFrom(ix, pos) - 1; i >= 0 && ix.mentions[i].span.start > pos - FAR; i--) {
    const m = ix.mentions[i];
    if (m.surface.toLowerCase() === "administration" && ix.byKey.get(m.entity)?.kind === "country" && !avoid.has(m.entity)) return m.entity;
  }
  return undefined;
}

/** The state mentioned last before `pos`, other than those in `avoid`. */
export function nearestState(ix: ActorIndex, pos: number, avoid: Set<string>): string[] | undefined {
  for (let i = mentionFrom(ix, pos) - 1; i >= 0 && ix.mentions[i].span.start > pos - FAR; i--) {
    const m = ix.mentions[i];
    if (m.span.end > pos) continue;
    if (ix.byKey.get(m.entity)?.kind === "country" && !avoid.has(m.entity)) return [m.entity];
  }
  return undefined;
}

/** The international organisation named nearest to sentence `s` (within two sentences either side). */
export function bloc(ix: ActorIndex, s: Span): string[] | undefined {
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
export function bodyNamed(ix: ActorIndex, head: string, pos: number): string | undefined {
  for (let i = mentionFrom(ix, pos) - 1; i >= 0 && ix.mentions[i].span.start > pos - FAR; i--) {
    const m = ix.mentions[i];
    if (m.span.end > pos) continue;
    const e = ix.byKey.get(m.entity);
    if (e?.kind === "organisation" && calledByHead(e.name) && e.names.some((n) => n.split(/\s+/).includes(head))) return e.key;
  }
  return undefined;
}

/** "Iran's (foreign) ministry". */
const OWN_MINISTRY = pattern([{ text: ["'s", "’s"], op: "?" }, { test: isLetters, not: { lower: "ministry" }, op: [0, 2] }, { lower: "ministry" }]);
/** "the ministry" with no ministry named as an organisation: the state of the last "Iran's foreign ministry". */
export function ministryState(ix: ActorIndex, pos: number): string[] | undefined {
  for (let i = mentionFrom(ix, pos) - 1; i >= 0 && ix.mentions[i].span.start > pos - FAR; i--) {
    const m = ix.mentions[i];
    if (m.span.end > pos || ix.byKey.get(m.entity)?.kind !== "country") continue;
    const k = tokenAtOrAfter(ix.a.tokens, m.span.end);
    const own = k < ix.a.tokens.length ? OWN_MINISTRY.matchAt(ix.a.tokens, k, { within: "anywhere" }) : undefined;
    if (own && endOf(ix.a.tokens, own) - m.span.end <= 30) return [m.entity];
  }
  return undefined;
}

/** Words of sanctions between their owner and the noun: "Washington's new", "US unilateral", "the EU's 20th". */
const SANCTION_ADJECTIVES = new Set([
  "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth",
  "own", "new", "fresh", "further", "latest", "additional", "unilateral", "economic", "financial", "trade", "tough", "sweeping",
  "targeted", "punitive", "retaliatory", "broad", "harsh", "coordinated", "existing", "previous", "earlier", "recent",
]);
const OWNER_GAP = pattern([{ text: ["'s", "’s"], op: "?" }, { any: [{ in: SANCTION_ADJECTIVES }, { test: isOrdinalNumber }], op: [0, 6] }]);
/** "its (own) sanctions", "their new": the owner is a body named before. */
const ITS = pattern([{ lower: ["its", "their"] }, { word: true, op: [0, 2] }]);

/**
 * The body named last before `pos` that heads its phrase: "X's arms sales to Y's Z region and its sanctions"
 * — Z, after a possessor and before a common noun, only describes the region, and "its" is X's.
 */
function nearestHeadBody(ix: ActorIndex, pos: number, floor: number, avoid?: Span): string[] | undefined {
  const tokens = ix.a.tokens;
  for (let end = pos; ; ) {
    const found = nearestBody(ix, end, floor, avoid);
    if (!found) return undefined;
    const i = mentionFrom(ix, end) - 1;
    let m = i >= 0 ? ix.mentions[i] : undefined;
    for (let k = i; k >= 0 && m && (m.entity !== found[0] || m.span.end > end); k--) m = ix.mentions[k - 1];
    if (!m) return found;
    const k = tokenAtOrAfter(tokens, m.span.start);
    const before = tokens[k - 1];
    const after = tokens[tokenAtOrAfter(tokens, m.span.end)];
    const modifier = before && (before.text === "'s" || before.text === "’s") && after && after.isWord && after.text === after.lower && after.tag === "NOUN";
    if (!modifier) return found;
    // past the possessor too: "Y's Z region" is one phrase about a place, not an actor that owns things
    const owner = ix.mentions[mentionFrom(ix, before.start) - 1];
    end = owner && owner.span.end === before.start ? owner.span.start : m.span.start;
  }
}

/** "its (own) sanctions", "Washington's sanctions", "US sanctions": the actor that owns them (never one named in `avoid`). */
export function possessor(ix: ActorIndex, s: Span, at: number, avoid?: Span): string[] | undefined {
  const tokens = ix.a.tokens;
  const end = tokenAtOrAfter(tokens, at);
  const floor = tokenAtOrAfter(tokens, s.start);
  const its = end > floor ? ITS.matchBefore(tokens, end, Math.max(floor, end - 4)) : undefined;
  if (its) {
    const pos = tokens[its.from].start;
    const owner = tokens[its.from].lower === "their" ? pluralAntecedent(ix, pos) : nearestHeadBody(ix, pos, s.start, avoid);
    return owner?.length ? owner : undefined;
  }
  for (let i = mentionFrom(ix, at) - 1; i >= 0; i--) {
    const m = ix.mentions[i];
    if (m.span.end > at) continue;
    if (m.span.end < at - 40) break;
    const e = ix.byKey.get(m.entity);
    if (e?.kind === "person" || !isActorKind(e) || ix.text[m.span.end] === "-") continue;
    const k = tokenAtOrAfter(tokens, m.span.end);
    if (k === end || OWNER_GAP.matchAt(tokens, k, { endAt: end })) return groupKeys(ix, i);
  }
  return undefined;
}


// ---- from clause to fact ---------------------------------------------------------------------

/** Imposers are states and organisations: a person stands for the body of their post, if known. */
export function imposingBodies(ix: ActorIndex, keys: string[], hit: string[] = [], at?: number): string[] {
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
      // dateline's capital ("WASHINGTON —"), else the state reported imposing before, else the next state
      // written imposing ("… Norway has now sanctioned 900 people"), else the article's own state
      if (!roles.some((r) => r.organisation) && posts.some((r) => GOVERNMENT_POST.test(r.title))) {
        const avoid = new Set(hit);
        const home = datelineState(ix, avoid) ?? reportedImposer(ix, avoid) ?? (at === undefined ? undefined : stateImposingAfter(ix, at, avoid)) ?? mainState(ix, avoid);
        if (home) out.push(home);
      }
    }
  }
  for (const k of [...out]) out.push(...parentStates(ix, k));
  return [...new Set(out)];
}

/** Per document: each person's posts, and namedState's answers (each computed once). */
export interface DocIndex {
  roles: Map<string, AnnotatedDocument["roles"]>;
  states: Map<string, string[]>;
  /** The holders of posts with these title words ("president"). */
  holders: Map<string, Set<string>>;
  /** The dateline's place (null: none), read once. */
  dateline?: string | null;
}
export const docIndexes = new WeakMap<ActorIndex, DocIndex>();
export function docIndex(ix: ActorIndex): DocIndex {
  let d = docIndexes.get(ix);
  if (!d) {
    const roles = new Map<string, AnnotatedDocument["roles"]>();
    for (const r of ix.a.roles) roles.set(r.holder, [...(roles.get(r.holder) ?? []), r]);
    d = { roles, states: new Map(), holders: new Map() };
    docIndexes.set(ix, d);
  }
  return d;
}
export const rolesOf = (ix: ActorIndex, holder: string) => docIndex(ix).roles.get(holder) ?? [];

/** "U.S. Department of the Treasury", "UK Foreign Office": a body whose name starts with its state's name. */
export function namedState(ix: ActorIndex, key: string): string[] {
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

export const GOVERNMENT_POST = /\b(?:minister|secretary|president|premier|chancellor)\b/i;

/** Bodies that never impose sanctions: news agencies, universities, firms (a role read off a byline). */
export const NOT_IMPOSING = new Set(["media", "academic", "company"]);
export const canImpose = (e: LocalEntity | undefined) => !!e && e.kind !== "place" && !(e.kind === "organisation" && NOT_IMPOSING.has(e.orgType ?? ""));

/** The dateline's place: the article's, else one in capitals opening one of its first paragraphs (after captions). */
export function datelinePlace(ix: ActorIndex): string | undefined {
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
export function datelineState(ix: ActorIndex, avoid: Set<string>): string | undefined {
  const place = datelinePlace(ix);
  if (!place) return undefined;
  const titled = place.toLowerCase().replace(/(^|[\s-])\p{L}/gu, (c) => c.toUpperCase());
  const info = lexicons().capitals.get(titled) ?? lexicons().capitals.get(place);
  const state = info?.iso3 && ix.a.entities.find((e) => e.kind === "country" && e.iso3 === info.iso3);
  return state && !avoid.has(state.key) ? state.key : undefined;
}

/** The state the article last reported imposing sanctions in its own words ("Norway imposed …"). */
const imposingStates = new WeakMap<ActorIndex, string>();
/** Notes a state that was the subject of a sanctions verb, for a minister with no state named later on. */
export function noteImposer(ix: ActorIndex, keys: readonly string[]): void {
  const states = keys.filter((k) => ix.byKey.get(k)?.kind === "country");
  if (states.length === 1) imposingStates.set(ix, states[0]);
}
function reportedImposer(ix: ActorIndex, avoid: Set<string>): string | undefined {
  const k = imposingStates.get(ix);
  return k && !avoid.has(k) ? k : undefined;
}

/** "… has (now) sanctioned", "… imposed", "… is imposing": a sanctions verb right after its subject. */
const IMPOSING_VERB = pattern([
  { lower: ["has", "have", "had", "is", "was"], op: "?" },
  { lower: ["now", "also", "already", "today", "since", "so", "far", "further"], op: [0, 2] },
  { lower: ["sanctioned", "imposed", "imposing", "designated", "blacklisted", "slapped", "levied"] },
]);
/** Per document: the states written as the subject of a sanctions verb, as [mention start, state], in text order. */
const imposingSubjects = new WeakMap<ActorIndex, Array<[number, string]>>();
/** The first state after `pos` that the text writes imposing ("Norway has now sanctioned …"), leaving out `avoid`. */
function stateImposingAfter(ix: ActorIndex, pos: number, avoid: Set<string>): string | undefined {
  let found = imposingSubjects.get(ix);
  if (!found) {
    found = [];
    const tokens = ix.a.tokens;
    for (const m of ix.mentions) {
      if (ix.byKey.get(m.entity)?.kind !== "country" || inside(ix.quoted, m.span.start)) continue;
      const i = tokenAtOrAfter(tokens, m.span.end);
      if (IMPOSING_VERB.matchAt(tokens, i)) found.push([m.span.start, m.entity]);
    }
    imposingSubjects.set(ix, found);
  }
  return found.find(([start, k]) => start > pos && !avoid.has(k))?.[1];
}

/** Mentions per state, most named first: counted once per document. */
export const stateCounts = new WeakMap<ActorIndex, Array<[string, number]>>();

/** The state the article names most often (at least three times), leaving out `avoid`. */
export function mainState(ix: ActorIndex, avoid: Set<string>): string | undefined {
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
