// Entities, mentions, coreference and roles of one document.
//   tokens → chunks of capitalised words → segments (title, person, organisation...) →
//   kinds from context → entities and mentions → roles → coreference (titles, pronouns)
import type { Document, LocalEntity, Mention, RoleFact } from "../model.ts";
import { resolveReferences } from "./coref.ts";
import { buildEntities } from "./entities.ts";
import { findChunks, isTitleCaseBlock, segmentChunk, type Segment } from "./names.ts";
import { extractRoles } from "./roles.ts";
import { lexicons } from "./lexicon.ts";
import { tokenize, type Token } from "./tokens.ts";

export interface AnnotatedDocument {
  doc: Document;
  entities: LocalEntity[];
  /** Sorted by span.start. */
  mentions: Mention[];
  roles: RoleFact[];
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
  return { doc, entities, mentions, roles };
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
    if (((kind === "headline" || kind === "subheadline") && !long) || (kind !== "byline" && isTitleCaseBlock(tokens, from, to))) headlineBlocks.add(block);
  }
  const segments = findChunks(tokens).flatMap((c, i) => segmentChunk(tokens, c, i, headlineBlocks.has(tokens[c.from].block)));
  return segments.map((s) => lowerCaseBody(tokens, s) ?? s);
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
