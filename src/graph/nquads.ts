// Canonical N-Quads text: one line per quad, sorted, no duplicates. Two graphs with the same
// quads give the same bytes, which is what makes exports and the store file deterministic.
import { Writer } from "n3";
import type { Quad } from "@rdfjs/types";

const writer = new Writer({ format: "N-Quads" });

/** One N-Quads line (with its newline) for a quad. */
export const nquadLine = (q: Quad): string => writer.quadToString(q.subject, q.predicate, q.object, q.graph);

/** Sorts N-Quads lines (UTF-16 code-unit order) and drops duplicates and blanks. */
export function sortNQuadLines(lines: Iterable<string>): string {
  const sorted = [...new Set(lines)].filter((l) => l.length > 0 && !l.startsWith("#")).sort();
  return sorted.length ? sorted.join("\n") + "\n" : "";
}

/**
 * sortNQuadLines of `kept` and `more` together, where `kept` are lines of canonical text (sorted,
 * no duplicates, blanks or comments: a graph as stored, less some lines): `more` is sorted alone
 * and merged in, instead of sorting every line again. Lines out of that order are sorted whole.
 */
export function mergeNQuadLines(kept: string[], more: Iterable<string>): string {
  for (let i = 0; i < kept.length; i++) {
    const line = kept[i];
    if (line.length === 0 || line.startsWith("#") || (i > 0 && !(kept[i - 1] < line))) return sortNQuadLines([...kept, ...more]);
  }
  const added = [...new Set(more)].filter((l) => l.length > 0 && !l.startsWith("#")).sort();
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < kept.length && j < added.length) {
    if (kept[i] < added[j]) out.push(kept[i++]);
    else if (added[j] < kept[i]) out.push(added[j++]);
    else (out.push(kept[i++]), j++);
  }
  while (i < kept.length) out.push(kept[i++]);
  while (j < added.length) out.push(added[j++]);
  return out.length ? out.join("\n") + "\n" : "";
}

/** Quads → canonical N-Quads text. */
export const canonicalNQuads = (quads: Iterable<Quad>): string => sortNQuadLines([...quads].map((q) => nquadLine(q).trimEnd()));

/** Re-sorts any N-Quads text (e.g. Oxigraph's dump) into canonical form. */
export const canonicalizeNQuads = (text: string): string => sortNQuadLines(text.split("\n"));
