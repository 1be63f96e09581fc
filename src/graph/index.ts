// The graph stage: extraction results → validated RDF quads.
export { articleQuads, entityQuads, graphQuads, factHash } from "./mapping.ts";
export { ontologyQuads, ONTOLOGY_FILE } from "./ontology.ts";
export { canonicalNQuads, canonicalizeNQuads, nquadLine } from "./nquads.ts";
export { validateQuads, formatReport, SHAPES_FILE, type ValidationReport, type Violation } from "./shacl.ts";
