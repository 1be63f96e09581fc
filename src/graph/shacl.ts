// SHACL validation of the graph against ontology/shapes.ttl (rdf-validate-shacl over an rdf-ext dataset).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import rdf from "rdf-ext";
import SHACLValidator from "rdf-validate-shacl";
import { Parser } from "n3";
import type { Quad } from "@rdfjs/types";
import { compactIri } from "./vocab.ts";

export const SHAPES_FILE = fileURLToPath(new URL("../../ontology/shapes.ttl", import.meta.url));

export interface Violation {
  focusNode: string;
  path?: string;
  value?: string;
  message: string;
  /** The SHACL constraint component, e.g. "MinCountConstraintComponent". */
  constraint: string;
}

export interface ValidationReport {
  conforms: boolean;
  violations: Violation[];
}

let shapesQuads: Quad[] | undefined;
function shapes(): Quad[] {
  shapesQuads ??= new Parser({ baseIRI: "https://w3id.org/newsgraph/shapes" }).parse(readFileSync(SHAPES_FILE, "utf8"));
  return shapesQuads;
}

/**
 * Validates quads (graph names ignored: the shapes see the union of all graphs, so a fact in an
 * article graph can point to an entity described in the entities graph).
 */
export async function validateQuads(quads: Iterable<Quad>): Promise<ValidationReport> {
  const validator = new SHACLValidator(rdf.dataset(shapes()));
  const data = rdf.dataset();
  for (const q of quads) data.add(rdf.quad(q.subject, q.predicate, q.object));
  const report = await validator.validate(data);
  const violations: Violation[] = report.results.map((r) => ({
    focusNode: r.focusNode?.value ?? "",
    path: r.path?.value,
    value: r.value?.value,
    message: readable(r.message.map((m) => m.value).join("; ")),
    constraint: (r.sourceConstraintComponent?.value ?? "").replace(/^.*#/, ""),
  }));
  violations.sort((a, b) => a.focusNode.localeCompare(b.focusNode) || (a.path ?? "").localeCompare(b.path ?? ""));
  return { conforms: report.conforms, violations };
}

/** A report a person can read: one line per violation, the first `limit` of them. */
export function formatReport(report: ValidationReport, limit = 50): string {
  if (report.conforms) return "The graph conforms to the SHACL shapes.";
  const lines = report.violations.slice(0, limit).map((v) => {
    const where = v.path ? ` ${compactIri(v.path)}` : "";
    const value = v.value !== undefined ? ` (value: ${v.value.length > 60 ? v.value.slice(0, 57) + "..." : v.value})` : "";
    return `  ${compactIri(v.focusNode)}${where}: ${v.message}${value} [${v.constraint}]`;
  });
  const more = report.violations.length > limit ? `\n  ... and ${report.violations.length - limit} more` : "";
  return `SHACL: ${report.violations.length} violation(s) of ontology/shapes.ttl:\n${lines.join("\n")}${more}`;
}

/** rdf-validate-shacl's default messages, said the way a person would. */
function readable(message: string): string {
  return (
    message
      .replace(/^Less than (\d+) values?$/, (_, n) => `missing: needs at least ${n} value(s)`)
      .replace(/^More than (\d+) values?$/, (_, n) => `too many values: at most ${n} allowed`) || "does not conform to its shape"
  );
}
