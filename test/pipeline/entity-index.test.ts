// The builder's record of an entities bucket (src/pipeline/entity-index.ts): written one entry per
// line so an incremental build parses only the entries it needs; still one JSON value; a damaged
// record is a clear StoreError, never a partial read.
import { describe, expect, it } from "vitest";
import { type BucketState, type EntityRecord, StoredBucket, bucketText, changedBucketText, entityDigests, sortedState } from "../../src/pipeline/entity-index.ts";
import { StoreError } from "../../src/store/index.ts";

const record = (d: string, doc: string, name: string): EntityRecord => ({
  d,
  l: `l-${d}`,
  m: [[doc, 0, { key: "p1", kind: "person", name, names: [name] }]] as EntityRecord["m"],
});

// Invented names; ids with characters JSON escapes, and one outside ASCII.
const STATE: BucketState = sortedState({
  graph: "abc123",
  quads: 7,
  entities: {
    "person/odd-\"quote\\-id": record("1", "doc_a", "Odd \"Quote\""),
    "person/anna-lindqvist": { ...record("2", "doc_b", "Anna Lindqvist"), link: { qid: "Q1", score: 0.9, method: "gazetteer", candidates: [] } },
    "person/øystein": record("3", "doc_c", "Øystein"),
  },
  keys: { "name|lindqvist": ["person/anna-lindqvist"], "slug|person/øystein": ["person/øystein"], "name|odd": ["person/odd-\"quote\\-id"] },
});

describe("an entities bucket's record", () => {
  it("is one JSON value equal to the state, one entry per line", () => {
    const text = bucketText(STATE);
    expect(JSON.parse(text)).toEqual(STATE);
    expect(text.split("\n")).toHaveLength(1 + 3 + 1 + 3 + 1);
  });

  it("reads back entry by entry: every entity, every key, the whole state", () => {
    const b = StoredBucket.parse(bucketText(STATE), "test");
    expect([b.graph, b.quads]).toEqual(["abc123", 7]);
    for (const [id, r] of Object.entries(STATE.entities)) expect(b.entity(id)).toEqual(r);
    for (const [key, ids] of Object.entries(STATE.keys)) expect(b.holders(key)).toEqual(ids);
    expect(b.entity("person/nobody")).toBeUndefined();
    expect(b.holders("name|nobody")).toEqual([]);
    expect(b.state()).toEqual(STATE);
  });

  it("reads a record written whole on one line the same way", () => {
    const b = StoredBucket.parse(JSON.stringify(STATE), "test");
    expect(b.state()).toEqual(STATE);
    expect(b.holders("name|lindqvist")).toEqual(["person/anna-lindqvist"]);
  });

  it("after a change, gives the same text as the changed state written whole (sorted, empty keys dropped)", () => {
    const old = StoredBucket.parse(bucketText(STATE), "test");
    const added = record("4", "doc_d", "Brandt");
    const changed = new Map<string, EntityRecord | undefined>([
      ["person/øystein", undefined],
      ["person/brandt", added],
      ["person/anna-lindqvist", record("5", "doc_b", "Anna Lindqvist")],
    ]);
    const keys = new Map([
      ["slug|person/øystein", [] as string[]],
      ["name|brandt", ["person/brandt", "person/brandt"]],
      ["name|lindqvist", ["person/brandt", "person/anna-lindqvist"]],
    ]);
    const expected: BucketState = structuredClone(STATE);
    delete expected.entities["person/øystein"];
    expected.entities["person/brandt"] = added;
    expected.entities["person/anna-lindqvist"] = record("5", "doc_b", "Anna Lindqvist");
    expected.keys["slug|person/øystein"] = [];
    expected.keys["name|brandt"] = ["person/brandt"];
    expected.keys["name|lindqvist"] = ["person/brandt", "person/anna-lindqvist"];
    const whole = sortedState({ ...expected, graph: "def456", quads: 9 });
    expect(changedBucketText(old, "def456", 9, changed, keys)).toBe(bucketText(whole));
    expect(changedBucketText(old, "abc123", 7, new Map(), new Map())).toBe(bucketText(STATE));
  });

  it("gives an entity's summary (label, names, codes) from its record without parsing its members; none from an older record", () => {
    // Invented; a label holding the members' opening text (escaped in JSON) does not cut the summary short.
    const body = { id: "organisation/x", kind: "organisation" as const, label: 'Odd ,"m":[ Board', altLabels: ["Board"], orgType: "government" as const, articles: ["doc_a"] };
    const withSummary: EntityRecord = { ...entityDigests(body), link: { qid: "Q7", score: 1, method: "manual", candidates: [] }, m: record("1", "doc_a", "Board").m };
    expect(Object.keys(withSummary)).toEqual(["d", "l", "s", "link", "m"]); // the members last: the summary is read before them
    const state = sortedState({ graph: "g", quads: 1, entities: { "organisation/x": withSummary, "person/øystein": record("3", "doc_c", "Øystein") }, keys: {} });
    // members garbled: reading the whole record fails, its summary does not
    const text = bucketText(state).replace('"m":[["doc_a"', '"m":[["doc_a"x');
    const b = StoredBucket.parse(text, "test");
    expect(b.summary("organisation/x")).toEqual({ label: 'Odd ,"m":[ Board', altLabels: ["Board"], orgType: "government" });
    expect(() => b.entity("organisation/x")).toThrow(StoreError);
    expect(b.summary("person/øystein")).toBeUndefined(); // a record written before summaries were kept
    expect(b.summary("person/nobody")).toBeUndefined();
    expect(StoredBucket.parse(bucketText(state), "test").entity("organisation/x")!.s).toEqual(withSummary.s);
  });

  it("damaged (cut short, a garbled line, not JSON, not a record): a StoreError that says to rebuild", () => {
    const text = bucketText(STATE);
    const lines = text.split("\n");
    const damaged = [
      text.slice(0, text.length - 10),
      lines.slice(0, -1).join("\n"),
      [lines[0], lines[1].slice(0, 20), ...lines.slice(2)].join("\n"),
      [lines[0], "garbage", ...lines.slice(2)].join("\n"),
      ["{oops", ...lines.slice(1)].join("\n"),
      "not json",
      "[1,2,3]",
      "",
    ];
    const inner = StoredBucket.parse(lines.map((l) => l.replace(/"d":"1"/, '"d":1x')).join("\n"), "STORE: bucket 0a");
    expect(() => inner.entity("person/odd-\"quote\\-id")).toThrow(/STORE: bucket 0a.*damaged.*rebuild/);
    for (const t of damaged) {
      expect(() => StoredBucket.parse(t, "STORE: bucket 0a"), JSON.stringify(t.slice(0, 40))).toThrow(StoreError);
      expect(() => StoredBucket.parse(t, "STORE: bucket 0a")).toThrow(/STORE: bucket 0a.*damaged.*rebuild/);
    }
  });
});
