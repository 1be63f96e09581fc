// A bare surname ("Okonjo said") links only when the article's context leaves a single office
// holder: in office at the article's time (undated: now), in a state the article names, fitting
// the post the text gives; otherwise it stays unlinked with its candidates. Full names reach
// records through spelling variants. Invented office holders, then a real one on invented text.
import { describe, expect, it } from "vitest";
import { linkEntities } from "../../src/link/index.ts";
import { linkArticles, NO_OVERRIDES } from "./articles.ts";
import { corpus, type ArticleSpec } from "./corpus.ts";
import { fixtureGazetteerFile } from "./fixture-gazetteer.ts";

const gazetteerFile = fixtureGazetteerFile();
const link = (articles: ArticleSpec[]) => {
  const { resolution, extractions } = corpus(articles);
  return linkEntities(resolution, extractions, { gazetteerFile, overridesFile: NO_OVERRIDES });
};
const FREEDONIA = { key: "f", kind: "country" as const, name: "Freedonia", iso3: "FRD" };
const SYLVANIA = { key: "s", kind: "country" as const, name: "Sylvania", iso3: "SYL" };

describe("a bare surname", () => {
  it("links the one office holder of that name in the article's state and time", async () => {
    const links = await link([{ id: "a", published: "2021-05-04", entities: [{ key: "p", kind: "person", name: "Okonjo" }, FREEDONIA] }]);
    // Maria Okonjo is President of Freedonia; Paul sits in Sylvania's parliament; Tomas's role is a spouse's
    expect(links.get("person/okonjo")).toMatchObject({ qid: "Q900201", method: "gazetteer" });
  });

  it("stays unlinked, with its candidates, when nothing in the article fixes the person", async () => {
    const links = await link([{ id: "a", published: "2021-05-04", entities: [{ key: "p", kind: "person", name: "Okonjo" }] }]);
    expect(links.get("person/okonjo")?.qid).toBeUndefined();
    expect(links.get("person/okonjo")?.candidates.map((c) => c.qid).sort()).toEqual(["Q900201", "Q900202", "Q900203"]);
  });

  it("does not take a seat in a legislature, nor another state's office holder, for the person", async () => {
    const links = await link([{ id: "a", published: "2021-05-04", entities: [{ key: "p", kind: "person", name: "Okonjo" }, SYLVANIA] }]);
    expect(links.get("person/okonjo")?.qid).toBeUndefined(); // Paul Okonjo only sits in Sylvania's parliament
  });

  it("uses the article's date to choose between holders of one surname, and stays unlinked when both fit", async () => {
    const varga = async (published: string) =>
      (await link([{ id: "a", published, entities: [{ key: "p", kind: "person", name: "Varga" }, FREEDONIA] }])).get("person/varga")?.qid;
    expect(await varga("2016-03-01")).toBe("Q900204"); // Ines Varga, trade minister 2015–2018
    expect(await varga("2024-03-01")).toBe("Q900205"); // Janos Varga, energy minister since 2019
    expect(await varga("2020-03-01")).toBeUndefined(); // Janos in office, Ines only just out of it
  });

  it("needs the post the text gives to fit", async () => {
    const president = await link([{ id: "a", published: "2021-05-04", entities: [{ key: "p", kind: "person", name: "Okonjo" }, FREEDONIA], roles: [["p", "President", "f"]] }]);
    expect(president.get("person/okonjo")?.qid).toBe("Q900201");
    const coach = await link([{ id: "a", published: "2021-05-04", entities: [{ key: "p", kind: "person", name: "Okonjo" }, FREEDONIA], roles: [["p", "football coach"]] }]);
    expect(coach.get("person/okonjo")?.qid).toBeUndefined();
  });

  it("links a former head of government named in full in an article naming the state, and no lesser namesake so", async () => {
    // Undated: nothing says when; "Brown" is the surname of many office holders, so a full name alone is not enough
    const uk = await linkArticles("Former leader visits school\n\nGordon Brown spoke to students in Edinburgh on Monday, the government of the United Kingdom said. He praised their teachers.");
    expect(uk.qid("person", "Gordon Brown")).toBe("Q10648"); // Prime Minister 2007–2010
    const bare = await linkArticles("Former leader visits school\n\nGordon Brown spoke to students on Monday. He praised their teachers.");
    expect(bare.qid("person", "Gordon Brown")).toBeUndefined();
    const minister = await linkArticles("Former minister visits school\n\nDavid Davis spoke to students in Leeds on Monday, the government of the United Kingdom said. He praised their teachers.");
    expect(minister.qid("person", "David Davis")).toBeUndefined(); // several office holders, none a head of government
  });

  it("links a real head of state named by surname in an invented article, and not without context", async () => {
    const us = await linkArticles("Leaders meet on trade\n\nBiden said on Monday that the United States would keep its tariffs in place. The White House gave no details.");
    expect(us.qid("person", "Biden")).toBe("Q6279");
    const bare = await linkArticles("Leaders meet on trade\n\nBiden said on Monday that trade talks would resume. No date was given.");
    expect(bare.qid("person", "Biden")).toBeUndefined();
  });
});

describe("spelling variants of a full name", () => {
  it("finds a record whose name lies within the text's, or differs by one letter in a long name", async () => {
    const links = await link([{ id: "a", published: "2021-05-04", entities: [
      { key: "p", kind: "person", name: "Maria Elena Okonjo Ruiz" },
      { key: "q", kind: "person", name: "Janos Vargas" },
      FREEDONIA,
    ], roles: [["p", "President", "f"], ["q", "Energy Minister", "f"]] }]);
    expect(links.get("person/maria-elena-okonjo-ruiz")?.qid).toBe("Q900201");
    expect(links.get("person/janos-vargas")?.qid).toBe("Q900205");
  });
});
