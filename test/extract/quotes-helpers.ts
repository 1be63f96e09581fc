// Hand-made annotated documents for the quotation, sanctions and dates tests: the text is split into
// paragraphs (one per line) and sentences, and every occurrence of an entity's names becomes a mention.
import type { Block, Document, EntityKind, LocalEntity, Mention, MentionVia, Span } from "../../src/model.ts";
import type { AnnotatedDocument } from "../../src/extract/annotate.ts";
import { tokenize } from "../../src/extract/tokens.ts";

export interface EntitySpec {
  key: string;
  kind: EntityKind;
  names: string[];
  /** Adjectives of a state ("Norwegian"): mentions with via "demonym". */
  demonyms?: string[];
  /** Extra surfaces that refer to it without being names ("he", "the foreign minister"). */
  refs?: Array<{ surface: string; via: MentionVia; nth?: number }>;
}

function sentencesOf(text: string, blocks: Block[]): Span[] {
  const out: Span[] = [];
  for (const b of blocks) {
    // a dotted acronym ("U.N. envoy") ends no sentence, as with ICU's breaks in ingest
    const re = /(?:(?:\p{Lu}\.){2,}(?=\s+\S)|[^.!?])*(?:[.!?]+["”’']?|$)/gu;
    re.lastIndex = b.start;
    const part = text.slice(0, b.end);
    for (let m = re.exec(part); m && m.index < b.end; m = re.exec(part)) {
      if (!m[0]) { re.lastIndex++; continue; }
      const s = m.index + (m[0].length - m[0].trimStart().length);
      const e = m.index + m[0].trimEnd().length;
      if (e > s) out.push({ start: s, end: e });
    }
  }
  return out;
}

export function annotated(text: string, specs: EntitySpec[], published?: string): AnnotatedDocument {
  const blocks: Block[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) blocks.push({ start: m.index, end: m.index + m[0].length, kind: "body" });
  const sentences = sentencesOf(text, blocks);
  const doc: Document = { id: "t", fileName: "t.txt", sha256: "", text, blocks, sentences, published };
  const entities: LocalEntity[] = specs.map((s) => ({ key: s.key, kind: s.kind, name: s.names[0], names: s.names }));
  const found: Mention[] = [];
  // binary search (the linear-time tests annotate 1 MB texts with this helper)
  const sentenceOf = (pos: number) => {
    let lo = 0;
    let hi = sentences.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (sentences[mid].start <= pos) lo = mid;
      else hi = mid - 1;
    }
    return sentences[lo] && pos >= sentences[lo].start && pos < sentences[lo].end ? lo : 0;
  };
  const taken = new Uint8Array(text.length);
  const all = specs
    .flatMap((s) => [...s.names.map((n) => ({ n, key: s.key, via: "name" as MentionVia })), ...(s.demonyms ?? []).map((n) => ({ n, key: s.key, via: "demonym" as MentionVia }))])
    .sort((a, b) => b.n.length - a.n.length);
  for (const { n, key, via } of all) {
    const nre = new RegExp(`(?<![\\p{L}])${n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}])`, "gu");
    for (let m = nre.exec(text); m; m = nre.exec(text)) {
      const span = { start: m.index, end: m.index + n.length };
      if (taken.subarray(span.start, span.end).some((c) => c === 1)) continue;
      taken.fill(1, span.start, span.end);
      found.push({ span, surface: n, entity: key, sentence: sentenceOf(span.start), via });
    }
  }
  for (const s of specs) {
    for (const r of s.refs ?? []) {
      let at = -1;
      for (let k = 0; k <= (r.nth ?? 0); k++) at = text.indexOf(r.surface, at + 1);
      if (at < 0) throw new Error(`no "${r.surface}" in the text`);
      found.push({ span: { start: at, end: at + r.surface.length }, surface: r.surface, entity: s.key, sentence: sentenceOf(at), via: r.via });
    }
  }
  found.sort((a, b) => a.span.start - b.span.start);
  return { doc, entities, mentions: found, roles: [], tokens: tokenize(doc) };
}

/** Invented actors shared by the sanctions tests. */
export const NORWAY: EntitySpec = { key: "nor", kind: "country", names: ["Norway", "Oslo"], demonyms: ["Norwegian"] };
export const CHILE: EntitySpec = { key: "chl", kind: "country", names: ["Chile", "Santiago"], demonyms: ["Chilean"] };
export const PERU: EntitySpec = { key: "per", kind: "country", names: ["Peru", "Lima"], demonyms: ["Peruvian"] };
export const ICELAND: EntitySpec = { key: "isl", kind: "country", names: ["Iceland", "Reykjavik"], demonyms: ["Icelandic"] };
export const UNION: EntitySpec = { key: "au", kind: "organisation", names: ["African Union", "AU"] };
export const ALL = [NORWAY, CHILE, PERU, ICELAND, UNION];
