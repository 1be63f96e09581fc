// Entities, mentions, coreference and roles of one document.
//   tokens → chunks of capitalised words → segments (title, person, organisation...) →
//   kinds from context → entities and mentions → roles → coreference (titles, pronouns)
import type { Document, LocalEntity, Mention, RoleFact } from "../model.ts";
import { resolveReferences } from "./coref.ts";
import { buildEntities } from "./entities.ts";
import { findChunks, isTitleCaseBlock, segmentChunk, type Segment } from "./names.ts";
import { extractRoles } from "./roles.ts";
import { assignHomeStates } from "./home-state.ts";
import { lexicons } from "./lexicon.ts";
import { tokenize, type Token } from "./tokens.ts";

export interface AnnotatedDocument {
  doc: Document;
  entities: LocalEntity[];
  /** Sorted by span.start. */
  mentions: Mention[];
  roles: RoleFact[];
  /** The tagged tokens of the content blocks (for the pattern passes: src/extract/patterns.ts). */
  tokens: Token[];
}

export function annotate(doc: Document): AnnotatedDocument {
  const tokens = tokenize(doc);
  const segments = segmentsOf(tokens);
  const ctx = { tokens, segments };
  const table = buildEntities(doc.text, ctx);
  const roles = extractRoles(doc, ctx, table);
  const mentions = resolveReferences(doc, ctx, table, roles);
  const used = new Set(mentions.map((m) => m.entity));
  const entities = [...table.entities.values()].filter((e) => used.has(e.key));
  assignHomeStates(doc, entities, mentions, roles);
  return { doc, entities, mentions, roles, tokens };
}

function segmentsOf(tokens: Token[]): Segment[] {
  const headlineBlocks = new Set<number>();
  const byBlock = new Map<number, [number, number]>();
  tokens.forEach((t, i) => {
    const r = byBlock.get(t.block);
    if (r) r[1] = i + 1;
    else byBlock.set(t.block, [i, i + 1]);
  });
  for (const [block, [from, to]] of byBlock) {
    const kind = tokens[from].blockKind;
    // a block of several sentences or many words is running text, whatever its label
    let long = to - from > 30;
    for (let i = from; i < to - 1 && !long; i++) long = tokens[i].text === "." && tokens[i + 1].sentenceStart;
    // "By foreign affairs reporter X" under the headline is a byline, not a subheadline
    const byline = kind === "subheadline" && /^by$/i.test(tokens[from].text) && !!tokens[from + 1] && !tokens[from + 1].cap;
    if (((kind === "headline" || (kind === "subheadline" && !byline)) && !long) || (kind !== "byline" && isTitleCaseBlock(tokens, from, to))) headlineBlocks.add(block);
  }
  const segments = findChunks(tokens).flatMap((c, i) => segmentChunk(tokens, c, i, headlineBlocks.has(tokens[c.from].block)));
  return possessiveBodies(tokens, segments.map((s) => lowerCaseBody(tokens, s) ?? s));
}

const POSSESSED_BODIES = new Set(["ministry"]);
let demonymOfIso3: Map<string, string> | undefined;

/**
 * "Iran's foreign ministry", "Norway's Foreign Ministry": a state's body is one organisation,
 * named with the state's adjective ("Iranian foreign ministry"); the state keeps its own mention.
 */
function possessiveBodies(tokens: Token[], segments: Segment[]): Segment[] {
  const lex = lexicons();
  if (!demonymOfIso3) {
    demonymOfIso3 = new Map();
    for (const [d, c] of lex.demonyms) if (!demonymOfIso3.has(c.iso3) && !/s$/.test(d) && /^\p{Lu}/u.test(d)) demonymOfIso3.set(c.iso3, d);
  }
  const out: Segment[] = [];
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    const poss = tokens[s.to];
    const demonym = s.iso3 ? demonymOfIso3.get(s.iso3) : undefined;
    if (s.kind !== "country" || s.via === "demonym" || s.headline || !demonym || !poss || !/^['’]s$/.test(poss.text)) { out.push(s); continue; }
    const words = (from: number, to: number) => tokens.slice(from, to).map((t) => t.text).join(" ");
    // "Iran's foreign ministry": lower-case portfolio words, then the body
    let k = s.to + 1;
    while (k < s.to + 4 && tokens[k]?.isWord && !tokens[k].cap && !POSSESSED_BODIES.has(tokens[k].text) && lex.titleModifiers.has(tokens[k].text)) k++;
    if (tokens[k] && POSSESSED_BODIES.has(tokens[k].text) && tokens[k].block === poss.block && !tokens[k + 1]?.cap) {
      out.push(s, { ...s, from: s.to + 1, to: k + 1, kind: "organisation", via: "name", label: `${demonym} ${words(s.to + 1, k + 1)}`, iso3: undefined, orgType: "government" });
      continue;
    }
    // "Norway's Foreign Ministry": a body named by portfolio words and its head
    const next = segments[i + 1];
    const head = next ? tokens[next.to - 1].text : "";
    if (next && next.from === s.to + 1 && next.kind === "organisation" && !next.label && POSSESSED_BODIES.has(head.toLowerCase())
      && tokens.slice(next.from, next.to - 1).every((t) => t.cap && lex.commonWords.has(t.text.toLowerCase()))) {
      out.push(s, { ...next, label: `${demonym} ${words(next.from, next.to)}`, orgType: "government", unnamed: true });
      i++;
      continue;
    }
    out.push(s);
  }
  return out;
}

const LOWER_CASE_BODIES = new Set(["ministry", "embassy", "consulate", "parliament", "government"]);

/** "a Chinese foreign ministry statement": a demonym with a lower-case body is that body. */
function lowerCaseBody(tokens: Token[], s: Segment): Segment | undefined {
  if (s.via !== "demonym" || s.headline) return undefined;
  const lex = lexicons();
  for (let k = s.to; k < s.to + 3 && tokens[k]?.isWord && !tokens[k].cap; k++) {
    if (LOWER_CASE_BODIES.has(tokens[k].text)) {
      if (tokens[k].text === "government") return undefined; // "the Chinese government" is the state
      return { ...s, to: k + 1, kind: "organisation", via: "name", label: undefined, iso3: undefined, orgType: "government" };
    }
    if (!lex.titleModifiers.has(tokens[k].text)) return undefined;
  }
  return undefined;
}
