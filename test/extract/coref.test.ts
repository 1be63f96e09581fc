import { describe, expect, it } from "vitest";
import { annotateText, entityNamed } from "./annotate-helpers.ts";

describe("coreference", () => {
  it("resolves surnames and honorifics to the full name", () => {
    const a = annotateText("Italian Interior Minister Paolo Greco visited the border. Mr Greco said more guards were needed. Greco left on Friday.");
    const e = entityNamed(a, "Paolo Greco");
    const vias = a.mentions.filter((m) => m.entity === e?.key).map((m) => m.via);
    expect(vias).toEqual(expect.arrayContaining(["name", "honorific", "surname"]));
    expect(e?.names).toEqual(expect.arrayContaining(["Paolo Greco", "Mr Greco", "Greco"]));
  });

  it("resolves pronouns to the most recent compatible person", () => {
    const a = annotateText("Ms Elena Petrova met Victor Lund. She said the meeting was useful.");
    const she = a.mentions.find((m) => m.surface === "She");
    expect(she && a.entities.find((e) => e.key === she.entity)?.name).toBe("Elena Petrova");
  });

  it("a word that is a name on every object's prototype ('constructor', 'toString') is no pronoun", () => {
    const a = annotateText("Velma Orrin visited the Kelport yard. The constructor said the hull was ready, and toString was a word she never used.");
    const e = entityNamed(a, "Velma Orrin");
    const surfaces = a.mentions.filter((m) => m.entity === e?.key).map((m) => m.surface);
    expect(surfaces).not.toContain("constructor");
    expect(surfaces).not.toContain("toString");
    expect(surfaces).toContain("she");
  });

  it("resolves a title-only phrase to the person holding that post", () => {
    const a = annotateText("Greek Foreign Minister Nikos Dendias arrived. \"We want calm,\" the Greek foreign minister said.");
    const m = a.mentions.find((x) => x.via === "title");
    expect(m?.surface).toBe("the Greek foreign minister");
    expect(a.entities.find((e) => e.key === m?.entity)?.name).toBe("Nikos Dendias");
  });

  it("joins spelling variants of one person in an article", () => {
    const a = annotateText("Dmitri Volkov spoke first. Later Dmitry Volkov added details.");
    expect(a.entities.filter((e) => e.kind === "person")).toHaveLength(1);
  });

  it("keeps mentions sorted and pointing at existing entities", () => {
    const a = annotateText("Chile and Peru agreed a deal. Peruvian officials said Lima would sign.");
    const keys = new Set(a.entities.map((e) => e.key));
    expect(a.mentions.every((m) => keys.has(m.entity))).toBe(true);
    expect(a.mentions.map((m) => m.span.start)).toEqual([...a.mentions.map((m) => m.span.start)].sort((x, y) => x - y));
  });

  it("does not read a word inside a name as a pronoun", () => {
    const a = annotateText("Vice Premier Zhou He met Tomas Berg in Oslo.");
    expect(a.mentions.some((m) => m.via === "pronoun")).toBe(false);
  });
});

describe("descriptions", () => {
  it("points 'the jailed ... critic' back to the person just named", () => {
    const a = annotateText("Police detained activist Lev Marsh on Sunday. Supporters of the jailed opposition critic gathered outside.");
    const m = a.mentions.find((x) => x.via === "title");
    expect(m?.surface).toBe("the jailed opposition critic");
    expect(a.entities.find((e) => e.key === m?.entity)?.name).toBe("Lev Marsh");
  });
});

describe("organisation name forms", () => {
  it("joins 'Ministry of X Affairs' and 'X Ministry', and keeps 'X and the Y' apart", () => {
    const a = annotateText("Peru's Ministry of Foreign Affairs said the Foreign Ministry would reply. The Central Bank and the Finance Ministry agreed.");
    const orgs = a.entities.filter((e) => e.kind === "organisation").map((e) => e.name);
    expect(orgs.filter((n) => n.includes("Foreign"))).toHaveLength(1);
    expect(orgs).toEqual(expect.arrayContaining(["Central Bank", "Finance Ministry"]));
  });
});

describe("pronouns prefer subjects", () => {
  it("continues the subject of the sentence before, not its object", () => {
    const a = annotateText("Foreign Minister Ivan Dragov criticised Senator Paul Hart on Monday. \"We reject this,\" he said.");
    const he = a.mentions.find((m) => m.surface === "he");
    expect(a.entities.find((e) => e.key === he?.entity)?.name).toBe("Ivan Dragov");
  });
});

describe("pronouns and distance", () => {
  it("prefers a person in the same sentence over one of known gender further back", () => {
    const a = annotateText("Mr Omar Tarek spoke first. Delegates listened. The report is a newsletter by writer Jon Vale in which he sums up the week.");
    const he = a.mentions.find((m) => m.surface === "he");
    expect(a.entities.find((e) => e.key === he?.entity)?.name).toBe("Jon Vale");
  });
});

describe("ambiguous surnames and listed capitals", () => {
  it("gives 'Mr X' to the subject of the last sentence naming an X", () => {
    const a = annotateText("Premier Zhou Ming met envoy Zhou Lan on Monday. Mr Zhou said talks went well.");
    const m = a.mentions.find((x) => x.surface === "Mr Zhou");
    expect(a.entities.find((e) => e.key === m?.entity)?.name).toBe("Zhou Ming");
  });

  it("reads capitals listed after a place as places", () => {
    const a = annotateText("The envoy will visit Vilnius, Riga and Tallinn next week.");
    for (const city of ["Vilnius", "Riga", "Tallinn"]) expect(a.entities.find((e) => e.kind === "place" && e.name === city)).toBeDefined();
  });
});

describe("bodies named by a common noun", () => {
  it("points 'the ministry' and 'the bloc' to the body named before", () => {
    const a = annotateText("The Chilean Finance Ministry objected. The ministry said it would appeal. The African Union agreed, and the bloc asked for talks.");
    const name = (surface: string) => a.entities.find((e) => e.key === a.mentions.find((m) => m.surface === surface)?.entity)?.name;
    expect(name("The ministry")).toBe("Chilean Finance Ministry");
    expect(name("the bloc")).toBe("African Union");
  });
});
