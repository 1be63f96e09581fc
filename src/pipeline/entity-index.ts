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
import { StoreError } from "../store/index.ts";

/** One local entity of a merged entity: docId, its position among the article's entities, the local entity. */
export type MemberRecord = [doc: string, index: number, entity: LocalEntity];

export interface EntityRecord {
  /** Digest of the entity's description (d) and of what linking reads of it (l). */
  d: string;
  l: string;
  /** What linking reads of it when it is co-mentioned with an entity being linked (absent in records written before). */
  s?: EntitySummary;
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

/**
 * An entity's label, other names, ISO code and kind of organisation: what linking reads of the
 * states and bodies co-mentioned with the entity it links. Kept in the entity's record so that an
 * incremental build need not describe them again from their members (a much-mentioned state has
 * thousands), and read without parsing those (StoredBucket.summary).
 */
export type EntitySummary = Pick<Entity, "label" | "altLabels" | "iso3" | "orgType">;

const digest = (value: unknown): string => createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 16);

/** What an entity's record holds of its description: the digests of it (d) and of what linking reads of it (l), and that part (s). */
export const entityDigests = (e: Entity): { d: string; l: string; s: EntitySummary } => ({
  d: digest(e),
  l: digest([e.kind, e.label, e.altLabels, e.iso3 ?? "", e.orgType ?? ""]),
  s: { label: e.label, altLabels: e.altLabels, ...(e.iso3 !== undefined ? { iso3: e.iso3 } : {}), ...(e.orgType !== undefined ? { orgType: e.orgType } : {}) },
});

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

// A bucket's record is written one entity, one index key per line: still one JSON value (a full
// build parses it whole), while an incremental build reads the lines and parses only the entries
// it needs (a bucket holds 1/64 of the corpus's entities: parsing all of them made one article
// added to 10,000 cost ~0.5 s more than to 1,000).
//
//   {"graph":"…","quads":N,"entities":{
//   "person/a":{…},
//   "person/b":{…}
//   },"keys":{
//   "name|…":["person/a"]
//   }}

const ENTITIES_END = `},"keys":{`;
/** Where an entity record's members start (its last field). */
const MEMBERS_START = `,"m":[`;
const KEYS_END = `}}`;

/** The text of a bucket's record (its entities and keys in the order given: sortedState's). */
export function bucketText(state: BucketState): string {
  const head = bucketHead(state.graph, state.quads);
  const entities = Object.entries(state.entities).map(([id, r]) => `${JSON.stringify(id)}:${JSON.stringify(r)}`);
  const keys = Object.entries(state.keys).map(([key, ids]) => `${JSON.stringify(key)}:${JSON.stringify(ids)}`);
  return [head, ...withCommas(entities), ENTITIES_END, ...withCommas(keys), KEYS_END].join("\n");
}

const withCommas = (lines: string[]): string[] => lines.map((l, i) => (i < lines.length - 1 ? `${l},` : l));

/** A bucket's record as read: its entries kept as text, parsed when asked for. */
export class StoredBucket {
  private readonly parsedEntities = new Map<string, EntityRecord>();
  private readonly parsedKeys = new Map<string, string[]>();

  private constructor(
    /** The record's text as read. */
    readonly text: string,
    readonly graph: string,
    readonly quads: number,
    /** Entity id → its record's JSON text (ids in the record's order: sorted). */
    readonly entityTexts: Map<string, string>,
    /** Index key → the JSON text of its ids (keys sorted). */
    readonly keyTexts: Map<string, string>,
    /** Names the record in messages. */
    private readonly where = "",
  ) {}

  static empty(): StoredBucket {
    return new StoredBucket("", "", 0, new Map(), new Map());
  }

  /** Reads a record's text; throws (with `where` in the message) when it is not one. */
  static parse(text: string, where: string): StoredBucket {
    const bad = (why: string) => damaged(where, why);
    const lines = text.split("\n");
    if (lines.length === 1) {
      // One line: a record written whole (also valid JSON): read it whole.
      let value: BucketState;
      try {
        value = JSON.parse(text) as BucketState;
      } catch {
        throw bad("not JSON");
      }
      if (!value || typeof value !== "object" || typeof value.entities !== "object" || typeof value.keys !== "object") throw bad("not a bucket record");
      const b = new StoredBucket(text, value.graph ?? "", value.quads ?? 0, new Map(), new Map());
      for (const [id, r] of Object.entries(value.entities)) (b.entityTexts.set(id, JSON.stringify(r)), b.parsedEntities.set(id, r));
      for (const [key, ids] of Object.entries(value.keys)) (b.keyTexts.set(key, JSON.stringify(ids)), b.parsedKeys.set(key, ids));
      return b;
    }
    let head: { graph: string; quads: number };
    try {
      head = JSON.parse(`${lines[0]}}}`) as { graph: string; quads: number };
    } catch {
      throw bad("its first line");
    }
    if (typeof head.graph !== "string" || typeof head.quads !== "number") throw bad("its first line");
    const entities = new Map<string, string>();
    const keys = new Map<string, string>();
    let i = 1;
    for (; i < lines.length && lines[i] !== ENTITIES_END; i++) splitEntry(lines[i], entities, bad);
    if (i >= lines.length) throw bad("no keys");
    for (i++; i < lines.length && lines[i] !== KEYS_END; i++) splitEntry(lines[i], keys, bad);
    if (i !== lines.length - 1) throw bad("cut short or too long");
    return new StoredBucket(text, head.graph, head.quads, entities, keys, where);
  }

  entity(id: string): EntityRecord | undefined {
    let r = this.parsedEntities.get(id);
    if (r === undefined) {
      const text = this.entityTexts.get(id);
      if (text === undefined) return undefined;
      this.parsedEntities.set(id, (r = this.parseEntry(text) as EntityRecord));
    }
    return r;
  }

  /**
   * An entity's summary, read from its record's text before its members (which are not parsed);
   * undefined when the entity is not here or its record has none (written by older code).
   */
  summary(id: string): EntitySummary | undefined {
    const parsed = this.parsedEntities.get(id);
    if (parsed) return parsed.s;
    const text = this.entityTexts.get(id);
    if (text === undefined) return undefined;
    // The members are the record's last field; no string in it holds an unescaped quote, so the
    // first ',"m":[' is where they start.
    const end = text.indexOf(MEMBERS_START);
    if (end < 0) return undefined;
    return (this.parseEntry(`${text.slice(0, end)}}`) as EntityRecord).s;
  }

  /** Ids under an index key (none: []). */
  holders(key: string): string[] {
    let ids = this.parsedKeys.get(key);
    if (ids === undefined) {
      const text = this.keyTexts.get(key);
      if (text === undefined) return [];
      this.parsedKeys.set(key, (ids = this.parseEntry(text) as string[]));
    }
    return ids;
  }

  private parseEntry(text: string): unknown {
    try {
      return JSON.parse(text);
    } catch {
      throw damaged(this.where, "an entry is not JSON");
    }
  }

  /** The whole record as a BucketState (every entry parsed). */
  state(): BucketState {
    const entities: Record<string, EntityRecord> = {};
    for (const id of this.entityTexts.keys()) entities[id] = this.entity(id)!;
    const keys: Record<string, string[]> = {};
    for (const key of this.keyTexts.keys()) keys[key] = this.holders(key);
    return { graph: this.graph, quads: this.quads, entities, keys };
  }
}

const damaged = (where: string, why: string) => new StoreError(`${where}: the builder's record of an entities bucket is damaged (${why}); rebuild the store with 'newsgraph build'`);

/** `"id":{…},` → id and the value's text (whose JSON is parsed when the entry is read). */
function splitEntry(line: string, into: Map<string, string>, bad: (why: string) => Error): void {
  const text = line.endsWith(",") ? line.slice(0, -1) : line;
  let end = 1;
  for (; end < text.length; end++) {
    const c = text.charCodeAt(end);
    if (c === 0x5c) end++; // a backslash escapes the next character
    else if (c === 0x22) break;
  }
  if (text.charCodeAt(0) !== 0x22 || text.charCodeAt(end + 1) !== 0x3a) throw bad("a line is not an entry");
  let id: string;
  try {
    id = JSON.parse(text.slice(0, end + 1)) as string;
  } catch {
    throw bad("a line is not an entry");
  }
  const value = text.slice(end + 2);
  const first = value.charCodeAt(0);
  const last = value.charCodeAt(value.length - 1);
  if (!((first === 0x7b && last === 0x7d) || (first === 0x5b && last === 0x5d))) throw bad("a line is cut short");
  into.set(id, value);
}

/**
 * The text of a bucket's record after a change: `changed` entities (undefined: gone) and `keys`
 * (their full new lists) over the record as read; everything else is copied as text. Entities
 * and keys stay sorted; empty key lists are dropped (as sortedState does).
 */
export function changedBucketText(old: StoredBucket, graph: string, quads: number, changed: Map<string, EntityRecord | undefined>, keys: Map<string, string[]>): string {
  return `${bucketHead(graph, quads)}\n${changedBucketContent(old, changed, keys)}`;
}

/** The first line of a bucket's record: its graph's hash and size. */
export const bucketHead = (graph: string, quads: number): string => `{"graph":${JSON.stringify(graph)},"quads":${quads},"entities":{`;

/** changedBucketText without its first line (what contentText gives of it): the same for any graph. */
export function changedBucketContent(old: StoredBucket, changed: Map<string, EntityRecord | undefined>, keys: Map<string, string[]>): string {
  const ids = [...new Set([...old.entityTexts.keys(), ...changed.keys()])].sort(byCodePoint);
  const entities: string[] = [];
  for (const id of ids) {
    const text = changed.has(id) ? (changed.get(id) === undefined ? undefined : JSON.stringify(changed.get(id))) : old.entityTexts.get(id);
    if (text !== undefined) entities.push(`${JSON.stringify(id)}:${text}`);
  }
  const names = [...new Set([...old.keyTexts.keys(), ...keys.keys()])].sort(byCodePoint);
  const keyLines: string[] = [];
  for (const key of names) {
    let text: string | undefined;
    if (keys.has(key)) {
      const list = [...new Set(keys.get(key))].sort(byCodePoint);
      text = list.length ? JSON.stringify(list) : undefined;
    } else text = old.keyTexts.get(key);
    if (text !== undefined) keyLines.push(`${JSON.stringify(key)}:${text}`);
  }
  return [...withCommas(entities), ENTITIES_END, ...withCommas(keyLines), KEYS_END].join("\n");
}

/** What a bucket's record holds besides its graph's hash and size (equal content: nothing to write). */
export const contentText = (text: string): string => text.slice(text.indexOf("\n") + 1);
