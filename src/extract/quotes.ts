// Direct quotations and who speaks them.
//   quoted passages (quote-marks) and set-off statements without marks (quote-blocks: block quotes
//   after "X said:", embedded posts signed by their author) → drop titles → attribution by the
//   frames of quote-frames.ts, in order:
//     “…,” he said / “…,” said X / “…,” the agency quoted X as saying (right after the quote)
//     → X said that “…” (the subject of the last speech verb before it, same sentence)
//     → “…”, …, X said. (at the sentence's end) → "according to X" → "X was blunt: “…”"
//     → a "Quote:" label under "Source: X" → the discourse: carried over from the quote or the
//       attribution just before (the open speaker of the paragraph chain; long quotes only)
// Fragments of four words or fewer are kept only with an attribution in their own sentence.
// A quote running over paragraphs is one statement per paragraph, also after an introducing line
// ("X said:"), as the shared gold convention has it.
// Every look-up is bounded (quote-actors' WINDOW, binary searches): linear in the text.
import type { QuoteFact, Span } from "../model.ts";
import type { AnnotatedDocument } from "./annotate.ts";
import { findQuotedPassages, passageText, type QuotedPassage } from "./quote-marks.ts";
import { findSetOffQuotes, type SetOffQuote } from "./quote-blocks.ts";
import { WINDOW, blockIndexAt, buildActorIndex, findMention, isActorKind, lastSpeechVerb, parentStates, personOfParagraph, sentenceAt, speakerOf, speakerOfVerb, speechVerbs, statementAuthors, subjectOfVerb, tokenAt, wordCount, type Actor, type ActorIndex } from "./quote-actors.ts";
import { lowerBound } from "./sorted.ts";
import { ACCORDING_TO, ATTRIBUTION_LINE, COLON_INTRO, NEXT_SENTENCE_SPEAKER, POSSESSED_SPEECH, QUOTED_AS, QUOTED_PASSIVE, SAID_AFTER_QUOTE, SAID_BEFORE_SPEAKER, SENTENCE_FINAL, SIGNED_AFTER_QUOTE } from "./quote-frames.ts";
import type { Match } from "./patterns.ts";

const SHORT_WORDS = 4;
/** Blocks whose quotes are names of things or repeats of the body, never statements. */
const SKIPPED_BLOCKS = new Set(["headline", "subheadline", "byline", "aside"]);
const TITLE_CUE_BEFORE = /\b(?:so-called|titled|entitled|named|nicknamed|code-?named|dubbed|known(?:\s+[\p{L}-]+){0,4}\s+as|the\s+(?:term|word|phrase|label|motto|name)|newsletter|book|novel|film|documentary|programme|program|operation|campaign|initiative|slogan|hashtag|song|series|column|podcast|show)\s*$/iu;
/** A page's appeal for money or subscriptions that the page layout left in the story: its quotes are no statements. */
const APPEAL = /\b(?:please\s+(?:support|subscribe|donate|consider\s+supporting)|subscribe\s+(?:now|today)|paywall|you['’]ve\s+read\s+\d+\s+articles|become\s+a\s+(?:member|subscriber|supporter)|make\s+a\s+(?:contribution|donation)|support\s+(?:our|independent)\s+journalism|small\s+favou?r\s+to\s+ask)/i;
/** A related-article link the page set between a story's paragraphs ("READ  Storms hit the coast, Norway says"): a quote after it goes on from the paragraph before it. */
const RELATED_LINK = /^\s*(?:READ(?:\s+(?:MORE|ALSO|NEXT))?\b|Read\s+(?:more|also|next)\b|Also\s+read\b|Related(?:\s+[\p{L}]+)?\s*:|See\s+also\b)/u;
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
  const allSetOff = findSetOffQuotes(text, blocks).filter((q) => kept(q.block));
  // words a signed post quotes inside it are part of the post's statement
  const posts = allSetOff.filter((q) => q.how === "post");
  const inPost = (m: Span) => posts.some((q) => q.pieces[0].start <= m.start && m.end <= q.pieces[0].end);
  const marked = findQuotedPassages(text, blocks).filter((p) => kept(p.block) && !inPost(markedSpan(p)));
  const markedAt = marked.map(markedSpan);
  const setOff = allSetOff.filter((q) => !markedAt.some((m) => m.start < q.pieces[0].end && q.pieces[0].start < m.end));
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
    // a paragraph that lost its opening mark is a quote only where "…,” X said" follows its closing mark
    if (p.orphan && !(found && "immediate" in found && found.immediate)) continue;
    // a short quote goes on from the quote before only when it is a sentence of its own (“A complete lie.”),
    // from another paragraph only when it is that whole paragraph (“…,” he added. / “We stand together.”)
    const sentence = /^\p{Lu}.*[.!?]$/u.test(words);
    if (found === undefined && !off && (!short || sentence)) found = labelled(ix, p) ?? carriedOver(ix, passages, i, spoken, byBlock, short && !wholeParagraph(ix, p));
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
  const k = lowerBound(ix.statementNouns, tokenAt(ix, floor), (i) => i);
  const noun = ix.statementNouns[k];
  if (noun === undefined || ix.tokens[noun].start >= colon) return undefined;
  const actor = statementAuthors(ix, noun);
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
  if (best || !singleNames) return best && { keys: [best.key], how: "mention" };
  // "Source: Roe on X": the stretch opens with the family name of one person named in full before
  const opening = /^[\s"“]*([\p{L}'’-]+)/u.exec(ix.text.slice(span.start, span.end))?.[1].toLowerCase();
  let only: string | undefined;
  for (const e of ix.byKey.values()) {
    if (e.kind !== "person" || !opening || opening.length <= 3) continue;
    const family = e.names.map((n) => n.toLowerCase().split(/\s+/)).filter((ws) => ws.length >= 2).map((ws) => ws[ws.length - 1]);
    if (!family.includes(opening)) continue;
    if (only) return undefined;
    only = e.key;
  }
  return only ? { keys: [only], how: "mention" } : undefined;
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
    // an abbreviation the tokenizer kept whole ("Sen.", "Gov.", "Gen."), when a capitalised word follows: no sentence end
    const k = tokenAt(ix, at + 1) - 1;
    const t = ix.tokens[k];
    if (t && t.start < at && t.end === at + 1 && /^\p{Lu}\p{Ll}{1,3}\.$/u.test(t.text) && ix.tokens[k + 1]?.cap && !ix.tokens[k + 1]?.sentenceStart) continue;
    return at + 1;
  }
  return limit;
}

/** Whether a token starts in [from, to): words or marks, not only spaces. */
const tokensBetween = (ix: ActorIndex, from: number, to: number) => tokenAt(ix, from) < tokenAt(ix, to);
/** A quote that is its paragraph, nothing before its opening mark or after its closing one. */
function wholeParagraph(ix: ActorIndex, p: QuotedPassage): boolean {
  const block = ix.a.doc.blocks[p.block];
  return p.pieces.length === 1 && p.close !== undefined && !tokensBetween(ix, block.start, p.open) && !tokensBetween(ix, p.close + 1, block.end);
}

const CLOSING_MARKS = new Set(['"', "”", "’", "'"]);
/** “…,” with the comma before the closing mark that ends at `after` (or before `after` when the mark is missing). */
function commaBeforeClose(ix: ActorIndex, after: number): boolean {
  let k = tokenAt(ix, after) - 1;
  if (CLOSING_MARKS.has(ix.tokens[k]?.text) && ix.tokens[k].end === after) k--;
  return ix.tokens[k]?.text === "," && ix.tokens[k].start >= after - 3;
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
  const opensSentence = !tokensBetween(ix, floor, p.open);
  const maxWords = short ? 6 : Infinity;
  let trailing = trailingAttribution(ix, after, end, maxWords);
  if (trailing === null) return null;
  // “…,” at a paragraph's end, and "X said." opening the next: the next paragraph attributes it
  if (!trailing && !tokensBetween(ix, after, lastBlock.end) && commaBeforeClose(ix, after)) {
    const next = lastIndex >= 0 ? blocks[lastIndex + 1] : undefined;
    const quoteInNext = next && ix.quoted[lowerBound(ix.quoted, next.start, (q) => q.start)];
    if (next && next.kind === "body" && !(quoteInNext && quoteInNext.start < clauseEnd(ix, next.start, next.end))) {
      const following = trailingAttribution(ix, next.start, clauseEnd(ix, next.start, next.end), maxWords);
      if (following === null) return null;
      if (following?.immediate) trailing = following;
    }
  }
  // a paragraph that is only a quote, then one that only says who spoke: "— NAME, post" / "NAME, post, said in a statement."
  if (!trailing && !tokensBetween(ix, block.start, p.open) && !tokensBetween(ix, after, lastBlock.end)) trailing = signedBelow(ix, lastIndex);
  if (opensSentence && trailing) return trailing;
  const leading = leadingAttribution(ix, floor, p.open, maxWords);
  // “…,” X said — unless the quote's own clause gives the words to somebody unnamed ("what officials called “…”, X said")
  if (trailing?.immediate && leading !== null) return trailing;
  if (leading === null) return null;
  if (leading) {
    // "X said, echoing Y's remarks that “…”", "X commented on the words of Y with his wish to “…”": the
    // words the quote stands in are Y's, named after X's verb
    const possessed = possessedSpeech(ix, floor, p.open);
    const verb = lastSpeechVerb(ix, floor, p.open);
    if (possessed && verb && possessed.start! >= verb.end) return possessed;
    return { ...leading, end: Math.max(leading.end, after) };
  }
  if (trailing) return trailing;
  return accordingTo(ix, floor, end) ?? namedInNextSentence(ix, after, lastBlock) ?? possessedSpeech(ix, floor, p.open) ?? (short ? undefined : introducedByColon(ix, floor, p.open));
}

/** The speaker the paragraph after block `bi` names when that paragraph opens with only an attribution (SIGNED_AFTER_QUOTE, ATTRIBUTION_LINE). */
function signedBelow(ix: ActorIndex, bi: number): (Attribution & { immediate: boolean }) | undefined {
  const next = bi >= 0 ? ix.a.doc.blocks[bi + 1] : undefined;
  if (!next || next.kind !== "body") return undefined;
  const first = tokenAt(ix, next.start);
  const ts = ix.tokens;
  if (ix.facts.quoted[first]) return undefined;
  const signed = SIGNED_AFTER_QUOTE.matchAt(ts, first);
  const signer = signed && speakerOfMatch(ix, signed);
  if (signer && signer.keys.length === 1 && ix.byKey.get(signer.keys[0])?.kind === "person") return { actor: signer, start: next.start, end: ts[signed!.to - 1].end, confidence: 0.75, immediate: true };
  const line = ATTRIBUTION_LINE.matchAt(ts, first);
  if (!line || ts[line.to - 1].end > next.end) return undefined;
  const actor = speakerOfMatch(ix, line);
  return actor ? { actor, start: next.start, end: ts[line.to - 1].end, confidence: 0.75, immediate: true } : undefined;
}

/**
 * “…” That was the message from X. / “…” So said X. — a quote that ends its sentence, and the next
 * sentence of its paragraph opening with words that name the quote's speaker (NEXT_SENTENCE_SPEAKER).
 */
function namedInNextSentence(ix: ActorIndex, after: number, block: Span): Attribution | undefined {
  const ts = ix.tokens;
  let k = tokenAt(ix, after);
  // the quote's own full stop may stand after its closing mark: “…”.
  if (ts[k]?.text === "." && ts[k].start === after) k++;
  const first = ts[k];
  if (!first || first.start >= block.end || !first.sentenceStart || ix.facts.quoted[k]) return undefined;
  const m = NEXT_SENTENCE_SPEAKER.matchAt(ts, k);
  const actor = m && speakerOfMatch(ix, m);
  return actor ? { actor, end: ts[m!.to - 1].end, confidence: 0.75 } : undefined;
}

/** "X's announcement that he would order “…”" (POSSESSED_SPEECH): the possessor. */
function possessedSpeech(ix: ActorIndex, floor: number, open: number): Attribution | undefined {
  const m = POSSESSED_SPEECH.matchBefore(ix.tokens, tokenAt(ix, open), tokenAt(ix, floor));
  if (!m) return undefined;
  const mention = ix.mentions[ix.facts.actor[m.get("speaker")!.from]];
  return { actor: { keys: [mention.entity], how: "mention" }, start: ix.tokens[m.from].start, end: open, confidence: 0.7 };
}

/** "Lavrov was blunt: “…”": the person whose clause the colon closes (COLON_INTRO). */
function introducedByColon(ix: ActorIndex, floor: number, open: number): Attribution | undefined {
  const colon = tokenAt(ix, open) - 1;
  if (ix.tokens[colon]?.text !== ":" || ix.tokens[colon].start < floor) return undefined;
  const m = COLON_INTRO.matchAll(ix.tokens, { from: tokenAt(ix, floor), to: colon + 1 })[0];
  const person = m && ix.facts.actor[m.get("speaker")!.from];
  return person === undefined ? undefined : { actor: { keys: [ix.mentions[person].entity], how: "mention" }, start: ix.mentions[person].span.start, end: open, confidence: 0.65 };
}

/** Words between the end of a frame's speaker phrase and its verb: a short quote's speaker must stand close. */
const wordsToVerb = (ix: ActorIndex, m: Match) => ix.tokens.slice(m.get("speaker")!.to, m.get("verb")!.from).filter((t) => t.isWord).length;

/** The speaker of a frame's match: its "speaker" phrase (with the words attached to it) resolved. */
const speakerOfMatch = (ix: ActorIndex, m: Match) => speakerOf(ix, m.get("speaker")!, { attached: m.get("attached") });

/** "… quoted X as saying" with its "saying" at token `verb`: QUOTED_AS from the "quoted" before it. */
function quotedAsEndingAt(ix: ActorIndex, verb: number, frame = QUOTED_AS): Match | undefined {
  for (let k = verb - 1; k >= 0 && k >= verb - 17; k--) {
    if (ix.tokens[k].lower !== "quoted") continue;
    const m = frame.matchAt(ix.tokens, k);
    return m?.get("verb")?.from === verb ? m : undefined;
  }
  return undefined;
}

/** The attribution right after a quote (or opening the paragraph after it): “…,” he said / “…,” said X / “…,” the agency quoted X as saying; “…”, …, X said. at the sentence's end. */
function trailingAttribution(ix: ActorIndex, after: number, end: number, maxWords: number): (Attribution & { immediate: boolean }) | null | undefined {
  const ts = ix.tokens;
  const nextQuote = ix.quoted[lowerBound(ix.quoted, after, (q) => q.start)];
  const limit = nextQuote && nextQuote.start < end ? nextQuote.start : end;
  const first = tokenAt(ix, after);
  const last = tokenAt(ix, limit);
  if (first >= last) return undefined;
  const within = (m: Match | undefined) => (m && m.to <= last ? m : undefined);
  const said = within(SAID_AFTER_QUOTE.matchAt(ts, first)) ?? within(SAID_BEFORE_SPEAKER.matchAt(ts, first));
  if (said) {
    // “…,” Nordic Wire quoted Berg as saying: Berg speaks, not the agency
    const verb = said.get("verb")!.from;
    const quoted = ts[verb].lower === "quoted" ? within(QUOTED_AS.matchAt(ts, verb)) : undefined;
    const actor = speakerOfMatch(ix, quoted ?? said);
    if (actor === null) return null;
    if (actor && (quoted || said.get("verb")!.from < said.get("speaker")!.from || wordsToVerb(ix, said) <= maxWords)) return { actor, end, confidence: quoted ? 0.85 : 0.9, immediate: true };
  }
  // “…” – Norwegian Trade Minister Anna Berg.
  const signed = within(SIGNED_AFTER_QUOTE.matchAt(ts, first));
  const signer = signed && speakerOfMatch(ix, signed);
  if (signer && signer.keys.length === 1 && ix.byKey.get(signer.keys[0])?.kind === "person") return { actor: signer, end, confidence: 0.85, immediate: true };
  const final = SENTENCE_FINAL.matchAll(ts, { from: first, to: last })[0];
  const speaker = final?.get("speaker");
  if (final && wordsToVerb(ix, final) <= maxWords && ts.slice(speaker!.from, speaker!.to).filter((t) => t.isWord).length <= 6) {
    const actor = speakerOfMatch(ix, final);
    if (actor) return { actor, end, confidence: 0.8, immediate: false };
  }
  return undefined;
}

/** "X said that “…”", "X called Y “…”", "TASS quoted X as saying “…”", "X was quoted by CCTV as saying “…”": the subject of the last speech verb before the quote, in its sentence. */
function leadingAttribution(ix: ActorIndex, floor: number, open: number, maxWords: number): Attribution | null | undefined {
  const verbs = speechVerbs(ix, floor, open);
  let found = verbs[verbs.length - 1];
  if (!found) return undefined;
  // "she said, adding that …": the participle's subject is the finite verb's
  const onlyComma = (from: number, to: number) => {
    const c = tokenAt(ix, from);
    return ix.tokens[c]?.text === "," && tokenAt(ix, to) === c + 1;
  };
  for (let k = verbs.length - 2; k >= 0 && found.word.endsWith("ing") && onlyComma(verbs[k].end, found.start); k--) found = verbs[k];
  const verb = tokenAt(ix, found.start);
  const quotedAs = quotedAsEndingAt(ix, verb);
  if (quotedAs) {
    const actor = speakerOfMatch(ix, quotedAs);
    if (actor !== undefined) return actor && { actor, end: open, confidence: 0.85 };
  }
  // "X was quoted by CCTV as saying": the subject of "quoted"
  const passive = quotedAsEndingAt(ix, verb, QUOTED_PASSIVE);
  const subject = subjectOfVerb(ix, passive ? passive.from : verb, tokenAt(ix, floor));
  if (!subject || (maxWords < Infinity && wordsToVerb(ix, subject) > maxWords)) return undefined;
  const actor = speakerOfMatch(ix, subject);
  // "what critics have called a “…” approach": attributed, to someone the text does not name
  if (actor === null) return null;
  return actor ? { actor, end: open, confidence: 0.8 } : undefined;
}

/** "…, according to X." (ACCORDING_TO): X, or the owner of "X's website". */
function accordingTo(ix: ActorIndex, floor: number, end: number): Attribution | undefined {
  const m = ACCORDING_TO.matchAll(ix.tokens, { from: tokenAt(ix, floor), to: tokenAt(ix, end) })[0];
  if (!m) return undefined;
  const owner = m.get("owner");
  const actor = owner ? { keys: [ix.mentions[ix.facts.actor[owner.from]].entity], how: "mention" as const } : speakerOfMatch(ix, m);
  return actor ? { actor, end, confidence: 0.75 } : undefined;
}

const SENTENCE_ENDS = new Set([".", "!", "?"]);

/**
 * “X said the limits were fair. “…”": a quote that opens a sentence right after one reporting
 * somebody's words, in the same paragraph, goes on with that speaker.
 */
function reportedJustBefore(ix: ActorIndex, p: QuotedPassage, block: Span): Attribution | undefined {
  const open = tokenAt(ix, p.open);
  if (!SENTENCE_ENDS.has(ix.tokens[open - 1]?.text) || ix.tokens[open - 1].start < block.start) return undefined;
  const sentence = sentenceAt(ix, ix.tokens[open - 1].start);
  const from = Math.max(sentence.start, block.start);
  const verb = lastSpeechVerb(ix, from, p.open);
  if (!verb) return undefined;
  const actor = speakerOfVerb(ix, tokenAt(ix, verb.start), tokenAt(ix, from));
  return actor ? { actor, start: from, end: p.open, confidence: 0.65 } : undefined;
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
  if (tokensBetween(ix, block.start, p.open)) return reportedJustBefore(ix, p, block);
  if (p.block === 0) return undefined;
  let prevIndex = p.block - 1;
  while (prevIndex > 0 && prevIndex >= p.block - 2 && RELATED_LINK.test(ix.text.slice(blocks[prevIndex].start, blocks[prevIndex].end))) prevIndex--;
  const prev = blocks[prevIndex];
  const prevQuotes = byBlock.get(prevIndex) ?? [];
  let lastQuote: QuotedPassage | undefined;
  for (let k = prevQuotes.length - 1; k >= 0 && !lastQuote; k--) if (spoken.has(prevQuotes[k])) lastQuote = prevQuotes[k];
  // (past a related-article link: a quote that ran over paragraphs up to it, opened in an earlier one)
  if (!lastQuote && prevIndex < p.block - 1) lastQuote = passages.slice(Math.max(0, i - 20), i).reverse().find((q) => spoken.has(q) && markedSpan(q).end > prev.start && markedSpan(q).start < prev.end);
  const lastVerb = lastSpeechVerb(ix, prev.start, prev.end);
  // the last quote's speaker, unless a speech verb after it reports somebody else — its own "…,” said X, the Y." does not
  const ownVerb = (q: QuotedPassage, v: { start: number }) => v.start >= markedSpan(q).end && v.start - markedSpan(q).end < 40 && sentenceAt(ix, v.start).start <= markedSpan(q).end - 1;
  if (lastQuote && (!lastVerb || markedSpan(lastQuote).start > lastVerb.start - 80 || ownVerb(lastQuote, lastVerb))) return { actor: spoken.get(lastQuote)!, end: p.open, confidence: 0.7 };
  if (lastVerb) {
    const sentence = sentenceAt(ix, lastVerb.start);
    const actor = speakerOfVerb(ix, tokenAt(ix, lastVerb.start), tokenAt(ix, Math.max(sentence.start, prev.start)));
    if (actor) return { actor, end: p.open, confidence: 0.65 };
  }
  // "Chile's foreign minister, NAME, disagreed." then a paragraph that is only a quote: the person that one-sentence paragraph is about
  const about = lastQuote ? undefined : personOfParagraph(ix, prev);
  if (about) return { actor: about, end: p.open, confidence: 0.6 };
  return undefined;
}
