// Entities, mentions, coreference and roles of one document.
import type { Document, LocalEntity, Mention, RoleFact } from "../model.ts";

export interface AnnotatedDocument {
  doc: Document;
  entities: LocalEntity[];
  /** Sorted by span.start. */
  mentions: Mention[];
  roles: RoleFact[];
}

export function annotate(doc: Document): AnnotatedDocument {
  return { doc, entities: [], mentions: [], roles: [] };
}
