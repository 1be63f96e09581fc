// General shapes of unseen pages: designation lists, datelines with several places, places that
// context makes places (what armies do to them, their parts and people, their state after a comma),
// local bodies in lower case, posts whose owner opens the apposition. Invented names and texts.
import { describe, expect, it } from "vitest";
import { annotate } from "../../src/extract/annotate.ts";
import { ingestText } from "../../src/ingest/index.ts";
import { annotateText, entityNamed, kindOf, roleLines } from "./annotate-helpers.ts";

const names = (a: ReturnType<typeof annotateText>, kind: string) => a.entities.filter((e) => e.kind === kind).map((e) => e.name);
/** A page: headline, one sentence of story, then the given paragraphs. */
const page = (...paras: string[]) => annotate(ingestText("t.txt", ["Ministers meet as regional tensions rise over trade", "The council met on Monday and agreed on new measures, officials said.", ...paras].join("\n\n")));
/** A page whose story opens with the given paragraph (a dateline's place). */
const opening = (para: string) => annotate(ingestText("t.txt", `Strikes hit the grid as winter nears\n\n${para}`));

describe("designation lists", () => {
  it("reads each line 'NAME – post of BODY' as a person holding the post, though the line ends with no full stop", () => {
    const a = page(
      "Tomas Virkkunen – Commander of the Coastal Guard of Norland",
      "Edda Halvorsen – First Deputy Minister of Finance of the Republic of Norland",
      "Pavo Linnala – head of the Central Licensing Board",
    );
    const roles = roleLines(a);
    expect(roles).toContain("Tomas Virkkunen | Commander of the Coastal Guard of Norland | Coastal Guard of Norland");
    expect(roles.some((r) => r.startsWith("Edda Halvorsen | First Deputy Minister of Finance"))).toBe(true);
    expect(roles).toContain("Pavo Linnala | head | Central Licensing Board");
  });

  it("reads 'SURNAME Given Patronymic: post' and 'Given SURNAME, former post' lines, writing the family name as a name", () => {
    const a = page("MOROZOV Oleg Ivanovich: Chief of the General Staff", "Ilya BELOV, former Deputy Governor of the Tver region", "Marta Vinter (born 12 May 1970), head of the Election Commission");
    const oleg = entityNamed(a, "MOROZOV Oleg Ivanovich");
    expect(oleg?.kind).toBe("person");
    expect(oleg?.name).toBe("Oleg Ivanovich Morozov");
    expect(oleg?.names).toContain("Oleg Morozov");
    expect(entityNamed(a, "Ilya BELOV")?.name).toBe("Ilya Belov");
    const roles = roleLines(a);
    expect(roles).toContain("Oleg Ivanovich Morozov | Chief of the General Staff | -");
    expect(roles.some((r) => r.startsWith("Ilya Belov | former Deputy Governor"))).toBe(true);
    expect(roles).toContain("Marta Vinter | head | Election Commission");
    // (no name of a listed person is a place; the region a governor's post names is one)
    expect(names(a, "place")).toEqual(["Tver"]);
  });

  it("keeps a section heading a heading, and a heading word with a name a heading", () => {
    const a = page("Background to the dispute", "WATCH Jane Doe explains the vote");
    expect(names(a, "person")).not.toContain("Jane Doe Watch");
    expect(a.roles).toEqual([]);
  });
});

describe("posts written in apposition and in lists", () => {
  it("takes the owner a state's or body's name opening the apposition gives", () => {
    const a = annotateText("Jon Marsh, the U.S. national security adviser, said so. Ana Lind, the EU trade commissioner, agreed.");
    expect(roleLines(a)).toContain("Jon Marsh | national security adviser | United States");
    expect(roleLines(a)).toContain("Ana Lind | trade commissioner | European Union");
  });

  it("reads posts with a dash, a one-word former post and compound posts", () => {
    const a = annotateText("Pia Strand — the Danish defence minister — said so. Boris Lenk, ex-mayor of Velmora, spoke. Gen. Ivo Marek, commander-in-chief of the army, left.");
    const roles = roleLines(a);
    expect(roles.some((r) => r.startsWith("Pia Strand | defence minister"))).toBe(true);
    expect(roles.some((r) => r.startsWith("Boris Lenk | ex-mayor"))).toBe(true);
    expect(roles.some((r) => r.startsWith("Ivo Marek | commander-in-chief"))).toBe(true);
  });

  it("keeps a lower-case 'of' phrase that names no body in the post", () => {
    const a = annotateText("Admiral Tom Reed, the chief of the defence staff, said. Lena Ortiz, minister of health, agreed.");
    expect(roleLines(a)).toContain("Tom Reed | chief of the defence staff | -");
    expect(roleLines(a)).toContain("Lena Ortiz | minister of health | -");
  });

  it("gives an ambassador the state of the adjective before the post, not the destination", () => {
    const a = annotateText("The Chinese ambassador to Washington, Li Wen, said. The Kenyan envoy to Berlin, Amos Otieno, agreed.");
    expect(roleLines(a)).toContain("Li Wen | ambassador to Washington | China");
    expect(roleLines(a)).toContain("Amos Otieno | envoy to Berlin | Kenya");
  });

  it("reads a given name that is also a month's short form as a name", () => {
    const a = annotateText("The head of the Refugee Council, Jan Holm, warned on Jan 5 that aid was short.");
    expect(roleLines(a)).toContain("Jan Holm | head | Refugee Council");
  });

  it("reads religious posts before an honorific", () => {
    const a = annotateText("The Grand Mufti Sheikh Omar Haddad would attend.");
    expect(roleLines(a)).toContain("Omar Haddad | Grand Mufti | -");
  });
});

describe("datelines", () => {
  it("makes every name of a slashed dateline a place, the capitals too", () => {
    for (const line of ["KYIV/UKRAINE – Officials said on Monday that power was cut.", "Kyiv/Ukraine – Officials said on Monday that power was cut."]) {
      const a = opening(line);
      expect(kindOf(a, "Kyiv"), line).toBe("place");
      expect(names(a, "person"), line).toEqual([]);
    }
    const b = opening("BRUSSELS/OSLO, March 3 (Nordpost) - Officials said on Monday that aid would flow.");
    expect(names(b, "place").sort()).toEqual(["Brussels", "Oslo"]);
    expect(kindOf(b, "Nordpost")).toBe("organisation");
  });

  it("reads 'Place, State –' in mixed case and 'Place, State | date' on a line of its own", () => {
    expect(kindOf(opening("Port-au-Prince, Haiti – Gangs attacked a police station on Friday."), "Port-au-Prince")).toBe("place");
    const a = annotate(ingestText("t.txt", "Strikes hit the grid as winter nears\n\nNairobi, Kenya | March 3, 2024\n\nOfficials said on Monday that talks would resume."));
    expect(kindOf(a, "Nairobi")).toBe("place");
  });

  it("writes 'Washington, DC' as one place", () => {
    const a = annotateText("Officials in Washington, DC, said so. Aides gathered in Washington, D.C. on Friday.");
    const places = a.entities.filter((e) => e.kind === "place");
    expect(places.length).toBe(1);
    expect(places[0].names).toContain("Washington, DC");
    expect(a.entities.some((e) => /^D\.?C\.?$/i.test(e.name))).toBe(false);
  });
});

describe("places by what is said of them", () => {
  it("makes unknown names places after war verbs, attack nouns and retreats", () => {
    const a = annotateText("Drones struck Pavlenko and Zarichka overnight. Troops retreated from Karsk. The battle for Krasnyi went on. Attacks on Tarnovo killed two. Forces recaptured Lysova.");
    for (const n of ["Pavlenko", "Zarichka", "Karsk", "Krasnyi", "Tarnovo", "Lysova"]) expect(kindOf(a, n), n).toBe("place");
  });

  it("makes unknown names places by their parts and people, and by an apposition", () => {
    const a = annotateText("Residents of Orlenko said the water was off. Shelling of Velmora went on. Dunholt, a small town near the border, was hit. The Borrak checkpoint closed.");
    for (const n of ["Orlenko", "Velmora", "Dunholt", "Borrak"]) expect(kindOf(a, n), n).toBe("place");
    expect(names(a, "person")).toEqual([]);
  });

  it("makes a name a place when its state follows after a comma, not in a list of states", () => {
    const a = annotateText("Velmora, Norway, was shelled. Talks in Torvik, Sweden ended.");
    expect(kindOf(a, "Velmora")).toBe("place");
    expect(kindOf(a, "Torvik")).toBe("place");
  });

  it("tells a capital as a city (struck, its outskirts, its mayor) from the capital as its government", () => {
    const a = annotateText("Missiles struck Kyiv overnight, and Kyiv's mayor said power was cut. Drones hit the outskirts of Moscow. Beijing said it would respond.");
    expect(kindOf(a, "Kyiv")).toBe("place");
    expect(kindOf(a, "Moscow")).toBe("place");
    expect(entityNamed(a, "Beijing")?.kind).toBe("country");
  });
});

describe("bodies", () => {
  it("reads a place's local body written in lower case as one organisation", () => {
    const a = annotateText("The Velmora regional military administration said. The Torvik city council and the Karsk district administration agreed. The Biden administration did not.");
    for (const n of ["Velmora regional military administration", "Torvik city council", "Karsk district administration"]) expect(kindOf(a, n), n).toBe("organisation");
    expect(names(a, "organisation")).not.toContain("Biden administration");
  });

  it("reads an office named after a post as one body, with its acronym", () => {
    const a = annotateText("The Office of the High Commissioner for Refugees (OHCR) and the Office of the Prosecutor General said.");
    expect(entityNamed(a, "OHCR")?.name).toBe("Office of the High Commissioner for Refugees");
    expect(names(a, "organisation")).toContain("Office of the Prosecutor General");
    expect(names(a, "organisation")).not.toContain("Office of the");
  });
});

describe("list and header shapes of press releases", () => {
  it("reads 'SURNAME, Given Patronymic (born …), post' as one person, named given names first", () => {
    const a = page("PETROV, Ivan Sergeyevich (born 1.2.1960), Minister of Energy of the Republic of Norland", "VOLKOVA, Anna Petrovna (born 3.4.1971), Governor of the Central Bank");
    const ivan = entityNamed(a, "PETROV, Ivan Sergeyevich");
    expect(ivan?.name).toBe("Ivan Sergeyevich Petrov");
    expect(ivan?.names).toContain("Ivan Petrov");
    expect(ivan?.names).not.toContain("Ivan Sergeyevich");
    expect(names(a, "place")).toEqual([]);
    expect(roleLines(a).some((r) => r.startsWith("Ivan Sergeyevich Petrov | Minister of Energy") && r.endsWith("| Republic of Norland"))).toBe(true);
    expect(roleLines(a).some((r) => r.startsWith("Anna Petrovna Volkova | Governor"))).toBe(true);
  });

  it("reads a whole name in capitals opening a list's line, and a generational suffix", () => {
    const a = page("• TAN KYAW MIN (born 1958), Commander of the Northern Command;", "• LIN HTET, Deputy Commander;", "The order was signed by President John Q. Adams, Jr. on Monday.");
    expect(entityNamed(a, "Tan Kyaw Min")?.kind).toBe("person");
    expect(roleLines(a).some((r) => r.startsWith("Tan Kyaw Min | Commander of the Northern Command"))).toBe(true);
    expect(roleLines(a)).toContain("Lin Htet | Deputy Commander | -");
    expect(entityNamed(a, "John Q. Adams, Jr.")?.kind).toBe("person");
  });

  it("takes each post of a numbered line, past a bracket of years and a comma before 'and'", () => {
    const a = page("1. Ravi PERERA – former President of Sri Lanka (2001-2009) and former Prime Minister", "2. Nimal SILVA, former Minister of Defence, and President of Sri Lanka from 2010 to 2015");
    const roles = roleLines(a);
    expect(roles).toContain("Ravi Perera | former Prime Minister | -");
    expect(roles.some((r) => r.startsWith("Ravi Perera | former President"))).toBe(true);
    expect(roles.some((r) => r.startsWith("Nimal Silva | President of Sri Lanka"))).toBe(true);
  });

  it("reads a minister's header: the name's line, then one post per line", () => {
    const a = annotate(ingestText("t.txt", ["JOINT MEDIA RELEASE", "The Hon Jane Roe MP\nDeputy Prime Minister\nMinister for Transport", "Senator the Hon John Doe\nMinister for Trade", "Tuesday, 5 March 2024", "New rules for ports announced", "Today the Government announced new rules for ports."].join("\n\n")));
    const roles = roleLines(a);
    for (const r of ["Jane Roe | Deputy Prime Minister | -", "Jane Roe | Minister for Transport | -", "John Doe | Senator | -", "John Doe | Minister for Trade | -"]) expect(roles).toContain(r);
    expect(names(a, "person").sort()).toEqual(["Jane Roe", "John Doe"]);
  });

  it("reads a company's legal suffix after a comma and a body named with '&' as part of the name", () => {
    const a = annotateText("The Imperial Jade Co., Ltd. and Nordic Ruby Enterprise were listed. The Foreign, Commonwealth & Development Office said so.");
    expect(names(a, "organisation")).toContain("Imperial Jade Co., Ltd");
    expect(kindOf(a, "Nordic Ruby Enterprise")).toBe("organisation");
    expect(names(a, "organisation")).toContain("Foreign, Commonwealth & Development Office");
    expect(names(a, "person")).toEqual([]);
  });

  it("gives a permanent representative the state of the adjective before the post", () => {
    const a = annotateText("\"We agree,\" the Danish Permanent Representative to the United Nations, Lars Holm, told reporters.");
    expect(roleLines(a)).toContain("Lars Holm | Permanent Representative to the United Nations | Denmark");
  });

  it("reads a name after 'in' before a speech verb as a place, and English names of cities from the gazetteer", () => {
    const a = annotateText("The Red Cross office in Velmora has called for access. Talks in Geneva and Cologne went on.");
    expect(kindOf(a, "Velmora")).toBe("place");
    expect(kindOf(a, "Geneva")).toBe("place");
    expect(kindOf(a, "Cologne")).toBe("place");
  });

  it("keeps a lower-case 'of a' phrase in the post, up to a preposition", () => {
    const a = annotateText("Omar Farah, leader of a militia, was named. Ali Jama, commander of the coastal unit in Velmora, was named.");
    expect(roleLines(a)).toContain("Omar Farah | leader of a militia | -");
    expect(roleLines(a)).toContain("Ali Jama | commander of the coastal unit | -");
  });
});

describe("plural posts, portfolios and adjectives made from names", () => {
  it("gives each name after a capitalised plural post that post", () => {
    const a = annotateText("The others named were Senators Jane Roe, Tom Poe and Pat Loe. Ministers met on Monday.");
    for (const n of ["Jane Roe", "Tom Poe", "Pat Loe"]) expect(roleLines(a).some((r) => r.toLowerCase() === `${n.toLowerCase()} | senator | -`), n).toBe(true);
  });

  it("reads one English word after a post's 'of' phrase as its portfolio, not a person", () => {
    const a = annotateText("Ismael Diallo, Minister of National Reconciliation, was listed, and so was the Minister of Public Security.");
    expect(names(a, "person")).toEqual(["Ismael Diallo"]);
    expect(roleLines(a)).toContain("Ismael Diallo | Minister of National Reconciliation | -");
  });

  it("makes no name of the words before an adjective made from a place's name", () => {
    const a = annotateText("The law covers Hong Kong-related issues and New York-based firms.");
    expect(names(a, "person")).toEqual([]);
    expect(kindOf(a, "New York")).toBe("place");
  });

  it("keeps one post read twice, with its owner ('Foreign Minister X' and 'X, Minister of Foreign Affairs of Y')", () => {
    const a = page("The sanctions hit Foreign Minister Ivan Petrov.", "PETROV, Ivan Sergeyevich (born 1.2.1960), Minister of Foreign Affairs of the Republic of Norland");
    const mine = roleLines(a).filter((r) => r.startsWith("Ivan Sergeyevich Petrov"));
    expect(mine).toEqual(["Ivan Sergeyevich Petrov | Minister of Foreign Affairs | Republic of Norland"]);
  });
});
