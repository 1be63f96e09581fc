// Scraped furniture glued to names, on invented pages: author boxes, hover cards and timestamps
// joined with no space, skip links, "AD" markers, related-article links, photo credits. Each is cut
// or dropped in ingest, no person is minted from a glued run, and every block still points into the
// unchanged file text.
import { describe, expect, it } from "vitest";
import { extract } from "../../src/extract/index.ts";
import { gluedConjunction, gluedPieces } from "../../src/ingest/glue.ts";
import { ingestText } from "../../src/ingest/index.ts";

const STORY = "Valdoria imposed sanctions on three Ruritanian officials on Monday, the foreign ministry said in a statement.\n\nThe measures freeze their assets and bar them from entering the country, the ministry said.";
const page = (...lines: string[]) => ingestText("p.txt", ["Valdoria sanctions Ruritanian officials", ...lines, STORY].join("\n\n"));
const blocks = (doc: ReturnType<typeof page>) => doc.blocks.map((b) => `${b.kind}: ${doc.text.slice(b.start, b.end)}`);
const persons = (doc: ReturnType<typeof page>) => extract(doc).entities.filter((e) => e.kind === "person").map((e) => e.name);
const pieces = (line: string) => gluedPieces(line, 0, line.length)?.map((s) => line.slice(s.start, s.end)) ?? null;

describe("glued runs are cut at their seams", () => {
  it.each([
    ["Jana KolarJana Kolar", ["Jana Kolar"]],
    ["By Jana KolarJana Kolar", ["By Jana Kolar"]],
    ["By Jana Kolar and Piet MarsPiet Mars", ["By Jana Kolar and Piet Mars"]],
    ["Jana KolarJana KolarMonday, 4 March 2024, 10:20", ["Jana Kolar", "Monday, 4 March 2024, 10:20"]],
    ["OKSANA MELNYKSaturday, 7 January 2023, 19:20", ["OKSANA MELNYK", "Saturday, 7 January 2023, 19:20"]],
    ["Skip to main contentSkip to navigation", ["Skip to main content", "Skip to navigation"]],
  ])("%s", (line, expected) => expect(pieces(line)).toEqual(expected));

  it.each(["Ronald McDonald", "DeShawn MacArthur of YouTube", "the new iPhone", "LeBron James said on Monday", "Valdoria's OpenAI deal"])("leaves '%s' alone", (line) =>
    expect(pieces(line)).toBeNull(),
  );

  it("leaves a story paragraph alone, whatever it holds", () => {
    const long = `${"The ministry said the measures were needed. ".repeat(5)}Jana KolarJana Kolar`;
    expect(pieces(long)).toBeNull();
  });
});

describe("on a page", () => {
  it("a byline whose name a hover card repeats is one byline, and one person", () => {
    const doc = page("By Jana KolarJana Kolar");
    expect(blocks(doc)).toContain("byline: By Jana Kolar");
    expect(persons(doc)).toContain("Jana Kolar");
    expect(persons(doc).join("|")).not.toMatch(/KolarJana/);
  });

  it("an author box repeated by a hover card is one byline, and one person", () => {
    const doc = page("Jana KolarJana Kolar");
    expect(blocks(doc)).toContain("byline: Jana Kolar");
    expect(persons(doc)).toContain("Jana Kolar");
    expect(persons(doc).join("|")).not.toMatch(/KolarJana/);
  });

  it("a name glued to a timestamp is a byline, and the timestamp dates the page", () => {
    const doc = page("Jana KolarJana KolarMonday, 4 March 2024, 10:20");
    expect(blocks(doc)).toContain("byline: Jana Kolar");
    expect(doc.published).toBe("2024-03-04");
    expect(persons(doc).join("|")).not.toMatch(/Monday|KolarJana/);
  });

  it("a capitalised name glued to a weekday", () => {
    const doc = page("OKSANA MELNYKSaturday, 7 January 2023, 19:20");
    expect(blocks(doc)).toContain("byline: OKSANA MELNYK");
    expect(doc.published).toBe("2023-01-07");
  });

  it("skip links and 'AD' markers go; a related-article link stays a block of its own (its names count, as the gold counts them)", () => {
    const doc = ingestText(
      "p.txt",
      [
        "Skip to main contentSkip to navigation",
        "Valdoria sanctions Ruritanian officials",
        "Valdoria imposed sanctions on three Ruritanian officials on Monday, the foreign ministry said in a statement.",
        "AD",
        "The measures freeze their assets and bar them from entering the country, the ministry said.",
        "Find out more: Ruritania recalls its ambassador",
        "Explore: Valdoria's border talks stall",
        "more Wire Service news",
        "The ministry did not name the officials.",
      ].join("\n\n"),
    );
    expect(blocks(doc).join("\n")).not.toMatch(/Skip|^[a-z]+: AD$/m);
    expect(blocks(doc)[0]).toBe("headline: Valdoria sanctions Ruritanian officials");
    expect(blocks(doc).filter((b) => b.endsWith(": Find out more: Ruritania recalls its ambassador"))).toHaveLength(1);
  });

  it("photo credits keep the caption a caption: glued ('…on MondayImage: Jana Kolar/dpa') or in brackets", () => {
    const doc = ingestText(
      "p.txt",
      [
        "Valdoria sanctions Ruritanian officials",
        "Relatives of the officials protested outside the ministry in Port Elm on MondayImage: Jana Kolar/dpa/picture alliance",
        "Soldiers patrol a street in the capital on March 3 [Pavel Orlik/Reuters]",
        STORY,
      ].join("\n\n"),
    );
    expect(doc.blocks.filter((b) => b.kind === "caption")).toHaveLength(2);
  });

  it("a picture's alt text and caption above the headline do not take its place", () => {
    const doc = ingestText(
      "p.txt",
      ["Foreign minister of Valdoria Jan Holm.", "Valdoria's foreign minister, Jan Holm, in Port Elm. Photograph: Pavel Orlik/Wire", "Valdoria sanctions Ruritanian officials", STORY].join("\n\n"),
    );
    expect(doc.title).toBe("Valdoria sanctions Ruritanian officials");
  });

  it("an outlet's staff credit is a byline of the outlet's name, never a person 'X Staff'", () => {
    for (const credit of ["By Valdoria Herald Staff", "By Valdoria Herald News Desk"]) {
      const doc = page(credit);
      expect(blocks(doc)).toContainEqual(expect.stringMatching(/^byline: (By )?Valdoria Herald$/));
      expect(persons(doc).join("|")).not.toMatch(/Staff|Desk|Herald/);
    }
  });

  it("every block points into the unchanged text", () => {
    const text = ["Jana KolarJana KolarMonday, 4 March 2024, 10:20", "Valdoria sanctions Ruritanian officials", STORY].join("\n\n");
    const doc = ingestText("p.txt", text);
    expect(doc.text).toBe(text);
    for (const b of doc.blocks) expect(text.indexOf(doc.text.slice(b.start, b.end), b.start)).toBe(b.start);
    for (const s of doc.sentences) expect(doc.blocks.some((b) => s.start >= b.start && s.end <= b.end)).toBe(true);
  });

  it("a byline whose 'and' lost its space gives both names, and no person of the glued run", () => {
    const doc = page("By Maren Dulkaand Tomas Reiter");
    expect(persons(doc)).toEqual(expect.arrayContaining(["Maren Dulka", "Tomas Reiter"]));
    expect(persons(doc).join("|")).not.toMatch(/Dulkaand/);
    const cut = (line: string) => gluedConjunction(line, 0, line.length)?.map((s) => line.slice(s.start, s.end)) ?? null;
    expect(cut("By Maren Dulkaand Tomas Reiter")).toEqual(["By Maren Dulka", "Tomas Reiter"]);
  });

  it.each(["By Maren Roland Tomas Reiter", "By Maren Dulka and Tomas Reiter", "By Maren Island Tomas Reiter", "By Valdoria Herald Staff"])("leaves the byline '%s' whole", (line) =>
    expect(gluedConjunction(line, 0, line.length)).toBeNull(),
  );
});

