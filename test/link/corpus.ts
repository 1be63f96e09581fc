// Hand-made corpora for link tests: articles with entities and roles, resolved by id.
import type { Document, Entity, EntityKind, Extraction, LocalEntity, Mention, OrgType, Resolution, RoleFact } from "../../src/model.ts";

export interface EntitySpec {
  key: string;
  kind: EntityKind;
  name: string;
  names?: string[];
  iso3?: string;
  orgType?: OrgType;
}

export interface ArticleSpec {
  id: string;
  entities: EntitySpec[];
  /** holder key, title, organisation key */
  roles?: Array<[string, string, string?]>;
  /** The article's text: every occurrence of an entity's names becomes a mention. */
  text?: string;
  /** ISO publication date. */
  published?: string;
  /** The dateline's place and where the dateline ends (its span starts at 0). */
  dateline?: { place: string; end: number };
}

const slug = (s: string) => s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

/** Extractions for the articles and a Resolution joining entities of one kind and name. */
export function corpus(articles: ArticleSpec[]): { resolution: Resolution; extractions: Extraction[] } {
  const byId = new Map<string, Entity>();
  const entityOf = new Map<string, string>();
  const extractions: Extraction[] = articles.map((a) => {
    const entities: LocalEntity[] = a.entities.map((e) => ({ key: e.key, kind: e.kind, name: e.name, names: e.names ?? [e.name], iso3: e.iso3, orgType: e.orgType }));
    for (const e of entities) {
      const id = `${e.kind}/${slug(e.name)}`;
      const ent = byId.get(id) ?? { id, kind: e.kind, label: e.name, altLabels: [], articles: [], iso3: e.iso3, orgType: e.orgType };
      for (const n of e.names) if (n !== ent.label && !ent.altLabels.includes(n)) ent.altLabels.push(n);
      if (!ent.articles.includes(a.id)) ent.articles.push(a.id);
      byId.set(id, ent);
      entityOf.set(`${a.id}#${e.key}`, id);
    }
    const roles: RoleFact[] = (a.roles ?? []).map(([holder, title, organisation]) => ({ holder, title, organisation, evidence: { start: 0, end: 0 }, confidence: 0.9 }));
    const text = a.text ?? "";
    const doc: Document = { id: a.id, fileName: `${a.id}.txt`, sha256: "0", text, blocks: [], sentences: [{ start: 0, end: text.length }] };
    if (a.published) doc.published = a.published;
    if (a.dateline) doc.dateline = { place: a.dateline.place, span: { start: 0, end: a.dateline.end } };
    const mentions: Mention[] = [];
    for (const e of entities) {
      for (const n of e.names) {
        for (const m of text.matchAll(new RegExp(`\\b${n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "g"))) {
          mentions.push({ span: { start: m.index, end: m.index + n.length }, surface: n, entity: e.key, sentence: 0, via: "name" });
        }
      }
    }
    return { doc, entities, mentions, roles, quotes: [], sanctions: [] };
  });
  const entities = [...byId.values()].sort((x, y) => x.id.localeCompare(y.id));
  return { resolution: { entities, entityOf }, extractions };
}
