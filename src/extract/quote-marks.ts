// Quoted passages: pairs of quotation marks in the content blocks. Handles straight and curly
// double quotes (mixed pairs too), single quotes used as quotation marks (told apart from
// apostrophes), nested quotes (kept inside the outer one), and quotes running over several
// paragraphs (no closing mark at the paragraph's end, and an opening mark at the next one's start,
// or — on pages that lost it — a next paragraph whose first mark closes: “… / …,” she said).
// One pass over the characters: linear in the text.
import type { Block, Span } from "../model.ts";

export interface QuotedPassage {
  /** The quoted words of each paragraph the quote runs through (marks excluded). */
  pieces: Span[];
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark; absent when the quote ends with its paragraph. */
  close?: number;
  /** Index of the block the quote opens in. */
  block: number;
  single: boolean;
  /**
   * The paragraph shows no opening mark: its first mark closes a quote that runs from the paragraph's
   * start (a page that lost the mark, or the last paragraph of a quote whose chain broke). Such a
   * passage counts only with an attribution right after its closing mark.
   */
  orphan?: boolean;
}

const DOUBLE_OPEN = new Set(["“", "„", "«"]);
const DOUBLE_CLOSE = new Set(["”", "»"]);
const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** A straight double mark typed for an apostrophe between a word and its "s" ("the Council"s spokesperson"): no quote mark. */
const apostropheTypo = (text: string, i: number) => text[i] === '"' && isWordChar(text[i - 1]) && text[i + 1] === "s" && !isWordChar(text[i + 2]);
function doubleOpens(text: string, i: number): boolean {
  const c = text[i];
  if (apostropheTypo(text, i)) return false;
  if (DOUBLE_OPEN.has(c)) return true;
  // a closing curly mark set where an opening one belongs (” at a word's start after a space or the
  // paragraph's start): a page's typo, it can close nothing there
  if (c === "”") return isSpace(text[i - 1]) && isWordChar(text[i + 1]);
  return c === '"' && !isSpace(text[i + 1]);
}
function doubleCloses(text: string, i: number): boolean {
  const c = text[i];
  if (apostropheTypo(text, i)) return false;
  if (DOUBLE_CLOSE.has(c)) return true;
  if (c === '"' && gluedClose(text, i)) return true;
  return (c === '"' || c === "“") && !isSpace(text[i - 1]) && !isWordChar(text[i + 1]);
}
/** A straight mark glued between a sentence's end and the next sentence ('… activities."The sanctions …'): it closes the open quote. */
const gluedClose = (text: string, i: number) => /[\p{Ll}\p{N}][.!?,]/u.test(text.slice(i - 2, i)) && /\p{Lu}/u.test(text[i + 1] ?? "");
function singleOpens(text: string, i: number, blockStart: number): boolean {
  const c = text[i];
  if (c !== "‘" && c !== "'") return false;
  const prev = i > blockStart ? text[i - 1] : undefined;
  return (prev === undefined || /[\s(\[“"—–-]/.test(prev)) && isWordChar(text[i + 1]);
}
function singleCloses(text: string, i: number): boolean {
  const c = text[i];
  if (c !== "’" && c !== "'") return false;
  if (isSpace(text[i - 1]) || isWordChar(text[i + 1])) return false;
  // "the countries’ leaders": a plural possessive, not the end of a quote
  return !(/[sS]/.test(text[i - 1]) && /^\s+[a-z]/.test(text.slice(i + 1, i + 4)));
}

/** The first double mark of [from, to) closes a quote and opens none, and it ends a sentence or clause: the paragraph goes on with a quote opened before. */
function firstMarkCloses(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c !== '"' && !DOUBLE_OPEN.has(c) && !DOUBLE_CLOSE.has(c)) continue;
    return !doubleOpens(text, i) && doubleCloses(text, i) && /[.,!?…]/.test(text[i - 1]);
  }
  return false;
}

/**
 * A curly opening mark inside an open double quote that nests (“… the pool “Seagull” was listed …”):
 * it opens a word after a space, and the marks after it, in the paragraph and within a thousand
 * characters, close more quotes than they open (so the outer quote closes too; a quote that lost its
 * closing mark does not swallow the next one).
 */
function nestedOpen(text: string, i: number, end: number): boolean {
  if (text[i] !== "“" || !isSpace(text[i - 1]) || !isWordChar(text[i + 1])) return false;
  let depth = 1;
  for (let k = i + 1; k < Math.min(end, i + 1000); k++) {
    const c = text[k];
    if (c !== '"' && !DOUBLE_OPEN.has(c) && !DOUBLE_CLOSE.has(c)) continue;
    if (DOUBLE_OPEN.has(c) && c !== "“") return false;
    if (c === "“" && isSpace(text[k - 1])) depth++;
    else if (doubleCloses(text, k)) {
      if (depth === 0) return true;
      depth--;
    } else return false;
  }
  return false;
}

/** Whether [from, to) holds a double quotation mark. */
function hasDoubleMark(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text[i] === '"' || DOUBLE_OPEN.has(text[i]) || DOUBLE_CLOSE.has(text[i])) return true;
  return false;
}

function trimmed(text: string, start: number, end: number): Span | undefined {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end > start ? { start, end } : undefined;
}

/** Every quoted passage of the given blocks, in text order. */
export function findQuotedPassages(text: string, blocks: Block[]): QuotedPassage[] {
  const out: QuotedPassage[] = [];
  let open: { at: number; single: boolean; block: number; pieceStart: number; pieces: Span[] } | undefined;
  let orphan = false;
  const finish = (close: number | undefined, pieceEnd: number) => {
    const piece = trimmed(text, open!.pieceStart, pieceEnd);
    const pieces = piece ? [...open!.pieces, piece] : open!.pieces;
    if (pieces.length) out.push({ pieces, open: open!.at, close, block: open!.block, single: open!.single, ...(orphan ? { orphan } : {}) });
    open = undefined;
    orphan = false;
  };
  /**
   * A quote open at the end of the paragraph before block `bi` runs on through paragraphs with no
   * double mark at all (up to two) to one whose first mark closes it: “… / … / …,” she said.
   */
  const runsOnTo = (bi: number): boolean => {
    for (let k = bi; k < Math.min(blocks.length, bi + 3); k++) {
      const from = trimmed(text, blocks[k].start, blocks[k].end)?.start ?? blocks[k].start;
      if (hasDoubleMark(text, from, blocks[k].end)) return k > bi && firstMarkCloses(text, from, blocks[k].end);
    }
    return false;
  };
  for (const [bi, b] of blocks.entries()) {
    if (open) {
      // A quote left open continues only if this paragraph opens with a mark of the same kind.
      const first = trimmed(text, b.start, b.end)?.start ?? b.start;
      const continues = open.single ? singleOpens(text, first, b.start) : doubleOpens(text, first);
      if (continues || (!open.single && (firstMarkCloses(text, first, b.end) || runsOnTo(bi)))) {
        const piece = trimmed(text, open.pieceStart, blocks[bi - 1].end);
        if (piece) open.pieces.push(piece);
        open.pieceStart = continues ? first + 1 : first;
        scan(bi, b, open.pieceStart);
        continue;
      }
      if (open.single) open = undefined; // an unpaired single mark was an apostrophe
      else finish(undefined, blocks[bi - 1].end);
    }
    // “…” lost its opening mark: the paragraph's first mark closes, after a sentence or clause
    const first = trimmed(text, b.start, b.end)?.start ?? b.start;
    if (!doubleOpens(text, first) && firstMarkCloses(text, first, b.end)) {
      // (a single opening mark paired with a double closing one is a typo of the page: left out of the words)
      open = { at: first, single: false, block: bi, pieceStart: text[first] === "‘" ? first + 1 : first, pieces: [] };
      orphan = true;
    }
    scan(bi, b, first);
  }
  if (open) {
    if (open.single) open = undefined;
    else finish(undefined, blocks[blocks.length - 1].end);
  }
  return out;

  function scan(bi: number, b: Block, from: number): void {
    let inner = 0; // curly double quotes opened inside an open double quote and not closed yet
    for (let i = from; i < b.end; i++) {
      if (!open) {
        inner = 0;
        if (doubleOpens(text, i)) open = { at: i, single: false, block: bi, pieceStart: i + 1, pieces: [] };
        else if (singleOpens(text, i, b.start)) open = { at: i, single: true, block: bi, pieceStart: i + 1, pieces: [] };
      } else if (!open.single && nestedOpen(text, i, b.end)) {
        inner++;
      } else if (open.single ? singleCloses(text, i) : doubleCloses(text, i)) {
        if (inner > 0) inner--;
        else finish(i, i);
      }
    }
  }
}

/** The quoted words of a passage as one string (paragraph pieces joined by a space). */
export function passageText(text: string, p: QuotedPassage): string {
  return p.pieces
    .map((s) => text.slice(s.start, s.end))
    .join(" ")
    .replace(/\s+/g, " ")
    .replace(/[\s,;:–—-]+$/, "")
    .trim();
}
