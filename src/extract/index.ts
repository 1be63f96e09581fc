// The extractor: small passes over an annotated document.
//   annotate (names, kinds, coreference, roles)  →  quotes  →  statement dates  →  sanctions (the quotes' own acts too)
import type { Document, Extraction, LocalEntity, Mention, QuoteFact, RoleFact, SanctionFact } from "../model.ts";
import { annotate } from "./annotate.ts";
import { extractQuotes } from "./quotes.ts";
import { extractSanctions } from "./sanctions.ts";
import { dateStatements } from "./statement-dates.ts";

export { EXTRACTOR_VERSION } from "./version.ts";

export function extract(doc: Document): Extraction {
  const annotated = annotate(doc);
  const quotes = extractQuotes(annotated);
  // (the quotes dated first: a sanction told in a quote takes the day of its attribution)
  dateStatements(doc, quotes);
  const sanctions = extractSanctions(annotated, quotes);
  const dropped = adjectiveOnlyStates(doc.text, annotated.entities, annotated.mentions, annotated.roles, quotes, sanctions);
  return {
    doc,
    entities: dropped.size ? annotated.entities.filter((e) => !dropped.has(e.key)) : annotated.entities,
    mentions: dropped.size ? annotated.mentions.filter((m) => !dropped.has(m.entity)) : annotated.mentions,
    roles: annotated.roles,
    quotes,
    sanctions,
  };
}

const STATE_AS_ACTOR = /^\s+(?:government|authorities|administration|leadership|troops|forces|military|army)\b/i;

/**
 * States the text names only by their adjective ("two Iranians", "his Lebanese allies", "North Korean
 * workers"), which no fact needs: no mention of the state (the gold lists demonym-only states only
 * when they give a post's organisation, a speaker or an imposer).
 */
function adjectiveOnlyStates(text: string, entities: LocalEntity[], mentions: Mention[], roles: RoleFact[], quotes: QuoteFact[], sanctions: SanctionFact[]): Set<string> {
  const named = new Set<string>();
  // ("the Syrian government", "the Iranian authorities", "Russian troops" name the state as an actor)
  for (const m of mentions) if (m.via !== "demonym" || STATE_AS_ACTOR.test(text.slice(m.span.end, m.span.end + 16))) named.add(m.entity);
  const out = new Set<string>();
  for (const e of entities) if (e.kind === "country" && !named.has(e.key)) out.add(e.key);
  if (!out.size) return out;
  for (const r of roles) if (r.organisation) out.delete(r.organisation);
  for (const q of quotes) { out.delete(q.speaker); for (const k of q.speakers ?? []) out.delete(k); }
  for (const f of sanctions) for (const k of f.imposers) out.delete(k);
  // ("sanctions on two Iranians": a target phrase's adjective names people, not the state)
  if (out.size) for (const f of sanctions) if (f.targets.some((k) => out.has(k))) f.targets = f.targets.filter((k) => !out.has(k));
  return out;
}
