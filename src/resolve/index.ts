// Resolve: per-article entities → one Entity per real-world entity across articles.
// (First version: the resolve owner replaces the internals.)
import type { Entity, Extraction, Resolution } from "../model.ts";

const slug = (s: string) => s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

export function resolve(extractions: Extraction[]): Resolution {
  const byId = new Map<string, Entity>();
  const entityOf = new Map<string, string>();
  for (const x of extractions) {
    for (const e of x.entities) {
      const id = `${e.kind}/${slug(e.name)}`;
      const ent = byId.get(id) ?? { id, kind: e.kind, label: e.name, altLabels: [], articles: [] };
      for (const n of e.names) if (n !== ent.label && !ent.altLabels.includes(n)) ent.altLabels.push(n);
      if (!ent.articles.includes(x.doc.id)) ent.articles.push(x.doc.id);
      byId.set(id, ent);
      entityOf.set(`${x.doc.id}#${e.key}`, id);
    }
  }
  const entities = [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
  for (const e of entities) { e.altLabels.sort(); e.articles.sort(); }
  return { entities, entityOf };
}
