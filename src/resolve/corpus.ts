// A whole corpus resolved at once in a few bytes per mention (a full build of 100,000 articles
// has over a million local entities). The local entities live in a MentionTable: per mention
// only integers (its article, its key, its "shape": the local entity without its key, one object
// for all mentions that read the same), and resolveCorpus groups them with typed-array
// union-find; each entity's members are read back from the table when asked for. The outcome is
// resolve()'s on the same local entities (ids, labels, members), as the incremental build and the
// tests compare byte for byte.
import type { Entity, LocalEntity, ResolutionView } from "../model.ts";
import { describe, type LocalRef } from "./index.ts";
import { groupLocalEntities } from "./groups.ts";
import { assignIds, type IdRequest } from "./ids.ts";

/** A growable array of 32-bit integers. */
class IntList {
  private data = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = v;
  }
  /** The values, in an array of their own size. */
  done(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/**
 * Every article's local entities, in corpus order (articles as added, each article's entities in
 * its order). A mention is its position in that order.
 */
export class MentionTable {
  private readonly docs: string[] = [];
  private readonly docIndex = new Map<string, number>();
  private readonly starts = new IntList();
  private readonly docsOf = new IntList();
  private readonly keysOf = new IntList();
  private readonly shapesOf = new IntList();
  private readonly keys: string[] = [];
  private readonly shapes: LocalEntity[] = [];
  // While adding: the index of each key and shape, and one copy of each string.
  private keyIndex: Map<string, number> | undefined = new Map();
  private shapeIndex: Map<string, number> | undefined = new Map();
  private strings: Map<string, string> | undefined = new Map();
  // Once sealed: the same as typed arrays of their own size.
  private start: Int32Array = new Int32Array(0);
  private docOfMention: Int32Array = new Int32Array(0);
  private keyOfMention: Int32Array = new Int32Array(0);
  private shapeOfMention: Int32Array = new Int32Array(0);

  /** Adds an article's local entities (articles in corpus order, each once). */
  add(doc: string, entities: LocalEntity[]): void {
    if (!this.shapeIndex) throw new Error("MentionTable: add() after seal()");
    if (this.docIndex.has(doc)) throw new Error(`MentionTable: article '${doc}' added twice`);
    const d = this.docs.length;
    this.docs.push(doc);
    this.docIndex.set(doc, d);
    this.starts.push(this.docsOf.length);
    for (const e of entities) {
      this.docsOf.push(d);
      this.keysOf.push(this.keyNumber(e.key));
      this.shapesOf.push(this.shapeNumber(e));
    }
  }

  /** No more articles: the lists become arrays of their own size, the indexes of the adding are let go. */
  seal(): this {
    if (!this.shapeIndex) return this;
    this.starts.push(this.docsOf.length);
    this.start = this.starts.done();
    this.docOfMention = this.docsOf.done();
    this.keyOfMention = this.keysOf.done();
    this.shapeOfMention = this.shapesOf.done();
    this.keyIndex = this.shapeIndex = this.strings = undefined;
    return this;
  }

  private one(t: string): string {
    const kept = this.strings!.get(t);
    if (kept !== undefined) return kept;
    this.strings!.set(t, t);
    return t;
  }

  private keyNumber(key: string): number {
    let n = this.keyIndex!.get(key);
    if (n === undefined) {
      this.keyIndex!.set(key, (n = this.keys.length));
      this.keys.push(key);
    }
    return n;
  }

  /** The local entity without its key ("" in its place, so its fields keep their order), one object per distinct one. */
  private shapeNumber(e: LocalEntity): number {
    const shape = { ...e, key: "" };
    const text = JSON.stringify(shape);
    let n = this.shapeIndex!.get(text);
    if (n === undefined) {
      shape.kind = this.one(shape.kind) as LocalEntity["kind"];
      shape.name = this.one(shape.name);
      shape.names = Object.freeze(shape.names.map((t) => this.one(t))) as string[];
      if (shape.orgType !== undefined) shape.orgType = this.one(shape.orgType) as LocalEntity["orgType"];
      if (shape.iso3 !== undefined) shape.iso3 = this.one(shape.iso3);
      this.shapeIndex!.set(text, (n = this.shapes.length));
      this.shapes.push(Object.freeze(shape));
    }
    return n;
  }

  get articles(): number {
    return this.docs.length;
  }
  get mentions(): number {
    return this.docOfMention.length;
  }
  /** The docId of article number d. */
  docId(d: number): string {
    return this.docs[d];
  }
  /** The article number of a docId, if added. */
  articleOf(doc: string): number | undefined {
    return this.docIndex.get(doc);
  }
  /** The article number of a mention. */
  docOf(m: number): number {
    return this.docOfMention[m];
  }
  /** The first mention of article d; its mentions are first(d) … first(d + 1) - 1. */
  first(d: number): number {
    return this.start[d];
  }
  /** The mention's local key. */
  keyAt(m: number): string {
    return this.keys[this.keyOfMention[m]];
  }
  /** The mention's local entity without its key (shared by every mention that reads the same; frozen). */
  shapeAt(m: number): LocalEntity {
    return this.shapes[this.shapeOfMention[m]];
  }
  /** The mention's local entity, as its article gave it (a new object). */
  local(m: number): LocalEntity {
    return { ...this.shapes[this.shapeOfMention[m]], key: this.keyAt(m) };
  }
  /** The local entities of article d, in its order. */
  localsOf(d: number): LocalEntity[] {
    const out: LocalEntity[] = [];
    for (let m = this.start[d]; m < this.start[d + 1]; m++) out.push(this.local(m));
    return out;
  }
  /** The mention of `key` in article d, if any. */
  mentionOf(d: number, key: string): number | undefined {
    for (let m = this.start[d]; m < this.start[d + 1]; m++) if (this.keyAt(m) === key) return m;
    return undefined;
  }
}

/** A corpus resolved: the entities (sorted by id) and, per mention, its entity. */
export interface CorpusResolution extends ResolutionView {
  /** The entity id of a mention. */
  idOf(m: number): string;
  /** The mentions of an entity, in corpus order. */
  mentionsOf(id: string): Int32Array;
}

/** resolve() over a sealed MentionTable, keeping per mention only its entity's number. */
export function resolveCorpus(table: MentionTable): CorpusResolution {
  const count = table.mentions;
  // Groups numbered in the order of their first mention (as resolve's drafts are).
  const groupOf = groupLocalEntities(count, (m) => table.shapeAt(m));
  const numberOfRoot = new Int32Array(count).fill(-1);
  let groups = 0;
  for (let m = 0; m < count; m++) {
    const root = groupOf[m];
    if (numberOfRoot[root] === -1) numberOfRoot[root] = groups++;
    groupOf[m] = numberOfRoot[root];
  }
  // Each group's mentions, in corpus order: offsets[g] … offsets[g + 1] - 1 in `order`.
  const offsets = new Int32Array(groups + 1);
  for (let m = 0; m < count; m++) offsets[groupOf[m] + 1]++;
  for (let g = 0; g < groups; g++) offsets[g + 1] += offsets[g];
  const order = new Int32Array(count);
  const next = offsets.slice(0, groups);
  for (let m = 0; m < count; m++) order[next[groupOf[m]]++] = m;
  const mentionsOfGroup = (g: number) => order.subarray(offsets[g], offsets[g + 1]);

  const entities: Entity[] = [];
  const requests: IdRequest[] = [];
  for (let g = 0; g < groups; g++) {
    const refs: LocalRef[] = [];
    for (const m of mentionsOfGroup(g)) refs.push({ doc: table.docId(table.docOf(m)), entity: table.local(m) });
    const { entity, signature } = describe(refs);
    entities.push(entity);
    // The tie-break (every member's "doc#key") is made only when two signatures are equal.
    let tiebreak: string | undefined;
    requests.push({
      kind: entity.kind,
      label: entity.label,
      signature,
      weight: entity.articles.length,
      get tiebreak() {
        return (tiebreak ??= Array.from(mentionsOfGroup(g), (m) => `${table.docId(table.docOf(m))}#${table.keyAt(m)}`).sort().join("\n"));
      },
    });
  }
  const ids = assignIds(requests);
  requests.length = 0;
  const groupOfId = new Map<string, number>();
  entities.forEach((e, g) => {
    e.id = ids[g];
    groupOfId.set(e.id, g);
  });
  entities.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const entityOf = {
    /** `${docId}#${localKey}` → id (a docId may hold "#": each split is tried). */
    get(k: string): string | undefined {
      for (let i = k.indexOf("#"); i !== -1; i = k.indexOf("#", i + 1)) {
        const d = table.articleOf(k.slice(0, i));
        if (d === undefined) continue;
        const m = table.mentionOf(d, k.slice(i + 1));
        if (m !== undefined) return ids[groupOf[m]];
      }
      return undefined;
    },
  };
  return {
    entities,
    entityOf,
    idOf: (m) => ids[groupOf[m]],
    mentionsOf: (id) => {
      const g = groupOfId.get(id);
      return g === undefined ? new Int32Array(0) : mentionsOfGroup(g);
    },
  };
}
