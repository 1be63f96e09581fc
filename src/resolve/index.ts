// Resolve: per-article entities → one Entity per real-world entity across articles, with
// canonical labels and stable ids. Near-linear: union-find over name keys, no pairwise loops.
import type { Entity, Extraction, OrgType, Resolution } from "../model.ts";
import { groupEntities, type LocalRef } from "./groups.ts";
import { assignIds, type IdRequest } from "./ids.ts";
import { chooseLabels, type Form } from "./labels.ts";
import { nameKey, personKey } from "./names.ts";

export { slugify, baseId, assignIds, type IdRequest } from "./ids.ts";
export { connectingKeys, shapeKey, type LocalRef } from "./groups.ts";
export { personKey, nameKey, foldTransliteration } from "./names.ts";

export function resolve(extractions: Extraction[]): Resolution {
  const refs: LocalRef[] = extractions.flatMap((x) => x.entities.map((entity) => ({ doc: x.doc.id, entity })));
  const drafts = draftEntities(refs);
  const ids = assignIds(drafts.map(idRequest));
  const entityOf = new Map<string, string>();
  drafts.forEach((d, i) => {
    d.entity.id = ids[i];
    for (const m of d.members) entityOf.set(`${m.doc}#${m.entity.key}`, ids[i]);
  });
  const entities = drafts.map((d) => d.entity).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { entities, entityOf };
}

/** A merged entity before its id: its description (id still ""), its local entities, an order-independent signature. */
export interface Draft {
  entity: Entity;
  members: LocalRef[];
  signature: string;
}

/**
 * The merged entities of local entities given in corpus order (articles by docId, each article's
 * entities in its order). A set closed under connectingKeys gives the same groups alone as within
 * the corpus, when `isPlaceName` answers for the whole corpus (see groups.ts).
 */
export function draftEntities(refs: LocalRef[], isPlaceName?: (key: string) => boolean): Draft[] {
  const groupOf = groupEntities(refs, isPlaceName);
  const groups = new Map<number, LocalRef[]>();
  refs.forEach((r, i) => {
    const g = groups.get(groupOf[i]);
    if (g) g.push(r);
    else groups.set(groupOf[i], [r]);
  });
  return [...groups.values()].map((members) => describe(members));
}

/** What assignIds needs of a draft. */
export const idRequest = ({ entity, signature, members }: Draft): IdRequest => ({
  kind: entity.kind,
  label: entity.label,
  signature,
  weight: entity.articles.length,
  tiebreak: members.map((m) => `${m.doc}#${m.entity.key}`).sort().join("\n"),
});

/** The merged Entity of a group (id still empty) and an order-independent signature of it. */
export function describe(members: LocalRef[]): Draft {
  const kind = members[0].entity.kind;
  const forms = new Map<string, Form>();
  const orgTypes = new Map<OrgType, number>();
  let iso3: string | undefined;
  const articles = new Set<string>();
  const keys = new Set<string>();
  for (const { doc, entity } of members) {
    articles.add(doc);
    for (const text of new Set([entity.name, ...entity.names].filter((n) => n && n.trim()))) {
      const f = forms.get(text) ?? { text, asName: 0, uses: 0 };
      f.uses++;
      if (text === entity.name) f.asName++;
      forms.set(text, f);
      keys.add((kind === "person" && personKey(text)) || nameKey(text));
    }
    if (entity.orgType) orgTypes.set(entity.orgType, (orgTypes.get(entity.orgType) ?? 0) + 1);
    if (entity.iso3 && (!iso3 || entity.iso3.toUpperCase() < iso3)) iso3 = entity.iso3.toUpperCase();
  }
  const { label, altLabels } = forms.size ? chooseLabels(kind, [...forms.values()]) : { label: members[0].entity.key, altLabels: [] };
  const entity: Entity = { id: "", kind, label, altLabels, articles: [...articles].sort() };
  const orgType = [...orgTypes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
  if (orgType) entity.orgType = orgType;
  if (iso3) entity.iso3 = iso3;
  const signature = [kind, iso3 ?? "", ...[...keys].sort()].join("\n");
  return { entity, members, signature };
}
