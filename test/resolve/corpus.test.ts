import { describe, expect, it } from "vitest";
import type { Extraction, LocalEntity, OrgType } from "../../src/model.ts";
import { resolve } from "../../src/resolve/index.ts";
import { MentionTable, resolveCorpus } from "../../src/resolve/corpus.ts";
import { mulberry32 } from "../pipeline/seeded-random.ts";

// Invented names only: the compact corpus resolution must give what resolve() gives.
const GIVEN = ["Arlo", "Bettina", "Corvin", "Dagny", "Elio", "Sergei", "Sergey", "Yuri", "Yury"];
const FAMILY = ["Quellmark", "Ostrander", "Vintaro", "Pelloway", "Navalnyy", "Navalny"];
const ORGS = ["Lorwick Trade Council", "Northern Grain Board", "Foreign Ministry", "Ministry of Defence", "the Ministry of Defense", "LTC", "NGB", "Lorwick", "Easton Times"];
const ORG_TYPES: (OrgType | undefined)[] = ["government", "company", "media", "international", "other", undefined];
const STATES: [string, string | undefined][] = [["Freedonia", "FRE"], ["Freedonian", "FRE"], ["Sylvania", "SYL"], ["Sylvanian", undefined], ["Osterlich", ""]];
const PLACES = ["Lorwick", "Easton", "Port Varn"];

function randomCorpus(seed: number, articles: number): Extraction[] {
  const random = mulberry32(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)];
  const out: Extraction[] = [];
  for (let a = 0; a < articles; a++) {
    const entities: LocalEntity[] = [];
    const n = 1 + Math.floor(random() * 8);
    for (let i = 0; i < n; i++) {
      const key = `k${i + 1}`;
      const r = random();
      if (r < 0.35) {
        const family = pick(FAMILY);
        const full = `${pick(GIVEN)} ${family}`;
        const names = random() < 0.3 ? [family] : random() < 0.5 ? [full, family] : [full];
        entities.push({ key, kind: "person", name: names[0], names });
      } else if (r < 0.65) {
        const name = pick(ORGS);
        const names = random() < 0.3 ? [name, pick(ORGS)] : [name];
        const orgType = pick(ORG_TYPES);
        // the fields in either order: the table must give each local entity back as it was written
        entities.push(random() < 0.5 ? { key, kind: "organisation", name, names, ...(orgType ? { orgType } : {}) } : ({ key, kind: "organisation", ...(orgType ? { orgType } : {}), name, names } as LocalEntity));
      } else if (r < 0.85) {
        const [name, iso3] = pick(STATES);
        entities.push({ key, kind: "country", name, names: [name], orgType: "country", ...(iso3 !== undefined ? { iso3 } : {}) });
      } else if (r < 0.95) {
        const name = pick(PLACES);
        entities.push({ key, kind: "place", name, names: [name] });
      } else {
        entities.push({ key, kind: pick(["person", "organisation"] as const), name: "", names: [] }); // no name: labelled by its key
      }
    }
    out.push({ doc: { id: `art-${String(a).padStart(4, "0")}`, fileName: "", sha256: "", text: "", blocks: [], sentences: [] }, entities, mentions: [], roles: [], quotes: [], sanctions: [] });
  }
  return out;
}

function tableOf(corpus: Extraction[]): MentionTable {
  const table = new MentionTable();
  for (const x of [...corpus].sort((a, b) => (a.doc.id < b.doc.id ? -1 : 1))) table.add(x.doc.id, JSON.parse(JSON.stringify(x.entities)));
  return table.seal();
}

describe("resolveCorpus (the compact resolution of a full build)", () => {
  for (const seed of [1, 2, 3]) {
    it(`gives resolve()'s entities, ids and look-ups on a random corpus (seed ${seed})`, () => {
      const corpus = randomCorpus(seed, 400);
      const expected = resolve(corpus);
      const table = tableOf(corpus);
      const got = resolveCorpus(table);
      expect(got.entities).toEqual(expected.entities);
      expect(expected.entities.length).toBeGreaterThan(20);
      for (const [k, id] of expected.entityOf) expect(got.entityOf.get(k)).toBe(id);
      expect(got.entityOf.get("art-0000#nope")).toBeUndefined();
      expect(got.entityOf.get("nowhere#k1")).toBeUndefined();
      // every mention has its entity, and each entity's mentions are its members in corpus order
      let mentions = 0;
      for (const e of got.entities) {
        const ms = Array.from(got.mentionsOf(e.id));
        mentions += ms.length;
        expect(ms).toEqual([...ms].sort((a, b) => a - b));
        for (const m of ms) expect(got.idOf(m)).toBe(e.id);
        expect([...new Set(ms.map((m) => table.docId(table.docOf(m))))].sort()).toEqual(e.articles);
      }
      expect(mentions).toBe(table.mentions);
    });
  }

  it("gives each article's local entities back as written (fields in their order), one shape object for those that read the same", () => {
    const corpus = randomCorpus(7, 200);
    const table = tableOf(corpus);
    const sorted = [...corpus].sort((a, b) => (a.doc.id < b.doc.id ? -1 : 1));
    sorted.forEach((x, d) => {
      expect(table.docId(d)).toBe(x.doc.id);
      expect(JSON.stringify(table.localsOf(d))).toBe(JSON.stringify(x.entities));
      x.entities.forEach((e, i) => expect(table.keyAt(table.first(d) + i)).toBe(e.key));
    });
    const shapes = new Set(Array.from({ length: table.mentions }, (_, m) => table.shapeAt(m)));
    const distinct = new Set(corpus.flatMap((x) => x.entities.map((e) => JSON.stringify({ ...e, key: "" }))));
    expect(shapes.size).toBe(distinct.size);
    expect(shapes.size).toBeLessThan(table.mentions / 2);
    expect(Object.isFrozen(table.shapeAt(0))).toBe(true);
  });

  it("refuses an article added twice or after sealing", () => {
    const table = new MentionTable();
    table.add("a", []);
    expect(() => table.add("a", [])).toThrow(/added twice/);
    table.seal();
    expect(() => table.add("b", [])).toThrow(/after seal/);
  });
});
