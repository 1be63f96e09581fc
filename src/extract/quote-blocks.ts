// Statements printed without quotation marks, which the layout sets off instead:
//   - a block quote: the paragraphs after an introducing line that ends with a colon and reports
//     speech ("X said:", "X wrote on X:", "In a statement, the ministry said:");
//   - an embedded social-media post, signed below its text: "… #tag — Name (@handle) date", or
//     a post's paragraph followed by "A post shared by Name (@handle)".
// Each paragraph of a block quote is a statement of its own. One pass over the blocks: linear.
import type { Block, Span } from "../model.ts";
import type { QuotedPassage } from "./quote-marks.ts";
import { lexiconSet } from "./quote-lexicon.ts";

const SPEECH_VERBS = lexiconSet("speech-verbs.txt");
const SPEECH_NOUNS = lexiconSet("speech-nouns.txt");
/** Paragraphs after the first that go on with the block must sound spoken: first or second person, or a modal. */
const SPOKEN = /\b(?:I|I['’]m|I['’]ve|[Ww]e|[Ww]e['’]re|[Ww]e['’]ve|[Oo]ur|us|[Mm]y|me|[Yy]ou|[Yy]our|will|must|shall|cannot|can['’]t|won['’]t|should)\b/;
const MARK = /["“”„«»]/;
/** Most paragraphs a block quote runs over. */
const MAX_BLOCK_PARAGRAPHS = 4;
/** A signer's name: capitalised words and name particles ("al-Shaibani", "van der"), then maybe a flag or an emoji. */
const NAME_WORD = String.raw`(?:\p{Lu}[\p{L}'’.-]*|\p{Ll}{1,4}[-‐’']\p{Lu}[\p{L}'’.-]*|(?:bin|ibn|abu|van|von|der|den|de|da|di|du|del|della|la|le|al|el))`;
const SIGNER = String.raw`((?:${NAME_WORD}\s+){0,5}${NAME_WORD})(?:\s*[\p{Extended_Pictographic}\p{Regional_Indicator}\uFE0F\u200D]+)*\s*\(@\w{1,30}\)`;
/** A post's signature: "— Name (@handle) date" at the paragraph's end. */
const SIGNATURE = new RegExp(String.raw`\s[—–-]{1,2}\s*${SIGNER}[^()\n]{0,40}$`, "u");
/** A post's signature on a line of its own, under the post's text: "— Name (@handle) May 23, 2025". */
const SIGNATURE_LINE = new RegExp(String.raw`^[—–-]{1,2}\s*${SIGNER}[^()\n]{0,40}$`, "u");
/** A block quote's signature on the line under it, without a handle: "— Anna Berg, Foreign Minister of Norland" (a dash, a name, maybe a post). */
const SIGNED_BELOW = new RegExp(String.raw`^[—–]\s*((?:${NAME_WORD}\s+){0,4}${NAME_WORD})(?:,\s+[^\n"“”]{1,80})?$`, "u");
const SHARED_BY = new RegExp(String.raw`^(?:a\s+)?(?:post|photo|video)\s+shared\s+by\s+${SIGNER}`, "iu");
/** Every signature has a handle: a paragraph without "(@" needs none of the expressions above (they scan it whole). */
const hasHandle = (s: string) => s.includes("(@");
/** Links a post's text ends with: "pic.twitter.com/…", "https://t.co/…". */
const TRAILING_LINKS = /(?:\s+(?:https?:\/\/\S+|pic\.twitter\.com\/\S+|[\w-]+(?:\.[\w-]+)*\.\p{L}{2,}\/\S+))+\s*$/u;

export interface SetOffQuote extends QuotedPassage {
  /** The introducing line's colon (block quotes), or the signer's name (posts). */
  intro: Span;
  how: "block" | "post";
}

const words = (s: string) => s.match(/[\p{L}\p{N}]+/gu) ?? [];

function trim(text: string, start: number, end: number): Span {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

/** An introducing line: a body paragraph that ends with a colon and reports speech outside quotation marks. */
function introduces(text: string, b: Block): number | undefined {
  if (b.kind !== "body") return undefined;
  const t = trim(text, b.start, b.end);
  if (text[t.end - 1] !== ":" || t.end - t.start > 600) return undefined;
  const line = text.slice(t.start, t.end - 1).replace(/["“][^"”]*["”]/g, " ");
  const ws = words(line).map((w) => w.toLowerCase());
  return ws.some((w) => SPEECH_VERBS.has(w) || SPEECH_NOUNS.has(w)) || /\b(?:posted|wrote|tweeted)\b/i.test(line) ? t.end - 1 : undefined;
}

/**
 * A post's text: a paragraph without quotation marks of three words or more, ending as posts do (a
 * link, a hashtag, a word). A post signed on the line under it may quote words inside it ("those
 * “so-called” experts"), as long as it does not open or close with a mark (then it is the story's own quote).
 */
function postText(text: string, b: Block, signed = false): Span | undefined {
  if (b.kind !== "body") return undefined;
  const t = trim(text, b.start, b.end);
  const s = text.slice(t.start, t.end);
  const marks = signed ? MARK.test(s[0]) || /["“”„«»][.,!?]?$/.test(s) : MARK.test(s);
  return !marks && words(s).length >= 3 && !/^[•*·–—-]\s/.test(s) && !(hasHandle(s) && SIGNATURE_LINE.test(s)) ? t : undefined;
}

/** A paragraph that can be quoted speech: prose (ends like a sentence, five words or more), no quotation marks. */
function prose(text: string, b: Block): Span | undefined {
  if (b.kind !== "body") return undefined;
  const t = trim(text, b.start, b.end);
  const s = text.slice(t.start, t.end);
  if (MARK.test(s) || words(s).length < 5 || !/[.!?…]["”’)]?$/.test(s) || /^[•*·–-]\s/.test(s)) return undefined;
  return t;
}

const spanOf = (s: Span): [number, number] => [s.start, s.end];
/** A paragraph of first-person prose (an opinion piece's, a letter's): a signature under the next one signs the writer, not a quote. */
function spokenProse(text: string, b: Block): boolean {
  const p = prose(text, b);
  return p !== undefined && SPOKEN.test(text.slice(p.start, p.end));
}

/** The signer's name when block `i` is a signature line of its own. */
function signatureLine(text: string, blocks: Block[], i: number): Span | undefined {
  const b = blocks[i];
  if (!b || b.kind !== "body") return undefined;
  const t = trim(text, b.start, b.end);
  const line = text.slice(t.start, t.end);
  const signed = hasHandle(line) ? SIGNATURE_LINE.exec(line) : null;
  if (!signed) return undefined;
  const at = t.start + signed[0].indexOf(signed[1]);
  return { start: at, end: at + signed[1].length };
}

export function findSetOffQuotes(text: string, blocks: Block[]): SetOffQuote[] {
  const out: SetOffQuote[] = [];
  for (let i = 0; i < blocks.length; i++) {
    // a post's text in a paragraph of its own, signed on the line under it
    const name = signatureLine(text, blocks, i + 1);
    const post = name && introduces(text, blocks[i]) === undefined ? postText(text, blocks[i], true) : undefined;
    if (name && post) {
      const body = text.slice(post.start, post.end).replace(TRAILING_LINKS, "");
      if (words(body).length >= 3) out.push({ pieces: [{ start: post.start, end: post.start + body.length }], open: post.start, block: i, single: false, intro: name, how: "post" });
      i++;
      continue;
    }
    // a block quote without marks, spoken (first person or a modal), signed on the line under it, among paragraphs that report
    const below = blocks[i + 1]?.kind === "body" ? SIGNED_BELOW.exec(text.slice(...spanOf(trim(text, blocks[i + 1].start, blocks[i + 1].end)))) : null;
    const quote = below && introduces(text, blocks[i]) === undefined ? prose(text, blocks[i]) : undefined;
    if (below && quote && SPOKEN.test(text.slice(quote.start, quote.end)) && !(i > 0 && spokenProse(text, blocks[i - 1]))) {
      const at = trim(text, blocks[i + 1].start, blocks[i + 1].end).start + below[0].indexOf(below[1]);
      out.push({ pieces: [quote], open: quote.start, block: i, single: false, intro: { start: at, end: at + below[1].length }, how: "post" });
      i++;
      continue;
    }
    const colon = introduces(text, blocks[i]);
    if (colon !== undefined) {
      let k = i + 1;
      for (; k < blocks.length && k - i <= MAX_BLOCK_PARAGRAPHS; k++) {
        // "X wrote on X:", the post's text, its signature: the signer speaks
        const signer = signatureLine(text, blocks, k);
        if (signer) {
          for (const q of out) if (q.block > i && q.block < k && q.intro.start === colon) Object.assign(q, { intro: signer, how: "post" });
          k++;
          break;
        }
        const p = prose(text, blocks[k]) ?? (k === i + 1 ? postText(text, blocks[k]) : undefined);
        if (!p || introduces(text, blocks[k]) !== undefined) break;
        // a paragraph that reports speech itself ends the block ("…, she said."); "people calling for …" does not
        const said = words(text.slice(p.start, p.end)).some((w) => SPEECH_VERBS.has(w.toLowerCase()) && !/ing$/.test(w));
        if (k > i + 1 && (said || !SPOKEN.test(text.slice(p.start, p.end)))) break;
        out.push({ pieces: [p], open: p.start, block: k, single: false, intro: { start: colon, end: colon + 1 }, how: "block" });
      }
      i = Math.max(i, k - 1);
      continue;
    }
    const b = blocks[i];
    if (b.kind !== "body") continue;
    const t = trim(text, b.start, b.end);
    const line = text.slice(t.start, t.end);
    const handle = hasHandle(line);
    const signed = handle ? SIGNATURE.exec(line) : null;
    if (signed && !MARK.test(line.slice(0, signed.index))) {
      const body = line.slice(0, signed.index).replace(TRAILING_LINKS, "");
      const nameAt = t.start + signed.index + signed[0].indexOf(signed[1]);
      if (words(body).length >= 3) out.push({ pieces: [{ start: t.start, end: t.start + body.length }], open: t.start, block: i, single: false, intro: { start: nameAt, end: nameAt + signed[1].length }, how: "post" });
      continue;
    }
    const shared = handle ? SHARED_BY.exec(line) : null;
    const prev = i > 0 ? prose(text, blocks[i - 1]) : undefined;
    if (shared && prev && out[out.length - 1]?.block !== i - 1) {
      const nameAt = t.start + shared[0].indexOf(shared[1]);
      const body = text.slice(prev.start, prev.end).replace(TRAILING_LINKS, "");
      out.push({ pieces: [{ start: prev.start, end: prev.start + body.length }], open: prev.start, block: i - 1, single: false, intro: { start: nameAt, end: nameAt + shared[1].length }, how: "post" });
    }
  }
  return out;
}
