import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildGazetteer, readSourceRows } from "../../src/link/build-gazetteer.ts";
import { Gazetteer, loadGazetteer } from "../../src/link/gazetteer.ts";
import { linkEntities } from "../../src/link/index.ts";
import { nameKey } from "../../src/link/normalise.ts";
import { corpus } from "./corpus.ts";

describe("the shipped gazetteer", () => {
  it("loads once, lazily, and finds states by name, acronym, demonym and capital", async () => {
    const gaz = await loadGazetteer();
    expect(await loadGazetteer()).toBe(gaz);
    expect(gaz.size).toBeGreaterThan(90_000);
    const kenya = gaz.byIso3("KEN")!;
    expect(kenya.qid).toBe("Q114");
    expect(gaz.lookup("Kenyan").map((h) => [h.record.qid, h.via])).toEqual([["Q114", "demonym"]]);
    expect(gaz.lookup("Nairobi").map((h) => [h.record.qid, h.via]).sort()).toEqual([["Q114", "capital"], ["Q3870", "label"]]);
    expect(gaz.lookup("U.A.E.").map((h) => h.record.iso3)).toEqual(["ARE"]);
    expect(gaz.lookup("who")).toEqual([]);
    expect(gaz.countriesIn("the Kenyan Ministry of Health")).toEqual(["KEN"]);
  });

  it("links real states through capital and demonym, leaves a shared demonym alone, and a capital used as a location is the city", async () => {
    const { resolution, extractions } = corpus([{ id: "a", entities: [
      { key: "1", kind: "country", name: "Nairobi" },
      { key: "2", kind: "country", name: "French" },
      { key: "3", kind: "country", name: "Congolese" },
      { key: "4", kind: "place", name: "Nairobi" },
    ] }]);
    const links = await linkEntities(resolution, extractions, { overridesFile: join(tmpdir(), "ng-no-overrides.json") });
    expect(links.get("country/nairobi")?.qid).toBe("Q114");
    expect(links.get("country/french")?.qid).toBe("Q142");
    expect(links.get("country/congolese")?.qid).toBeUndefined();
    expect(links.get("country/congolese")?.candidates).toHaveLength(2);
    expect(links.get("place/nairobi")?.qid).toBe("Q3870"); // the city, never its state
    expect(links.get("place/nairobi")?.candidates.map((c) => c.qid)).not.toContain("Q114");
  });
});

describe("building the gazetteer", () => {
  it("reads the source rows, gives persons and ministries their states, and round-trips the text form", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ng-gazsrc-"));
    const src = join(dir, "gazetteer.jsonl");
    writeFileSync(src, [
      { qid: "Q1", label: "Testland", aliases: ["Republic of Testland", "TL"], type: "country", description: "sovereign state in X", demonyms: ["Testlander"], capital: "Testville", iso3: "TST", source: "test" },
      { qid: "Q2", label: "Ann Example", aliases: ["Ann Exámple"], type: "person", description: "politician: Minister of Finance of Testland (2020–); Member (2010–2015)", source: "eps/other" },
      { qid: "Q3", label: "Bo Sample", aliases: [], type: "person", description: "politician: Prime Minister (2019–)", source: "eps/testland-cabinet" },
      { qid: "Q4", label: "Cy Case", aliases: [], type: "person", description: "politician: representative from Testland (2019–)", source: "eps/other" },
      { qid: "Q5", label: "Ministry of Finance", aliases: [], type: "organisation", description: "government ministry of Testland; headed by the Minister of Finance", source: "eps/x" },
    ].map((r) => JSON.stringify(r)).join("\n") + "\n");
    const gaz = buildGazetteer(await readSourceRows(src));
    const again = Gazetteer.fromText(gaz.toText(["test"]));
    expect(again.size).toBe(5);
    expect(again.byQid("Q2")).toMatchObject({ countries: ["TST"], posts: ["Minister of Finance of Testland", "Member"] });
    expect(again.byQid("Q3")?.countries).toEqual(["TST"]);
    expect(again.byQid("Q4")?.countries).toEqual([]); // "from Testland" is a seat, not an allegiance
    expect(again.byQid("Q5")?.countries).toEqual(["TST"]);
    expect(again.lookup("ann example").map((h) => h.record.qid)).toEqual(["Q2"]);
    expect(again.lookup("Testlander")[0]).toMatchObject({ via: "demonym" });
  });

  it("folds in places, extra lists and a surname index, and keeps a place that is also a state one record", async () => {
    const state = { qid: "Q1", label: "Testland", aliases: [], type: "country" as const, description: "territory (Part of X) in Y", demonyms: [], capital: "Testville", iso3: "TST", source: "test" };
    const leader = { qid: "Q2", label: "Ann Example", aliases: [], type: "person" as const, description: "politician: President of Testland (2020–)", source: "test" };
    const places = [
      { qid: "Q1", label: "Testland", aliases: ["Testland City"], type: "city" as const, description: "city and territory", iso3: "TST", admin1: null, population: 900_000, capital: "regional" as const, latitude: 22.3, longitude: 114.2 },
      { qid: "Q3", label: "Testville", aliases: [], type: "city" as const, description: "capital of Testland", iso3: "TST", admin1: "Central", population: 50_000, capital: "national" as const, latitude: -1.25, longitude: 36.5 },
      { qid: "Q4", label: "North Province", aliases: ["North"], type: "region" as const, description: "first-level administrative division of Testland (Province)", iso3: "TST", admin1: null, population: null, capital: null, latitude: 2, longitude: 3 },
    ];
    const extra = [
      { qid: "Q5", label: "Test News Agency", aliases: ["TNA"], type: "organisation" as const, kind: "news agency", description: "news agency", iso3: "TST", source: "test list" },
      { qid: "Q6", label: "Test Sea", aliases: [], type: "place" as const, class: "area" as const, description: "sea", source: "test list" },
      { qid: "Q3", label: "Another Testville", aliases: [], type: "place" as const, description: "a duplicate the main lists already have", source: "test list" },
    ];
    const again = Gazetteer.fromText(buildGazetteer([state, leader], [], places, extra).toText(["test"]));
    expect(again.size).toBe(6);
    expect(again.byQid("Q1")).toMatchObject({ type: "country", iso3: "TST", lat: 22.3, long: 114.2, placeClass: "city", population: 900_000 });
    expect(again.lookup("Testland City").map((h) => h.record.qid)).toEqual(["Q1"]);
    expect(again.byQid("Q3")).toMatchObject({ type: "place", label: "Testville", seat: "national", admin1: "Central", countries: ["TST"], lat: -1.25, long: 36.5 });
    expect(again.byQid("Q4")).toMatchObject({ placeClass: "region", division: "Province" });
    expect(again.byQid("Q5")).toMatchObject({ type: "organisation", orgKind: "news agency", countries: ["TST"] });
    expect(again.byQid("Q6")).toMatchObject({ type: "place", placeClass: "area" });
    expect(again.bySurname("Example").map((r) => r.qid)).toEqual(["Q2"]);
    expect(again.keysWithPrefix(nameKey("Ann") + " ").map((k) => k.hits[0].record.qid)).toEqual(["Q2"]); // keys are folded names
  });
});
