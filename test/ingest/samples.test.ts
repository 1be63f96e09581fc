// The five sample articles: general properties every ingested page must have.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ingestFile } from "../../src/ingest/index.ts";

const DIR = new URL("../../data/articles/", import.meta.url).pathname;
const FILES = readdirSync(DIR).filter((f) => f.endsWith(".txt")).sort();
const FURNITURE = /\{\{|free article|subscription|trial period|Sponsored Content|Icon Facebook|Share it|Accessibility links|Find out more|click here|min read/i;

describe.each(FILES)("%s", (file) => {
  it("has blocks in order, without page furniture, headline first", async () => {
    const doc = await ingestFile(join(DIR, file));
    expect(doc.blocks[0].kind).toBe("headline");
    expect(doc.title).toBe(doc.text.slice(doc.blocks[0].start, doc.blocks[0].end));
    for (let i = 0; i < doc.blocks.length; i++) {
      const b = doc.blocks[i];
      const text = doc.text.slice(b.start, b.end);
      expect(text).not.toMatch(FURNITURE);
      expect(text).toBe(text.trim());
      if (i > 0) expect(b.start).toBeGreaterThanOrEqual(doc.blocks[i - 1].end);
    }
    expect(doc.blocks.filter((b) => b.kind === "body").length).toBeGreaterThan(5);
  });

  it("has sentences that lie inside blocks and slice back to trimmed text", async () => {
    const doc = await ingestFile(join(DIR, file));
    expect(doc.sentences.length).toBeGreaterThan(10);
    for (let i = 0; i < doc.sentences.length; i++) {
      const s = doc.sentences[i];
      const text = doc.text.slice(s.start, s.end);
      expect(text.length).toBeGreaterThan(0);
      expect(text).toBe(text.trim());
      expect(doc.blocks.some((b) => b.start <= s.start && s.end <= b.end)).toBe(true);
      if (i > 0) expect(s.start).toBeGreaterThanOrEqual(doc.sentences[i - 1].end);
    }
    // No sentence starts inside an honorific abbreviation or right after an initial.
    for (const s of doc.sentences) expect(doc.text.slice(Math.max(0, s.start - 4), s.start)).not.toMatch(/\b(?:Mr|Dr|Ms|Mrs)\.\s$|\b[A-Z]\.\s$/);
  });
});

describe("what the samples state about themselves", () => {
  const read = (prefix: string) => ingestFile(join(DIR, FILES.find((f) => f.startsWith(prefix))!));

  it("captions, credits and bylines are kept as such", async () => {
    for (const prefix of ["000", "001", "003", "004"]) expect((await read(prefix)).blocks.some((b) => b.kind === "caption")).toBe(true);
    expect((await read("002")).blocks.some((b) => b.kind === "byline")).toBe(true);
    expect((await read("003")).blocks.some((b) => b.kind === "aside")).toBe(true);
  });

  it("publishers and dates come from datelines and page furniture", async () => {
    const docs = await Promise.all(["000", "001", "002", "003", "004"].map(read));
    expect(docs.map((d) => d.publisher)).toEqual(["South China Morning Post", "Nikkei Asia", "Press Trust of India", "RFE/RL", "China Daily"]);
    expect(docs.map((d) => d.published)).toEqual(["2021-03-23", undefined, undefined, undefined, undefined]);
    expect(docs.map((d) => d.dateline?.place)).toEqual(["Beijing", "Shanghai", "Beijing", undefined, "Beijing"]);
  });

  it("agency desk codes after the last sentence are not text", async () => {
    const doc = await read("002");
    const last = doc.sentences[doc.sentences.length - 1];
    expect(doc.text.slice(last.start, last.end)).toMatch(/said\.$/);
  });
});
