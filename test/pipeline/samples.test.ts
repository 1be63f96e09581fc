// Every queries/*.rq against the graph built from the five sample articles (data/articles/),
// asserting rows a reader of those articles expects.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type oxigraph from "oxigraph";
import { buildGraph } from "../../src/pipeline/index.ts";
import { loadStore } from "../../src/store/index.ts";
import { QUERIES_DIR } from "../../src/cli/query.ts";

const ARTICLES = new URL("../../data/articles/", import.meta.url).pathname;
type Row = Record<string, string>;
let storeDir: string;
let store: oxigraph.Store;

beforeAll(async () => {
  storeDir = mkdtempSync(join(tmpdir(), "ng-samples-"));
  const result = await buildGraph({ inputs: [ARTICLES], storeDir });
  expect(result.failed).toEqual([]);
  store = (await loadStore(storeDir)).store;
}, 600_000);
afterAll(() => rmSync(storeDir, { recursive: true, force: true }));

const run = (name: string): Row[] =>
  (store.query(readFileSync(join(QUERIES_DIR, `${name}.rq`), "utf8")) as Map<string, oxigraph.Term>[]).map((r) =>
    Object.fromEntries([...r].map(([k, v]) => [k, v.value])),
  );
const has = (rows: Row[], want: Record<string, RegExp>) => rows.some((r) => Object.entries(want).every(([k, re]) => re.test(r[k] ?? "")));

const expectations: Record<string, (rows: Row[]) => void> = {
  posts: (rows) => {
    expect(has(rows, { name: /^Serge[iy] Lavrov$/, title: /^Foreign Minister$/, organisationName: /^Russia$/ })).toBe(true);
    expect(has(rows, { name: /^Wang Yi$/, title: /^Foreign Minister$/, organisationName: /^China$/ })).toBe(true);
    expect(has(rows, { name: /^Feng Shaolei$/, title: /^director$/i })).toBe(true);
    expect(has(rows, { name: /^Hua Chunying$/, title: /spokes/i })).toBe(true);
  },
  "person-statements": (rows) => {
    expect(has(rows, { speakerName: /Lavrov$/, quote: /sanctions/, fileName: /^000_/ })).toBe(true);
    expect(has(rows, { speakerName: /^Hua Chunying$/ })).toBe(true);
    for (const r of rows) expect(r.evidence).toContain(r.quote.slice(0, 20));
  },
  sanctions: (rows) => {
    expect(has(rows, { imposedBy: /European Union/, targetDescription: /four Chinese officials/, reason: /Xinjiang/, date: /^2021-03-22$/ })).toBe(true);
    expect(has(rows, { imposedBy: /^China$/, targets: /European Union/ })).toBe(true); // the retaliation
  },
  "sanction-statements": (rows) => {
    expect(has(rows, { speakerName: /Lavrov$/ })).toBe(true);
    for (const r of rows) expect(r.quote).toMatch(/sanction|embargo/i);
  },
  "co-mentions": (rows) => {
    const pair = rows.find((r) => /Lavrov$/.test(r.personName) && r.organisationName === "Russia");
    expect(Number(pair?.articles)).toBeGreaterThanOrEqual(4);
  },
  "repeated-statements": (rows) => {
    expect(rows.length).toBeGreaterThan(0);
    expect(has(rows, { speakerName: /^Feng Shaolei$/, articles: /^2$/ })).toBe(true);
  },
  timeline: (rows) => {
    expect(has(rows, { date: /^2021-03-22$/, event: /^sanctions$/, what: /European Union/ })).toBe(true);
    expect(has(rows, { date: /^2021-03-23$/, event: /^article published$/ })).toBe(true);
    expect(rows.map((r) => r.when)).toEqual([...rows.map((r) => r.when)].sort());
  },
  "sanctions-between": (rows) => {
    expect(has(rows, { date: /^2021-03-22$/, imposedBy: /European Union/, targetDescription: /four Chinese officials/ })).toBe(true);
    for (const r of rows) expect(r.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  },
  "entities-per-article": (rows) => {
    const files = new Set(rows.map((r) => r.fileName));
    expect(files.size).toBe(5);
    for (const f of files) {
      expect(Number(rows.find((r) => r.fileName === f && r.type.endsWith("#Person"))?.count), f).toBeGreaterThanOrEqual(2);
      expect(Number(rows.find((r) => r.fileName === f && r.type.endsWith("#Organisation"))?.count), f).toBeGreaterThanOrEqual(2);
    }
  },
  "roles-by-organisation": (rows) => {
    expect(has(rows, { organisationName: /^Russia$/, title: /^Foreign Minister$/, holderName: /Lavrov/ })).toBe(true);
    expect(has(rows, { organisationName: /^United States$/, title: /^President$/, holderName: /Biden/ })).toBe(true);
  },
  "wikidata-links": (rows) => {
    expect(has(rows, { name: /^Russia$/, item: /\/Q159$/ })).toBe(true);
    expect(has(rows, { name: /^China$/, item: /\/Q148$/ })).toBe(true);
  },
  places: (rows) => {
    // the capitals the articles use as locations, with their coordinates (a metonym "Beijing said" is China, not here)
    expect(has(rows, { name: /^Beijing$/, item: /\/Q956$/, lat: /^39\.9/, long: /^116\.[34]/ })).toBe(true);
    expect(has(rows, { name: /^Moscow$/, item: /\/Q649$/, lat: /^55\.7/, long: /^37\.6/ })).toBe(true);
    for (const r of rows) expect(Math.abs(Number(r.lat)) <= 90 && Math.abs(Number(r.long)) <= 180, r.name).toBe(true);
  },
  "fact-evidence": (rows) => {
    expect(rows.length).toBeGreaterThan(30);
    // Every fact's evidence is exactly the text at its offsets in the article file.
    const texts = new Map<string, string>();
    for (const r of rows) {
      if (!texts.has(r.fileName)) texts.set(r.fileName, readFileSync(join(ARTICLES, r.fileName), "utf8"));
      expect(texts.get(r.fileName)!.slice(Number(r.start), Number(r.end))).toBe(r.evidence);
    }
  },
  articles: (rows) => {
    expect(rows.map((r) => r.fileName).sort()).toEqual(readdirSync(ARTICLES).filter((f) => f.endsWith(".txt")).sort());
    for (const r of rows) expect(Number(r.roles) + Number(r.statements) + Number(r.sanctions), r.fileName).toBeGreaterThan(0);
  },
};

describe("queries/*.rq on the five sample articles", () => {
  const names = readdirSync(QUERIES_DIR).filter((f) => f.endsWith(".rq")).map((f) => f.replace(/\.rq$/, "")).sort();
  for (const name of names) {
    it(`${name}.rq returns the rows a reader expects`, () => {
      const check = expectations[name];
      expect(check, `no expectation written for queries/${name}.rq`).toBeDefined();
      check(run(name));
    });
  }
});
