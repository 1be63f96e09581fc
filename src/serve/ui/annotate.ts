// Marks laid over a text as well-nested HTML: each annotation covers [start, end) of the text
// (UTF-16 offsets, as the graph's); where two cross, the inner one is split into pieces so
// the markup stays valid. The text itself comes out unchanged (only escaped), so the
// element's textContent is the original text and offsets can be checked in the page.
import { escapeHtml } from "../pages.ts";

export interface Annotation {
  start: number;
  end: number;
  /** Outer layers (lower numbers) open first when two annotations start at the same place. */
  layer: number;
  open: string;
  close: string;
}

export function annotate(text: string, annotations: Annotation[]): string {
  const valid = annotations.filter((a) => Number.isInteger(a.start) && Number.isInteger(a.end) && a.start >= 0 && a.end <= text.length && a.start < a.end);
  const order = (a: Annotation, b: Annotation) => a.start - b.start || b.end - a.end || a.layer - b.layer;
  const pending = [...valid].sort(order);
  const boundaries = [...new Set([0, text.length, ...valid.flatMap((a) => [a.start, a.end])])].sort((a, b) => a - b);
  const stack: Annotation[] = [];
  let out = "";
  let next = 0;
  for (let b = 0; b < boundaries.length; b++) {
    const at = boundaries[b];
    // Close what ends here; what was opened inside it and goes on is closed too and reopened.
    const lowest = stack.findIndex((a) => a.end === at);
    const reopen: Annotation[] = [];
    if (lowest !== -1) {
      while (stack.length > lowest) {
        const a = stack.pop()!;
        out += a.close;
        if (a.end !== at) reopen.push(a);
      }
    }
    const starting: Annotation[] = [];
    while (next < pending.length && pending[next].start === at) starting.push(pending[next++]);
    // Longer ones outside, so fewer splits later.
    for (const a of [...reopen, ...starting].sort((x, y) => y.end - x.end || x.layer - y.layer)) {
      out += a.open;
      stack.push(a);
    }
    if (b + 1 < boundaries.length) out += escapeHtml(text.slice(at, boundaries[b + 1]));
  }
  while (stack.length) out += stack.pop()!.close;
  return out;
}

/** Where `needle` occurs in text[from, to) (case-insensitive, whole words), or undefined. */
export function findWithin(text: string, needle: string, from: number, to: number): { start: number; end: number } | undefined {
  const wanted = needle.trim();
  if (!wanted) return undefined;
  const haystack = text.slice(from, to).toLowerCase();
  const lower = wanted.toLowerCase();
  const word = /[\p{L}\p{N}]/u;
  for (let i = haystack.indexOf(lower); i !== -1; i = haystack.indexOf(lower, i + 1)) {
    const before = haystack[i - 1];
    const after = haystack[i + lower.length];
    if ((before === undefined || !word.test(before)) && (after === undefined || !word.test(after))) return { start: from + i, end: from + i + wanted.length };
  }
  return undefined;
}

/**
 * Every whole-word, case-sensitive occurrence of each entity's names, longest names first; an
 * occurrence inside one already found is skipped ("Sergey Lavrov" is not also "Lavrov").
 */
export function findNames(text: string, entities: { iri: string; names: string[] }[]): { iri: string; start: number; end: number }[] {
  const candidates = entities.flatMap((e) => e.names.filter((n) => n.trim().length >= 2).map((name) => ({ iri: e.iri, name })));
  candidates.sort((a, b) => b.name.length - a.name.length || a.name.localeCompare(b.name));
  const taken: { iri: string; start: number; end: number }[] = [];
  const word = /[\p{L}\p{N}]/u;
  const free = (start: number, end: number) => !taken.some((t) => start < t.end && t.start < end);
  for (const { iri, name } of candidates) {
    for (let i = text.indexOf(name); i !== -1; i = text.indexOf(name, i + 1)) {
      const end = i + name.length;
      const before = text[i - 1];
      const after = text[end];
      if ((before !== undefined && word.test(before)) || (after !== undefined && word.test(after))) continue;
      if (free(i, end)) taken.push({ iri, start: i, end });
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}
