import { describe, expect, it } from "vitest";
import { annotate } from "../../src/extract/annotate.ts";
import { ingestText } from "../../src/ingest/index.ts";
import { entityNamed } from "./annotate-helpers.ts";

const ARTICLE = [
  "Nordic ministers back Arctic patrol plan",
  "",
  "By Maren Holt",
  "",
  "OSLO, May 12 (Reuters) - Norway and Finland agreed on Monday to share coastguard patrols, Norwegian Defence Minister Erik Lunde said after talks in Tromso.",
  "",
  "\"We cannot do this alone,\" Lunde told reporters. He said Helsinki would send two ships.",
  "",
  "Anna Virtanen, a senior researcher at the Finnish Institute of International Affairs, said the plan was overdue.",
].join("\n");

describe("annotate on a short article", () => {
  const a = annotate(ingestText("t.txt", ARTICLE));

  it("finds the byline person, the dateline place and the credited agency", () => {
    expect(entityNamed(a, "Maren Holt")?.kind).toBe("person");
    expect(a.entities.find((e) => e.kind === "place" && e.name === "Oslo")).toBeDefined();
    expect(entityNamed(a, "Reuters")?.kind).toBe("organisation");
  });

  it("reads the capital in the body as its state", () => {
    expect(a.entities.find((e) => e.iso3 === "FIN")?.names).toContain("Helsinki");
  });

  it("resolves the pronoun after a quote to the speaker named before", () => {
    const he = a.mentions.find((m) => m.surface === "He");
    expect(a.entities.find((e) => e.key === he?.entity)?.name).toBe("Erik Lunde");
  });

  it("gives every mention a sentence index and a span that holds its surface", () => {
    for (const m of a.mentions) {
      expect(ARTICLE.slice(m.span.start, m.span.end)).toBe(m.surface);
      expect(m.sentence).toBeGreaterThanOrEqual(0);
    }
  });

  it("lists only entities that are mentioned", () => {
    const used = new Set(a.mentions.map((m) => m.entity));
    expect(a.entities.every((e) => used.has(e.key))).toBe(true);
  });

  it("keeps roles with evidence inside the text", () => {
    const role = a.roles.find((r) => a.entities.find((e) => e.key === r.holder)?.name === "Anna Virtanen");
    expect(role?.title).toBe("senior researcher");
    expect(a.entities.find((e) => e.key === role?.organisation)?.name).toBe("Finnish Institute of International Affairs");
    for (const r of a.roles) expect(r.evidence.end).toBeLessThanOrEqual(ARTICLE.length);
  });
});

describe("annotate invariants on scrambled text", () => {
  const WORDS = ["The", "of", "and", "U.S.", "Mr", "Ms.", "President", "said", "he", "she", "his", "(", ")", "“", "”", "'s", "-", "Oslo",
    "Lima", "Ministry", "Foreign", "University", "in", "at", "to", ",", ".", "\n\n", "EU", "Sen.", "Former", "is", "director",
    "counterpart", "Chilean", "Norwegian", "X-based", "bin", "von", "J.", "Ünïcödé", "NEW", "DELHI", ":", "Its", "country's", "Tova", "Brekke"];

  it("keeps spans, keys and order consistent whatever the input", () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 60; n++) {
      const text = Array.from({ length: Math.floor(rnd() * 120) }, () => WORDS[Math.floor(rnd() * WORDS.length)]).join(" ");
      const a = annotate(ingestText("f.txt", text));
      const keys = new Set(a.entities.map((e) => e.key));
      for (const m of a.mentions) {
        expect(text.slice(m.span.start, m.span.end)).toBe(m.surface);
        expect(keys.has(m.entity)).toBe(true);
      }
      for (const r of a.roles) {
        expect(keys.has(r.holder)).toBe(true);
        if (r.organisation) expect(keys.has(r.organisation)).toBe(true);
        expect(r.confidence).toBeGreaterThan(0);
        expect(r.confidence).toBeLessThanOrEqual(1);
      }
      for (let i = 1; i < a.mentions.length; i++) expect(a.mentions[i].span.start).toBeGreaterThanOrEqual(a.mentions[i - 1].span.start);
    }
  });
});
