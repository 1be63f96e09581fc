// What the build records of the resolved entities, so that a later build can resolve again only
// the entities a change touches (see incremental.ts):
//   - each entity's local entities (its members: article, position in the article, the local
//     entity), with the digests and the link the build made of it;
//   - an index from every key that ties local entities together (a name key, an ISO code, tagged
//     with the kind) to the entities that have it, and from every plain slug ("slug|kind/slug") to
//     the entities whose label gives it.
// Both live in the builder's records of the entities-graph buckets: an entity in the bucket of its
// subject; an index key in one of KEY_SHARDS records without a graph ("k00"…), which its hash picks. A build from scratch and an incremental
// build record the same (sorted) content, so the records themselves do not depend on the order of
// the builds.
import { createHash } from "node:crypto";
import type { Entity, Link, LocalEntity } from "../model.ts";

/** One local entity of a merged entity: docId, its position among the article's entities, the local entity. */
export type MemberRecord = [doc: string, index: number, entity: LocalEntity];

export interface EntityRecord {
  /** Digest of the entity's description (d) and of what linking reads of it (l). */
  d: string;
  l: string;
  link?: Link;
  /** Its local entities in corpus order (docId, then position). */
  m: MemberRecord[];
}

/** The builder's record of one bucket of the entities graph. */
export interface BucketState {
  /** Hash of the bucket's graph piece as written ("" for none). */
  graph: string;
  quads: number;
  /** Entity id → its record, for the entities of this bucket (sorted by id). */
  entities: Record<string, EntityRecord>;
  /** Index keys of this bucket (sorted) → ids of the entities that have them (sorted). */
  keys: Record<string, string[]>;
}

const digest = (value: unknown): string => createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 16);

/** The digests of an entity's description and of what linking reads of it. */
export const entityDigests = (e: Entity): { d: string; l: string } => ({ d: digest(e), l: digest([e.kind, e.label, e.altLabels, e.iso3 ?? "", e.orgType ?? ""]) });

/** Records of the key index are apart from the entities' (a look-up reads a small record): this many. */
const KEY_SHARDS = 256;
/** The record ("k" + two hex digits, a bucket without a graph) an index key is kept in. */
export const keyBucket = (key: string): string => {
  let b = shardOf.get(key);
  if (b === undefined) shardOf.set(key, (b = `k${(createHash("sha256").update(key).digest()[0] % KEY_SHARDS).toString(16).padStart(2, "0")}`));
  return b;
};
const shardOf = new Map<string, string>();
/** The index key of a plain slug (an entity's id when no other entity has its slug). */
export const slugKey = (baseId: string): string => `slug|${baseId}`;

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Members in corpus order: by docId, then position in the article. */
export const compareMembers = (a: MemberRecord, b: MemberRecord): number => byCodePoint(a[0], b[0]) || a[1] - b[1];

/** A bucket state with its entities and keys in sorted order (what is written). */
export function sortedState(state: BucketState): BucketState {
  const entities: Record<string, EntityRecord> = {};
  for (const id of Object.keys(state.entities).sort(byCodePoint)) entities[id] = state.entities[id];
  const keys: Record<string, string[]> = {};
  for (const key of Object.keys(state.keys).sort(byCodePoint)) if (state.keys[key].length) keys[key] = [...new Set(state.keys[key])].sort(byCodePoint);
  return { graph: state.graph, quads: state.quads, entities, keys };
}

/** The same record without what the graph is (to compare what a bucket holds). */
export const contentOf = (s: BucketState | undefined): string => (s ? JSON.stringify({ entities: s.entities, keys: s.keys }) : "");

/** Whether what linking and validation see of an entity changed (its digests or its link). */
export const sameLinkState = (a: EntityRecord | undefined, b: EntityRecord | undefined): boolean =>
  !!a && !!b && a.d === b.d && a.l === b.l && JSON.stringify(a.link) === JSON.stringify(b.link);
