// Every queries/*.rq against a small hand-made graph whose answers are known exactly.
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import oxigraph from "oxigraph";
import { canonicalNQuads, graphQuads, ontologyQuads } from "../../src/graph/index.ts";
import { QUERIES_DIR } from "../../src/cli/query.ts";
import { sampleGraphInput } from "./fixture.ts";

const { extractions, resolution, links } = sampleGraphInput();
const store = new oxigraph.Store();
store.load(canonicalNQuads([...ontologyQuads(), ...graphQuads(extractions, resolution, links)]), { format: "application/n-quads" });

type Row = Record<string, string>;
const run = (name: string): Row[] =>
  (store.query(readFileSync(join(QUERIES_DIR, `${name}.rq`), "utf8")) as Map<string, oxigraph.Term>[]).map((r) =>
    Object.fromEntries([...r].map(([k, v]) => [k, v.value])),
  );

const expectations: Record<string, (rows: Row[]) => void> = {
  posts: (rows) => {
    expect(rows).toContainEqual(expect.objectContaining({ name: "Anna Berg", title: "Foreign Minister", organisationName: "Nordland", fileName: "art_a.txt" }));
    expect(rows).toContainEqual(expect.objectContaining({ name: "Tomas Kern", title: "director", organisationName: "Ostbay Institute" }));
    expect(rows).toHaveLength(3);
  },
  "person-statements": (rows) => {
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ speakerName: "Anna Berg", fileName: "art_a.txt", title: "Berg meets officials", publisher: "The Daily Test", published: "2024-05-07" });
    expect(rows[0].quote).toContain("answer every sanction");
    expect(rows[0].evidence).toContain("Berg said");
  },
  sanctions: (rows) => {
    expect(rows).toEqual([
      expect.objectContaining({ imposedBy: "Southern Union", targetDescription: "two Nordland officials", targets: "Nordland", reason: "border violations", date: "2024-05-06", fileName: "art_a.txt" }),
    ]);
  },
  "sanction-statements": (rows) => {
    expect(rows.map((r) => [r.speakerName, r.fileName])).toEqual([["Anna Berg", "art_a.txt"], ["Anna Berg", "art_b.txt"]]);
  },
  "co-mentions": (rows) => {
    expect(rows[0]).toMatchObject({ personName: "Anna Berg", organisationName: "Nordland", articles: "2" });
    expect(rows).toContainEqual(expect.objectContaining({ personName: "Tomas Kern", organisationName: "Ostbay Institute", articles: "1" }));
    expect(rows.some((r) => r.organisationName === "Ostbay")).toBe(false); // a place is not an organisation
  },
  "repeated-statements": (rows) => {
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ speakerName: "Anna Berg", articles: "2", files: expect.stringMatching(/art_a\.txt.*art_b\.txt|art_b\.txt.*art_a\.txt/) });
  },
  timeline: (rows) => {
    expect(rows.map((r) => [r.when, r.event])).toEqual([
      ["2024-05-06", "sanctions"],
      ["2024-05-07", "article published"],
      ["2024-05-08", "article published"],
      ["2024-05-08", "statement"],
    ]);
    expect(rows[0].what).toBe("Southern Union sanction two Nordland officials");
    expect(rows[3].what).toBe("Anna Berg: “We will answer every sanction with dialogue,”");
  },
  "sanctions-between": (rows) => {
    expect(rows).toEqual([expect.objectContaining({ date: "2024-05-06", imposedBy: "Southern Union", targetDescription: "two Nordland officials", fileName: "art_a.txt" })]);
  },
  "entities-per-article": (rows) => {
    const people = rows.find((r) => r.fileName === "art_b.txt" && r.type.endsWith("#Person"))!;
    expect(people).toMatchObject({ count: "2" });
    expect(people.names.split("; ").sort()).toEqual(["Anna Berg", "Tomas Kern"]);
    expect(rows.find((r) => r.fileName === "art_a.txt" && r.type.endsWith("#Place"))).toMatchObject({ count: "1", names: "Ostbay" });
  },
  "roles-by-organisation": (rows) => {
    expect(rows).toEqual([
      expect.objectContaining({ organisationName: "Nordland", title: "Foreign Minister", holderName: "Anna Berg", articles: "2" }),
      expect.objectContaining({ organisationName: "Ostbay Institute", title: "director", holderName: "Tomas Kern", articles: "1" }),
    ]);
  },
  "wikidata-links": (rows) => {
    expect(rows).toContainEqual(expect.objectContaining({ name: "Nordland", item: "http://www.wikidata.org/entity/Q999001", method: "gazetteer", score: "0.97" }));
    const candidates = rows.filter((r) => r.name === "Anna Berg").map((r) => [r.candidate, r.candidateScore]);
    expect(candidates).toEqual([["http://www.wikidata.org/entity/Q999002", "0.4"], ["http://www.wikidata.org/entity/Q999003", "0.3"]]);
  },
  places: (rows) => {
    expect(rows).toEqual([
      { place: "https://w3id.org/newsgraph/resource/place/ostbay", name: "Ostbay", item: "http://www.wikidata.org/entity/Q999004", lat: "59.91273", long: "-10.75", articles: "1" },
    ]);
  },
  "fact-evidence": (rows) => {
    expect(rows).toHaveLength(6);
    for (const r of rows) {
      const text = extractions.find((x) => r.fileName === x.doc.fileName)!.doc.text;
      expect(text.slice(Number(r.start), Number(r.end))).toBe(r.evidence);
    }
  },
  articles: (rows) => {
    expect(rows.map((r) => [r.fileName, r.roles, r.statements, r.sanctions])).toEqual([["art_a.txt", "1", "1", "1"], ["art_b.txt", "2", "1", "0"]]);
  },
};

describe("queries that use dates", () => {
  /** The graph with the sanction dated only by a month, and one more dated a year later. */
  const coarse = () => {
    const { extractions, resolution, links } = sampleGraphInput();
    const [a] = extractions;
    const { date: _date, ...sanction } = a.sanctions[0];
    a.sanctions = [{ ...sanction, month: "2024-03", year: "2024" }, { ...sanction, targetText: "three Nordland officials", date: "2025-05-06" }];
    const s = new oxigraph.Store();
    s.load(canonicalNQuads([...ontologyQuads(), ...graphQuads(extractions, resolution, links)]), { format: "application/n-quads" });
    return s;
  };
  const query = (s: oxigraph.Store, text: string): Row[] =>
    (s.query(text) as Map<string, oxigraph.Term>[]).map((r) => Object.fromEntries([...r].map(([k, v]) => [k, v.value])));
  const file = (name: string) => readFileSync(join(QUERIES_DIR, `${name}.rq`), "utf8");

  it("sanctions.rq and timeline.rq give a sanction the month the text fixes, and order it among the days", () => {
    const s = coarse();
    expect(query(s, file("sanctions")).map((r) => [r.when, r.date, r.targetDescription])).toEqual([
      ["2024-03", undefined, "two Nordland officials"],
      ["2025-05-06", "2025-05-06", "three Nordland officials"],
    ]);
    expect(query(s, file("timeline")).map((r) => r.when)).toEqual(["2024-03", "2024-05-07", "2024-05-08", "2024-05-08", "2025-05-06"]);
  });

  it("sanctions-between.rq keeps the days in its range only", () => {
    const s = coarse();
    const ranged = (from: string, to: string) => file("sanctions-between").replace(/VALUES \(\?from \?to\) \{[^}]*\}/, `VALUES (?from ?to) { ("${from}"^^xsd:date "${to}"^^xsd:date) }`);
    expect(query(s, ranged("2025-01-01", "2025-12-31")).map((r) => r.targetDescription)).toEqual(["three Nordland officials"]);
    expect(query(s, ranged("2024-01-01", "2024-12-31"))).toEqual([]); // the month-only sanction has no day to compare
  });
});

describe("queries/*.rq on a known graph", () => {
  const names = readdirSync(QUERIES_DIR).filter((f) => f.endsWith(".rq")).map((f) => f.replace(/\.rq$/, "")).sort();

  it("has at least ten queries, each with a comment header (title and what it answers)", () => {
    expect(names.length).toBeGreaterThanOrEqual(10);
    for (const n of names) {
      const header = readFileSync(join(QUERIES_DIR, `${n}.rq`), "utf8").split("\n").slice(0, 2);
      expect(header[0], n).toMatch(/^# \S/);
      expect(header[1], n).toMatch(/^# \S/);
    }
  });

  for (const name of names) {
    it(`${name}.rq returns the expected rows`, () => {
      const check = expectations[name];
      expect(check, `no expectation written for queries/${name}.rq`).toBeDefined();
      check(run(name));
    });
  }
});
