// Places on unseen pages: where people travel and weapons strike, routes, premises, a town's people
// and neighbours, appositions, capitals used as places rather than as their state, named waters and
// regions, and a site's menu line. Invented names and sentences (real capitals only where the
// capital/state boundary is what is tested).
import { describe, expect, it } from "vitest";
import { annotate } from "../../src/extract/annotate.ts";
import { ingestText } from "../../src/ingest/index.ts";
import { annotateText, kindOf } from "./annotate-helpers.ts";

const places = (text: string) => annotateText(text).entities.filter((e) => e.kind === "place").map((e) => e.name);
/** Places of a page whose story opens with the given paragraph (a dateline's place). */
const openingPlaces = (para: string) => annotate(ingestText("t.txt", `Ministers meet as regional tensions rise over trade\n\n${para}`)).entities.filter((e) => e.kind === "place").map((e) => e.name);
const kinds = (text: string) => annotateText(text).entities.map((e) => `${e.kind}:${e.name}`);

describe("where people travel and weapons strike", () => {
  it("reads a name after a verb of moving people, before 'to' or 'for', as a place", () => {
    expect(places("The wounded were airlifted to Velmora overnight.")).toEqual(["Velmora"]);
    expect(places("The plane was diverted to Kelmore after a bomb threat.")).toEqual(["Kelmore"]);
    expect(places("The tanker, bound for Varnesk, was boarded at sea.")).toEqual(["Varnesk"]);
    expect(places("Two suspects were extradited to Ostrel last year.")).toEqual(["Ostrel"]);
  });

  it("reads a name after 'from' when people, vehicles or weapons come from it", () => {
    expect(places("Evacuees arrived from Dravik on Monday.")).toEqual(["Dravik"]);
    expect(places("The navy said it fired two missiles from Sunmor toward the sea.")).toEqual(["Sunmor"]);
    expect(places("The tanker sailed from Varnesk on Friday.")).toEqual(["Varnesk"]);
  });

  it("takes both ends of a route, capitals included, as places", () => {
    expect(places("The ministers travelled from Brussels to Kyiv by train.")).toEqual(["Brussels", "Kyiv"]);
    expect(places("Flights from Dravik to Ostrel were suspended.")).toEqual(["Dravik", "Ostrel"]);
    expect(places("The road from Kelmore to Varnesk was cut by shelling.")).toEqual(["Kelmore", "Varnesk"]);
  });

  it("reads what drones, missiles and explosions hit as a place", () => {
    expect(places("Drones hit Kelmore overnight, officials said.")).toEqual(["Kelmore"]);
    expect(places("Explosions rocked Varnesk on Sunday.")).toEqual(["Varnesk"]);
    expect(places("Missiles rained down on Ostrel for a second night.")).toEqual(["Ostrel"]);
  });

  it("reads the town that fell to a force, its residents, its neighbours and the line between two towns", () => {
    expect(places("Kelmore fell to rebel forces in August.")).toEqual(["Kelmore"]);
    expect(places("Ostrel residents sheltered in basements.")).toEqual(["Ostrel"]);
    expect(places("Authorities evacuated Dravik and nearby villages.")).toEqual(["Dravik"]);
    expect(places("The front line runs between Dravik and Ostrel.")).toEqual(["Dravik", "Ostrel"]);
  });

  it("reads a name whose apposition or location phrase says town", () => {
    expect(places("Dravik, home to 50,000 people, was evacuated.")).toEqual(["Dravik"]);
    expect(places("Dravik, in the south of the country, lost power.")).toEqual(["Dravik"]);
    expect(places("Varnesk, the country's main port, was blockaded.")).toEqual(["Varnesk"]);
  });

  it("reads premises 'at X', a place's premises and a court's seat", () => {
    expect(places("The dam at Nova Kelmora was destroyed.")).toEqual(["Nova Kelmora"]);
    expect(places("The summit at Camp Harlow ended without a deal.")).toEqual(["Camp Harlow"]);
    expect(places("The strike on the Varnesk thermal power plant cut electricity.")).toEqual(["Varnesk"]);
    expect(places("He is held in Velmora's Kovar prison.")).toEqual(["Velmora", "Kovar"]);
    expect(places("Globex's Ust-Varna terminal was shut.")).toEqual(["Ust-Varna"]);
  });
});

describe("a capital: the city where things happen, the state where it acts", () => {
  it("makes a capital the city where people are flown, routes run, weapons strike and courts sit", () => {
    expect(kinds("He was flown to Berlin for treatment.")).toEqual(["place:Berlin"]);
    expect(kinds("The flight from Athens to Vilnius was diverted to Minsk.")).toEqual(["place:Athens", "place:Vilnius", "place:Minsk"]);
    expect(kinds("Drones hit Moscow for the first time.")).toEqual(["place:Moscow"]);
    expect(kinds("A Moscow court jailed him for nine years.")).toEqual(["place:Moscow"]);
    expect(kindOf(annotateText("Kabul fell to the Taliban in August."), "Kabul")).toBe("place");
    expect(kindOf(annotateText("Kyiv, the Ukrainian capital, was hit again."), "Kyiv")).toBe("place");
  });

  it("keeps a capital the state where it acts or receives", () => {
    expect(kinds("Sanctions hit Moscow hard, analysts said.")).toEqual(["country:Russia"]);
    expect(kinds("Aid to Kyiv will continue, Washington said.")).toEqual(["country:Ukraine", "country:United States"]);
    expect(kinds("Pressure from Washington to end the war grew.")).toEqual(["country:United States"]);
    expect(kinds("Moscow fell to second place in the rankings.")).toEqual(["country:Russia"]);
  });
});

describe("what the place cues leave alone", () => {
  it("leaves persons, companies and parties to their own readings", () => {
    expect(places("A letter from Jane Roe to John Doe was leaked.")).toEqual([]);
    expect(places("The money was transferred from Globex to Initech.")).toEqual([]);
    expect(places("Talks at Jane Roe's home lasted hours.")).toEqual([]);
    expect(places("Jane Roe, in the north of the country, said so.")).toEqual([]);
    expect(places("The talks between Kelmore and Ostrel failed.")).toEqual([]);
    expect(places("He was fired from Globex last year.")).toEqual([]);
    expect(places("Shares of Globex fell to a record low.")).toEqual([]);
    expect(kindOf(annotateText("The attack killed Jana Doe and two guards."), "Jana Doe")).toBe("person");
  });
});

describe("named regions and waters", () => {
  it("knows regions, straits and seas whose names have no head word of a place", () => {
    expect(places("Instability grew in the Horn of Africa and the Western Balkans.")).toEqual(["Horn of Africa", "Western Balkans"]);
    expect(places("The Levant saw protests.")).toEqual(["Levant"]);
    expect(places("Ships crossed the English Channel and the Bosphorus.")).toEqual(["English Channel", "Bosphorus"]);
  });
});

describe("a site's menu", () => {
  it("drops a place named only in a menu or breadcrumb line", () => {
    expect(places("World | Europe | Asia | Opinion\n\nThe council met in Kelmore on Monday.")).toEqual(["Kelmore"]);
    expect(places("Home › News › Europe\n\nThe council met in Kelmore on Monday.")).toEqual(["Kelmore"]);
  });

  it("keeps a dateline with a bar, which is no menu", () => {
    expect(places("Nairobi, Kenya | March 3\n\nThe council met in Kelmore on Monday.")).toContain("Nairobi");
  });
});

describe("datelines and field lines", () => {
  it("reads a dateline's unknown town written in capitals as a place, not as an acronym", () => {
    expect(openingPlaces("KELMORE, May 5 (Norpress) – The ministry said new measures were adopted.")).toEqual(["Kelmore"]);
    expect(openingPlaces("VARNESK, 5 May (Norpress) – The ministry said new measures were adopted.")).toEqual(["Varnesk"]);
    expect(openingPlaces("DRAVIK, Ukraine (AP) — Russian forces shelled the town on Monday.")).toContain("Dravik");
  });

  it("reads the town of a field line before its state, a capital included", () => {
    const field = (line: string) => places(`The ministry said new measures were adopted.\n${line}`);
    expect(field("Address: Kelmore, Iran")).toEqual(["Kelmore"]);
    expect(field("Headquarters: Varnesk, Russia")).toEqual(["Varnesk"]);
    expect(field("Address: Tehran, Iran")).toEqual(["Tehran"]);
  });

  it("takes no list entry's name in capitals before a bracket for a dateline's place", () => {
    expect(places("The ministry said new measures were adopted.\nJANE ROE (a.k.a. JANA ROEVA), Minsk, Belarus; DOB 12 Jan 1970")).toEqual(["Minsk"]);
  });
});

describe("the gazetteer's smaller towns", () => {
  it("knows towns of 10,000 people or more with no cue around them", () => {
    expect(places("Tskhinvali lies close to the boundary line.")).toEqual(["Tskhinvali"]);
  });
});
