// Direct quotations and who speaks them.
//   quoted passages (quote-marks) → drop titles → attribution, tried in order:
//     "…,” he said / ,” said X (right after the quote) → X said that “…” (before it, same sentence)
//     → “…”, …, X said. (at the sentence's end) → "according to X"
//     → carried over from the quote or attribution just before (long quotes only)
// Fragments of four words or fewer are kept only with an attribution in their own sentence.
import type { QuoteFact, Span } from "../model.ts";
import type { AnnotatedDocument } from "./annotate.ts";
import { findQuotedPassages, passageText, type QuotedPassage } from "./quote-marks.ts";
import { buildActorIndex, isActorKind, onlyTitleWords, parentStates, sentenceAt, speechVerbs, subjectBefore, statementAuthors, wordCount, type Actor, type ActorIndex } from "./quote-actors.ts";
import { lexiconAlternation } from "./quote-lexicon.ts";

const STATEMENT_NOUN = new RegExp(`\\b(?:joint\\s+)?(?:${lexiconAlternation("speech-nouns.txt")})\\b`, "i");
const STATEMENT_NOUN_AT_START = new RegExp(`^\\s*(?:the\\s+|a\\s+|an\\s+)?${STATEMENT_NOUN.source.slice(2)}`, "i");
const SHORT_WORDS = 4;
/** A subject that is somebody unnamed: "a senior official", "one diplomat", "officials", "analysts". */
const UNNAMED_SPEAKER = /^[\s,—–-]*(?:(?:a|an|one|two|three|several|some|many|other|another|the)\s+)?(?:[\p{L}-]+\s+){0,4}(?:officials?|diplomats?|sources?|analysts?|experts?|observers?|residents?|witnesses?|people|person|aides?|spokesm[ae]n|spokeswom[ae]n|spokespersons?|lawmakers?|critics?|activists?|insiders?|members?)\s*$/iu;
/** A stretch after a quote that opens a new clause ("…”, with X responding") is no attribution. */
const CLAUSE_OPENER = /^[\s,—–-]*(?:with|and|but|as|while|when|after|before|since|because|though|although|which|who|where|in|on|at|for|from|by|to|of)\b/i;
/** Blocks whose quotes are names of things or repeats of the body, never statements. */
const SKIPPED_BLOCKS = new Set(["headline", "subheadline", "byline", "aside"]);
const TITLE_CUE_BEFORE = /\b(?:so-called|titled|entitled|named|dubbed|known\s+as|newsletter|book|novel|film|documentary|programme|program|operation|campaign|initiative|slogan|hashtag|song|series|column|podcast|show)\s*$/i;
/** A page's appeal for money or subscriptions that the page layout left in the story: its quotes are no statements. */
const APPEAL = /\b(?:please\s+(?:support|subscribe|donate|consider\s+supporting)|subscribe\s+(?:now|today)|paywall|you['’]ve\s+read\s+\d+\s+articles|become\s+a\s+(?:member|subscriber|supporter)|make\s+a\s+(?:contribution|donation)|support\s+(?:our|independent)\s+journalism|small\s+favou?r\s+to\s+ask)/i;
const TITLE_CUE_AFTER = /^\s*(?:newsletter|act|law|bill|doctrine|programme|program|initiative|strategy|report|book|plan|podcast|series)\b/i;

interface Attribution {
  actor: Actor;
  /** Where the attribution ends (to widen the evidence). */
  end: number;
  confidence: number;
}

export function extractQuotes(a: AnnotatedDocument): QuoteFact[] {
  const { text, blocks } = a.doc;
  const passages = findQuotedPassages(text, blocks).filter((p) => !SKIPPED_BLOCKS.has(blocks[p.block]?.kind) && !APPEAL.test(text.slice(blocks[p.block].start, blocks[p.block].end)));
  const ix = buildActorIndex(a, passages.map(markedSpan));
  const out: QuoteFact[] = [];
  const spoken = new Map<QuotedPassage, Actor>();
  for (const [i, p] of passages.entries()) {
    const words = passageText(text, p);
    if (!words || isTitle(text, p, words)) continue;
    const short = wordCount(words) <= SHORT_WORDS;
    let found = attribute(ix, p, short);
    // a short quote goes on from the quote before only when it is a sentence of its own (“A complete lie.”)
    if (found === undefined && (!short || /^\p{Lu}.*[.!?]$/u.test(words))) found = carriedOver(ix, passages, i, spoken, short);
    if (!found || !found.actor.keys.length) continue;
    if (short && found.actor.how === "definite") continue; // a fragment needs a sure speaker
    // a caption printed twice, a quote repeated: one statement
    if (out.some((q) => q.text === words && q.speaker === found!.actor.keys[0])) continue;
    spoken.set(p, found.actor);
    ix.spoken.push({ at: markedSpan(p).end, keys: found.actor.keys });
    const span: Span = { start: p.pieces[0].start, end: p.pieces[p.pieces.length - 1].end };
    const first = sentenceAt(ix, p.open);
    const last = sentenceAt(ix, Math.max(span.end - 1, found.end - 1));
    // a ministry's words are its state's too ("China's Foreign Ministry said"): both speak
    const keys = found.actor.keys.length === 1 ? [...new Set([...found.actor.keys, ...parentStates(ix, found.actor.keys[0])])] : found.actor.keys;
    out.push({
      speaker: keys[0],
      ...(keys.length > 1 ? { speakers: keys } : {}),
      text: words,
      span,
      evidence: { start: Math.min(first.start, span.start), end: Math.max(last.end, span.end) },
      confidence: short ? Math.round((found.confidence - 0.2) * 100) / 100 : found.confidence,
    });
  }
  return out;
}

/** The passage with its marks. */
function markedSpan(p: QuotedPassage): Span {
  const last = p.pieces[p.pieces.length - 1];
  return { start: p.open, end: (p.close ?? last.end) + 1 };
}

/** Names of things in quotes: "the 'China Daily' newsletter", a Title Cased phrase. */
function isTitle(text: string, p: QuotedPassage, words: string): boolean {
  const before = text.slice(Math.max(0, p.open - 30), p.open);
  const after = text.slice(markedSpan(p).end, markedSpan(p).end + 20);
  if (TITLE_CUE_BEFORE.test(before) || TITLE_CUE_AFTER.test(after)) return true;
  const ws = words.split(/\s+/);
  const content = ws.filter((w) => w.length > 3);
  // a name in quotes ("the “Quad” grouping") or a Title Cased name of a thing
  if (ws.length <= SHORT_WORDS && ws.every((w) => /^[\p{Lu}\d]/u.test(w)) && !/[.!?,]$/.test(words)) return true;
  return ws.length >= 2 && ws.length <= 8 && content.length > 0 && content.every((w) => /^\p{Lu}/u.test(w)) && !/[.!?,]$/.test(words);
}

/** End of the sentence that continues after `pos` (a full stop, ! or ? before a space), within the block. */
function clauseEnd(ix: ActorIndex, pos: number, blockEnd: number): number {
  const re = /[.!?](?=\s|$)/g;
  re.lastIndex = pos;
  for (let m = re.exec(ix.text); m && m.index < blockEnd; m = re.exec(ix.text)) {
    if (/(?:\b\p{Lu}|\bMr|\bMrs|\bMs|\bDr)$/u.test(ix.text.slice(m.index - 3, m.index))) continue; // "U.S.", "Mr."
    return m.index + 1;
  }
  return blockEnd;
}

/** The quote's attribution; null when the text gives one but names nobody ("an official said"). */
function attribute(ix: ActorIndex, p: QuotedPassage, short: boolean): Attribution | null | undefined {
  const block = ix.a.doc.blocks[p.block];
  const lastBlock = ix.a.doc.blocks.find((b) => b.start <= markedSpan(p).end - 1 && markedSpan(p).end - 1 < b.end) ?? block;
  const after = markedSpan(p).end;
  const end = clauseEnd(ix, after, lastBlock.end);
  const sentence = sentenceAt(ix, p.open);
  const floor = Math.max(sentence.start, block.start);
  const opensSentence = !/\S/.test(ix.text.slice(floor, p.open));
  const maxWords = short ? 6 : Infinity;
  let trailing = trailingAttribution(ix, after, end, maxWords);
  if (trailing === null) return null;
  // “…,” at a paragraph's end, and "X said." opening the next: the next paragraph attributes it
  if (!trailing && !/\S/.test(ix.text.slice(after, lastBlock.end)) && /,\s*["”’']?$/.test(ix.text.slice(after - 3, after))) {
    const next = ix.a.doc.blocks.find((b) => b.start >= lastBlock.end);
    if (next && next.kind === "body" && !ix.quoted.some((q) => q.start >= next.start && q.start < next.end && q.start < clauseEnd(ix, next.start, next.end))) {
      const following = trailingAttribution(ix, next.start, clauseEnd(ix, next.start, next.end), maxWords);
      if (following === null) return null;
      if (following?.immediate) trailing = following;
    }
  }
  if (trailing?.immediate || (opensSentence && trailing)) return trailing;
  const leading = leadingAttribution(ix, floor, p.open, maxWords);
  if (leading) return { ...leading, end: Math.max(leading.end, after) };
  if (trailing) return trailing;
  return accordingTo(ix, floor, end) ?? (short ? undefined : introducedByColon(ix, floor, p.open));
}

/** "Lavrov was blunt: “…”": the subject of the clause the colon closes. */
function introducedByColon(ix: ActorIndex, floor: number, open: number): Attribution | undefined {
  const colon = /:\s*$/.exec(ix.text.slice(floor, open));
  if (!colon) return undefined;
  for (const m of ix.mentions) {
    if (m.span.start < floor) continue;
    if (m.span.start >= floor + colon.index) break;
    const e = ix.byKey.get(m.entity);
    if (e?.kind === "person") return { actor: { keys: [m.entity], how: "mention" }, end: open, confidence: 0.65 };
  }
  return undefined;
}

/** "…,” he said" / "…,” said X" right after the quote; "…, X said." at the sentence's end. */
function trailingAttribution(ix: ActorIndex, after: number, end: number, maxWords: number): (Attribution & { immediate: boolean }) | null | undefined {
  const nextQuote = ix.quoted.find((q) => q.start >= after && q.start < end);
  const limit = nextQuote ? nextQuote.start : end;
  for (const verb of speechVerbs(ix, after, limit)) {
    // "…,” Lavrov, who is visiting Beijing, said": the relative clause is no part of the subject
    const between = ix.text
      .slice(after, verb.start)
      .replace(/,\s+(?:who|which|whose|whom)\b[^,]*,/g, " ")
      .replace(/,\s+\d{1,3},/g, " ") // "Berg, 54, said"
      .replace(/\b(?:\p{Lu}\.){2,}/gu, "X"); // "U.S. Treasury Secretary": no sentence end
    if (/^[\s,—–-]*$/.test(between)) {
      const actor = subjectAfter(ix, verb.end, limit);
      if (actor) return { actor, end, confidence: 0.9, immediate: true };
      continue;
    }
    if (/^[\s,—–-]*[^,;:.!?“”"]{1,80}$/.test(between) && wordCount(between) <= 8 && !CLAUSE_OPENER.test(between)) {
      const actor = subjectBefore(ix, verb.start, after, { maxWords });
      if (actor) return { actor, end, confidence: 0.9, immediate: true };
      // "…,” a senior official said": attributed, to someone the text does not name
      if (UNNAMED_SPEAKER.test(between)) return null;
    }
    // "…,” Ana Ruiz, the bloc's trade chief, wrote": the post in apposition to the name
    const named = /^[\s,—–-]*([^,;:.!?“”"]{2,40}),\s*(?:the|a|an|its|their|his|her)\s+[^,;:.!?“”"]{1,60},\s*$/i.exec(between);
    if (named && wordCount(between) <= 12) {
      const from = after + named[0].indexOf(named[1]);
      const person = ix.mentions.find((m) => m.span.start >= from && m.span.end <= from + named[1].length && ix.byKey.get(m.entity)?.kind === "person");
      if (person && !/\S/.test(ix.text.slice(person.span.end, from + named[1].length))) return { actor: { keys: [person.entity], how: "mention" }, end, confidence: 0.85, immediate: true };
    }
    // "…,” the Chilean ministry spokesperson, Ana Ruiz, said": the name in apposition to the post
    const appos = /^[\s,—–-]*(?:the\s+)?[^,;:.!?“”"]{1,60},\s*([^,;:.!?“”"]{2,40}),\s*$/.exec(between);
    if (appos && wordCount(between) <= 10) {
      const from = after + appos[0].lastIndexOf(appos[1]);
      const person = ix.mentions.find((m) => m.span.start >= from && m.span.end <= from + appos[1].length && ix.byKey.get(m.entity)?.kind === "person");
      if (person) return { actor: { keys: [person.entity], how: "mention" }, end, confidence: 0.85, immediate: true };
    }
    const comma = between.lastIndexOf(",");
    const np = between.slice(comma + 1);
    const sentenceFinal = /^\s*(?:[.,;]|$|(?:on|in|at|during|after|when|while|last|this|yesterday|today|later|earlier)\b)/.test(ix.text.slice(verb.end, verb.end + 12));
    if (comma >= 0 && wordCount(np) <= 6 && sentenceFinal) {
      const actor = subjectBefore(ix, verb.start, after + comma + 1, { maxWords });
      if (actor) return { actor, end, confidence: 0.8, immediate: false };
    }
  }
  return undefined;
}

/** ",” said Nick Marro of the Institute" / ",” said the statement". */
function subjectAfter(ix: ActorIndex, pos: number, limit: number): Actor | undefined {
  const statement = STATEMENT_NOUN_AT_START.exec(ix.text.slice(pos, limit));
  if (statement) {
    const nounEnd = pos + statement[0].length;
    const nounStart = nounEnd - /\S+$/.exec(statement[0])![0].length;
    return statementAuthors(ix, nounStart, nounEnd);
  }
  // the first name after the verb, past a post and demonyms: "said Russian Foreign Minister Sergei Lavrov"
  const i = ix.mentions.findIndex((m) => m.span.start >= pos && m.span.start < limit && m.via !== "demonym" && isActorKind(ix.byKey.get(m.entity)));
  if (i < 0) return undefined;
  const m = ix.mentions[i];
  const gap = ix.text.slice(pos, m.span.start);
  if (!onlyTitleWords(gap) || wordCount(gap) > 5) return undefined;
  return subjectBefore(ix, m.span.end, m.span.start);
}

/** "X said that “…”", "X called Y “…”", "TASS quoted X as saying “…”", in the quote's own sentence. */
function leadingAttribution(ix: ActorIndex, floor: number, open: number, maxWords: number): Attribution | undefined {
  const verbs = speechVerbs(ix, floor, open);
  let verb = verbs[verbs.length - 1];
  if (!verb) return undefined;
  // "she said, adding that …": the participle's subject is the finite verb's
  for (let k = verbs.length - 2; k >= 0 && /ing$/.test(verb.word) && /^\s*,\s*$/.test(ix.text.slice(verbs[k].end, verb.start)); k--) verb = verbs[k];
  const quotedAs = /\bquoted\s+(?!by\b)([\s\S]{1,80}?)\s+as\s+$/.exec(ix.text.slice(Math.max(floor, verb.start - 100), verb.start));
  if (verb.word === "saying" && quotedAs) {
    const from = verb.start - quotedAs[0].length + quotedAs[0].indexOf(quotedAs[1]);
    // "Xinhua quoted a press release issued after the talks as saying": the release's authors
    const noun = STATEMENT_NOUN.exec(quotedAs[1]);
    const actor = noun ? statementAuthors(ix, from + noun.index, from + noun.index + noun[0].length) : subjectBefore(ix, from + quotedAs[1].length, from);
    if (actor) return { actor, end: open, confidence: 0.85 };
  }
  // "X was quoted by CCTV as saying …"
  const quotedPassive = /\b(?:was|were|is|has\s+been)\s+(?:also\s+)?quoted\b[^.;]{0,80}?\bas\s+$/.exec(ix.text.slice(Math.max(floor, verb.start - 120), verb.start));
  const subjectEnd = quotedPassive ? verb.start - quotedPassive[0].length : verb.start;
  const actor = subjectBefore(ix, subjectEnd, floor, { maxWords });
  return actor ? { actor, end: open, confidence: 0.8 } : undefined;
}

/** "…, according to X." */
function accordingTo(ix: ActorIndex, floor: number, end: number): Attribution | undefined {
  const m = /\baccording\s+to\s+/i.exec(ix.text.slice(floor, end));
  if (!m) return undefined;
  const at = floor + m.index + m[0].length;
  const actor = subjectAfter(ix, at, end);
  return actor ? { actor, end, confidence: 0.75 } : undefined;
}

/**
 * A quote with no attribution of its own continues the speaker before it: an earlier quote of the
 * same paragraph (“…,” X said. “…”), or, for a paragraph that opens with the quote, the last
 * attribution of the paragraph before.
 */
function carriedOver(ix: ActorIndex, passages: QuotedPassage[], i: number, spoken: Map<QuotedPassage, Actor>, sameParagraphOnly: boolean): Attribution | undefined {
  const p = passages[i];
  const { blocks } = ix.a.doc;
  for (let j = i - 1; j >= 0 && passages[j].block === p.block; j--) {
    const actor = spoken.get(passages[j]);
    if (actor) return { actor, end: p.open, confidence: 0.75 };
  }
  if (sameParagraphOnly) return undefined;
  const block = blocks[p.block];
  if (p.block === 0 || /\S/.test(ix.text.slice(block.start, p.open))) return undefined;
  const prevIndex = p.block - 1;
  const prev = blocks[prevIndex];
  const prevQuotes = passages.filter((q) => q.block === prevIndex && spoken.has(q));
  const lastVerb = speechVerbs(ix, prev.start, prev.end).pop();
  const lastQuote = prevQuotes[prevQuotes.length - 1];
  if (lastQuote && (!lastVerb || markedSpan(lastQuote).start > lastVerb.start - 80)) return { actor: spoken.get(lastQuote)!, end: p.open, confidence: 0.7 };
  if (lastVerb) {
    const sentence = sentenceAt(ix, lastVerb.start);
    const actor = subjectBefore(ix, lastVerb.start, Math.max(sentence.start, prev.start));
    if (actor) return { actor, end: p.open, confidence: 0.65 };
  }
  return undefined;
}
