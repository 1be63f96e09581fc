import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import oxigraph from "oxigraph";
import { ontologyQuads, ONTOLOGY_FILE } from "../../src/graph/index.ts";
import { canonicalNQuads } from "../../src/graph/nquads.ts";
import { NG } from "../../src/graph/vocab.ts";

const store = new oxigraph.Store();
store.load(canonicalNQuads(ontologyQuads()), { format: "application/n-quads" });
const select = (q: string) =>
  (store.query(`PREFIX ng: <${NG}> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX owl: <http://www.w3.org/2002/07/owl#> ${q}`, {
    use_default_graph_as_union: true,
  }) as Map<string, oxigraph.Term>[]).map((r) => Object.fromEntries([...r].map(([k, v]) => [k, v.value])));

describe("ontology/newsgraph.ttl", () => {
  it("gives every ng: term a label and a comment", () => {
    const unlabelled = select(`SELECT ?t WHERE { ?t a ?k . VALUES ?k { owl:Class owl:ObjectProperty owl:DatatypeProperty }
      FILTER (STRSTARTS(STR(?t), STR(ng:)) && (NOT EXISTS { ?t rdfs:label ?l } || NOT EXISTS { ?t rdfs:comment ?c })) }`);
    expect(unlabelled).toEqual([]);
  });

  it("defines every term of the ontology contract and the graph's shape, with domains and ranges", () => {
    const classes = ["Article", "Person", "Organisation", "Country", "Place", "RoleAssignment", "Statement", "Sanction", "LinkCandidate"];
    const properties = ["fileName", "title", "publisher", "datePublished", "mentionedIn", "organisationKind", "linkMethod", "linkScore",
      "linkCandidate", "candidateItem", "holder", "roleTitle", "organisation", "speaker", "quote", "imposedBy", "targetDescription",
      "target", "reason", "date", "month", "year", "evidenceText", "evidenceStart", "evidenceEnd", "confidence"];
    const defined = new Set(select(`SELECT ?t WHERE { ?t a ?k }`).map((r) => r.t));
    for (const t of [...classes, ...properties]) expect(defined, t).toContain(NG + t);
    const noRange = select(`SELECT ?p WHERE { ?p a ?k . VALUES ?k { owl:ObjectProperty owl:DatatypeProperty }
      FILTER NOT EXISTS { ?p rdfs:range ?r } FILTER (?p != ng:candidateItem) }`);
    expect(noRange).toEqual([]);
  });

  it("aligns to schema.org, W3C ORG, PROV-O, FOAF and FollowTheMoney", () => {
    const text = readFileSync(ONTOLOGY_FILE, "utf8");
    for (const ns of ["https://schema.org/", "http://www.w3.org/ns/org#", "http://www.w3.org/ns/prov#", "http://xmlns.com/foaf/0.1/", "https://w3id.org/ftm#"]) {
      expect(text).toContain(ns);
    }
    const sup = select(`SELECT ?s WHERE { ng:Country rdfs:subClassOf ?s }`).map((r) => r.s);
    expect(sup).toContain(NG + "Organisation");
    expect(select(`SELECT ?s WHERE { ng:RoleAssignment rdfs:subClassOf ?s }`).map((r) => r.s)).toContain("http://www.w3.org/ns/org#Membership");
  });

  it("has no blank nodes (Oxigraph would relabel them and break byte-identical exports)", () => {
    expect(ontologyQuads().some((q) => q.subject.termType === "BlankNode" || q.object.termType === "BlankNode")).toBe(false);
  });
});
