// "Peru's Foreign Ministry", "Chile's foreign ministry": a state's body is one organisation, labelled
// with the state's adjective; the words the text itself used stay one of its names, so a reader (or
// a query) searching the page's own wording finds it. Invented texts.
import { describe, expect, it } from "vitest";
import { annotateText } from "./annotate-helpers.ts";

const body = (a: ReturnType<typeof annotateText>, label: string) => a.entities.find((e) => e.kind === "organisation" && e.name === label);

describe("a state's body named with a possessive", () => {
  it("keeps 'Peru's Foreign Ministry' as a name of the body labelled 'Peruvian Foreign Ministry'", () => {
    const a = annotateText("Peru's Foreign Ministry said on Monday that the talks would go on.");
    expect(body(a, "Peruvian Foreign Ministry")?.names).toEqual(["Peruvian Foreign Ministry", "Peru's Foreign Ministry"]);
  });

  it("keeps the lower-case 'Chile's foreign ministry' too, curly apostrophe as written", () => {
    const a = annotateText("Chile\u2019s foreign ministry summoned the envoy.");
    expect(body(a, "Chilean foreign ministry")?.names).toContain("Chile\u2019s foreign ministry");
  });

  it("adds no such name where the text names the body with the adjective itself", () => {
    const a = annotateText("The Peruvian Foreign Ministry said on Monday that the talks would go on.");
    expect(body(a, "Peruvian Foreign Ministry")?.names).toEqual(["Peruvian Foreign Ministry"]);
  });
});
