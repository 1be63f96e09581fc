// The ontology file, as quads in ONTOLOGY_GRAPH (loaded into every store so class labels can be queried).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { DataFactory, Parser } from "n3";
import type { Quad } from "n3";
import { ONTOLOGY_GRAPH } from "./vocab.ts";

export const ONTOLOGY_FILE = fileURLToPath(new URL("../../ontology/newsgraph.ttl", import.meta.url));

let cached: Quad[] | undefined;

export function ontologyQuads(): Quad[] {
  if (!cached) {
    const g = DataFactory.namedNode(ONTOLOGY_GRAPH);
    cached = new Parser({ baseIRI: "https://w3id.org/newsgraph/ontology" })
      .parse(readFileSync(ONTOLOGY_FILE, "utf8"))
      .map((q) => DataFactory.quad(q.subject, q.predicate, q.object, g));
  }
  return cached;
}
