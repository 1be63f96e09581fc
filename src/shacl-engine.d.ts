// shacl-engine ships no type declarations; this is the part of its API src/graph/shacl.ts uses.
declare module "shacl-engine" {
  import type { DataFactory, DatasetCore } from "@rdfjs/types";
  export class Validator {
    constructor(shapes: DatasetCore, options: { factory: DataFactory | object });
    validate(data: { dataset: DatasetCore }): Promise<{ conforms: boolean; results: unknown[] }>;
  }
}

// shacl-engine's own term comparison (sh:minInclusive, sh:lessThan...), reused by the quick check.
declare module "shacl-engine/lib/compareTerms.js" {
  import type { Term } from "@rdfjs/types";
  export default function compareTerms(a: Term, b: Term): number | null;
}

// The datatype check shacl-engine uses (its dependency rdf-validation).
declare module "rdf-validation" {
  import type { Term } from "@rdfjs/types";
  export class XsdValidation {
    validateSimple(term: Term): boolean;
  }
}
