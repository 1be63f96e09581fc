// Places by their shape and the words around them: streets and squares, buildings and seats where
// something happens, the city of a postal address. Invented texts.
import { describe, expect, it } from "vitest";
import { annotateText, entityNamed } from "./annotate-helpers.ts";

const places = (text: string) => annotateText(text).entities.filter((e) => e.kind === "place").map((e) => e.name);

describe("streets, squares and buildings", () => {
  it("reads a name ending in Street, Avenue or Square as a place wherever it stands", () => {
    expect(places("Protesters marched along Keldor Street on Friday.")).toContain("Keldor Street");
    expect(places("Police cleared the crowd on Varrow Avenue late at night.")).toContain("Varrow Avenue");
    expect(places("Thousands filled Marden Square after the vote.")).toContain("Marden Square");
  });

  it("reads 'the X building' after a preposition of where as the body's building, a place", () => {
    const a = annotateText("Protesters gathered outside the Parliament building on Friday night.");
    expect(a.entities.filter((e) => e.kind === "place").map((e) => e.name)).toEqual(["Parliament building"]);
    // the body's name alone is no name of the building
    expect(entityNamed(a, "Parliament building")?.names).not.toContain("Parliament");
  });

  it("reads a seat named by its institution ('at Parliament House', no article) as a place, a think tank's 'House' after 'at' not", () => {
    expect(places("The minister announced the measures at Parliament House in Lundmark on Tuesday.")).toContain("Parliament House");
    expect(places("She is a senior fellow at Harbour House, a think tank.")).not.toContain("Harbour House");
  });

  it("reads a palace or tower after 'the' and a preposition of movement as a place", () => {
    expect(places("The crowd moved towards the Presidential Palace.")).toContain("Presidential Palace");
    expect(places("Hundreds marched to the Liberty Tower on Sunday.")).toContain("Liberty Tower");
  });

  it("reads 'at the Presidency' as a place and 'the Presidency said' as no place", () => {
    expect(places("Speaking to reporters at the Presidency, Valdis Orn said he regretted the decision.")).toContain("Presidency");
    expect(places("The Presidency said on Monday that the talks would go on.")).not.toContain("Presidency");
  });
});

describe("postal addresses", () => {
  it("reads the city of an address line after or before its postal code", () => {
    expect(places("Press office\n\nRue de la Paix 12 - B-1000 BRUSSELS")).toContain("Brussels");
    expect(places("Media contact\n\nParliament House, Canberra ACT 2600")).toEqual(expect.arrayContaining(["Canberra", "Parliament House"]));
  });

  it("reads no place from an order's number in running text ('pursuant to E.O. 13692, as amended')", () => {
    expect(places("Today the Treasury designated, pursuant to E.O. 13692, as amended, two officials of the Norland government.")).toEqual([]);
  });
});
