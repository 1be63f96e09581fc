// Entity shapes of unseen real pages (ninth session): a month's short form in a dateline, states
// hyphened to a dotted acronym, agencies credited together or on a page's source line, states named
// only by their adjective. Invented names and texts throughout.
import { describe, expect, it } from "vitest";
import { ingestText } from "../../src/ingest/index.ts";
import { extract } from "../../src/extract/index.ts";
import { annotateText, entityNamed, kindOf, namesOfKind as names } from "./annotate-helpers.ts";
import { annotate } from "../../src/extract/annotate.ts";

const page = (text: string) => annotate(ingestText("t.txt", text));
const extracted = (body: string) => extract(ingestText("t.txt", `Ministers meet as regional tensions rise over trade\n\n${body}`));

describe("a month's short form with its full stop", () => {
  it.each(["Jan. 30", "Mar. 4", "Dec. 12"])("reads 'TARVOS, %s (Agency) --' as a date, not a person", (date) => {
    const a = page(`Envoys hold talks over the launch\nTARVOS, ${date} (Nordwire) -- The envoy of Norland held phone talks on Sunday.\nThe ministry said more.`);
    expect(names(a, "person")).toEqual([]);
    expect(names(a, "place")).toContain("Tarvos");
  });

  it("keeps a given name that is also a month's short form ('Jan Veldt')", () => {
    expect(names(annotateText("Envoy Jan Veldt spoke on Jan. 3 in Tarvos."), "person")).toEqual(["Jan Veldt"]);
  });
});

describe("states hyphened to a dotted acronym", () => {
  it.each([
    ["the South Korea-U.S. alliance", ["South Korea", "United States"]],
    ["Russia-U.S. ties", ["Russia", "United States"]],
    ["the United Kingdom-U.S. talks", ["United Kingdom", "United States"]],
  ])("reads '%s' as two states and no organisation", (phrase, states) => {
    const a = annotateText(`Officials said ${phrase} were strong, the ministry said.`);
    expect(names(a, "country")).toEqual(expect.arrayContaining(states));
    expect(names(a, "organisation")).toEqual([]);
  });
});

describe("agencies credited by a caption or a page's source line", () => {
  it("reads 'AGENCY-Agency' closing a caption as two agencies", () => {
    const a = annotateText("Minister Anna Berg speaks in Tarvos on Friday, May 3, 2019. AP-Yonhap");
    expect(names(a, "organisation")).toEqual(expect.arrayContaining(["Associated Press", "Yonhap"]));
  });

  it("reads the outlet a 'Source:' line credits, a known one or an acronym", () => {
    const known = page("Ministers condemn the launch\n\nThe ministers condemned the launch on Friday, the ministry said.\n\nSource: Yonhap News Agency\n\nscroll to top\n");
    expect(kindOf(known, "Yonhap")).toBe("organisation");
    const acronym = page("Norland surprised by new sanctions\n\nThe ministry said the decision was regrettable, the spokeswoman said.\n\nSource: NRW\n");
    expect(names(acronym, "organisation")).toEqual(["NRW"]);
  });

  it("reads no sentence after 'Source:' as a credit", () => {
    const a = page("Norland surprised by new sanctions\n\nThe ministry said the decision was regrettable.\n\nSource: Officials in Tarvos said the talks will resume next week.\n");
    expect(names(a, "organisation")).toEqual([]);
  });
});

describe("states named only by their adjective", () => {
  it("lists no state for people named by their nationality ('two Norlanders, one Vestrian')", () => {
    const x = extracted("On Tuesday, restrictions were put on two Iranians, one Lebanese and one Iraqi, as well as a firm in Tarvos. North Korean workers were hired there.");
    expect(names(x, "country")).toEqual([]);
  });

  it("keeps a state whose adjective gives a post's organisation, or names its government or troops", () => {
    const x = extracted("Lebanese Foreign Minister Omar Haddad met the press. Oil went to the Syrian government, and Armenian troops crossed the river.");
    expect(names(x, "country")).toEqual(expect.arrayContaining(["Lebanon", "Syria", "Armenia"]));
  });

  it("keeps a state named once by name and once by adjective", () => {
    const x = extracted("Iran rejected the claims. Two Iranians were listed.");
    expect(names(x, "country")).toEqual(["Iran"]);
  });
});

describe("firms by their legal form", () => {
  it.each(["Barsa OOO", "Telmar AO", "Dorvik CJSC", "Kastel PSC", "Alvar SAL", "Rendo Trading S.A.", "Velda Pte"])("reads '%s' as a company", (firm) => {
    const a = annotateText(`The listed firms include ${firm}, the ministry said.`);
    expect(names(a, "organisation")).toEqual([firm]);
  });

  it("parts two firms joined by 'and' after a legal form", () => {
    const a = annotateText("Sanctions hit Rendo Trading S.A. and Arkada Holding GmbH on Monday.");
    expect(names(a, "organisation")).toEqual(["Rendo Trading S.A.", "Arkada Holding GmbH"]);
  });

  it("keeps 'Co. Ltd.' one firm's name", () => {
    const a = annotateText("Sanctions hit Vostel Co. Ltd. and Kestrel Trading Co., Ltd. on Monday.");
    expect(names(a, "organisation")).toEqual(["Vostel Co. Ltd", "Kestrel Trading Co., Ltd"]);
  });

  it("reads a firm's first word alone as the firm, even where it acts like a person", () => {
    const a = annotateText("The regulator fined Kastelbank PSC on Monday. Kastelbank said it would pay.");
    expect(names(a, "organisation")).toEqual(["Kastelbank PSC"]);
    expect(names(a, "person")).toEqual([]);
  });
});

describe("a platform's page", () => {
  it("reads the platform of 'her X page' as a body", () => {
    expect(kindOf(annotateText("Anna Berg wrote on her Chirper page that the move was wrong."), "Chirper")).toBe("organisation");
  });
});

describe("a post's words after 'at'", () => {
  it("reads 'Ambassador at Large' as a post, not a place", () => {
    const a = annotateText("Ambassador at Large for Religious Freedom Sam Vell spoke, as did Senator Ted Cruz.");
    expect(names(a, "place")).toEqual([]);
  });
});

describe("bodies named beside other words", () => {
  it("reads a capital's possessive body as its state's body ('Tarvos's foreign ministry' for Norland's capital)", () => {
    const a = annotateText("The talks ended, Seoul's foreign ministry said. Tokyo's Foreign Ministry agreed.");
    expect(names(a, "organisation")).toEqual(["South Korean foreign ministry", "Japanese Foreign Ministry"]);
    expect(entityNamed(a, "Seoul's foreign ministry")?.kind).toBe("organisation");
  });

  it("reads the words a list is named by as no body ('the Vested Parties (VP) List')", () => {
    const a = annotateText("The firms were put on the Vested Parties (VP) List, the ministry said. The Nordic Trade Council (NTC) agreed.");
    expect(names(a, "organisation")).toEqual(["Nordic Trade Council"]);
  });

  it("reads a council's resolutions as the council's, not a body", () => {
    const a = annotateText("The transfers violate UN Security Council Resolutions (UNSCR), officials said.");
    expect(names(a, "organisation")).toEqual(["United Nations Security Council"]);
  });

  it.each(["the Arvex foreign economic trade company", "the Norvik state arms exporter"])("reads '%s' as a firm", (phrase) => {
    const a = annotateText(`Among those listed is ${phrase}, the ministry said.`);
    expect(names(a, "organisation")).toEqual([phrase.split(" ")[1]]);
  });

  it("reads 'Speaker National Assembly X' and 'Chairman Senate Y' as a post, its body and the holder", () => {
    const a = annotateText("He will call on the Speaker National Assembly Omar Haddad and the Chairman Senate Tom Vell.");
    expect(names(a, "organisation")).toEqual(["National Assembly", "Senate"]);
    expect(names(a, "person")).toEqual(["Omar Haddad", "Tom Vell"]);
  });

  it("reads the acronym before a summit as the body that holds it", () => {
    const a = annotateText("They met on the sidelines of the NORDEC Summit in Tarvos.");
    expect(names(a, "organisation")).toEqual(["NORDEC"]);
  });

  it("reads an outlet that reports citing a source", () => {
    expect(kindOf(annotateText("The minister spoke on Friday, Lantern reports citing the ministry."), "Lantern")).toBe("organisation");
  });
});

describe("a nickname in quotes inside a person's name", () => {
  it.each(["Omar Saleh “Falcon” Haddad", "Viktor 'The Bull' Orlan", 'Anna "Red" Berg'])("reads '%s' as one person, named without the nickname", (written) => {
    const a = annotateText(`The sanctions follow those on ${written}, who leads the group. ${written.split(" ").pop()} denied it.`);
    expect(names(a, "person")).toEqual([written.replace(/\s[“"'][^”"']+[”"']/, "")]);
  });

  it("keeps a quoted word after a person's name out of it", () => {
    const a = annotateText('Anna Berg said "Tarvos" was hit on Friday.');
    expect(names(a, "person")).toEqual(["Anna Berg"]);
  });
});
