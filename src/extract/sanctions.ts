import type { SanctionFact } from "../model.ts";
import type { AnnotatedDocument } from "./annotate.ts";

export function extractSanctions(_a: AnnotatedDocument): SanctionFact[] {
  return [];
}
