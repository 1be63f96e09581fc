import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import oxigraph from "oxigraph";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { federatedQuery } from "../../src/link/federate.ts";
import { ENTITIES_GRAPH, NG, articleGraphIri, entityIri } from "../../src/graph/vocab.ts";
import { startSparqlServer } from "./sparql-server.ts";

const QUERY = readFileSync(fileURLToPath(new URL("../../queries/federated/sanctions-speakers-birth-citizenship.rq", import.meta.url)), "utf8");
const FIXTURE = fileURLToPath(new URL("../fixtures/wikidata/federation.ttl", import.meta.url));

/** Our side: two linked speakers, one of whom spoke about sanctions, in the store's graph layout. */
function ourStore(): oxigraph.Store {
  const e = (id: string) => `<${entityIri(id)}>`;
  const g = `<${ENTITIES_GRAPH}>`;
  const a = `<${articleGraphIri("t1")}>`;
  const nq = [
    `${e("person/amara-odhiambo")} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <${NG}Person> ${g} .`,
    `${e("person/amara-odhiambo")} <http://www.w3.org/2000/01/rdf-schema#label> "Amara Odhiambo" ${g} .`,
    `${e("person/amara-odhiambo")} <http://www.w3.org/2002/07/owl#sameAs> <http://www.wikidata.org/entity/Q999000101> ${g} .`,
    `${e("person/daniel-okafor")} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <${NG}Person> ${g} .`,
    `${e("person/daniel-okafor")} <http://www.w3.org/2000/01/rdf-schema#label> "Daniel Okafor" ${g} .`,
    `${e("person/daniel-okafor")} <http://www.w3.org/2002/07/owl#sameAs> <http://www.wikidata.org/entity/Q999000104> ${g} .`,
    `<urn:test:s1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <${NG}Statement> ${a} .`,
    `<urn:test:s1> <${NG}speaker> ${e("person/amara-odhiambo")} ${a} .`,
    `<urn:test:s1> <${NG}quote> "These sanctions will hurt ordinary families first." ${a} .`,
    `<urn:test:s2> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <${NG}Statement> ${a} .`,
    `<urn:test:s2> <${NG}speaker> ${e("person/daniel-okafor")} ${a} .`,
    `<urn:test:s2> <${NG}quote> "The budget passed on time." ${a} .`,
  ].join("\n");
  const store = new oxigraph.Store();
  store.load(nq, { format: "application/n-quads" });
  return store;
}

describe("federated query over the store and a second SPARQL endpoint", () => {
  let endpoint: Awaited<ReturnType<typeof startSparqlServer>>;
  beforeAll(async () => {
    endpoint = await startSparqlServer(FIXTURE);
  });
  afterAll(async () => {
    await endpoint.close();
  });

  it("answers the example: birth date and citizenship of whoever spoke about sanctions", async () => {
    const result = await federatedQuery({ store: ourStore(), query: QUERY, endpoints: [endpoint.url] });
    expect(result.type).toBe("bindings");
    if (result.type !== "bindings") return;
    expect(result.variables).toEqual(expect.arrayContaining(["speakerName", "item", "born", "citizenship", "citizenshipName"]));
    const rows = result.rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, t]) => [k, t.value])));
    expect(rows).toEqual([
      {
        speakerName: "Amara Odhiambo",
        item: "http://www.wikidata.org/entity/Q999000101",
        born: "1971-04-02T00:00:00Z",
        citizenship: "http://www.wikidata.org/entity/Q114",
        citizenshipName: "Kenya",
      },
    ]);
    expect(endpoint.queries.length).toBeGreaterThan(0);
  });

  it("answers ASK and CONSTRUCT, and formats text for `newsgraph query`", async () => {
    const ask = await federatedQuery({
      store: ourStore(), endpoints: [endpoint.url],
      query: "ASK { ?p <http://www.w3.org/2002/07/owl#sameAs> ?i . ?i <http://www.wikidata.org/prop/direct/P27> <http://www.wikidata.org/entity/Q1033> }",
    });
    expect(ask).toEqual({ type: "boolean", value: true });
    const graph = await federatedQuery({
      store: ourStore(), endpoints: [endpoint.url],
      query: "CONSTRUCT { ?p <http://schema.org/birthDate> ?b } WHERE { ?p <http://www.w3.org/2002/07/owl#sameAs> ?i . ?i <http://www.wikidata.org/prop/direct/P569> ?b }",
    });
    expect(graph.type === "quads" && graph.quads.length).toBe(2);
    const table = await federatedQuery({ store: ourStore(), query: QUERY, endpoints: [endpoint.url], format: "table" });
    expect(table).toMatch(/Amara Odhiambo .*1971-04-02/);
    expect(table).toMatch(/\(1 row\)/);
    const csv = await federatedQuery({ store: ourStore(), query: QUERY, endpoints: [endpoint.url], format: "csv" });
    expect(csv.split(/\r?\n/)[0]).toMatch(/speakerName/);
  });
});
