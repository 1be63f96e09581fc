// Post shapes read on real published pages (eighth session), written here as invented sentences:
// "Norway's deputy Prime Minister X" is a deputy's post (never the prime minister's), and "the
// spokesman for the Department of Trade X" (no comma before the name) is that body's spokesman, and
// "Ministry of Foreign Affairs Spokesperson X" is the ministry's spokesperson (a body's name ends with no "of").
import { describe, expect, it } from "vitest";
import { annotateText, roleLines } from "./annotate-helpers.ts";

const roles = (text: string) => roleLines(annotateText(text));

describe("a lower-case rank word before a capitalised post", () => {
  it("keeps 'deputy' in the post, with the owner before it", () => {
    const found = roles("Norway's deputy Prime Minister Jan Roe and Swedish deputy Foreign Minister Karl Vesi also spoke.");
    expect(found).toContain("Jan Roe | deputy Prime Minister | Norway");
    expect(found).toContain("Karl Vesi | deputy Foreign Minister | Sweden");
    expect(found.filter((line) => / \| (?:Prime|Foreign) Minister \| /.test(line))).toEqual([]);
  });
});

describe("a lower-case post of a body right before the name", () => {
  it("reads 'the spokesman for the Department of Trade NAME' with no comma", () => {
    const found = roles("The spokesman for the Department of Trade Tom Berg told reporters on Tuesday that there was no deal. A spokeswoman for the Ministry of Fisheries Anna Lind said the ban would stay.");
    expect(found).toContain("Tom Berg | spokesman | Department of Trade");
    expect(found).toContain("Anna Lind | spokeswoman | Ministry of Fisheries");
  });
});

describe("a body's name with an 'of' portfolio before a capitalised post", () => {
  it("keeps the portfolio in the body: 'Ministry of Foreign Affairs Spokesperson NAME'", () => {
    const found = roles("Ministry of Foreign Affairs Spokesperson Anna Lind gave a written response to the post. Minister of Foreign Affairs Jan Roe said nothing.");
    expect(found).toContain("Anna Lind | Spokesperson | Ministry of Foreign Affairs");
    expect(found).toContain("Jan Roe | Minister of Foreign Affairs | -");
  });
});
