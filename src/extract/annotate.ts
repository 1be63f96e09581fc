// Entities, mentions, coreference and roles of one document.
//   tokens → chunks of capitalised words → segments (title, person, organisation...) →
//   kinds from context → entities and mentions → roles → coreference (titles, pronouns)
import type { Document, LocalEntity, Mention, RoleFact } from "../model.ts";
import { resolveReferences } from "./coref.ts";
import { buildEntities } from "./entities.ts";
import { findChunks, isTitleCaseBlock, segmentChunk, type Segment } from "./names.ts";
import { extractRoles } from "./roles.ts";
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
  const segments = segmentsOf(doc, tokens);
  const ctx = { tokens, segments };
  const table = buildEntities(doc.text, ctx);
  const roles = extractRoles(doc, ctx, table);
  const mentions = resolveReferences(doc, ctx, table, roles);
  const used = new Set(mentions.map((m) => m.entity));
  const entities = [...table.entities.values()].filter((e) => used.has(e.key));
  return { doc, entities, mentions, roles };
}

function segmentsOf(doc: Document, tokens: Token[]): Segment[] {
  const headlineBlocks = new Set<number>();
  const byBlock = new Map<number, [number, number]>();
  tokens.forEach((t, i) => {
    const r = byBlock.get(t.block);
    if (r) r[1] = i + 1;
    else byBlock.set(t.block, [i, i + 1]);
  });
  for (const [block, [from, to]] of byBlock) {
    const kind = tokens[from].blockKind;
    if (kind === "headline" || kind === "subheadline" || (kind !== "byline" && isTitleCaseBlock(tokens, from, to))) headlineBlocks.add(block);
  }
  void doc;
  return findChunks(tokens).flatMap((c, i) => segmentChunk(tokens, c, i, headlineBlocks.has(tokens[c.from].block)));
}
