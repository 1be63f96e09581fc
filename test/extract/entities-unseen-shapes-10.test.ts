// Entity shapes of unseen real pages (tenth session): a club's name, a capital's name that is a given
// name, a family named by its surname, brothers sharing one family name, a state's ministry told in
// several forms, a peninsula named by a state's adjective. Invented names and texts throughout.
import { describe, expect, it } from "vitest";
import { annotateText, entityNamed, speakerOf, statementsOf, namesOfKind as names } from "./annotate-helpers.ts";


describe("a club's name", () => {
  it.each([
    "Tom Vell was a director at Kestrel Football Club until May.",
    "Tom Vell later joined Arvo Rugby Club as its chairman.",
    "The Marrow Yacht Club said Tom Vell had left.",
    "Tom Vell, the owner of Dunmore Athletic Club, denied it.",
  ])("reads the club in '%s' as a body, not a place or a person", (text) => {
    const a = annotateText(text);
    expect(names(a, "organisation")).toHaveLength(1);
    expect(names(a, "organisation")[0]).toMatch(/Club$/);
    expect(names(a, "place")).toEqual([]);
    expect(names(a, "person")).toEqual(["Tom Vell"]);
  });
});

describe("a capital's name that is a given name, before a family name", () => {
  it.each([
    ["the arrest of the journalist and his girlfriend Sofia Marin last month", "Sofia Marin"],
    ["Under Secretary Victoria Lendl said the measures would stay", "Victoria Lendl"],
    ["a passenger jet carrying Santiago Orlan, who was detained", "Santiago Orlan"],
    ["The group also listed Sofia Tavik, a banker.", "Sofia Tavik"],
  ])("reads '%s' as a person and names no state", (text, person) => {
    const a = annotateText(`${text}.`);
    expect(names(a, "person")).toEqual([person]);
    expect(names(a, "country")).toEqual([]);
  });

  it("keeps the capital where it stands for its state or a place", () => {
    const a = annotateText("Sofia rejected the claims on Monday. The talks in Sofia ended.");
    expect(names(a, "person")).toEqual([]);
  });
});

describe("a family named by its surname", () => {
  it.each([
    "The sanctions hit the Karimov brothers, who run a bank in Tarvos.",
    "Officials also listed the Haddad sisters and their firm.",
    "The Vellan brothers denied any wrongdoing.",
    "Assets of the Orlan family were frozen on Monday.",
  ])("reads no person in '%s'", (text) => {
    expect(names(annotateText(text), "person")).toEqual([]);
  });

  it("keeps a named member of the family a person", () => {
    const a = annotateText("The sanctions hit Omar Karimov and the Karimov brothers.");
    expect(names(a, "person")).toEqual(["Omar Karimov"]);
  });
});

describe("two given names sharing one family name", () => {
  it.each([
    ["The ministry also targeted Omar and Karim Haddad, nephews of the tycoon Zoltan Vell.", ["Omar Haddad", "Karim Haddad"]],
    ["Sarvan Ilyasov ran the firm. Officials listed Sarvan and Sanjin Ilyasov on Tuesday.", ["Sarvan Ilyasov", "Sanjin Ilyasov"]],
    ["Sanctions were put on Anna and Maria Berg.", ["Anna Berg", "Maria Berg"]],
    ["Brothers Tomas and Teodor Vellan were also sanctioned.", ["Tomas Vellan", "Teodor Vellan"]],
  ])("reads '%s' as two persons", (text, persons) => {
    const a = annotateText(text);
    expect(names(a, "person")).toEqual(expect.arrayContaining(persons));
    for (const p of persons) expect(entityNamed(a, p)?.names).not.toContain(persons.find((q) => q !== p));
  });
});

describe("a state's ministry told in several forms", () => {
  it.each([
    "The Ministry of Foreign Affairs of Mongolia said on Monday it regretted the move. Mongolia's Foreign Ministry added that talks would go on.",
    "Mongolia's Foreign Ministry said on Monday it regretted the move. Later the Ministry of Foreign Affairs of Mongolia added that talks would go on.",
    "The Ministry of Foreign Affairs of Mongolia said on Monday it regretted the move. The Mongolian Foreign Ministry added that the Foreign Ministry would reply.",
  ])("reads one body in '%s'", (text) => {
    expect(names(annotateText(text), "organisation")).toHaveLength(1);
  });

  it.each([
    ["The US on Friday sanctioned Iran's ministry of intelligence for its cyber activity.", "Iran's ministry of intelligence"],
    ["Officials said Norway's ministry of defence had been told.", "Norway's ministry of defence"],
    ["Later, Japan's ministry of foreign affairs said it was concerned.", "Japan's ministry of foreign affairs"],
  ])("keeps the portfolio of '%s' in the body's name", (text, written) => {
    const a = annotateText(text);
    const body = entityNamed(a, written);
    expect(body?.kind).toBe("organisation");
  });

  it("keeps two ministries of one state apart", () => {
    const a = annotateText("Iran's ministry of intelligence was sanctioned, and Iran's Foreign Ministry condemned it.");
    expect(names(a, "organisation")).toHaveLength(2);
  });
});

describe("a peninsula named by a state's adjective", () => {
  it.each([
    ["Tensions on the Korean peninsula rose again.", "Korean peninsula"],
    ["Ships crossed to the Arabian peninsula on Monday.", "Arabian peninsula"],
    ["Drills near the Korean Peninsula were held.", "Korean Peninsula"],
  ])("reads '%s' as the peninsula, not the adjective", (text, place) => {
    const a = annotateText(text);
    expect(names(a, "place")).toEqual([place]);
  });
});

describe("a group of governments after two persons named last", () => {
  it.each(["governments", "allies", "nations"])("gives the states, not the two persons, to 'the %s announced:'", (noun) => {
    const found = statementsOf(
      "Canada, Norway and Japan condemned the arrest of the journalist Tom Vell and his girlfriend, Sofia Marin. The flight carrying Vell and Marin was forced to land.",
      `In a joint message, the ${noun} announced: "We stand together to impose costs on the regime for its disregard of its commitments."`,
    );
    expect(speakerOf(found, "We stand together")).not.toMatch(/Vell|Marin/);
  });
});

describe("acts and the journals that publish them", () => {
  it.each([
    ["The department acted pursuant to Presidential Proclamation (PP) 8015 to restrict visas.", []],
    ["Under Presidential Proclamation 9645, entry was suspended.", []],
    ["The decision was published in the Official Journal of the European Union on Friday.", ["European Union"]],
    ["The list appears in the Official Journal of the EU.", ["European Union"]],
    ["The decree was printed in the Official Gazette on Monday.", []],
  ])("reads no body but the publisher in '%s'", (text, bodies) => {
    expect(names(annotateText(text), "organisation")).toEqual(bodies);
  });
});

describe("self-declared people's republics", () => {
  it.each([
    "Sanctions hit the Kelmar People's Republic on Monday.",
    "Officials of the Kelmar People’s Republic were listed.",
  ])("reads the republic in '%s' as one body", (text) => {
    const a = annotateText(text);
    expect(names(a, "organisation")).toEqual([text.includes("’") ? "Kelmar People’s Republic" : "Kelmar People's Republic"]);
    expect(names(a, "person")).toEqual([]);
  });

  it.each([
    ["The move angered the so-called Kelmar and Dravik People’s Republics, the agency said.", ["Kelmar People’s Republic", "Dravik People’s Republic"]],
    ["Officials of the so-called “Donetsk and Lugansk People’s Republics” were listed.", ["Donetsk People’s Republic", "Lugansk People’s Republic"]],
    ["Members of the councils of the Luhansk and Donetsk People's Republics were hit.", ["Luhansk People's Republic", "Donetsk People's Republic"]],
  ])("reads two republics sharing their words in '%s', and no place", (text, bodies) => {
    const a = annotateText(text);
    expect(names(a, "organisation")).toEqual(expect.arrayContaining(bodies));
    expect(names(a, "place")).toEqual([]);
  });
});
