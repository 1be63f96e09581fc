import type { QuoteFact } from "../model.ts";
import type { AnnotatedDocument } from "./annotate.ts";

export function extractQuotes(_a: AnnotatedDocument): QuoteFact[] {
  return [];
}
