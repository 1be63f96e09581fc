// Words that real pages use otherwise than our lists read them: "d'" inside a state's name, a listed
// town's name in capitals as a body's acronym, "the Centre" as a body's short name, a capitalised English
// word after "in", the last word of a state's name after a post, a caption's credit word after a name.
// Invented persons, bodies and towns throughout.
import { describe, expect, it } from "vitest";
import { annotateText, namesOfKind as names } from "./annotate-helpers.ts";

describe("a state's name with d' inside", () => {
  it.each([
    "The summit was held in Cote d'Ivoire on Friday.",
    "The summit was held in Cote d’Ivoire on Friday.",
    "Côte d'Ivoire rejected the measures.",
    "Leaders met in Abidjan, Côte d’Ivoire, on Friday.",
  ])("reads the state in '%s' and no person", (text) => {
    const a = annotateText(text);
    expect(names(a, "country")).toEqual(["Ivory Coast"]);
    expect(names(a, "person")).toEqual([]);
  });

  it("keeps d' inside a person's name", () => {
    expect(names(annotateText("Marc Velan d'Arvo said it would not last."), "person")).toEqual(["Marc Velan d'Arvo"]);
  });
});

describe("a listed place's word used otherwise", () => {
  it("reads a short name in capitals as an acronym, not the town spelled so", () => {
    const a = annotateText("The list was sent by the Varden Commerce Authority (ABA) to the press.");
    expect(names(a, "place")).toEqual([]);
    expect(names(a, "organisation")).toEqual(["Varden Commerce Authority"]);
  });

  it("keeps the town where it is written as a name", () => {
    expect(names(annotateText("Fighting was reported near Aba on Monday."), "place")).toEqual(["Aba"]);
  });

  it.each(["The Centre will continue to co-ordinate its work, the agency said.", "He said the Centre had shared the names."])(
    "reads 'the Centre' in '%s' as no region", (text) => {
      expect(names(annotateText(text), "place")).toEqual([]);
    });

  it("keeps a region named with an article as a region ('the Gulf')", () => {
    expect(names(annotateText("The tanker sailed into the Gulf on Monday."), "place")).toEqual(["Gulf"]);
  });
});

describe("a capitalised English word after 'in'", () => {
  it.each([
    "He spoke of a future in Peace and Stability for the region.",
    "The persons newly added to the list in Annex 1 to the Ordinance were named.",
    "They live in Freedom, the leader said.",
  ])("makes no place of '%s'", (text) => {
    expect(names(annotateText(text), "place")).toEqual([]);
  });

  it.each([["The talks in Reading ended.", "Reading"], ["The talks in Nice ended.", "Nice"], ["Shelling hit homes in Marvka on Monday.", "Marvka"]])(
    "keeps a city of that name and a name that is no English word: '%s'", (text, place) => {
      expect(names(annotateText(text), "place")).toEqual([place]);
    });
});

describe("a post 'of' a state whose last word could be a name", () => {
  it.each([
    "He named Omar Rahal, former Consul General of Saudi Arabia in Varna, for his role.",
    "Omar Rahal, Consul General of Saudi Arabia, said it.",
    "Omar Rahal, Ambassador of Sri Lanka, said it.",
  ])("keeps the state whole in '%s'", (text) => {
    const a = annotateText(text);
    expect(names(a, "person")).toEqual(["Omar Rahal"]);
    expect(names(a, "country")).toHaveLength(1);
  });
});

describe("a caption's credit word glued after a name", () => {
  it.each([
    ["Dara Velt was freed last week. Photo Agency / Tom Arlow Credit: Varden News", "Tom Arlow"],
    ["Spokesperson Mara Lin Photo: Ministry of Foreign Affairs", "Mara Lin"],
  ])("keeps the name without the credit word in '%s'", (text, person) => {
    const persons = names(annotateText(text), "person");
    expect(persons).toContain(person);
    expect(persons.some((p) => /Credit|Photo|Picture/.test(p))).toBe(false);
  });
});
