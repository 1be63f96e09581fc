// Helpers for the annotate tests: a document from a short text, entities and roles by name.
import { annotate, type AnnotatedDocument } from "../../src/extract/annotate.ts";
import { extractQuotes } from "../../src/extract/quotes.ts";
import { ingestText } from "../../src/ingest/index.ts";

/** Annotates a body text under a plain headline (the first line of an article is its headline). */
export function annotateText(text: string): AnnotatedDocument {
  return annotate(ingestText("test.txt", `Ministers meet as regional tensions rise over trade\n\n${text}`));
}

export function entityNamed(a: AnnotatedDocument, name: string) {
  return a.entities.find((e) => e.name === name || e.names.includes(name));
}

/** The names of the entities of one kind ("person", "place", ...), in the order found. */
export function namesOfKind(a: { entities: ReadonlyArray<{ kind: string; name: string }> }, kind: string): string[] {
  return a.entities.filter((e) => e.kind === kind).map((e) => e.name);
}

export function kindOf(a: AnnotatedDocument, name: string): string | undefined {
  return entityNamed(a, name)?.kind;
}

/** Roles as "holder | title | organisation" lines. */
export function roleLines(a: AnnotatedDocument): string[] {
  const name = (k?: string) => (k ? a.entities.find((e) => e.key === k)?.name ?? k : "-");
  return a.roles.map((r) => `${name(r.holder)} | ${r.title} | ${name(r.organisation)}`);
}

/** [speaker's name, quoted words] of each statement the quotation pass finds in the paragraphs. */
export function statementsOf(...paragraphs: string[]): Array<[string, string]> {
  const a = annotateText(paragraphs.join("\n\n"));
  const name = (key: string) => a.entities.find((e) => e.key === key)?.name ?? key;
  return extractQuotes(a).map((q) => [(q.speakers ?? [q.speaker]).map(name).join(" + "), q.text]);
}

/** The speaker of the statement whose words start with `words`. */
export const speakerOf = (found: Array<[string, string]>, words: string) => found.find(([, text]) => text.startsWith(words))?.[0];
