// What the articles say about an entity beyond its names: the posts a person holds, the
// states those posts belong to, the states co-mentioned with it, the states named in an
// organisation's own names ("Chinese Foreign Ministry"). Used to choose between candidates.
import type { Entity, Extraction, OrgType, Resolution } from "../model.ts";
import type { Gazetteer } from "./gazetteer.ts";

export interface EntityContext {
  /** Post titles the articles give the person ("Foreign Minister", "former President"). */
  titles: string[];
  /** Labels of the non-state organisations of those posts ("European Council"). */
  postOrganisations: string[];
  /** ISO alpha-3 of the states the person's posts belong to. */
  postStates: Set<string>;
  /** States mentioned in the same articles (a weak hint). */
  articleStates: Set<string>;
  /** States named inside the entity's own names. */
  nameStates: Set<string>;
  orgType?: OrgType;
  /** ISO alpha-3 the extractor gave the entity (states), from the Entity or any of its local entities. */
  iso3?: string;
}

/** Context for every entity of the resolution. */
export function buildContexts(resolution: Resolution, extractions: Extraction[], gaz: Gazetteer): Map<string, EntityContext> {
  const byId = new Map(resolution.entities.map((e) => [e.id, e]));
  const contexts = new Map<string, EntityContext>();
  for (const e of resolution.entities) contexts.set(e.id, emptyContext(e, gaz));
  const entityOf = (docId: string, key: string) => byId.get(resolution.entityOf.get(`${docId}#${key}`) ?? "");

  const statesOfArticle = new Map<string, Set<string>>();
  for (const x of extractions) {
    const states = new Set<string>();
    for (const local of x.entities) {
      const e = entityOf(x.doc.id, local.key);
      const iso3 = local.iso3 ?? e?.iso3;
      const ctx = e && contexts.get(e.id);
      if (ctx && local.iso3) ctx.iso3 ??= local.iso3;
      if (iso3 && (local.kind === "country" || e?.kind === "country")) states.add(iso3);
    }
    statesOfArticle.set(x.doc.id, states);

    for (const role of x.roles) {
      const holder = entityOf(x.doc.id, role.holder);
      const ctx = holder && contexts.get(holder.id);
      if (!ctx) continue;
      ctx.titles.push(role.title);
      const org = role.organisation ? entityOf(x.doc.id, role.organisation) : undefined;
      if (!org) continue;
      if (org.kind === "country" && org.iso3) ctx.postStates.add(org.iso3);
      else {
        ctx.postOrganisations.push(org.label);
        for (const s of contexts.get(org.id)?.nameStates ?? []) ctx.postStates.add(s);
      }
    }
  }
  for (const e of resolution.entities) {
    const ctx = contexts.get(e.id)!;
    for (const doc of e.articles) for (const s of statesOfArticle.get(doc) ?? []) ctx.articleStates.add(s);
  }
  return contexts;
}

function emptyContext(e: Entity, gaz: Gazetteer): EntityContext {
  const nameStates = new Set<string>();
  if (e.kind === "organisation") for (const n of [e.label, ...e.altLabels]) for (const s of gaz.countriesIn(n)) nameStates.add(s);
  return { titles: [], postOrganisations: [], postStates: new Set(), articleStates: new Set(), nameStates, orgType: e.orgType, iso3: e.iso3 };
}
