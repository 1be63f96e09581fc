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

/** What a set of local entities is known to be: its ISO code, whether it has a full name, its org types. */
interface SetInfo {
  iso3?: string;
  named: boolean;
  orgTypes: Set<OrgType>;
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
const NO_PLACES = new Set<string>();

/**
 * Partitions the local entities into real-world entities; returns each ref's group number.
 * `isPlaceName` says whether a name key is a place's anywhere in the corpus (default: among these refs).
 */
export function groupEntities(refs: LocalRef[], isPlaceName?: (key: string) => boolean): number[] {
  const uf = new UnionFind(refs.length);
  const strongIndex = new Map<string, number[]>();
  const weakIndex = new Map<string, number[]>();
  const info: SetInfo[] = refs.map(({ entity }) => ({
    iso3: entity.kind === "country" ? entity.iso3?.toUpperCase() : undefined,
    named: false,
    orgTypes: new Set(entity.orgType ? [entity.orgType] : []),
  }));
  const add = (index: Map<string, number[]>, key: string, i: number) => {
    const list = index.get(key);
    if (list) {
      if (list[list.length - 1] !== i) list.push(i);
    } else index.set(key, [i]);
  };
  const placeNames = new Set<string>();
  if (!isPlaceName) for (const { entity } of refs) if (entity.kind === "place") for (const f of [entity.name, ...entity.names]) placeNames.add(nameKey(f));
  const places = isPlaceName ? { has: isPlaceName } : placeNames;
  refs.forEach(({ entity }, i) => {
    const { strong, weak } = keysOf(entity, places);
    for (const k of strong) add(strongIndex, k, i);
    for (const k of weak) add(weakIndex, k, i);
    info[i].named = entity.kind === "organisation" ? strong.length > 0 : Boolean(info[i].iso3);
  });

  const union = (a: number, b: number) => {
    const ra = uf.find(a), rb = uf.find(b);
    if (ra === rb) return;
    const r = uf.union(ra, rb);
    const [kept, merged] = r === ra ? [info[ra], info[rb]] : [info[rb], info[ra]];
    kept.iso3 ??= merged.iso3;
    kept.named ||= merged.named;
    for (const t of merged.orgTypes) kept.orgTypes.add(t);
  };
  for (const members of strongIndex.values()) for (let j = 1; j < members.length; j++) union(members[0], members[j]);

  // Weak keys in sorted order, so the outcome does not depend on the order of the articles.
  for (const key of [...weakIndex.keys()].sort()) {
    const roots = [...new Set(weakIndex.get(key)!.map((i) => uf.find(i)))];
    if (roots.length < 2) continue;
    const kind = refs[roots[0]].entity.kind as EntityKind;
    // An anchor's identity: its ISO code (states) or the set itself (organisations with a full name).
    const identity = (r: number) => (kind === "country" ? info[r].iso3 : info[r].named ? r : undefined);
    const anchors = roots.filter((r) => identity(r) !== undefined);
    const loose = roots.filter((r) => identity(r) === undefined);
    const identities = new Set(anchors.map(identity));
    if (identities.size <= 1) {
      const target = anchors[0] ?? loose[0];
      for (const r of roots) if (r !== target && compatible(info[r], info[uf.find(target)])) union(target, r);
      continue;
    }
    // Ambiguous ("ICC" of two different bodies): a loose set joins only the one anchor of its kind of organisation.
    for (const r of loose) {
      const fits = anchors.filter((a) => info[r].orgTypes.size > 0 && [...info[r].orgTypes].some((t) => info[uf.find(a)].orgTypes.has(t)));
      if (new Set(fits.map((a) => uf.find(a))).size === 1) union(fits[0], r);
    }
  }
  return refs.map((_, i) => uf.find(i));
}

/** Two sets may merge unless both state their kind of organisation and the kinds differ. */
function compatible(a: SetInfo, b: SetInfo): boolean {
  if (!a.orgTypes.size || !b.orgTypes.size) return true;
  for (const t of a.orgTypes) if (b.orgTypes.has(t)) return true;
  return false;
}
