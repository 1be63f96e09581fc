import { describe, expect, it } from "vitest";
import { annotateText, entityNamed, roleLines } from "./annotate-helpers.ts";

describe("a state's body named with a possessive", () => {
  it("makes \"Norway's foreign ministry\" the Norwegian foreign ministry and keeps Norway", () => {
    const a = annotateText("Norway's foreign ministry condemned the move on Friday.");
    expect(entityNamed(a, "Norwegian foreign ministry")?.kind).toBe("organisation");
    expect(entityNamed(a, "Norway")?.kind).toBe("country");
    expect(entityNamed(a, "Norwegian foreign ministry")?.names).not.toContain("foreign ministry");
  });

  it("names a capitalised body after a possessive with the state's adjective", () => {
    const a = annotateText("Later, Peru's Foreign Ministry said it agreed.");
    expect(entityNamed(a, "Peruvian Foreign Ministry")?.kind).toBe("organisation");
    // the bare words would join it to other states' ministries across articles
    expect(entityNamed(a, "Peruvian Foreign Ministry")?.names).not.toContain("Foreign Ministry");
  });
});

describe("a bare body word before a post", () => {
  it("gives 'foreign ministry spokesman X' to the foreign ministry named before", () => {
    const a = annotateText("Peru's foreign ministry condemned the move. Foreign ministry spokesman Tomas Varga said it was illegal.");
    expect(roleLines(a)).toContain("Tomas Varga | spokesman | Peruvian foreign ministry");
  });

  it("also after a comma, and not when no such body was named", () => {
    const a = annotateText("The Chilean foreign ministry protested. A foreign ministry spokeswoman, Ingrid Solheim, said so.");
    expect(roleLines(a)).toContain("Ingrid Solheim | spokeswoman | Chilean foreign ministry");
    const b = annotateText("A foreign ministry spokeswoman, Ingrid Solheim, said so.");
    expect(roleLines(b)).toEqual(["Ingrid Solheim | spokeswoman | -"]);
  });
});
