// The extractor: small passes over an annotated document.
//   annotate (names, kinds, coreference, roles)  →  quotes  →  sanctions  →  statement dates
import type { Document, Extraction } from "../model.ts";
import { annotate } from "./annotate.ts";
import { extractQuotes } from "./quotes.ts";
import { extractSanctions } from "./sanctions.ts";
import { dateStatements } from "./statement-dates.ts";

export { EXTRACTOR_VERSION } from "./version.ts";

export function extract(doc: Document): Extraction {
  const annotated = annotate(doc);
  const quotes = extractQuotes(annotated);
  const sanctions = extractSanctions(annotated);
  dateStatements(doc, quotes);
  return {
    doc,
    entities: annotated.entities,
    mentions: annotated.mentions,
    roles: annotated.roles,
    quotes,
    sanctions,
  };
}
