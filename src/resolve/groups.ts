// Which local entities are one real-world entity: union-find over shared name keys.
// Strong keys (a person's full name, an organisation's full name, a state's ISO code) always
// merge. Weak keys (acronyms, generic names like "Foreign Ministry", a state's names) merge only
// when they do not bridge two entities that are known to differ.
import type { EntityKind, LocalEntity, OrgType } from "../model.ts";
import { isAcronym, isGenericOrgName, nameKey, personKey } from "./names.ts";
import { UnionFind } from "./union-find.ts";

export interface LocalRef {
  doc: string;
  entity: LocalEntity;
}

/**
 * Keys of one local entity, each prefixed with its kind so kinds never merge. An organisation's
 * name that is also a place's ("Brussels" for the EU, or for NATO) is only a weak key: a metonym.
 */
function keysOf(e: LocalEntity, placeNames: { has(key: string): boolean }): { strong: string[]; weak: string[] } {
  const strong: string[] = [], weak: string[] = [];
  const forms = [e.name, ...e.names];
  switch (e.kind) {
    case "person":
      for (const f of forms) {
        const k = personKey(f);
        if (k) strong.push(k);
      }
      break;
    case "place":
      for (const f of forms) strong.push(nameKey(f));
      break;
    case "country":
      if (e.iso3) strong.push(`iso3:${e.iso3.toUpperCase()}`);
      for (const f of forms) weak.push(nameKey(f));
      break;
    case "organisation":
      for (const f of forms) (isAcronym(f) || isGenericOrgName(f) || placeNames.has(nameKey(f)) ? weak : strong).push(nameKey(f));
      break;
  }
  const tag = (k: string) => `${e.kind}|${k}`;
  return { strong: strong.filter(Boolean).map(tag), weak: weak.filter(Boolean).map(tag) };
}

/**
 * The keys that tie a local entity to others, strong or weak (as keysOf gives them, whatever the
 * place names): local entities that share none, directly or through others, never merge, so the
 * grouping of a set closed under these keys depends on that set alone (and on the place names).
 */
export function connectingKeys(e: LocalEntity): string[] {
  const { strong, weak } = keysOf(e, NO_PLACES);
  return [...new Set([...strong, ...weak])];
}

/**
 * What keysOf reads of a local entity, as one string (undefined when a name holds the separator):
 * local entities of the same shape have the same keys.
 */
export function shapeKey(e: LocalEntity): string | undefined {
  if (e.name.includes(SEP) || e.iso3?.includes(SEP) || e.names.some((n) => n.includes(SEP))) return undefined;
  return `${e.kind}${SEP}${e.iso3 ?? ""}${SEP}${e.names.length}${SEP}${e.name}${SEP}${e.names.join(SEP)}`;
}
const SEP = "\0";
const NO_PLACES = new Set<string>();

/**
 * Partitions the local entities into real-world entities; returns each ref's group number.
 * `isPlaceName` says whether a name key is a place's anywhere in the corpus (default: among these refs).
 */
export function groupEntities(refs: LocalRef[], isPlaceName?: (key: string) => boolean): number[] {
  return Array.from(groupLocalEntities(refs.length, (i) => refs[i].entity, isPlaceName));
}

/**
 * groupEntities over `count` local entities given by position (corpus order), in typed arrays: a
 * corpus of a million mentions groups in a few bytes per mention. `entityAt` may return one object
 * for many positions (local entities that read the same): each object's keys are made once.
 * Returns each position's group number (the root of its set).
 */
export function groupLocalEntities(count: number, entityAt: (i: number) => LocalEntity, isPlaceName?: (key: string) => boolean): Int32Array {
  const uf = new UnionFind(count);
  // What each set is known to be (read at its root): its ISO code (an index into isoCodes, -1 for
  // none), whether it has a full name, its kinds of organisation (bits).
  const isoCodes = new Map<string, number>();
  const iso = new Int32Array(count).fill(-1);
  const named = new Uint8Array(count);
  const orgTypes = new Int32Array(count);
  const orgTypeBits = new Map<string, number>();
  const orgTypeBit = (t: OrgType | undefined): number => {
    if (t === undefined) return 0;
    let bit = orgTypeBits.get(t);
    if (bit === undefined) {
      if (orgTypeBits.size === 31) throw new Error("more than 31 kinds of organisation");
      orgTypeBits.set(t, (bit = 1 << orgTypeBits.size));
    }
    return bit;
  };
  const placeNames = new Set<string>();
  if (!isPlaceName) {
    for (let i = 0; i < count; i++) {
      const entity = entityAt(i);
      if (entity.kind === "place") for (const f of [entity.name, ...entity.names]) placeNames.add(nameKey(f));
    }
  }
  const places = isPlaceName ? { has: isPlaceName } : placeNames;
  const keysMade = new Map<LocalEntity, { strong: string[]; weak: string[] }>();
  // Objects that read the same (an incremental build's members, parsed one by one, differ only in
  // their key) share their keys too.
  const keysOfShape = new Map<string, { strong: string[]; weak: string[] }>();
  const keysFor = (entity: LocalEntity) => {
    const shape = shapeKey(entity);
    if (shape === undefined) return keysOf(entity, places);
    let keys = keysOfShape.get(shape);
    if (!keys) keysOfShape.set(shape, (keys = keysOf(entity, places)));
    return keys;
  };
  // A strong key joins every holder to its first one at once (the sets come out the same as
  // joining them key by key: what a set is known to be is merged the same whatever the order).
  const firstHolder = new Map<string, number>();
  const weakIndex = new Map<string, number[]>();

  const union = (a: number, b: number) => {
    const ra = uf.find(a), rb = uf.find(b);
    if (ra === rb) return;
    const r = uf.union(ra, rb);
    const [kept, merged] = r === ra ? [ra, rb] : [rb, ra];
    if (iso[kept] === -1) iso[kept] = iso[merged];
    named[kept] |= named[merged];
    orgTypes[kept] |= orgTypes[merged];
  };
  for (let i = 0; i < count; i++) {
    const entity = entityAt(i);
    let keys = keysMade.get(entity);
    if (!keys) keysMade.set(entity, (keys = keysFor(entity)));
    const code = entity.kind === "country" ? entity.iso3?.toUpperCase() : undefined;
    if (code !== undefined) {
      let n = isoCodes.get(code);
      if (n === undefined) isoCodes.set(code, (n = isoCodes.size));
      iso[i] = n;
    }
    orgTypes[i] = orgTypeBit(entity.orgType);
    named[i] = (entity.kind === "organisation" ? keys.strong.length > 0 : Boolean(code)) ? 1 : 0;
    for (const k of keys.strong) {
      const first = firstHolder.get(k);
      if (first === undefined) firstHolder.set(k, i);
      else union(first, i);
    }
    for (const k of keys.weak) {
      const list = weakIndex.get(k);
      if (list) {
        if (list[list.length - 1] !== i) list.push(i);
      } else weakIndex.set(k, [i]);
    }
  }
  firstHolder.clear();
  keysMade.clear();
  keysOfShape.clear();

  // Weak keys in sorted order, so the outcome does not depend on the order of the articles.
  for (const key of [...weakIndex.keys()].sort()) {
    const roots = [...new Set(weakIndex.get(key)!.map((i) => uf.find(i)))];
    if (roots.length < 2) continue;
    const kind = entityAt(roots[0]).kind as EntityKind;
    // An anchor's identity: its ISO code (states) or the set itself (organisations with a full name).
    const identity = (r: number) => (kind === "country" ? (iso[r] === -1 ? undefined : iso[r]) : named[r] ? r : undefined);
    const anchors = roots.filter((r) => identity(r) !== undefined);
    const loose = roots.filter((r) => identity(r) === undefined);
    const identities = new Set(anchors.map(identity));
    if (identities.size <= 1) {
      const target = anchors[0] ?? loose[0];
      for (const r of roots) if (r !== target && compatible(orgTypes[r], orgTypes[uf.find(target)])) union(target, r);
      continue;
    }
    // Ambiguous ("ICC" of two different bodies): a loose set joins only the one anchor of its kind of organisation.
    for (const r of loose) {
      const fits = anchors.filter((a) => orgTypes[r] !== 0 && (orgTypes[r] & orgTypes[uf.find(a)]) !== 0);
      if (new Set(fits.map((a) => uf.find(a))).size === 1) union(fits[0], r);
    }
  }
  const groupOf = new Int32Array(count);
  for (let i = 0; i < count; i++) groupOf[i] = uf.find(i);
  return groupOf;
}

/** Two sets may merge unless both state their kinds of organisation (bits) and the kinds differ. */
const compatible = (a: number, b: number): boolean => !a || !b || (a & b) !== 0;
