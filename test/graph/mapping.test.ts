import { describe, expect, it } from "vitest";
import { DataFactory } from "n3";
import { articleQuads, canonicalNQuads, factHash, graphQuads, ontologyQuads, validateQuads, formatReport } from "../../src/graph/index.ts";
import { ENTITIES_GRAPH, NG, RESOURCE, WD, articleGraphIri } from "../../src/graph/vocab.ts";
import { sampleExtractions, sampleGraphInput } from "./fixture.ts";

const nq = () => {
  const { extractions, resolution, links } = sampleGraphInput();
  return canonicalNQuads(graphQuads(extractions, resolution, links));
};

describe("Extraction → quads", () => {
  it("is deterministic: the same input gives byte-identical canonical N-Quads", () => {
    expect(nq()).toBe(nq());
    const lines = nq().trimEnd().split("\n");
    expect([...lines].sort()).toEqual(lines); // sorted
    expect(new Set(lines).size).toBe(lines.length); // no duplicates
  });

  it("puts entities in the entities graph and each article's facts in its own graph", () => {
    const text = nq();
    expect(text).toContain(`<${RESOURCE}person/anna-berg> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <${NG}Person> <${ENTITIES_GRAPH}> .`);
    expect(text).toContain(`<${RESOURCE}country/nordland> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <${NG}Organisation> <${ENTITIES_GRAPH}> .`);
    expect(text).toContain(`<${RESOURCE}person/anna-berg> <http://www.w3.org/2004/02/skos/core#altLabel> "Berg" <${ENTITIES_GRAPH}> .`);
    expect(text).toContain(`<${RESOURCE}country/nordland> <http://www.w3.org/2002/07/owl#sameAs> <${WD}Q999001> <${ENTITIES_GRAPH}> .`);
    expect(text).toContain(`<${RESOURCE}person/anna-berg> <${NG}linkCandidate> <${RESOURCE}person/anna-berg/candidate/Q999003> <${ENTITIES_GRAPH}> .`);
    expect(text).toContain(`<${RESOURCE}person/anna-berg> <${NG}mentionedIn> <${RESOURCE}article/art_b> <${articleGraphIri("art_b")}> .`);
    const sanctionLines = text.split("\n").filter((l) => l.startsWith(`<${RESOURCE}sanction/`));
    expect(sanctionLines.length).toBeGreaterThan(5);
    expect(sanctionLines.every((l) => l.endsWith(`<${articleGraphIri("art_a")}> .`))).toBe(true);
    expect(text).toMatch(/<https:\/\/w3id\.org\/newsgraph\/ontology#date> "2024-05-06"\^\^<http:\/\/www\.w3\.org\/2001\/XMLSchema#date>/);
  });

  it("dates a statement by its day, and a sanction by the month or year the text fixes when it fixes no day", async () => {
    const { extractions, resolution, links } = sampleGraphInput();
    const [a, b] = extractions;
    const { date: _date, ...sanction } = a.sanctions[0];
    a.sanctions[0] = { ...sanction, month: "2024-03", year: "2024" };
    const quads = graphQuads([a, b], resolution, links);
    const of = (kind: string, p: string) => quads.filter((q) => q.subject.value.includes(`/${kind}/`) && q.predicate.value === NG + p).map((q) => `${q.object.value}^^${(q.object as { datatype?: { value: string } }).datatype?.value.split("#")[1]}`);
    expect(of("statement", "date")).toEqual(["2024-05-08^^date"]);
    expect(of("sanction", "date")).toEqual([]);
    expect(of("sanction", "month")).toEqual(["2024-03^^gYearMonth"]);
    expect(of("sanction", "year")).toEqual(["2024^^gYear"]);
    expect((await validateQuads([...ontologyQuads(), ...quads])).conforms).toBe(true);
    // a day wins over a month: one time per fact
    a.sanctions[0] = { ...a.sanctions[0], date: "2024-03-04" };
    const dated = graphQuads([a, b], resolution, links).filter((q) => q.subject.value.includes("/sanction/") && /#(date|month|year)$/.test(q.predicate.value));
    expect(dated.map((q) => q.predicate.value.split("#")[1])).toEqual(["date"]);
  });

  it("keeps the evidence sentence and its offsets, which point into the article text", () => {
    const [a] = sampleExtractions();
    const { resolution } = sampleGraphInput();
    const quads = articleQuads(a, resolution);
    const ofRole = (p: string) => quads.find((q) => q.subject.value.startsWith(RESOURCE + "role/") && q.predicate.value === NG + p)!.object.value;
    const [start, end] = [Number(ofRole("evidenceStart")), Number(ofRole("evidenceEnd"))];
    expect(a.doc.text.slice(start, end)).toBe(ofRole("evidenceText"));
    expect(ofRole("evidenceText")).toContain("Foreign Minister Anna Berg");
  });

  it("stores the article's text once, so the offsets can be checked from the graph alone", () => {
    const [a] = sampleExtractions();
    const quads = articleQuads(a, sampleGraphInput().resolution);
    const texts = quads.filter((q) => q.predicate.value === NG + "text");
    expect(texts.map((q) => [q.subject.value, q.object.value])).toEqual([[RESOURCE + "article/" + a.doc.id, a.doc.text]]);
    const start = Number(quads.find((q) => q.predicate.value === NG + "quoteStart")!.object.value);
    const end = Number(quads.find((q) => q.predicate.value === NG + "quoteEnd")!.object.value);
    expect(texts[0].object.value.slice(start, end)).toBe(quads.find((q) => q.predicate.value === NG + "quote")!.object.value);
  });

  it("mints distinct fact IRIs for distinct facts of one sentence, stable across runs", () => {
    expect(factHash(["d", "role", 0, 10, "x", "Minister"])).toBe(factHash(["d", "role", 0, 10, "x", "Minister"]));
    expect(factHash(["d", "role", 0, 10, "x", "Minister"])).not.toBe(factHash(["d", "role", 0, 10, "y", "Minister"]));
    const [a] = sampleExtractions();
    a.roles.push({ ...a.roles[0], title: "Deputy Prime Minister" });
    const roles = new Set(articleQuads(a, sampleGraphInput().resolution).filter((q) => q.subject.value.includes("/role/")).map((q) => q.subject.value));
    expect(roles.size).toBe(2);
  });

  it("leaves out facts whose holder, speaker or imposer was not resolved, and target-less sanctions", () => {
    const [a] = sampleExtractions();
    a.roles[0].holder = "nobody";
    a.quotes[0].speaker = "nobody";
    a.sanctions[0].targetText = " ";
    const quads = articleQuads(a, sampleGraphInput().resolution);
    expect(quads.some((q) => /\/(role|statement|sanction)\//.test(q.subject.value))).toBe(false);
  });

  it("drops a reference to an entity of the wrong kind instead of failing validation", async () => {
    const [a, b] = sampleExtractions();
    const { resolution, links } = sampleGraphInput();
    a.roles[0].holder = "e2"; // a state holding a post
    a.sanctions[0].imposers = ["e1"]; // a person imposing sanctions
    a.quotes[0].speaker = "e3"; // a place speaking
    const quads = articleQuads(a, resolution);
    expect(quads.some((q) => /\/(role|statement|sanction)\//.test(q.subject.value))).toBe(false);
    expect((await validateQuads(graphQuads([a, b], resolution, links))).conforms).toBe(true);
  });
});

describe("coordinates of places", () => {
  const GEO = "http://www.w3.org/2003/01/geo/wgs84_pos#";
  it("gives a linked place its item's WGS84 latitude and longitude in the entities graph, and nothing else coordinates", () => {
    const text = nq();
    expect(text).toContain(`<${RESOURCE}place/ostbay> <${GEO}lat> "59.91273"^^<http://www.w3.org/2001/XMLSchema#decimal> <${ENTITIES_GRAPH}> .`);
    expect(text).toContain(`<${RESOURCE}place/ostbay> <${GEO}long> "-10.75"^^<http://www.w3.org/2001/XMLSchema#decimal> <${ENTITIES_GRAPH}> .`);
    expect(text.split("\n").filter((l) => l.includes(`<${GEO}`))).toHaveLength(2);
  });

  it("writes no coordinates for a place left unlinked, even when a candidate has some", () => {
    const { extractions, resolution, links } = sampleGraphInput();
    const ostbay = resolution.entities.find((e) => e.label === "Ostbay")!;
    links.set(ostbay.id, { score: 0.5, method: "gazetteer", candidates: [{ qid: "Q999004", label: "Ostbay", score: 0.5 }], geo: { lat: 1, long: 2 } });
    expect(canonicalNQuads(graphQuads(extractions, resolution, links))).not.toContain(GEO);
  });

  it("is checked by the shapes: a latitude out of range, one coordinate alone, coordinates without a link", async () => {
    const { extractions, resolution, links } = sampleGraphInput();
    const { namedNode, literal, quad } = DataFactory;
    const g = namedNode(ENTITIES_GRAPH);
    const place = namedNode(RESOURCE + "place/ostbay");
    const good = graphQuads(extractions, resolution, links);
    expect((await validateQuads(good)).conforms).toBe(true);
    const dec = (v: string) => literal(v, namedNode("http://www.w3.org/2001/XMLSchema#decimal"));
    const outOfRange = good.map((q) => (q.predicate.value === GEO + "lat" ? quad(place, q.predicate, dec("91.5"), g) : q));
    expect((await validateQuads(outOfRange)).violations.some((v) => v.path === GEO + "lat")).toBe(true);
    const alone = good.filter((q) => q.predicate.value !== GEO + "long");
    expect((await validateQuads(alone)).conforms).toBe(false);
    const unlinked = good.filter((q) => !(q.subject.value === place.value && q.predicate.value === "http://www.w3.org/2002/07/owl#sameAs"));
    expect((await validateQuads(unlinked)).conforms).toBe(false);
  });
});

describe("SHACL", () => {
  it("accepts the graph the mapping makes, ontology included", async () => {
    const { extractions, resolution, links } = sampleGraphInput();
    const report = await validateQuads([...ontologyQuads(), ...graphQuads(extractions, resolution, links)]);
    expect(formatReport(report)).toBe("The graph conforms to the SHACL shapes.");
    expect(report.conforms).toBe(true);
  });

  it("rejects a deliberately broken graph and says what is wrong where", async () => {
    const { extractions, resolution, links } = sampleGraphInput();
    const { namedNode, literal, quad } = DataFactory;
    const quads = graphQuads(extractions, resolution, links).filter(
      // drop every role's holder
      (q) => !(q.predicate.value === NG + "holder"),
    );
    const role = quads.find((q) => q.subject.value.includes("/role/"))!.subject;
    const g = namedNode(articleGraphIri("art_a"));
    quads.push(quad(role, namedNode(NG + "confidence"), literal("very"), g)); // not a decimal
    const sanction = quads.find((q) => q.subject.value.includes("/sanction/"))!.subject;
    quads.push(quad(sanction, namedNode(NG + "imposedBy"), namedNode(RESOURCE + "person/anna-berg"), g)); // a person imposing
    const statement = quads.find((q) => q.subject.value.includes("/statement/"))!.subject;
    quads.push(quad(statement, namedNode(NG + "date"), literal("Monday"), g)); // not an xsd:date
    quads.push(quad(sanction, namedNode(NG + "year"), literal("2024", namedNode("http://www.w3.org/2001/XMLSchema#date")), g)); // not an xsd:gYear
    const report = await validateQuads(quads);
    expect(report.conforms).toBe(false);
    const text = formatReport(report);
    expect(text).toMatch(/ng:holder: a role needs exactly one ng:holder/);
    expect(report.violations.some((v) => v.path === NG + "confidence" && v.constraint === "DatatypeConstraintComponent")).toBe(true);
    expect(report.violations.some((v) => v.path === NG + "imposedBy" && v.constraint === "ClassConstraintComponent")).toBe(true);
    expect(report.violations.some((v) => v.path === NG + "date" && v.focusNode === statement.value && v.constraint === "DatatypeConstraintComponent")).toBe(true);
    expect(report.violations.some((v) => v.path === NG + "year" && v.constraint === "DatatypeConstraintComponent")).toBe(true);
    expect(text).toMatch(/^SHACL: \d+ violation\(s\)/);
  });

  it("gives the same answers when batches are validated on worker threads", async () => {
    const { extractions, resolution, links } = sampleGraphInput();
    const good = graphQuads(extractions, resolution, links);
    expect(await validateQuads(good, { batchSize: 1, threads: 2 })).toEqual({ conforms: true, violations: [] });
    const broken = good.filter((q) => q.predicate.value !== NG + "holder");
    const inThreads = await validateQuads(broken, { batchSize: 1, threads: 2 });
    expect(inThreads.conforms).toBe(false);
    expect(inThreads).toEqual(await validateQuads(broken, { threads: 1 }));
  }, 300_000); // worker threads start slowly on a loaded machine

  it("rejects an entity without a label and an article without a file name", async () => {
    const { extractions, resolution, links } = sampleGraphInput();
    const quads = graphQuads(extractions, resolution, links).filter(
      (q) => !(q.subject.value === RESOURCE + "place/ostbay" && q.predicate.value.endsWith("#label")) && q.predicate.value !== NG + "fileName",
    );
    const report = await validateQuads(quads);
    expect(report.violations.some((v) => v.focusNode === RESOURCE + "place/ostbay" && v.path?.endsWith("#label"))).toBe(true);
    expect(report.violations.filter((v) => v.path === NG + "fileName")).toHaveLength(2);
  });
});

describe("literals from any text", () => {
  it("carry no character an RDF syntax cannot: controls and lone surrogates become U+FFFD, offsets unchanged", async () => {
    const { wellFormedText } = await import("../../src/graph/mapping.ts");
    const text = "a\u0001b\u001bc\td\ne\ud83dx\udc00y\uffff\u{1F600}z";
    const clean = wellFormedText(text);
    expect(clean).toBe("a\ufffdb\ufffdc\td\ne\ufffdx\ufffdy\ufffd\u{1F600}z");
    expect(clean.length).toBe(text.length);
  });
});
