// Places: each rule of the place linker on invented texts. The first group runs invented articles
// through the whole chain (ingest, extract, resolve, link) against the shipped gazetteer; the
// second builds the entities by hand (on invented or real place names) to test one rule at a time.
import { describe, expect, it } from "vitest";
import { linkEntities } from "../../src/link/index.ts";
import { linkArticles, NO_OVERRIDES } from "./articles.ts";
import { corpus, type ArticleSpec } from "./corpus.ts";
import { fixtureGazetteerFile } from "./fixture-gazetteer.ts";

const fixture = fixtureGazetteerFile();
const withFixture = (articles: ArticleSpec[]) => {
  const { resolution, extractions } = corpus(articles);
  return linkEntities(resolution, extractions, { gazetteerFile: fixture, overridesFile: NO_OVERRIDES });
};
const withShipped = (articles: ArticleSpec[]) => {
  const { resolution, extractions } = corpus(articles);
  return linkEntities(resolution, extractions, { overridesFile: NO_OVERRIDES });
};
const candidateQids = (link?: { candidates: Array<{ qid: string }> }) => (link?.candidates ?? []).map((c) => c.qid).sort();

describe("places in invented articles (whole chain, shipped gazetteer)", () => {
  it("links a capital in the scene to the city and the same name used as a government to the state", async () => {
    const r = await linkArticles(
      "Ministers meet as trade tensions rise\n\nForeign ministers of South Korea and Japan held talks in Seoul on Tuesday. " +
        "Seoul said it would answer any new export curbs in kind.",
    );
    expect(r.qid("place", "Seoul")).toBe("Q8684"); // the city
    expect(candidateQids(r.links.get(r.entity("place", "Seoul")!.id))).not.toContain("Q884"); // never its state
    expect(r.qid("country", "Seoul")).toBe("Q884"); // "Seoul said": South Korea
  });

  it("leaves Washington unlinked when nothing says which, and links the capital with the US in the text or as a dateline", async () => {
    const bare = await linkArticles("Leaders hold talks on trade and security\n\nThe two leaders held talks in Washington on Monday. They agreed to meet again in the autumn.");
    const washington = bare.links.get(bare.entity("place", "Washington")!.id)!;
    expect(washington.qid).toBeUndefined();
    expect(candidateQids(washington)).toEqual(["Q1223", "Q61"]); // the state and the city, kept for review

    const us = await linkArticles("Leaders hold talks on trade and security\n\nThe U.S. and Canadian leaders held talks in Washington on Monday. They agreed to meet again in the autumn.");
    expect(us.qid("place", "Washington")).toBe("Q61");

    const dateline = await linkArticles("Sanctions widened on shipping firms\n\nWASHINGTON, May 3 (Reuters) - Officials widened sanctions on shipping firms on Thursday. More measures would follow, they said.");
    expect(dateline.qid("place", "Washington")).toBe("Q61");
  });

  it("links the US state where the text says it is a state", async () => {
    const r = await linkArticles("Budget signed after long debate\n\nThe governor of the U.S. state of Washington signed the budget on Monday. Lawmakers had argued over it for weeks.");
    expect(r.qid("place", "Washington")).toBe("Q1223");
  });

  it("does not take Paris, Texas for the French capital, and links Paris with France in the text", async () => {
    const texas = await linkArticles("Leaders hold talks on trade and security\n\nThe two leaders met in Paris, Texas, on Monday. They agreed to meet again in the autumn.");
    const paris = texas.links.get(texas.entity("place", "Paris")!.id);
    expect(paris?.qid).toBeUndefined();
    expect(candidateQids(paris)).toEqual(["Q90"]);

    const france = await linkArticles("Leaders hold talks on trade and security\n\nThe French and German leaders held talks in Paris on Monday. They agreed to meet again in the autumn.");
    expect(france.qid("place", "Paris")).toBe("Q90");
  });

  it("reads a bare name shared by a city of millions and the region it lies in as the city, and not where the text says state", async () => {
    const un = await linkArticles("Envoys meet on ceasefire\n\nDiplomats met at the United Nations in New York on Monday. They agreed to meet again in the autumn.");
    expect(un.qid("place", "New York")).toBe("Q60"); // the city, not New York State (Q1384)
    const emirate = await linkArticles("Envoys meet on ceasefire\n\nDiplomats met in Dubai on Monday. They agreed to meet again in the autumn.");
    expect(emirate.qid("place", "Dubai")).toBe("Q612"); // the city, not the emirate (Q613)
    const state = await linkArticles("Budget passed\n\nLawmakers in New York state passed the budget on Monday. The governor signed it on Tuesday.");
    expect(state.qid("place", "New York")).not.toBe("Q60");
  });

  it("links a region named with the word for its kind of unit (\"Lakes State\") to that unit", async () => {
    const r = await linkArticles("Aid convoys stopped\n\nFighting displaced thousands of people in Lakes State, the government of South Sudan said on Monday. Aid convoys were stopped.");
    expect(r.qid("place", "Lakes State")).toBe("Q491096");
    const otherKind = await linkArticles("Aid convoys stopped\n\nFighting displaced thousands of people in Lakes Province, the government of South Sudan said on Monday. Aid convoys were stopped.");
    expect(otherKind.qid("place", "Lakes Province")).toBeUndefined(); // South Sudan's Lakes is a State, not a province
  });

  it("links the news agency of a dateline and a platform named in the text", async () => {
    const r = await linkArticles(
      "Sanctions widened on shipping firms\n\nWASHINGTON (AP) — The United States widened sanctions on shipping firms on Thursday, officials said. " +
        "Shares of Google fell after the announcement.",
    );
    expect(r.qid("organisation", "AP")).toBe("Q40469");
    expect(r.qid("organisation", "Google")).toBe("Q95");
  });
});

describe("places, one rule at a time", () => {
  it("keeps Georgia unlinked between the country and the US state, and decides when the text does", async () => {
    const georgia = (id: string, text: string, states: Array<[string, string]>): ArticleSpec => ({
      id, text, entities: [{ key: "g", kind: "place", name: "Georgia" }, ...states.map(([name, iso3], i) => ({ key: `s${i}`, kind: "country" as const, name, iso3 }))],
    });
    const close = await withShipped([georgia("a", "Voters in Georgia went to the polls, United States officials said.", [["United States", "USA"]])]);
    expect(close.get("place/georgia")?.qid).toBeUndefined();
    expect(candidateQids(close.get("place/georgia"))).toEqual(["Q1428", "Q230"]);

    const state = await withShipped([georgia("b", "Voters in the US state of Georgia went to the polls, United States officials said.", [["United States", "USA"]])]);
    expect(state.get("place/georgia")?.qid).toBe("Q1428");

    const country = await withShipped([georgia("c", "Voters in Georgia went to the polls, Georgian officials in Tbilisi said.", [["Tbilisi", "GEO"]])]);
    expect(country.get("place/georgia")?.qid).toBe("Q230");
  });

  it("breaks a tie between same-named cities by population, and only when one is far bigger", async () => {
    const both = (id: string, name: string): ArticleSpec => ({
      id, text: `Officials from Freedonia and Sylvania met in ${name}.`,
      entities: [{ key: "p", kind: "place", name }, { key: "f", kind: "country", name: "Freedonia", iso3: "FRD" }, { key: "s", kind: "country", name: "Sylvania", iso3: "SYL" }],
    });
    const links = await withFixture([both("a", "Port Alden"), both("b", "Lakeview")]);
    expect(links.get("place/port-alden")?.qid).toBe("Q900101"); // 3 million against 120,000
    expect(links.get("place/lakeview")?.qid).toBeUndefined(); // 300,000 against 200,000: too close
    expect(candidateQids(links.get("place/lakeview"))).toEqual(["Q900103", "Q900104"]);
  });

  it("lets the state the text places a city in decide, and a qualifier that fits no candidate decides against all", async () => {
    const links = await withFixture([
      { id: "a", text: "Shipments left Lakeview, Sylvania, on Monday.", entities: [{ key: "p", kind: "place", name: "Lakeview" }] },
    ]);
    expect(links.get("place/lakeview")?.qid).toBe("Q900104");
    const none = await withFixture([
      { id: "a", text: "Shipments left Lakeview, Texas, on Monday.", entities: [{ key: "p", kind: "place", name: "Lakeview" }] },
    ]);
    expect(none.get("place/lakeview")?.qid).toBeUndefined();
  });

  it("takes a capital for the city when its state is named, and a same-named province only when the text says province", async () => {
    const capital = await withFixture([{ id: "a", text: "Talks in Fredville ended, Freedonia said.", entities: [
      { key: "p", kind: "place", name: "Fredville" }, { key: "f", kind: "country", name: "Freedonia", iso3: "FRD" }] }]);
    expect(capital.get("place/fredville")?.qid).toBe("Q900105");
    expect(capital.get("place/fredville")?.geo).toEqual({ lat: 10.5, long: -20.25 });
    const province = await withFixture([{ id: "a", text: "Floods hit the Fredville province, Freedonia said.", entities: [
      { key: "p", kind: "place", name: "Fredville" }, { key: "f", kind: "country", name: "Freedonia", iso3: "FRD" }] }]);
    expect(province.get("place/fredville")?.qid).toBe("Q900106");
  });

  it("reads a bare name as the city its province is named after, unless the text says region", async () => {
    const state = { key: "s", kind: "country" as const, name: "Sylvania", iso3: "SYL" };
    const city = await withFixture([{ id: "a", text: "Protests spread in Ostrava Nova, Sylvania said.", entities: [{ key: "p", kind: "place", name: "Ostrava Nova" }, state] }]);
    expect(city.get("place/ostrava-nova")?.qid).toBe("Q900107");
    const region = await withFixture([{ id: "a", text: "Protests spread across the Ostrava Nova region, Sylvania said.", entities: [{ key: "p", kind: "place", name: "Ostrava Nova" }, state] }]);
    expect(region.get("place/ostrava-nova")?.qid).toBe("Q900108");
  });

  it("links a town only where the text places it, and never a place to the state it is the capital of", async () => {
    const unplaced = await withFixture([{ id: "a", text: "Talks in Port Alden ended.", entities: [{ key: "p", kind: "place", name: "Port Alden" }] }]);
    expect(unplaced.get("place/port-alden")?.qid).toBe("Q900101"); // a city of millions needs no state around it
    const town = await withFixture([{ id: "a", text: "Talks in Lakeview ended.", entities: [{ key: "p", kind: "place", name: "Lakeview" }] }]);
    expect(town.get("place/lakeview")?.qid).toBeUndefined();
    const capital = await withFixture([{ id: "a", text: "Talks in Fredville ended.", entities: [{ key: "p", kind: "place", name: "Fredville" }] }]);
    expect(candidateQids(capital.get("place/fredville"))).not.toContain("Q900001"); // Freedonia, whose capital is Fredville
  });

  it("takes a dateline place for a city", async () => {
    const links = await withFixture([{ id: "a", text: "FREDVILLE, June 2 - Officials met.", dateline: { place: "Fredville", end: 18 },
      entities: [{ key: "p", kind: "place", name: "Fredville", names: ["Fredville", "FREDVILLE"] }] }]);
    expect(links.get("place/fredville")?.qid).toBe("Q900105");
  });
});
