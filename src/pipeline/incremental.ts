// An incremental build's entities: what changed articles touch is resolved and linked again, the
// rest of the corpus is not read.
//
// Local entities merge only through keys they share (connectingKeys: name keys, ISO codes), so
// the corpus falls apart into components that resolve independently (resolve/groups.ts), given
// which name keys are place names anywhere. A change resolves again exactly the components it
// touches: those of the entities the changed and removed articles had, and those the new local
// entities' keys reach, closed over the key index (entity-index.ts). Ids are assigned again for
// every slug those entities had or now have (with the untouched entities of the same slug).
// Linking runs for the entities a full build would link again, reading an entity's articles only
// when its decision needs them (link/index.ts linkEntitiesLazily). The result is the full
// build's, byte for byte (test/pipeline/incremental*.test.ts); so are the records it writes.
import type { Entity, EntityKind, Extraction, Link, Links, LocalEntity, Resolution } from "../model.ts";
import type { LocalRef } from "../resolve/index.ts";
import { entityIri } from "../graph/vocab.ts";
import { StoreError, entityBucket, type GraphStore, type PieceRef, type StoreManifest } from "../store/index.ts";
import type { ArticleFacts } from "./article-task.ts";
import { type EntityRecord, type EntitySummary, type MemberRecord, StoredBucket, compareMembers, entityDigests, keyBucket, slugKey } from "./entity-index.ts";

type Stages = typeof import("./stages.ts");

/** What the build records of an article (see build.ts ArticleState). */
export interface ArticleRecord extends ArticleFacts {
  key: string;
  map: Record<string, string>;
  graph: string;
  quads: number;
}

export interface IncrementalInput {
  store: GraphStore;
  base: StoreManifest;
  stages: Stages;
  /** New and changed articles (their records as extracted now, map still empty). */
  fresh: Map<string, ArticleRecord>;
  /** Articles of the store this build drops. */
  removed: string[];
  /** Records read ahead while the build waited for its extractions (used when they are the ones asked for). */
  ahead?: RecordsAhead;
  /** Links entities (linkEntitiesLazily with the build's options). */
  link: (entities: Entity[], articlesOf: (entities: Entity[]) => Promise<{ resolution: Resolution; extractions: Extraction[] }>) => Promise<Links>;
}

export interface IncrementalOutcome {
  /** Articles whose graph must be written again: docId → its map (the fresh ones and those whose entities got other ids). */
  remap: Map<string, { record: ArticleRecord; map: Record<string, string> }>;
  /** Old records of the changed and removed articles. */
  old: Map<string, ArticleRecord>;
  /** The buckets this build touches: their records as read, and what changes in them. */
  buckets: Map<string, BucketChange>;
  /** The description of an entity of a changed bucket (as it is now). */
  entity: (id: string) => Entity;
  /** The links of the changed entities (those with one). */
  links: Links;
  /** Every entity of a bucket as it is now, with their links (to write the bucket's graph whole). */
  allOf: (bucket: string) => { entities: Entity[]; links: Links };
  /** How far the change reached: entities resolved again, article and bucket records read. */
  reach: { entities: number; articleRecords: number; bucketRecords: number };
}

/** A bucket the change touches: its record as committed (empty when none) and its changed entries. */
export interface BucketChange {
  old: StoredBucket;
  /** There is a committed record of it. */
  stored: boolean;
  /** Entities whose record changed: the new record, or undefined when the entity left the bucket. */
  entities: Map<string, EntityRecord | undefined>;
  /** Index keys whose list changed: the whole new list (unsorted, may repeat). */
  keys: Map<string, string[]>;
}

/** Reads builder records of the committed store on demand, each once. */
class Records {
  private readonly articles = new Map<string, Promise<ArticleRecord>>();
  private readonly buckets = new Map<string, Promise<StoredBucket>>();
  readonly loaded = new Map<string, StoredBucket>();
  articlesRead = 0;

  constructor(private readonly store: GraphStore, private readonly base: StoreManifest, private readonly ahead?: RecordsAhead) {}

  async articlesOf(ids: Iterable<string>): Promise<Map<string, ArticleRecord>> {
    const wanted = [...new Set(ids)];
    const missing = wanted.filter((id) => !this.articles.has(id));
    if (missing.length) {
      const refs = missing.map((id) => {
        const ref = this.base.articles[id]?.state;
        if (!ref) throw new StoreError(`${this.store.location}: the store has no record of article '${id}'; rebuild it with 'newsgraph build'`);
        return ref;
      });
      const texts = this.store.readRecords(refs);
      this.articlesRead += refs.length;
      missing.forEach((id, i) => this.articles.set(id, texts.then((t) => JSON.parse(t[i]) as ArticleRecord)));
    }
    return new Map(await Promise.all(wanted.map(async (id) => [id, await this.articles.get(id)!] as const)));
  }

  async bucketsOf(names: Iterable<string>): Promise<void> {
    const missing = [...new Set(names)].filter((b) => !this.buckets.has(b));
    if (!missing.length) return;
    const stored = missing.filter((b) => this.base.entities?.[b]?.state);
    const early = new Map(stored.map((b) => [b, this.ahead?.take(this.base.entities![b].state!)]));
    const unread = stored.filter((b) => !early.get(b));
    const texts = unread.length ? this.store.readRecords(unread.map((b) => this.base.entities![b].state!)) : Promise.resolve([]);
    for (const b of missing) {
      const i = unread.indexOf(b);
      const text = early.get(b) ?? (i < 0 ? undefined : texts.then((t) => t[i]));
      const p = text ? text.then((t) => StoredBucket.parse(t, `${this.store.location}: bucket ${b}`)) : Promise.resolve(StoredBucket.empty());
      this.buckets.set(b, p.then((s) => (this.loaded.set(b, s), s)));
    }
    await Promise.all(missing.map((b) => this.buckets.get(b)));
  }

  /** Ids under an index key (its bucket loaded before). */
  holders(key: string): string[] {
    return this.loaded.get(keyBucket(key))!.holders(key);
  }

  /** Records of entities, each parsed when first asked for (their buckets are read now). */
  async lazyEntities(ids: Iterable<string>): Promise<{ get: (id: string) => EntityRecord | undefined; summary: (id: string) => EntitySummary | undefined }> {
    const list = [...new Set(ids)];
    await this.bucketsOf(list.map(bucketOf));
    const known = new Set(list);
    return {
      get: (id) => {
        if (!known.has(id)) return undefined;
        const r = this.loaded.get(bucketOf(id))!.entity(id);
        if (!r) throw new StoreError(`${this.store.location}: the builder's index names entity '${id}', which its bucket does not hold; rebuild the store with 'newsgraph build'`);
        return r;
      },
      summary: (id) => (known.has(id) ? this.loaded.get(bucketOf(id))!.summary(id) : undefined),
    };
  }

  /** Records of entities, by id. */
  async entities(ids: Iterable<string>): Promise<Map<string, EntityRecord>> {
    const list = [...new Set(ids)];
    await this.bucketsOf(list.map(bucketOf));
    return new Map(
      list.map((id) => {
        const r = this.loaded.get(bucketOf(id))!.entity(id);
        if (!r) throw new StoreError(`${this.store.location}: the builder's index names entity '${id}', which its bucket does not hold; rebuild the store with 'newsgraph build'`);
        return [id, r];
      }),
    );
  }
}

/**
 * The builder's records of the entities buckets, read while the build waits for its extractions
 * (its own thread is idle then): an incremental build at 10,000 articles reads nearly all of the
 * entity buckets' records, ~14 MB of text whose reading and decoding cost ~0.1 s after the wait.
 * Read a few at a time, so that the build takes its thread back within a few milliseconds of
 * stop(); a record not read ahead is read when asked for. Kept by where the piece lies and its
 * hash: the same text for any manifest that names it.
 */
export class RecordsAhead {
  private readonly texts = new Map<string, Promise<string>>();
  private stopped = false;

  constructor(private readonly store: GraphStore) {}

  /** Reads the records of base's entities buckets (the large ones: an entity's members), until stop(). */
  async read(base: StoreManifest): Promise<void> {
    const refs = Object.entries(base.entities ?? {})
      .filter(([name, b]) => b.state && b.graph && !name.startsWith("k"))
      .map(([, b]) => b.state!);
    let i = 0;
    for (let total = 0; i < refs.length && !this.stopped && total < READ_AHEAD_MAX; ) {
      const batch: PieceRef[] = [];
      for (let bytes = 0; i < refs.length && bytes < READ_AHEAD_BYTES; i++) (batch.push(refs[i]), (bytes += refs[i].len), (total += refs[i].len));
      const texts = this.store.readRecords(batch);
      batch.forEach((r, j) => {
        const text = texts.then((t) => t[j]);
        text.catch(() => undefined); // (not an unhandled rejection when nobody asks for it)
        this.texts.set(pieceKey(r), text);
      });
      // a record that cannot be read now is read again when asked for, and fails there
      if (!(await texts.then(() => true, () => false))) for (const r of batch) this.texts.delete(pieceKey(r));
    }
  }

  stop(): void {
    this.stopped = true;
  }

  /** The text of a record read ahead (undefined when it was not). */
  take(ref: PieceRef): Promise<string> | undefined {
    return this.texts.get(pieceKey(ref));
  }
}
/** About this much record text is read (and decoded) in one go by RecordsAhead. */
const READ_AHEAD_BYTES = 1 << 20;
/** At most this much is read ahead (a larger corpus: its first buckets), so that a change that touches few buckets wastes little. */
const READ_AHEAD_MAX = 32 << 20;
const pieceKey = (r: PieceRef): string => `${r.seg}:${r.off}:${r.len}:${r.hash}`;

const bucketOf = (id: string): string => entityBucket(entityIri(id));
const refsOf = (m: MemberRecord[]): LocalRef[] => m.map(([doc, , entity]) => ({ doc, entity }));
/** The kind of an entity, from its id ("person/…"). */
export const kindOfId = (id: string): EntityKind => id.slice(0, id.indexOf("/")) as EntityKind;

export async function resolveIncrementally(input: IncrementalInput): Promise<IncrementalOutcome> {
  const { stages, fresh } = input;
  // A much-mentioned entity's members mostly read the same (parsed one by one, they differ in their
  // key only): their connecting keys are made once per shape, and kept per member (they are asked
  // for up to four times: its shape's text is made once).
  const keysOfShape = new Map<string, string[]>();
  const keysOfMember = new Map<LocalEntity, string[]>();
  const connectingKeys = (e: LocalEntity): string[] => {
    let keys = keysOfMember.get(e);
    if (keys) return keys;
    const shape = stages.shapeKey(e);
    if (shape === undefined) keys = stages.connectingKeys(e);
    else if (!(keys = keysOfShape.get(shape))) keysOfShape.set(shape, (keys = stages.connectingKeys(e)));
    keysOfMember.set(e, keys);
    return keys;
  };
  const s: Stages = { ...stages, connectingKeys };
  const records = new Records(input.store, input.base, input.ahead);
  const changedDocs = new Set([...input.removed, ...[...fresh.keys()].filter((id) => input.base.articles[id])]);
  const old = await records.articlesOf(changedDocs);
  const described = new Map<string, Entity>();
  /** The description of a recorded entity (its id set). */
  const describeRecord = (id: string, r: EntityRecord): Entity => {
    let e = described.get(id);
    if (!e) {
      e = s.describe(refsOf(r.m)).entity;
      e.id = id;
      described.set(id, e);
    }
    return e;
  };

  /** An entity's plain slug ("kind/slug" of its label): its record's summary gives the label without describing it from its members. */
  const baseIdOf = (id: string, r: EntityRecord): string => s.baseId(r.s ? { kind: kindOfId(id), label: r.s.label } : describeRecord(id, r));

  // 1. Where the change starts: the entities the changed articles had, the keys of their new local entities.
  const seenIds = new Set<string>();
  const seenKeys = new Set<string>();
  let ids: string[] = [];
  let keys: string[] = [];
  const addId = (id: string) => {
    if (!seenIds.has(id)) (seenIds.add(id), ids.push(id));
  };
  const addKey = (k: string) => {
    if (!seenKeys.has(k)) (seenKeys.add(k), keys.push(k));
  };
  for (const r of old.values()) for (const id of Object.values(r.map)) addId(id);
  const newRefs: MemberRecord[] = [];
  for (const doc of [...fresh.keys()].sort()) fresh.get(doc)!.entities.forEach((e, i) => newRefs.push([doc, i, e]));
  // A place name gained or lost turns an organisation's name weak or strong: those organisations too.
  const placeKeysOf = (m: MemberRecord[]) => m.flatMap(([, , e]) => (e.kind === "place" ? s.connectingKeys(e).map((k) => k.slice("place|".length)) : []));
  for (const [, , e] of newRefs) for (const k of s.connectingKeys(e)) addKey(k);
  for (const k of placeKeysOf(newRefs)) addKey(`organisation|${k}`);
  for (const [doc, r] of old) for (const k of placeKeysOf(r.entities.map((e, i) => [doc, i, e]))) addKey(`organisation|${k}`);

  // 2. Their components: entities that share a key, until none is left.
  const affected = new Map<string, EntityRecord>();
  while (keys.length || ids.length) {
    if (keys.length) {
      const batch = keys;
      keys = [];
      await records.bucketsOf(batch.map(keyBucket));
      for (const k of batch) for (const id of records.holders(k)) addId(id);
    }
    if (ids.length) {
      const batch = ids;
      ids = [];
      for (const [id, r] of await records.entities(batch)) {
        affected.set(id, r);
        for (const [doc, , e] of r.m) if (!changedDocs.has(doc)) for (const k of s.connectingKeys(e)) addKey(k);
      }
    }
  }

  // 3. Resolve those components again, with the corpus's place names.
  const members: MemberRecord[] = [...newRefs];
  for (const r of affected.values()) for (const m of r.m) if (!changedDocs.has(m[0])) members.push(m);
  members.sort(compareMembers);
  const refs = members.map(([doc, i, entity]) => ({ doc, entity, i }));
  const placeNamesHere = new Set(placeKeysOf(members));
  const orgNameKeys = new Set<string>();
  for (const [, , e] of members) if (e.kind === "organisation") for (const f of [e.name, ...e.names]) orgNameKeys.add(s.nameKey(f));
  const asked = [...orgNameKeys].filter((k) => k && !placeNamesHere.has(k)).map((k) => `place|${k}`);
  await records.bucketsOf(asked.map(keyBucket));
  const isPlaceName = (k: string) => placeNamesHere.has(k) || (k !== "" && records.holders(`place|${k}`).some((id) => !affected.has(id)));
  const drafts = s.draftEntities(refs, isPlaceName);

  // 4. Ids, for every slug the affected entities had or have now, with the other entities of those slugs.
  const slugs = new Set<string>();
  const addSlug = (b: string) => {
    slugs.add(b);
    // A plain slug that looks like "other-slug-1a2b3c" may be what an entity of "other-slug" is called.
    const j = b.lastIndexOf("-");
    if (j > 0 && /^[0-9a-f]{6,}$/.test(b.slice(j + 1))) slugs.add(b.slice(0, j));
  };
  for (const [id, r] of affected) addSlug(baseIdOf(id, r));
  for (const d of drafts) addSlug(s.baseId(d.entity));
  await records.bucketsOf([...slugs].map((b) => keyBucket(slugKey(b))));
  const bystanderIds = new Set<string>();
  for (const b of slugs) for (const id of records.holders(slugKey(b))) if (!affected.has(id)) bystanderIds.add(id);
  const bystanders = await records.entities(bystanderIds);
  const byDrafts = [...bystanders].map(([id, r]) => ({ oldId: id, draft: s.describe(refsOf(r.m)), m: r.m }));
  const requests = [...drafts, ...byDrafts.map((b) => b.draft)].map(s.idRequest);
  let assigned: string[];
  for (;;) {
    const missing = new Set<string>();
    assigned = s.assignIds(requests, (id) => {
      const bucket = keyBucket(slugKey(id));
      if (!records.loaded.has(bucket)) {
        missing.add(bucket);
        return false;
      }
      return records.holders(slugKey(id)).some((x) => !affected.has(x) && !bystanderIds.has(x));
    });
    if (!missing.size) break;
    await records.bucketsOf(missing);
  }

  // The entities as they are now (id → description, members), and which ids their members had.
  const now = new Map<string, { entity: Entity; m: MemberRecord[] }>();
  drafts.forEach((d, n) => {
    d.entity.id = assigned[n];
    now.set(d.entity.id, { entity: d.entity, m: (d.members as typeof refs).map((r) => [r.doc, r.i, r.entity]) });
  });
  byDrafts.forEach((b, n) => {
    b.draft.entity.id = assigned[drafts.length + n];
    now.set(b.draft.entity.id, { entity: b.draft.entity, m: b.m });
  });
  const before = new Map<string, EntityRecord>([...affected, ...bystanders]);
  const idOf = new Map<string, string>();
  for (const [id, e] of now) for (const [doc, , local] of e.m) idOf.set(`${doc}#${local.key}`, id);

  // 5. Articles whose entities are other entities now, or whose entities' linked names changed (as build.ts decides).
  const dirty = new Set<string>(fresh.keys());
  const remapped = new Set<string>();
  for (const [id, r] of before) for (const [doc, , local] of r.m) if (!changedDocs.has(doc) && idOf.get(`${doc}#${local.key}`) !== id) remapped.add(doc);
  for (const doc of remapped) dirty.add(doc);
  const digests = new Map([...now].map(([id, e]) => [id, entityDigests(e.entity)]));
  for (const [id, e] of now) if (before.get(id)?.l !== digests.get(id)!.l) for (const doc of e.entity.articles) dirty.add(doc);
  const stored = await records.articlesOf([...dirty].filter((d) => !fresh.has(d)));
  const mapOf = (doc: string, r: ArticleRecord): Record<string, string> => {
    const map: Record<string, string> = {};
    for (const local of r.entities) {
      const id = idOf.get(`${doc}#${local.key}`) ?? r.map[local.key];
      if (id !== undefined) map[local.key] = id;
    }
    return map;
  };
  const maps = new Map<string, Record<string, string>>();
  const recordOf = (doc: string) => fresh.get(doc) ?? stored.get(doc)!;
  for (const doc of dirty) maps.set(doc, mapOf(doc, recordOf(doc)));

  // 6. Link what a full build links again: new or changed descriptions, every entity of a dirty article.
  const relink = new Set<string>();
  for (const [id] of now) if (!before.has(id) || before.get(id)!.d !== digests.get(id)!.d) relink.add(id);
  for (const map of maps.values()) for (const id of Object.values(map)) relink.add(id);
  const others = await records.entities([...relink].filter((id) => !now.has(id)));
  const entityById = (id: string, r?: EntityRecord): Entity => now.get(id)?.entity ?? describeRecord(id, r ?? others.get(id)!);
  const articlesOf = async (entities: Entity[]) => {
    const docs = [...new Set(entities.flatMap((e) => e.articles))].sort();
    const read = await records.articlesOf(docs.filter((d) => !fresh.has(d) && !stored.has(d)));
    const facts = docs.map((doc) => ({ doc, record: fresh.get(doc) ?? stored.get(doc) ?? read.get(doc)! }));
    const docMaps = facts.map(({ doc, record }) => maps.get(doc) ?? record.map);
    const needed = [...new Set(docMaps.flatMap((m) => Object.values(m)))];
    const recs = await records.lazyEntities(needed.filter((id) => !now.has(id)));
    const entityOf = new Map<string, string>();
    facts.forEach(({ doc }, i) => {
      for (const [key, id] of Object.entries(docMaps[i])) entityOf.set(`${doc}#${key}`, id);
    });
    const linked = new Set(entities.map((e) => e.id));
    const resolution: Resolution = {
      entities: needed.sort().map((id) => (linked.has(id) || now.has(id) ? entityById(id, recs.get(id)) : describedWhenRead(id, recs.summary(id), () => entityById(id, recs.get(id))))),
      entityOf,
    };
    return { resolution, extractions: facts.map(({ doc, record }) => lightExtraction(doc, record)) };
  };
  const fresher = await input.link([...relink].sort().map((id) => entityById(id)), articlesOf);
  const linkOf = (id: string): Link | undefined => (relink.has(id) ? fresher.get(id) : before.get(id)?.link ?? others.get(id)?.link);

  // 7. The buckets: entities out and in, index keys out and in (only the changed entries: the
  // rest of a bucket's record is copied as text when it is written).
  const buckets = new Map<string, BucketChange>();
  await records.bucketsOf([...before.keys(), ...now.keys(), ...others.keys()].map(bucketOf));
  const bucket = (name: string): BucketChange => {
    let b = buckets.get(name);
    if (!b) {
      const stored = !!input.base.entities?.[name]?.state;
      buckets.set(name, (b = { old: records.loaded.get(name) ?? StoredBucket.empty(), stored, entities: new Map(), keys: new Map() }));
    }
    return b;
  };
  const indexKeys = (base: string, m: MemberRecord[]) => {
    const keys = new Set([slugKey(base)]);
    for (const [, , local] of m) for (const k of s.connectingKeys(local)) keys.add(k);
    return keys;
  };
  const keyChanges: { key: string; id: string; add: boolean }[] = [];
  for (const [id, r] of before) {
    bucket(bucketOf(id)).entities.set(id, undefined);
    for (const key of indexKeys(baseIdOf(id, r), r.m)) keyChanges.push({ key, id, add: false });
  }
  for (const [id, e] of now) {
    const link = linkOf(id);
    bucket(bucketOf(id)).entities.set(id, { ...digests.get(id)!, ...(link ? { link } : {}), m: e.m });
    for (const key of indexKeys(s.baseId(e.entity), e.m)) keyChanges.push({ key, id, add: true });
  }
  for (const [id, r] of others) {
    const link = linkOf(id);
    // (a record written before summaries were kept gets one, as a build from scratch writes it)
    bucket(bucketOf(id)).entities.set(id, { d: r.d, l: r.l, s: r.s ?? entityDigests(entityById(id, r)).s, ...(link ? { link } : {}), m: r.m });
  }
  await records.bucketsOf(keyChanges.map((c) => keyBucket(c.key)));
  for (const add of [false, true]) {
    for (const c of keyChanges) {
      if (c.add !== add) continue;
      const shard = bucket(keyBucket(c.key));
      const list = (shard.keys.get(c.key) ?? shard.old.holders(c.key)).filter((x) => x !== c.id);
      if (add) list.push(c.id);
      shard.keys.set(c.key, list);
    }
  }
  const links: Links = new Map();
  for (const b of buckets.values()) for (const [id, r] of b.entities) if (r?.link) links.set(id, r.link);
  const entity = (id: string): Entity => {
    const r = buckets.get(bucketOf(id))?.entities.get(id);
    return entityById(id, r ?? records.loaded.get(bucketOf(id))!.entity(id));
  };
  const allOf = (name: string) => {
    const b = buckets.get(name)!;
    const all: Links = new Map();
    const entities: Entity[] = [];
    for (const id of new Set([...b.old.entityTexts.keys(), ...b.entities.keys()])) {
      const r = b.entities.has(id) ? b.entities.get(id) : b.old.entity(id);
      if (!r) continue;
      entities.push(entityById(id, r));
      if (r.link) all.set(id, r.link);
    }
    return { entities, links: all };
  };

  // 8. Graphs to write again: the fresh articles and those whose entities have other ids now.
  const remap = new Map<string, { record: ArticleRecord; map: Record<string, string> }>();
  for (const doc of [...fresh.keys(), ...remapped].sort()) remap.set(doc, { record: recordOf(doc), map: maps.get(doc)! });
  const reach = { entities: before.size, articleRecords: records.articlesRead, bucketRecords: records.loaded.size };
  return { remap, old, buckets, entity, links, allOf, reach };
}

/**
 * An entity whose id and kind are known and whose description (label, names, articles, codes) is
 * made the first time one of those is read: linking reads little of most entities co-mentioned
 * with the one it links (buildContexts), and describing them all cost as much as their members.
 * Its record's summary, when it has one, gives its names and codes without describing it.
 */
function describedWhenRead(id: string, summary: EntitySummary | undefined, describe: () => Entity): Entity {
  let full: Entity | undefined;
  const e = { id, kind: kindOfId(id) } as Entity;
  for (const field of ["label", "altLabels", "orgType", "iso3", "articles"] as const) {
    const get = summary && field !== "articles" ? () => summary[field] : () => (full ??= describe())[field];
    Object.defineProperty(e, field, { get, enumerable: true });
  }
  return e;
}

/** What resolve and link read of an article (its entities, roles and link facts), shaped as an Extraction. */
export function lightExtraction(docId: string, facts: ArticleFacts): Extraction {
  return {
    doc: { id: docId } as Extraction["doc"],
    entities: facts.entities,
    roles: facts.roles.map((r) => ({ ...r, evidence: { start: 0, end: 0 }, confidence: 0 })),
    mentions: [],
    quotes: [],
    sanctions: [],
    linkFacts: facts.linkFacts,
  };
}
