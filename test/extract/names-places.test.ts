import { describe, expect, it } from "vitest";
import { annotateText, entityNamed, kindOf, roleLines } from "./annotate-helpers.ts";

describe("places from their constructions", () => {
  it("reads the name before '-based' as a place", () => {
    const a = annotateText("Officials fined a Karachi-based shipping broker and a Lyon-based bank on Thursday.");
    expect(kindOf(a, "Karachi")).toBe("place");
    expect(kindOf(a, "Lyon")).toBe("place");
  });

  it("reads a capital named in apposition to 'the ... capital' as a place", () => {
    const a = annotateText("Ministers met in the Kenyan capital, Nairobi, before the vote. Nairobi said it would abstain.");
    expect(a.entities.some((e) => e.kind === "place" && e.name === "Nairobi")).toBe(true);
  });

  it("knows mountain ranges and the Gulf as places", () => {
    const a = annotateText("Tourists skied in the Andes while tankers waited in the Gulf.");
    expect(kindOf(a, "Andes")).toBe("place");
    expect(kindOf(a, "Gulf")).toBe("place");
  });
});

describe("owners after a place adjective or a possessive body", () => {
  it("skips 'the X-based' to the body that owns the post", () => {
    const a = annotateText("Tomas Varga, an analyst at the Oslo-based Nordic Policy Institute, said the plan would fail.");
    expect(roleLines(a)).toContain("Tomas Varga | analyst | Nordic Policy Institute");
  });

  it("gives the post to the inner body of 'the X's Y Centre'", () => {
    const a = annotateText("Ingrid Solheim, a fellow at the Baltic Forum's Energy Security Centre, said prices would rise.");
    expect(roleLines(a)).toContain("Ingrid Solheim | fellow | Energy Security Centre");
  });
});

describe("bodies listing portfolios with commas", () => {
  it("keeps 'the Foreign, Commonwealth and Development Office' one body with its acronym", () => {
    const a = annotateText("The order came from the Foreign, Commonwealth and Development Office (FCDO). The FCDO said so.");
    expect(a.entities.filter((e) => e.kind === "organisation").map((e) => e.name)).toEqual(["Foreign, Commonwealth and Development Office"]);
  });

  it("joins 'The Agriculture, Water and Environment Ministry' but no sentence-opening adverb", () => {
    const a = annotateText("The Agriculture, Water and Environment Ministry said so. However, Smith and Jones Office declined.");
    expect(kindOf(a, "Agriculture, Water and Environment Ministry")).toBe("organisation");
    expect(a.entities.some((e) => e.name.startsWith("However"))).toBe(false);
  });
});

describe("compass initials before a state's name", () => {
  it("reads 'N. Korea' and 'S. Korea' as the states, and keeps 'W. Smith' a person", () => {
    const a = annotateText("Talks between S. Korea and N. Korea stalled. W. Smith said so.");
    expect(entityNamed(a, "North Korea")?.names).toContain("N. Korea");
    expect(entityNamed(a, "South Korea")?.kind).toBe("country");
    expect(kindOf(a, "W. Smith")).toBe("person");
  });
});

describe("bylines and photo credits", () => {
  it("reads 'By foreign affairs reporter X' under the headline as a byline with a post", () => {
    const a = annotateText("Sanctions were announced on Monday by the government.\n\nBy foreign affairs reporter Tomas Varga\n\nThe government said so.");
    expect(kindOf(a, "Tomas Varga")).toBe("person");
    expect(roleLines(a)).toContain("Tomas Varga | foreign affairs reporter | -");
  });

  it("reads the name in '(Agency Name: Firstname Lastname)' as a person", () => {
    const a = annotateText("Officials met in the capital. (Nordic Wire: Kestrel Barrowmoor) The talks went on.");
    expect(kindOf(a, "Kestrel Barrowmoor")).toBe("person");
  });
});

describe("common words after a person's name", () => {
  it("cuts 'Purchase Licensing Rights' off a credited name and keeps three-word names", () => {
    const a = annotateText("A view of the building. REUTERS/Tomas Varga Purchase Licensing Rights\n\nMary Rose Hill said so.");
    expect(kindOf(a, "Tomas Varga")).toBe("person");
    expect(a.entities.some((e) => e.name.includes("Licensing"))).toBe(false);
    expect(kindOf(a, "Mary Rose Hill")).toBe("person");
  });
});

describe("seats named by their street", () => {
  it("reads 'leaving Downing Street' as a place and 'Downing Street said' as the body", () => {
    const a = annotateText("The prime minister was seen leaving Downing Street in London. Downing Street said nothing.");
    expect(a.entities.some((e) => e.kind === "place" && e.name === "Downing Street")).toBe(true);
    expect(a.entities.some((e) => e.kind === "organisation" && e.name === "Downing Street")).toBe(true);
  });
});
