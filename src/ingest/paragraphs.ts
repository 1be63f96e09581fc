// Lines → paragraphs. A scraped page puts one paragraph per line, but some lines are soft wraps
// of the one before ("... Joe Biden\ncalled Russia's ..."): those are joined. Text hard-wrapped
// at a fixed width (wire copy, e-mail) has paragraphs of several lines between blank lines.
import type { Span } from "../model.ts";

const SPACE = /[\s\u00a0\u200b\ufeff]/;
const ENDS_SENTENCE = /[.!?:;"”’)\]…]$/;
const STARTS_CONTINUATION = /^[\p{Ll}.,;:)\]]/u;

interface Line extends Span {
  blankBefore: boolean;
}

/** Paragraph spans of text, trimmed, in order; blank lines separate, soft wraps are joined. */
export function paragraphs(text: string): Span[] {
  const lines = trimmedLines(text);
  const width = hardWrapWidth(lines);
  const out: Span[] = [];
  let previous: Line | undefined;
  for (const line of lines) {
    const last = out[out.length - 1];
    if (last && previous && !line.blankBefore && continues(text, previous, line, width)) last.end = line.end;
    else out.push({ start: line.start, end: line.end });
    previous = line;
  }
  return out;
}

function continues(text: string, previous: Line, line: Line, wrapWidth: number): boolean {
  const prevText = text.slice(previous.start, previous.end);
  // Hard-wrapped text: a line that reaches the wrap width goes on in the next one.
  if (wrapWidth && previous.end - previous.start >= wrapWidth * 0.75) return true;
  return !ENDS_SENTENCE.test(prevText) && STARTS_CONTINUATION.test(text.slice(line.start, line.end));
}

function trimmedLines(text: string): Line[] {
  const out: Line[] = [];
  const lineBreak = /\r\n|\r|\n/g;
  let lineStart = 0;
  let blankBefore = true;
  for (;;) {
    const m = lineBreak.exec(text);
    const lineEnd = m ? m.index : text.length;
    let start = lineStart, end = lineEnd;
    while (start < end && SPACE.test(text[start])) start++;
    while (end > start && SPACE.test(text[end - 1])) end--;
    if (start < end) {
      out.push({ start, end, blankBefore });
      blankBefore = false;
    } else blankBefore = true;
    if (!m) break;
    lineStart = m.index + m[0].length;
  }
  return out;
}

/**
 * The width text is hard-wrapped at, or 0: most lines that run on into the next line end
 * within a few characters of one common width of 40 to 100 characters.
 */
function hardWrapWidth(lines: Line[]): number {
  const runOn = lines.filter((_, i) => lines[i + 1] && !lines[i + 1].blankBefore).map((l) => l.end - l.start);
  if (runOn.length < 4) return 0;
  const width = Math.max(...runOn);
  // nobody wraps text at fewer than 40 characters: short lines run on are a page's stacked labels
  if (width > 100 || width < 40) return 0;
  const near = runOn.filter((n) => n >= width - 12).length;
  return near / runOn.length >= 0.6 ? width : 0;
}
