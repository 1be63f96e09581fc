// The graph stage: extraction results → validated RDF quads.
export { articleQuads, entityQuads, entityTypeQuads, graphQuads, factHash } from "./mapping.ts";
export { ontologyQuads, ONTOLOGY_FILE } from "./ontology.ts";
export { canonicalNQuads, canonicalizeNQuads, nquadLine } from "./nquads.ts";
export { validateQuads, validatePart, formatReport, shapesDigest, SHAPES_FILE, type ShaclEngine, type ValidationReport, type Violation } from "./shacl.ts";
