// More general shapes of unseen pages, on invented sentences: places as modifiers of premises, places
// governed by a post ("Governor of X"), compound names with "-e", bodies named in brackets after their
// lower-case description, portfolios listed with commas in a body's name, "The Rt Hon", a spelled-out
// body on a line of its own, "a.k.a." names in designation lists.
import { describe, expect, it } from "vitest";
import { annotate } from "../../src/extract/annotate.ts";
import { ingestText } from "../../src/ingest/index.ts";
import { annotateText, entityNamed, kindOf, roleLines } from "./annotate-helpers.ts";

const names = (a: ReturnType<typeof annotateText>, kind: string) => a.entities.filter((e) => e.kind === kind).map((e) => e.name);
const page = (...paras: string[]) => annotate(ingestText("t.txt", ["Ministers meet as regional tensions rise over trade", "The council met on Monday and agreed on new measures, officials said.", ...paras].join("\n\n")));

describe("a place's name qualifying premises", () => {
  it.each([
    ["Among them is Nigel Ash, a partner at a Kelmore law firm.", "Kelmore"],
    ["He bought a Belgravia mansion in 2019.", "Belgravia"],
    ["A tanker is docked at the El Tarro refinery near the coast.", "El Tarro"],
    ["The money went through a Varnholt property agency.", "Varnholt"],
  ])("%s", (sentence, place) => {
    const a = annotateText(sentence);
    expect(kindOf(a, place)).toBe("place");
    expect(names(a, "person")).not.toContain(place);
  });

  it("leaves the owner of premises and a firm named by itself alone", () => {
    const a = annotateText("The Varrow hotel group and the Acme firm declined to comment.");
    expect(names(a, "place")).toEqual([]);
  });
});

describe("the place a post governs", () => {
  it("reads the place after 'Governor of', 'Mayor of', with '-e' compound names", () => {
    const a = page("Dara VENN, Governor of Shahr-e Tavan", "Olek Marr, the Mayor of Brivna, was also listed.");
    expect(names(a, "place")).toEqual(expect.arrayContaining(["Shahr-e Tavan", "Brivna"]));
    expect(names(a, "person")).toEqual(expect.arrayContaining(["Dara Venn", "Olek Marr"]));
  });

  it("keeps a body after 'Governor of' a body, and a person after the place a person", () => {
    const a = annotateText("The Governor of the Central Bank of Norland met Governor of Karsk Jon Doe.");
    expect(names(a, "place")).not.toContain("Central Bank of Norland");
    expect(names(a, "place").join("|")).not.toMatch(/Jon|Doe/);
  });
});

describe("bodies", () => {
  it("a bracketed name after a body's lower-case description is the body", () => {
    const a = annotateText("The council sanctioned the religious police (Gasht-e Kavir) and the state broadcaster (Sedaye Noor). The secret service (Dara Venn) denied it.");
    expect(kindOf(a, "Gasht-e Kavir")).toBe("organisation");
    expect(kindOf(a, "Sedaye Noor")).toBe("organisation");
    expect(kindOf(a, "Dara Venn")).toBe("person");
  });

  it("portfolios listed with commas after a label's colon are one body; 'The Rt Hon' is no body", () => {
    const a = page("From: Foreign, Trade & Development Office and The Rt Hon Jane Roe MP", "The Rt. Hon. Jon Doe spoke.");
    expect(entityNamed(a, "Foreign, Trade & Development Office")?.kind).toBe("organisation");
    expect(names(a, "organisation")).not.toContain("Foreign");
    expect(names(a, "organisation").join("|")).not.toMatch(/\bRt\b|RT/);
    expect(names(a, "person")).toEqual(expect.arrayContaining(["Jane Roe", "Jon Doe"]));
  });

  it("a spelled-out body on a line of its own (a sender, a signature) counts, though the line is title case", () => {
    const a = page("Publisher:", "Federal Department of Coastal Affairs", "Ministry of Justice and Public Security");
    expect(names(a, "organisation")).toEqual(expect.arrayContaining(["Federal Department of Coastal Affairs", "Ministry of Justice and Public Security"]));
  });

  it("an adjective opening a sentence before a body's head word is the body's; a quantifier is not", () => {
    const a = annotateText("Federal Department officials met. Several Ministry officials left.");
    expect(names(a, "organisation")).toContain("Federal Department");
    expect(names(a, "organisation").join("|")).not.toMatch(/Several/);
  });
});

describe("other names of a listed person", () => {
  it("a name after 'a.k.a.', 'aka' or 'also known as' is the same person's, and the line's post is that person's", () => {
    const a = page(
      "The following persons are listed:",
      "- Tomas VIRKKUNEN (a.k.a. Tomas Virkunen), Commander of the Coastal Guard",
      "- Edda HALVORSEN, a.k.a. Edda Halvorsena, Deputy Minister of Finance",
      "- Pavo LINNALA (aka Pavel Linnala), head of the Central Licensing Board",
      "Marek Sova, also known as Marek Sowa, runs the Harbour Trust.",
    );
    const persons = a.entities.filter((e) => e.kind === "person");
    expect(persons.map((e) => e.name).sort()).toEqual(["Edda Halvorsen", "Marek Sova", "Pavel Linnala", "Tomas Virkkunen"].sort());
    expect(entityNamed(a, "Tomas Virkkunen")?.names).toContain("Tomas Virkunen");
    expect(entityNamed(a, "Edda Halvorsen")?.names).toContain("Edda Halvorsena");
    expect(entityNamed(a, "Marek Sova")?.names).toContain("Marek Sowa");
    const roles = roleLines(a);
    expect(roles).toContain("Tomas Virkkunen | Commander of the Coastal Guard | Coastal Guard");
    expect(roles.some((r) => r.startsWith("Edda Halvorsen | Deputy Minister of Finance"))).toBe(true);
    expect(roles).toContain("Pavel Linnala | head | Central Licensing Board");
  });

  it("'a.k.a.' ends no sentence and names no body", () => {
    const a = annotateText("The hacker Ivo Marek, a.k.a. Lantern, was named. Ivo Marek denied it.");
    expect(a.tokens.filter((t) => /^a\.k\.a\.$/.test(t.text)).map((t) => t.cap)).toEqual([false]);
    expect(a.entities.map((e) => e.name).join("|")).not.toMatch(/a\.k\.a|A\.K\.A/i);
  });
});

describe("places by their neighbours", () => {
  it.each([
    ["A drone hit a warehouse in the Dorvan district of Melnik.", "Melnik"],
    ["Protesters gathered in central Tavria on Sunday.", "Tavria"],
    ["The convoy travelled from Bresk to Varno overnight.", "Varno"],
    ["Crowds marched to Marinsky Park.", "Marinsky Park"],
    ["The Meridian Gas Field lies offshore.", "Meridian Gas Field"],
  ])("%s", (sentence, place) => expect(kindOf(annotateText(sentence), place)).toBe("place"));

  it("a person whose family name ends like a landmark stays a person", () => {
    const a = annotateText("Sally Field and Fiona Hill spoke at the meeting.");
    expect(kindOf(a, "Sally Field")).toBe("person");
    expect(kindOf(a, "Fiona Hill")).toBe("person");
  });
});

describe("one-letter typos of a named person", () => {
  it("merges a full name or a family name one letter away when nothing else fits, keeping the first spelling", () => {
    const a = annotateText("Maren Dulkavic, the envoy, spoke first. Later Maren Dulkavik repeated it, and Dulkavich added a warning.");
    const persons = a.entities.filter((e) => e.kind === "person");
    expect(persons.map((e) => e.name)).toEqual(["Maren Dulkavic"]);
    expect(persons[0].names).toEqual(expect.arrayContaining(["Maren Dulkavik", "Dulkavich"]));
  });

  it("reads 'the Dulkavics' as the family, no typo of the person's name", () => {
    const a = annotateText("Maren Dulkavic, the envoy, spoke first. Sanctions hit the Dulkavics and two firms.");
    expect(entityNamed(a, "Maren Dulkavic")?.names).not.toContain("Dulkavics");
  });

  it("keeps apart short family names and persons with other first names", () => {
    const a = annotateText("Jon Bell and Jon Bull met. Ana Korvel and Ivo Korvek spoke.");
    const persons = a.entities.filter((e) => e.kind === "person").map((e) => e.name);
    expect(persons).toEqual(expect.arrayContaining(["Jon Bell", "Jon Bull", "Ana Korvel", "Ivo Korvek"]));
  });
});

describe("names of English words and agencies in datelines", () => {
  it("a body named with English words is a body where it speaks or a person is 'of' it, even opening a sentence", () => {
    const a = page("Jana Lutz of Open Door spoke on Monday.", "Open Door said it would appeal.");
    expect(kindOf(a, "Open Door")).toBe("organisation");
    expect(a.entities.filter((e) => e.kind === "person").map((e) => e.name)).toEqual(["Jana Lutz"]);
  });

  it("the agency in brackets in a dateline of its own line is an organisation, though its words are English", () => {
    const a = annotate(ingestText("t.txt", "Beijing hits back at US over sanctions\n\nBEIJING, Aug 10 (Meridian Wire) - China said on Monday it will impose sanctions on 11 people.\n\nThe move follows US sanctions, officials said.\n"));
    expect(kindOf(a, "Meridian Wire")).toBe("organisation");
  });
});

describe("bare institutional words resolved from context", () => {
  it("'its foreign ministry' after a state (or its capital) acting in the sentence is that state's ministry", () => {
    const a = annotateText("Portugal, which has long urged restraint, said through its foreign ministry that the vote was unfair. Lisbon, which abstained, said through its foreign ministry spokesman that talks must go on.");
    expect(kindOf(a, "Portuguese foreign ministry")).toBe("organisation");
  });

  it("no state's ministry when a preposition of place puts the body in the capital, or no state was named", () => {
    expect(names(annotateText("In Lisbon, the agency said through its finance ministry that talks go on."), "organisation").join("|")).not.toMatch(/Portuguese/);
    expect(names(annotateText("The company said through its foreign ministry contacts that talks go on."), "organisation")).toEqual([]);
  });
});

describe("places by what happens to them and where people come from", () => {
  it.each([
    ["Karvosk was shelled overnight.", "Karvosk"],
    ["Residents said Brasko had been bombed.", "Brasko"],
    ["Drones flew over Velmarsk on Friday.", "Velmarsk"],
    ["Refugees from Ostrana arrived on Monday.", "Ostrana"],
    ["A Tervola-born banker was named.", "Tervola"],
    ["A Marvas-registered firm was named.", "Marvas"],
    ["The Zalivsk nuclear plant was hit.", "Zalivsk"],
    ["A convoy entered Brovno at dawn.", "Brovno"],
    ["The fall of Kretsk shocked many.", "Kretsk"],
    ["Troops withdrew to Pelvo overnight.", "Pelvo"],
  ])("%s", (sentence, place) => expect(kindOf(annotateText(sentence), place)).toBe("place"));

  it("names listed before a plural noun of places are places, each of them", () => {
    const a = annotateText("Fighting raged in the Korsun and Balvin regions and in the Tavel, Orsk and Dumak provinces.");
    expect(names(a, "place")).toEqual(expect.arrayContaining(["Korsun", "Balvin", "Tavel", "Orsk", "Dumak"]));
  });

  it("a person struck by something stays a person; a maker's plant is no place", () => {
    const a = annotateText("Jane Doe was struck by a car near the Tesla car plant.");
    expect(kindOf(a, "Jane Doe")).toBe("person");
    expect(names(a, "place")).toEqual([]);
  });
});

describe("designation lists with fields on the lines after each name", () => {
  it("reads 'CODE NAME' above 'Nationality:' as a person, and 'A. Individuals' as a heading", () => {
    const a = page(
      "A. Individuals",
      "QDi.301 TARO VELKAN\nNationality: Norland. Designation: leader of a smuggling network.",
      "QDi.302 Mira OSTVAL, a.k.a. Mira Ostvalova\nNationality: Norland. Designation: financier of the network.",
    );
    const persons = a.entities.filter((e) => e.kind === "person").map((e) => e.name);
    expect(persons.sort()).toEqual(["Mira Ostval", "Taro Velkan"]);
  });

  it("a body in apposition as 'one of the country's largest insurers' is a body", () => {
    const a = annotateText("The breach of Kestrova Health, one of the country's largest health insurers, exposed data. Jane Doe, one of the firm's founders, left.");
    expect(kindOf(a, "Kestrova Health")).toBe("organisation");
    expect(kindOf(a, "Jane Doe")).toBe("person");
  });
});
