// Lines → paragraphs. A scraped page puts one paragraph per line, but some lines are soft wraps
// of the one before ("... Joe Biden\ncalled Russia's ..."): those are joined.
import type { Span } from "../model.ts";

const SPACE = /[\s\u00a0\u200b\ufeff]/;
const ENDS_SENTENCE = /[.!?:;"”’)\]…]$/;
const STARTS_CONTINUATION = /^[\p{Ll}.,;:)\]]/u;

/** Paragraph spans of text, trimmed, in order; blank lines separate, soft wraps are joined. */
export function paragraphs(text: string): Span[] {
  const out: Span[] = [];
  let previousLineBlank = true;
  const lineBreak = /\r\n|\r|\n/g;
  let lineStart = 0;
  for (;;) {
    const m = lineBreak.exec(text);
    const lineEnd = m ? m.index : text.length;
    let start = lineStart, end = lineEnd;
    while (start < end && SPACE.test(text[start])) start++;
    while (end > start && SPACE.test(text[end - 1])) end--;
    if (start < end) {
      const last = out[out.length - 1];
      if (last && !previousLineBlank && !ENDS_SENTENCE.test(text.slice(last.start, last.end)) && STARTS_CONTINUATION.test(text.slice(start, end)))
        last.end = end;
      else out.push({ start, end });
      previousLineBlank = false;
    } else previousLineBlank = true;
    if (!m) break;
    lineStart = m.index + m[0].length;
  }
  return out;
}
