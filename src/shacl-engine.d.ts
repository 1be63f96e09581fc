// shacl-engine ships no type declarations; this is the part of its API src/graph/shacl.ts uses.
declare module "shacl-engine" {
  import type { DataFactory, DatasetCore } from "@rdfjs/types";
  export class Validator {
    constructor(shapes: DatasetCore, options: { factory: DataFactory | object });
    validate(data: { dataset: DatasetCore }): Promise<{ conforms: boolean; results: unknown[] }>;
  }
}
