import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildGazetteer, readSourceRows } from "../../src/link/build-gazetteer.ts";
import { Gazetteer, loadGazetteer } from "../../src/link/gazetteer.ts";
import { linkEntities } from "../../src/link/index.ts";
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
});
