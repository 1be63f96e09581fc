import { describe, expect, it } from "vitest";
import { annotateText, entityNamed, kindOf } from "./annotate-helpers.ts";

describe("names and kinds", () => {
  it("finds persons from titles, speech verbs and given names", () => {
    const a = annotateText("Finance Minister Tomas Varga met bankers on Friday. Varga said the talks went well.\n\nLater, Ingrid Solheim told reporters that she was pleased.");
    expect(kindOf(a, "Tomas Varga")).toBe("person");
    expect(entityNamed(a, "Tomas Varga")?.names).toContain("Varga");
    expect(kindOf(a, "Ingrid Solheim")).toBe("person");
  });

  it("types organisations by their head word and keeps connectors inside the name", () => {
    const a = annotateText("The Institute for Baltic Security Studies published a report. The Ministry of Trade and Industry disagreed.");
    expect(kindOf(a, "Institute for Baltic Security Studies")).toBe("organisation");
    expect(kindOf(a, "Ministry of Trade and Industry")).toBe("organisation");
  });

  it("gives states their ISO code and joins their aliases", () => {
    const a = annotateText("The U.S. and Brazil signed a deal. The United States said it would follow up.");
    const us = entityNamed(a, "United States");
    expect(us?.kind).toBe("country");
    expect(us?.iso3).toBe("USA");
    expect(us?.names).toEqual(expect.arrayContaining(["U.S.", "United States"]));
    expect(entityNamed(a, "Brazil")?.iso3).toBe("BRA");
  });

  it("reads a capital as its state when it acts and as a place after a location preposition", () => {
    const a = annotateText("Ankara and Athens agreed to resume talks. The meeting took place in Ankara on Tuesday.");
    expect(a.entities.find((e) => e.iso3 === "TUR")?.names).toContain("Ankara");
    expect(a.entities.find((e) => e.kind === "place" && e.name === "Ankara")).toBeDefined();
    expect(entityNamed(a, "Greece")?.names).toContain("Athens");
  });

  it("links a demonym to its state without making it a name", () => {
    const a = annotateText("Norwegian officials rejected the plan.");
    const no = entityNamed(a, "Norway");
    expect(no?.kind).toBe("country");
    expect(no?.names).not.toContain("Norwegian");
    expect(a.mentions.some((m) => m.via === "demonym" && m.surface === "Norwegian")).toBe(true);
  });

  it("takes a bracketed acronym as an alias of the organisation before it", () => {
    const a = annotateText("The Arctic Fisheries Council (AFC) met in Oslo. The AFC said quotas would fall.");
    expect(entityNamed(a, "Arctic Fisheries Council")?.names).toContain("AFC");
  });

  it("does not take sentence-initial common words or title-case headlines for names", () => {
    const a = annotateText("Leaders Vow Stronger Trade Ties After Summit In Lisbon\n\nMeanwhile, prices rose. Talks in Lima ended without a deal.");
    expect(a.entities.map((e) => e.name)).not.toContain("Meanwhile");
    expect(a.entities.map((e) => e.name)).not.toContain("Leaders Vow Stronger Trade Ties");
    expect(kindOf(a, "Lima")).toBe("place");
  });

  it("reads an all-caps dateline city as a place", () => {
    const a = annotateText("NAIROBI, Feb 3 (Reuters) - Kenya's parliament approved the budget.");
    expect(a.entities.find((e) => e.kind === "place" && e.name === "Nairobi")).toBeDefined();
    expect(kindOf(a, "Reuters")).toBe("organisation");
  });
});

describe("organisation cues and non-names", () => {
  it("reads organisations from the noun before or after them and from coordination", () => {
    const a = annotateText("Shares of shipping giant Veltra fell after sanctions on Korvex and Daltrum, a Cypriot trading firm.");
    expect(kindOf(a, "Veltra")).toBe("organisation");
    expect(kindOf(a, "Daltrum")).toBe("organisation");
    expect(kindOf(a, "Korvex")).toBe("organisation");
  });

  it("does not take documents and events for organisations or persons", () => {
    const a = annotateText("Delegates cited the Lisbon Agreement and Security Council Resolution 1540 at the Geneva Summit.");
    const names = a.entities.map((e) => e.name);
    expect(names).not.toContain("Lisbon Agreement");
    expect(names).not.toContain("Portugal");
    expect(names.some((n) => n.includes("Resolution"))).toBe(false);
  });

  it("splits hyphenated pairs of states", () => {
    const a = annotateText("The Kenya-Uganda border reopened. Brazilian-Argentine trade grew.");
    for (const iso of ["KEN", "UGA", "BRA", "ARG"]) expect(a.entities.some((e) => e.iso3 === iso)).toBe(true);
  });

  it("reads informal groupings and seats of power", () => {
    const a = annotateText("Leaders at the G20 meeting heard that the Kremlin had rejected the plan.");
    expect(entityNamed(a, "G20")?.kind).toBe("organisation");
    expect(entityNamed(a, "Russia")?.names).toContain("Kremlin");
  });
});

describe("weak cues", () => {
  it("reads a bare surname of a known office holder as a person", () => {
    const a = annotateText("Erdogan met Orban on the sidelines.");
    expect(kindOf(a, "Erdogan")).toBe("person");
    expect(kindOf(a, "Orban")).toBe("person");
  });

  it("does not take 'to X' for a place unless X is a destination", () => {
    const a = annotateText("The minister wrote to Fennrick about the contract, then flew to Doravia.");
    expect(kindOf(a, "Fennrick")).toBeUndefined();
    expect(kindOf(a, "Doravia")).toBe("place");
  });

  it("reads a language after 'in' as no state", () => {
    const a = annotateText("The statement was issued in Portuguese.");
    expect(a.entities.some((e) => e.iso3 === "PRT")).toBe(false);
  });
});

describe("longer organisation names", () => {
  it("joins 'and' and 'of' inside a body's name that ends in a head word", () => {
    const a = annotateText("Sanctions hit the Ferrow Mining and Smelting Corps (FMSC) and the Friends of Arctic Peace Foundation.");
    expect(entityNamed(a, "Ferrow Mining and Smelting Corps")?.names).toContain("FMSC");
    expect(kindOf(a, "Friends of Arctic Peace Foundation")).toBe("organisation");
  });

  it("takes no name from adjectives made of names", () => {
    const a = annotateText("The Oslo-based group and the Kremlin-backed media disagreed.");
    expect(a.entities.some((e) => /-based|-backed/.test(e.name))).toBe(false);
  });
});

describe("names owned by states", () => {
  it("reads an unknown name after a state's possessive as an organisation", () => {
    const a = annotateText("Norway's Veltrix signed the deal.");
    expect(kindOf(a, "Veltrix")).toBe("organisation");
  });
});

describe("acronyms and case", () => {
  it("matches listed acronyms only when written in capitals", () => {
    const a = annotateText("Who will pay? The WHO said the bill would fall on us.");
    expect(a.entities.filter((e) => e.kind === "organisation").map((e) => e.names).flat()).toEqual(expect.arrayContaining(["WHO"]));
    expect(a.mentions.some((m) => m.surface === "Who" || m.surface === "us")).toBe(false);
  });
});

describe("inverted attribution", () => {
  it("reads '\"...,\" said X' as a person even when X's first name is an English word", () => {
    const a = annotateText("\"This matters,\" said Hope Brannigan, a historian.");
    expect(kindOf(a, "Hope Brannigan")).toBe("person");
  });
});

describe("places by their head word", () => {
  it("reads 'X Islands', 'Gulf of X' and 'X Oblast' as places", () => {
    const a = annotateText("Patrols near the Varnak Islands and the Gulf of Sorrel worried officials in Dorvetsk Oblast.");
    for (const n of ["Varnak Islands", "Gulf of Sorrel", "Dorvetsk Oblast"]) expect(kindOf(a, n)).toBe("place");
  });
});
