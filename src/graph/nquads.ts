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

/** Quads → canonical N-Quads text. */
export const canonicalNQuads = (quads: Iterable<Quad>): string => sortNQuadLines([...quads].map((q) => nquadLine(q).trimEnd()));

/** Re-sorts any N-Quads text (e.g. Oxigraph's dump) into canonical form. */
export const canonicalizeNQuads = (text: string): string => sortNQuadLines(text.split("\n"));
