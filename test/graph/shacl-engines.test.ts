// shacl-engine (what the build uses) and rdf-validate-shacl give the same reports on the same
// shapes and data: conforming graphs, and graphs broken in every way the shapes check.
import { describe, expect, it } from "vitest";
import { DataFactory } from "n3";
import type { Quad } from "@rdfjs/types";
import { entityQuads, graphQuads, validatePart } from "../../src/graph/index.ts";
import { ENTITIES_GRAPH, NG, RDFS, RESOURCE, articleGraphIri } from "../../src/graph/vocab.ts";
import { sampleGraphInput } from "./fixture.ts";

const { namedNode, literal, quad } = DataFactory;
const { extractions, resolution, links } = sampleGraphInput();
const all = graphQuads(extractions, resolution, links);
const factsOf = (quads: Quad[]) => quads.filter((q) => q.graph.value !== ENTITIES_GRAPH || q.predicate.value.endsWith("#type"));
const g = namedNode(articleGraphIri("art_a"));
const role = all.find((q) => q.subject.value.includes("/role/"))!.subject;
const sanction = all.find((q) => q.subject.value.includes("/sanction/"))!.subject;
const statement = all.find((q) => q.subject.value.includes("/statement/"))!.subject;

const CASES: Record<string, { set: "facts" | "entities"; quads: Quad[] }> = {
  "a conforming article": { set: "facts", quads: factsOf(all) },
  "conforming entities": { set: "entities", quads: [...entityQuads(resolution, links), ...all.filter((q) => q.predicate.value === NG + "mentionedIn" || q.object.value === NG + "Article")] },
  "an article quoting emoji and rare ideographs": {
    set: "facts",
    quads: factsOf(all).map((q) => (q.predicate.value === NG + "quote" ? quad(q.subject, q.predicate, literal("We \u{1F600} agree \u{29595}\u{1F1FA}\u{1F1F3}"), q.graph) : q)),
  },
  "facts broken every way": {
    set: "facts",
    quads: [
      ...factsOf(all).filter((q) => q.predicate.value !== NG + "holder" && q.predicate.value !== NG + "evidenceText" && q.predicate.value !== NG + "fileName"),
      quad(role, namedNode(NG + "confidence"), literal("very"), g),
      quad(role, namedNode(NG + "confidence"), literal("2.5", namedNode("http://www.w3.org/2001/XMLSchema#decimal")), g),
      quad(sanction, namedNode(NG + "imposedBy"), namedNode(RESOURCE + "person/anna-berg"), g),
      quad(sanction, namedNode(NG + "date"), literal("yesterday"), g),
      quad(statement, namedNode(NG + "speaker"), namedNode(RESOURCE + "place/nowhere"), g),
      quad(statement, namedNode(NG + "quote"), literal(""), g),
    ],
  },
  "entities broken every way": {
    set: "entities",
    quads: [
      ...entityQuads(resolution, links).filter((q) => !(q.predicate.value === RDFS + "label" && q.subject.value.includes("person/"))),
      quad(namedNode(RESOURCE + "organisation/x"), namedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), namedNode(NG + "Organisation"), namedNode(ENTITIES_GRAPH)),
      quad(namedNode(RESOURCE + "organisation/x"), namedNode(NG + "organisationKind"), literal("guild"), namedNode(ENTITIES_GRAPH)),
      quad(namedNode(RESOURCE + "organisation/x"), namedNode("http://www.w3.org/2002/07/owl#sameAs"), namedNode("https://example.org/not-wikidata"), namedNode(ENTITIES_GRAPH)),
    ],
  },
};

describe("SHACL engines", () => {
  for (const [name, { set, quads }] of Object.entries(CASES)) {
    it(`report the same on ${name}`, async () => {
      const engine = await validatePart(set, quads, "shacl-engine");
      const reference = await validatePart(set, quads, "rdf-validate-shacl");
      expect(engine).toEqual(reference);
      if (name.includes("broken")) expect(engine.length).toBeGreaterThan(3);
      else expect(engine).toEqual([]);
    });
  }
});
