import { join } from "node:path";
import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import { linkEntities } from "../../src/link/index.ts";
import { corpus, type ArticleSpec } from "./corpus.ts";
import { fixtureGazetteerFile } from "./fixture-gazetteer.ts";

const gazetteerFile = fixtureGazetteerFile();
const NO_OVERRIDES = join(tmpdir(), "ng-no-overrides.json");
const link = (articles: ArticleSpec[]) => {
  const { resolution, extractions } = corpus(articles);
  return linkEntities(resolution, extractions, { gazetteerFile, overridesFile: NO_OVERRIDES });
};

describe("disambiguation against the gazetteer", () => {
  it("tells apart two people of the same surname and leaves the bare surname unlinked", async () => {
    const links = await link([
      { id: "a1", entities: [{ key: "p1", kind: "person", name: "John Harker" }, { key: "p2", kind: "person", name: "Mary Harker" }, { key: "f", kind: "country", name: "Freedonia", iso3: "FRD" }],
        roles: [["p1", "Prime Minister", "f"], ["p2", "lawmaker"]] },
      { id: "a2", entities: [{ key: "p1", kind: "person", name: "Harker" }] },
    ]);
    expect(links.get("person/john-harker")?.qid).toBe("Q900010");
    expect(links.get("person/mary-harker")?.qid).toBe("Q900011");
    expect(links.get("person/harker")?.qid).toBeUndefined();
  });

  it("links a common name only when the posts fit, and keeps the candidates otherwise", async () => {
    const fits = await link([
      { id: "a1", entities: [{ key: "p", kind: "person", name: "Li Wei" }, { key: "s", kind: "country", name: "Sylvania", iso3: "SYL" }], roles: [["p", "Commerce Minister", "s"]] },
    ]);
    expect(fits.get("person/li-wei")).toMatchObject({ qid: "Q900020", method: "gazetteer" });
    expect(fits.get("person/li-wei")!.score).toBeGreaterThanOrEqual(0.7);

    const vague = await link([{ id: "a1", entities: [{ key: "p", kind: "person", name: "Li Wei" }] }]);
    const l = vague.get("person/li-wei")!;
    expect(l.qid).toBeUndefined();
    expect(l.candidates.map((c) => c.qid).sort()).toEqual(["Q900020", "Q900021", "Q900022"]);
  });

  it("does not take a deputy for the minister", async () => {
    const links = await link([
      { id: "a1", entities: [{ key: "p", kind: "person", name: "Li Wei" }, { key: "f", kind: "country", name: "Freedonia", iso3: "FRD" }], roles: [["p", "Deputy Commerce Minister", "f"]] },
    ]);
    expect(links.get("person/li-wei")?.qid).toBe("Q900022");
  });

  it("does not link a lone namesake the text says nothing about, but keeps it for review", async () => {
    const links = await link([{ id: "a1", entities: [{ key: "p", kind: "person", name: "Mary Harker" }] }]);
    expect(links.get("person/mary-harker")?.qid).toBeUndefined();
    expect(links.get("person/mary-harker")?.candidates.map((c) => c.qid)).toEqual(["Q900011"]);
  });

  it("links a person the text gives no post only when the surname is rare", async () => {
    const links = await link([
      { id: "a1", entities: [
        { key: "b", kind: "person", name: "Bob Brown" },
        { key: "v", kind: "person", name: "Sergei Volkov" },
        { key: "f", kind: "country", name: "Freedonia", iso3: "FRD" },
        { key: "s", kind: "country", name: "Sylvania", iso3: "SYL" },
      ] },
    ]);
    expect(links.get("person/bob-brown")?.qid).toBeUndefined();
    expect(links.get("person/sergei-volkov")?.qid).toBe("Q900040");
  });

  it("does not take the lone backbencher of a name for the premier the text names", async () => {
    const premier = await link([{ id: "a1", entities: [{ key: "p", kind: "person", name: "Mary Harker" }, { key: "s", kind: "country", name: "Sylvania", iso3: "SYL" }], roles: [["p", "Premier", "s"]] }]);
    expect(premier.get("person/mary-harker")?.qid).toBeUndefined();
    const lawmaker = await link([{ id: "a1", entities: [{ key: "p", kind: "person", name: "Mary Harker" }, { key: "s", kind: "country", name: "Sylvania", iso3: "SYL" }], roles: [["p", "lawmaker", "s"]] }]);
    expect(lawmaker.get("person/mary-harker")?.qid).toBe("Q900011");
  });

  it("does not link a unique name when the text gives the person another trade", async () => {
    const links = await link([{ id: "a1", entities: [{ key: "p", kind: "person", name: "John Harker" }], roles: [["p", "correspondent"]] }]);
    expect(links.get("person/john-harker")?.qid).toBeUndefined();
  });

  it("matches transliteration variants", async () => {
    const links = await link([{ id: "a1", entities: [{ key: "p", kind: "person", name: "Sergei Volkov", names: ["Sergei Volkov", "Volkov"] }], roles: [["p", "Foreign Minister"]] }]);
    expect(links.get("person/sergei-volkov")?.qid).toBe("Q900040");
  });

  it("never links across types: a city named like a person, a person named like a state", async () => {
    const links = await link([
      { id: "a1", entities: [{ key: "c", kind: "place", name: "Florence" }, { key: "p", kind: "person", name: "Freedonia" }] },
    ]);
    expect(links.get("place/florence")).toBeUndefined();
    expect(links.get("person/freedonia")).toBeUndefined();
  });

  it("links a state through its name, its capital used as metonym, its demonym, or its ISO code", async () => {
    const links = await link([
      { id: "a1", entities: [
        { key: "s1", kind: "country", name: "Fredville" },
        { key: "s2", kind: "country", name: "Sylvanian" },
        { key: "s3", kind: "country", name: "Freedonian" },
        { key: "s4", kind: "country", name: "the Republic", iso3: "SYL" },
        { key: "c", kind: "place", name: "Sylvan City" },
      ] },
    ]);
    expect(links.get("country/fredville")?.qid).toBe("Q900001");
    expect(links.get("country/sylvanian")?.qid).toBe("Q900002");
    // the demonym is shared with a territory: the sovereign state wins
    expect(links.get("country/freedonian")?.qid).toBe("Q900001");
    expect(links.get("country/the-republic")?.qid).toBe("Q900002");
    // the capital as a location is a place, not the state
    expect(links.get("place/sylvan-city")).toBeUndefined();
  });

  it("separates same-named ministries by the state named with them, else links none", async () => {
    const links = await link([
      { id: "a1", entities: [
        { key: "o1", kind: "organisation", name: "Sylvanian Ministry of Foreign Affairs", names: ["Sylvanian Ministry of Foreign Affairs", "Ministry of Foreign Affairs"], orgType: "government" },
      ] },
      { id: "a2", entities: [{ key: "o2", kind: "organisation", name: "Ministry of Foreign Affairs", orgType: "government" }] },
    ]);
    expect(links.get("organisation/sylvanian-ministry-of-foreign-affairs")?.qid).toBe("Q900052");
    expect(links.get("organisation/ministry-of-foreign-affairs")?.qid).toBeUndefined();
  });

  it("matches acronyms by case and doubts one that does not spell the name", async () => {
    const links = await link([
      { id: "a1", entities: [
        { key: "o1", kind: "organisation", name: "OTC", orgType: "international" },
        { key: "o2", kind: "organisation", name: "Otc" },
        { key: "o3", kind: "organisation", name: "TEST" },
      ] },
    ]);
    expect(links.get("organisation/otc")?.qid).toBe("Q900050");
    expect([...links.keys()].filter((k) => k === "organisation/otc")).toHaveLength(1);
    expect(links.get("organisation/test")?.qid).toBeUndefined();
    expect(links.get("organisation/test")?.candidates[0].qid).toBe("Q900053");
  });

  it("does not link a news agency to an international body of the same name", async () => {
    const links = await link([{ id: "a1", entities: [{ key: "o", kind: "organisation", name: "OTC", orgType: "media" }] }]);
    expect(links.get("organisation/otc")?.qid).toBeUndefined();
  });
});
