// The quick conformance check (src/graph/shacl-quick.ts) says "conforms" exactly when shacl-engine
// finds nothing: on the sample graphs, and on hundreds of randomly damaged copies of them (seeded,
// replayable). Whatever it lets through unchecked must be what the engine would pass.
import { describe, expect, it } from "vitest";
import { DataFactory, Parser } from "n3";
import type { Quad, Quad_Object, Quad_Subject } from "@rdfjs/types";
import { entityQuads, graphQuads, validatePart } from "../../src/graph/index.ts";
import { quickConforms } from "../../src/graph/shacl.ts";
import { compileQuickCheck } from "../../src/graph/shacl-quick.ts";
import { ENTITIES_GRAPH, NG, RESOURCE } from "../../src/graph/vocab.ts";
import { mulberry32 } from "../pipeline/seeded-random.ts";
import { sampleGraphInput } from "./fixture.ts";

const { namedNode, literal, quad, blankNode } = DataFactory;
const XSD = "http://www.w3.org/2001/XMLSchema#";
const RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const { extractions, resolution, links } = sampleGraphInput();
const all = graphQuads(extractions, resolution, links);
const facts = all.filter((q) => q.graph.value !== ENTITIES_GRAPH || q.predicate.value === RDF_TYPE);
const entities = [...entityQuads(resolution, links), ...all.filter((q) => q.predicate.value === NG + "mentionedIn" || q.object.value === NG + "Article")];

const CLASSES = ["Article", "Person", "Organisation", "Country", "Place", "LinkCandidate", "RoleAssignment", "Statement", "Sanction", "Thing"].map((c) => namedNode(NG + c));
const LEXICAL = ["", "x", "-1", "0", "1", "2.5", "90.5", "-180", "1e3", "yesterday", "2024-05-07", "2024-13-01", "2024-05", "2024", "Q12", "ABC", "abc", "gazetteer", "guild", "We \uE000 agree", "\uFFFE"];
const DATATYPES = ["string", "integer", "decimal", "date", "gYear", "gYearMonth", "boolean"].map((d) => namedNode(XSD + d));

/** One random change: drop a triple, add or replace a value, add a type, drop a subject's types. */
function damage(quads: Quad[], random: () => number): Quad[] {
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)];
  const iris = [...new Set(quads.flatMap((q) => [q.subject, q.object]).filter((t) => t.termType === "NamedNode").map((t) => t.value))].map((v) => namedNode(v));
  const value = (): Quad_Object => {
    const r = random();
    if (r < 0.45) return literal(pick(LEXICAL), pick(DATATYPES));
    if (r < 0.5) return literal(pick(LEXICAL), "en");
    if (r < 0.8) return pick(iris) as Quad_Object;
    if (r < 0.9) return namedNode(pick(["http://www.wikidata.org/entity/Q42", "https://example.org/x", RESOURCE + "person/nobody"]));
    return blankNode("b" + Math.floor(random() * 3));
  };
  const target = pick(quads);
  const out = [...quads];
  switch (Math.floor(random() * 5)) {
    case 0:
      return out.filter((q) => q !== target);
    case 1:
      return [...out, quad(target.subject, target.predicate, value(), target.graph)];
    case 2:
      return out.map((q) => (q === target ? quad(q.subject, q.predicate, value(), q.graph) : q));
    case 3:
      return [...out, quad(pick(iris) as Quad_Subject, namedNode(RDF_TYPE), pick(CLASSES), target.graph)];
    default: {
      const subject = target.subject.value;
      return out.filter((q) => !(q.subject.value === subject && q.predicate.value === RDF_TYPE));
    }
  }
}

describe("SHACL quick check", () => {
  it("compiles for the project's shapes (else the build would validate everything with the engine)", () => {
    expect(quickConforms("facts", facts)).toBe(true);
    expect(quickConforms("entities", entities)).toBe(true);
  });

  for (const [set, base] of [["facts", facts], ["entities", entities]] as const) {
    it(`says conforms exactly when shacl-engine finds nothing, on 250 damaged ${set} graphs`, async () => {
      const random = mulberry32(set === "facts" ? 11 : 12);
      let failing = 0;
      for (let run = 0; run < 250; run++) {
        let quads: Quad[] = base;
        const changes = 1 + Math.floor(random() * 3);
        for (let k = 0; k < changes; k++) quads = damage(quads, random);
        const report = await validatePart(set, quads, "shacl-engine without quick check");
        const quick = quickConforms(set, quads);
        if (quick !== (report.length === 0)) {
          throw new Error(`run ${run}: quick check ${quick}, engine ${JSON.stringify(report)}`);
        }
        if (report.length) failing++;
        // with the quick check in front, the report is the engine's, unchanged
        expect(await validatePart(set, quads)).toEqual(report);
      }
      // the damage hit both ways
      expect(failing).toBeGreaterThan(60);
      expect(failing).toBeLessThan(240);
    }, 120_000);
  }

  it("refuses shapes it does not implement, so the engine checks everything", () => {
    const shapes = (body: string) => new Parser().parse(`@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .\n${body}`);
    expect(compileQuickCheck(shapes("ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:minCount 1 ] ."))).toBeTypeOf("function");
    expect(compileQuickCheck(shapes("ex:S a sh:NodeShape ; sh:targetNode ex:n ; sh:property [ sh:path ex:p ; sh:minCount 1 ] ."))).toBeUndefined();
    expect(compileQuickCheck(shapes("ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:severity sh:Warning ; sh:closed true ."))).toBeUndefined();
    expect(compileQuickCheck(shapes("ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path [ sh:inversePath ex:p ] ; sh:minCount 1 ] ."))).toBeUndefined();
    expect(compileQuickCheck(shapes("ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:xone ( [ sh:class ex:A ] [ sh:class ex:B ] ) ."))).toBeUndefined();
    expect(compileQuickCheck(shapes("ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:class ex:D . ex:E <http://www.w3.org/2000/01/rdf-schema#subClassOf> ex:D ."))).toBeUndefined();
  });
});
