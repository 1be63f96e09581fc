// Direct quotations and who speaks them.
//   quoted passages (quote-marks) and set-off statements without marks (quote-blocks: block quotes
//   after "X said:", embedded posts signed by their author) → drop titles → attribution, in order:
//     "…,” he said / ,” said X (right after the quote) → X said that “…” (before it, same sentence)
//     → “…”, …, X said. (at the sentence's end) → "according to X" → a "Quote:" label under "Source: X"
//     → carried over from the quote or attribution just before (long quotes only)
// Fragments of four words or fewer are kept only with an attribution in their own sentence.
// A quote running over paragraphs is one statement per paragraph, also after an introducing line
// ("X said:"), as the shared gold convention has it.
// Every look-up is bounded (quote-actors' WINDOW, binary searches): linear in the text.
import type { QuoteFact, Span } from "../model.ts";
import type { AnnotatedDocument } from "./annotate.ts";
import { findQuotedPassages, passageText, type QuotedPassage } from "./quote-marks.ts";
import { findSetOffQuotes, type SetOffQuote } from "./quote-blocks.ts";
import { WINDOW, blockIndexAt, buildActorIndex, findMention, isActorKind, lastSpeechVerb, lowerBound, onlyTitleWords, parentStates, sentenceAt, speechVerbs, subjectBefore, statementAuthors, wordCount, type Actor, type ActorIndex } from "./quote-actors.ts";
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
  /** Where the attribution starts and ends (to widen the evidence). */
  start?: number;
  end: number;
  confidence: number;
}

export function extractQuotes(a: AnnotatedDocument): QuoteFact[] {
  const { text, blocks } = a.doc;
  const appeals = new Map<number, boolean>();
  const kept = (bi: number) => {
    if (SKIPPED_BLOCKS.has(blocks[bi]?.kind)) return false;
    if (!appeals.has(bi)) appeals.set(bi, APPEAL.test(text.slice(blocks[bi].start, blocks[bi].end)));
    return !appeals.get(bi);
  };
  const marked = findQuotedPassages(text, blocks).filter((p) => kept(p.block));
  const markedAt = marked.map(markedSpan);
  const setOff = findSetOffQuotes(text, blocks).filter((q) => kept(q.block) && !markedAt.some((m) => m.start < q.pieces[0].end && q.pieces[0].start < m.end));
  const passages: QuotedPassage[] = [...marked, ...setOff].sort((x, y) => x.open - y.open);
  const ix = buildActorIndex(a, passages.map(markedSpan));
  const out: QuoteFact[] = [];
  const seen = new Set<string>();
  const spoken = new Map<QuotedPassage, Actor>();
  const byBlock = new Map<number, QuotedPassage[]>();
  for (const p of passages) {
    const list = byBlock.get(p.block);
    if (list) list.push(p);
    else byBlock.set(p.block, [p]);
  }
  for (const [i, p] of passages.entries()) {
    const words = passageText(text, p);
    if (!words) continue;
    const off = "how" in p ? (p as SetOffQuote) : undefined;
    if (!off && isTitle(text, p, words)) continue;
    const short = wordCount(words) <= SHORT_WORDS;
    let found = off ? setOffAttribution(ix, off) : attribute(ix, p, short);
    // a short quote goes on from the quote before only when it is a sentence of its own (“A complete lie.”)
    if (found === undefined && !off && (!short || /^\p{Lu}.*[.!?]$/u.test(words))) found = labelled(ix, p) ?? carriedOver(ix, passages, i, spoken, byBlock, short);
    if (!found || !found.actor.keys.length) continue;
    if (short && found.actor.how === "definite") continue; // a fragment needs a sure speaker
    spoken.set(p, found.actor);
    ix.spoken.push({ at: markedSpan(p).end, keys: found.actor.keys });
    // a ministry's words are its state's too ("China's Foreign Ministry said"): both speak
    const keys = found.actor.keys.length === 1 ? [...new Set([...found.actor.keys, ...parentStates(ix, found.actor.keys[0])])] : found.actor.keys;
    const statements = p.pieces.length > 1 ? p.pieces.map((piece) => ({ pieces: [piece], words: passageText(text, { ...p, pieces: [piece] }) })) : [{ pieces: p.pieces, words }];
    for (const st of statements) {
      // a caption printed twice, a quote repeated: one statement
      const id = `${keys[0]}\u0000${st.words}`;
      if (!st.words || seen.has(id)) continue;
      seen.add(id);
      const span: Span = { start: st.pieces[0].start, end: st.pieces[st.pieces.length - 1].end };
      out.push({
        speaker: keys[0],
        ...(keys.length > 1 ? { speakers: keys } : {}),
        text: st.words,
        span,
        evidence: evidence(ix, span, found),
        confidence: short ? Math.round((found.confidence - 0.2) * 100) / 100 : found.confidence,
      });
    }
  }
  return out;
}

/** The quote's sentences, widened to the attribution when it is in the same or the next paragraph (where "said on Tuesday" dates it). */
function evidence(ix: ActorIndex, span: Span, found: Attribution): Span {
  const first = sentenceAt(ix, span.start);
  const last = sentenceAt(ix, span.end - 1);
  const out = { start: Math.min(first.start, span.start), end: Math.max(last.end, span.end) };
  const near = (pos: number) => Math.abs(blockIndexAt(ix, pos) - blockIndexAt(ix, span.start)) <= 1 || Math.abs(blockIndexAt(ix, pos) - blockIndexAt(ix, span.end - 1)) <= 1;
  if (found.start !== undefined && found.start < out.start && near(found.start)) out.start = sentenceAt(ix, found.start).start;
  if (found.end > out.end && near(found.end - 1)) out.end = found.end;
  return out;
}

/** The speaker of a block quote (the introducing line's) or of a post (its signature). */
function setOffAttribution(ix: ActorIndex, q: SetOffQuote): Attribution | undefined {
  if (q.how === "post") {
    const actor = signer(ix, q.intro);
    return actor && { actor, start: q.intro.start, end: q.intro.end, confidence: 0.8 };
  }
  const colon = q.intro.start;
  const block = ix.a.doc.blocks[blockIndexAt(ix, colon)];
  const floor = Math.max(sentenceAt(ix, colon).start, block?.start ?? 0);
  const found = (leadingAttribution(ix, floor, colon, Infinity) || undefined) ?? statementNamed(ix, floor, colon) ?? introducedByColon(ix, floor, colon + 1);
  return found && { ...found, confidence: Math.min(found.confidence, 0.75) };
}

/** "Statement by the Ministry of X:", "Joint statement of A and B:": the statement's authors. */
function statementNamed(ix: ActorIndex, floor: number, colon: number): Attribution | undefined {
  const noun = STATEMENT_NOUN.exec(ix.text.slice(floor, colon));
  if (!noun) return undefined;
  const actor = statementAuthors(ix, floor + noun.index, floor + noun.index + noun[0].length);
  return actor && { actor, start: floor, end: colon, confidence: 0.75 };
}

/** The person or body a post's signature names: a mention inside it, else the entity whose every name word it holds. */
function signer(ix: ActorIndex, name: Span): Actor | undefined {
  return namedIn(ix, name, false);
}

/**
 * The actor a stretch of text names: the first mention inside it (a person before anything else), else
 * — for text the annotation did not read, like page labels — the entity whose every name word the
 * stretch holds (names of two words or more; with `singleNames`, a person's one-word name too).
 */
function namedIn(ix: ActorIndex, span: Span, singleNames: boolean): Actor | undefined {
  let first = -1;
  for (let i = findMention(ix, span.start, span.end - 1, () => true); i >= 0 && i < ix.mentions.length && ix.mentions[i].span.start < span.end; i++) {
    const e = ix.byKey.get(ix.mentions[i].entity);
    if (!isActorKind(e) || ix.mentions[i].via === "demonym") continue;
    if (e!.kind === "person") return { keys: [e!.key], how: "mention" };
    if (first < 0) first = i;
  }
  if (first >= 0) return { keys: [ix.mentions[first].entity], how: "mention" };
  const said = new Set(ix.text.slice(span.start, span.end).replace(/['’]s\b/g, "").toLowerCase().split(/[^\p{L}\p{N}-]+/u));
  let best: { key: string; size: number; person: boolean } | undefined;
  for (const e of ix.byKey.values()) {
    if (!isActorKind(e)) continue;
    for (const n of e.names) {
      const ws = n.toLowerCase().split(/\s+/);
      const single = ws.length === 1 && (e.kind !== "person" ? ws[0].length > 2 : singleNames && ws[0].length > 3);
      if ((ws.length >= 2 || single) && ws.every((w) => said.has(w)) && (!best || ws.length > best.size || (e.kind === "person" && !best.person))) best = { key: e.key, size: ws.length, person: e.kind === "person" };
    }
  }
  return best && { keys: [best.key], how: "mention" };
}

/**
 * A quote under a page label, "Quote: “…”": the speaker is the one a "Source:" label before it
 * names ("Source: the minister's address on television"), whether or not the page kept that line
 * as a paragraph.
 */
function labelled(ix: ActorIndex, p: QuotedPassage): Attribution | undefined {
  const { blocks } = ix.a.doc;
  const block = blocks[p.block];
  if (!/^\s*(?:quotes?|statement|in\s+(?:his|her|their)\s+words)\s*:\s*$/i.test(ix.text.slice(block.start, p.open))) return undefined;
  const from = blocks[Math.max(0, p.block - 4)].start;
  const before = ix.text.slice(Math.max(from, block.start - 2000), block.start);
  const label = /(?:^|\n)[ \t]*source\s*:[ \t]*([^\n]+)\n(?![\s\S]*\n[ \t]*source\s*:)/i.exec(before);
  if (!label) return undefined;
  const at = block.start - before.length + label.index + label[0].indexOf(label[1]);
  const actor = namedIn(ix, { start: at, end: at + label[1].length }, true);
  return actor && { actor, start: at, end: p.open, confidence: 0.7 };
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
  const limit = Math.min(blockEnd, pos + WINDOW);
  const part = ix.text.slice(pos, limit + 1);
  for (let m = re.exec(part); m && pos + m.index < limit; m = re.exec(part)) {
    const at = pos + m.index;
    if (/(?:\b\p{Lu}|\bMr|\bMrs|\bMs|\bDr)$/u.test(ix.text.slice(at - 3, at))) continue; // "U.S.", "Mr."
    return at + 1;
  }
  return limit;
}

/** The quote's attribution; null when the text gives one but names nobody ("an official said"). */
function attribute(ix: ActorIndex, p: QuotedPassage, short: boolean): Attribution | null | undefined {
  const { blocks } = ix.a.doc;
  const block = blocks[p.block];
  const lastIndex = blockIndexAt(ix, markedSpan(p).end - 1);
  const lastBlock = blocks[lastIndex] ?? block;
  const after = markedSpan(p).end;
  const end = clauseEnd(ix, after, lastBlock.end);
  const sentence = sentenceAt(ix, p.open);
  const floor = Math.max(sentence.start, block.start, p.open - WINDOW);
  const opensSentence = !/\S/.test(ix.text.slice(floor, p.open));
  const maxWords = short ? 6 : Infinity;
  let trailing = trailingAttribution(ix, after, end, maxWords);
  if (trailing === null) return null;
  // “…,” at a paragraph's end, and "X said." opening the next: the next paragraph attributes it
  if (!trailing && !/\S/.test(ix.text.slice(after, lastBlock.end)) && /,\s*["”’']?$/.test(ix.text.slice(after - 3, after))) {
    const next = lastIndex >= 0 ? blocks[lastIndex + 1] : undefined;
    const quoteInNext = next && ix.quoted[lowerBound(ix.quoted, next.start, (q) => q.start)];
    if (next && next.kind === "body" && !(quoteInNext && quoteInNext.start < clauseEnd(ix, next.start, next.end))) {
      const following = trailingAttribution(ix, next.start, clauseEnd(ix, next.start, next.end), maxWords);
      if (following === null) return null;
      if (following?.immediate) trailing = following;
    }
  }
  if (trailing?.immediate || (opensSentence && trailing)) return trailing;
  const leading = leadingAttribution(ix, floor, p.open, maxWords);
  if (leading === null) return null;
  if (leading) return { ...leading, end: Math.max(leading.end, after) };
  if (trailing) return trailing;
  return accordingTo(ix, floor, end) ?? (short ? undefined : introducedByColon(ix, floor, p.open));
}

/** "Lavrov was blunt: “…”": the subject of the clause the colon closes. */
function introducedByColon(ix: ActorIndex, floor: number, open: number): Attribution | undefined {
  const colon = /:\s*$/.exec(ix.text.slice(floor, open));
  if (!colon) return undefined;
  const i = findMention(ix, floor, floor + colon.index - 1, (m) => ix.byKey.get(m.entity)?.kind === "person");
  return i < 0 ? undefined : { actor: { keys: [ix.mentions[i].entity], how: "mention" }, start: ix.mentions[i].span.start, end: open, confidence: 0.65 };
}

/** "…,” he said" / "…,” said X" right after the quote; "…, X said." at the sentence's end. */
function trailingAttribution(ix: ActorIndex, after: number, end: number, maxWords: number): (Attribution & { immediate: boolean }) | null | undefined {
  const nextQuote = ix.quoted[lowerBound(ix.quoted, after, (q) => q.start)];
  const limit = nextQuote && nextQuote.start < end ? nextQuote.start : end;
  for (const verb of speechVerbs(ix, after, limit)) {
    // "…,” the agency quoted X as saying": X speaks, or someone unnamed
    const quotedAs = verb.word === "quoted" ? /^\s+(?!by\b)([^.;:“”"]{1,80}?)\s+as\s+(?:saying|telling)\b/.exec(ix.text.slice(verb.end, limit)) : null;
    if (quotedAs) {
      const from = verb.end + quotedAs[0].indexOf(quotedAs[1]);
      const noun = STATEMENT_NOUN.exec(quotedAs[1]);
      const actor = noun ? statementAuthors(ix, from + noun.index, from + noun.index + noun[0].length) : subjectBefore(ix, from + quotedAs[1].length, from);
      if (actor) return { actor, end, confidence: 0.85, immediate: true };
      if (UNNAMED_SPEAKER.test(quotedAs[1].replace(/\s+(?:for|of|at|from|with)\b.*$/s, ""))) return null;
    }
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
      const pi = findMention(ix, from, from + named[1].length, (m) => m.span.end <= from + named[1].length && ix.byKey.get(m.entity)?.kind === "person");
      const person = pi >= 0 ? ix.mentions[pi] : undefined;
      if (person && !/\S/.test(ix.text.slice(person.span.end, from + named[1].length))) return { actor: { keys: [person.entity], how: "mention" }, end, confidence: 0.85, immediate: true };
    }
    // "…,” the Chilean ministry spokesperson, Ana Ruiz, said": the name in apposition to the post
    const appos = /^[\s,—–-]*(?:the\s+)?[^,;:.!?“”"]{1,60},\s*([^,;:.!?“”"]{2,40}),\s*$/.exec(between);
    if (appos && wordCount(between) <= 10) {
      const from = after + appos[0].lastIndexOf(appos[1]);
      const pi = findMention(ix, from, from + appos[1].length, (m) => m.span.end <= from + appos[1].length && ix.byKey.get(m.entity)?.kind === "person");
      const person = pi >= 0 ? ix.mentions[pi] : undefined;
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
  const i = findMention(ix, pos, limit - 1, (m) => m.via !== "demonym" && isActorKind(ix.byKey.get(m.entity)));
  if (i < 0) return undefined;
  const m = ix.mentions[i];
  const gap = ix.text.slice(pos, m.span.start);
  if (!onlyTitleWords(gap) || wordCount(gap) > 5) return undefined;
  return subjectBefore(ix, m.span.end, m.span.start);
}

/** "X said that “…”", "X called Y “…”", "TASS quoted X as saying “…”", in the quote's own sentence. */
function leadingAttribution(ix: ActorIndex, floor: number, open: number, maxWords: number): Attribution | null | undefined {
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
    // "X quoted a spokesperson for the company as saying": someone unnamed speaks, not the agency
    if (UNNAMED_SPEAKER.test(quotedAs[1].replace(/\s+(?:for|of|at|from|with)\b.*$/s, ""))) return null;
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
  // "according to X's website / spokesperson": X
  const owner = findMention(ix, at, at + 4, (x) => isActorKind(ix.byKey.get(x.entity)) && /^['’]s\s/.test(ix.text.slice(x.span.end, x.span.end + 3)));
  const actor = owner >= 0 && onlyTitleWords(ix.text.slice(at, ix.mentions[owner].span.start)) ? { keys: [ix.mentions[owner].entity], how: "mention" as const } : subjectAfter(ix, at, end);
  return actor ? { actor, end, confidence: 0.75 } : undefined;
}

/**
 * A quote with no attribution of its own continues the speaker before it: an earlier quote of the
 * same paragraph (“…,” X said. “…”), or, for a paragraph that opens with the quote, the last
 * attribution of the paragraph before.
 */
function carriedOver(ix: ActorIndex, passages: QuotedPassage[], i: number, spoken: Map<QuotedPassage, Actor>, byBlock: Map<number, QuotedPassage[]>, sameParagraphOnly: boolean): Attribution | undefined {
  const p = passages[i];
  const { blocks } = ix.a.doc;
  for (let j = i - 1; j >= 0 && j >= i - 20 && passages[j].block === p.block; j--) {
    const actor = spoken.get(passages[j]);
    if (actor) return { actor, end: p.open, confidence: 0.75 };
  }
  if (sameParagraphOnly) return undefined;
  const block = blocks[p.block];
  if (p.block === 0 || /\S/.test(ix.text.slice(block.start, p.open))) return undefined;
  const prevIndex = p.block - 1;
  const prev = blocks[prevIndex];
  const prevQuotes = byBlock.get(prevIndex) ?? [];
  let lastQuote: QuotedPassage | undefined;
  for (let k = prevQuotes.length - 1; k >= 0 && !lastQuote; k--) if (spoken.has(prevQuotes[k])) lastQuote = prevQuotes[k];
  const lastVerb = lastSpeechVerb(ix, prev.start, prev.end);
  if (lastQuote && (!lastVerb || markedSpan(lastQuote).start > lastVerb.start - 80)) return { actor: spoken.get(lastQuote)!, end: p.open, confidence: 0.7 };
  if (lastVerb) {
    const sentence = sentenceAt(ix, lastVerb.start);
    const actor = subjectBefore(ix, lastVerb.start, Math.max(sentence.start, prev.start));
    if (actor) return { actor, end: p.open, confidence: 0.65 };
  }
  return undefined;
}
