import { describe, expect, it } from "vitest";
import { annotateText, kindOf, roleLines } from "./annotate-helpers.ts";

describe("ranks after a lower-case post", () => {
  it("takes the post before the rank ('rebel spokesman Colonel X')", () => {
    const a = annotateText("The rebel spokesman Colonel Tomas Varga said the army would stay.");
    expect(roleLines(a)).toEqual(["Tomas Varga | spokesman | -"]);
  });

  it("takes the post before a comma and a rank ('the coup leader, General X')", () => {
    const a = annotateText("The coup leader, General Ingrid Solheim, promised elections.");
    expect(roleLines(a)).toEqual(["Ingrid Solheim | leader | -"]);
  });

  it("keeps the rank as the post when nothing precedes it", () => {
    const a = annotateText("General Ingrid Solheim promised elections on Monday.");
    expect(roleLines(a)).toEqual(["Ingrid Solheim | General | -"]);
  });
});

describe("company suffixes", () => {
  it("makes a name ending in LLC, PLC or GmbH a company, not a person with a title", () => {
    const a = annotateText("Officials named Golden Harbour General Trading LLC, Nordic Star Shipping PLC and Kestrel Marine GmbH.");
    expect(kindOf(a, "Golden Harbour General Trading LLC")).toBe("organisation");
    expect(kindOf(a, "Nordic Star Shipping PLC")).toBe("organisation");
    expect(kindOf(a, "Kestrel Marine GmbH")).toBe("organisation");
    expect(a.roles).toEqual([]);
  });
});
