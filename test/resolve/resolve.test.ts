import { describe, expect, it } from "vitest";
import type { Extraction, LocalEntity } from "../../src/model.ts";
import { resolve } from "../../src/resolve/index.ts";
import { foldTransliteration, personKey } from "../../src/resolve/names.ts";
import { slugify } from "../../src/resolve/ids.ts";

/** An extraction of a made-up article that knows only these entities. */
function article(id: string, entities: Partial<LocalEntity>[]): Extraction {
  return {
    doc: { id, fileName: `${id}.txt`, sha256: "", text: "", blocks: [], sentences: [] },
    entities: entities.map((e, i) => ({ key: `e${i}`, kind: "person", name: e.names?.[0] ?? "", names: [], ...e }) as LocalEntity),
    mentions: [],
    roles: [],
    quotes: [],
    sanctions: [],
  };
}
const idOf = (r: ReturnType<typeof resolve>, doc: string, key = "e0") => r.entityOf.get(`${doc}#${key}`);

describe("person names", () => {
  it("folds transliteration variants of given names and surnames", () => {
    expect(foldTransliteration("sergei")).toBe(foldTransliteration("sergey"));
    expect(foldTransliteration("aleksei")).toBe(foldTransliteration("alexey"));
    expect(foldTransliteration("alexei")).toBe(foldTransliteration("aleksey"));
    expect(foldTransliteration("yuri")).toBe(foldTransliteration("yury"));
    expect(foldTransliteration("dmitri")).toBe(foldTransliteration("dmitriy"));
    expect(foldTransliteration("zelenskyy")).toBe(foldTransliteration("zelenskiy"));
    expect(foldTransliteration("mohammed")).toBe(foldTransliteration("muhammad"));
    expect(foldTransliteration("mohamad")).toBe(foldTransliteration("muhammad"));
    expect(foldTransliteration("ivan")).not.toBe(foldTransliteration("ivana"));
    // the variants Wikidata linking already joined, now the same for resolution
    expect(foldTransliteration("yekaterina")).toBe(foldTransliteration("ekaterina"));
    expect(foldTransliteration("yevgeny")).toBe(foldTransliteration("evgeni"));
    expect(foldTransliteration("navalnyy")).toBe(foldTransliteration("navalny"));
    expect(foldTransliteration("dmitry")).toBe(foldTransliteration("dmitriy"));
    expect(foldTransliteration("abdel")).toBe(foldTransliteration("abdul"));
    // a first "j" is a consonant; doubled letters fold in Latin script only
    expect(foldTransliteration("jan")).not.toBe(foldTransliteration("ian"));
    expect(foldTransliteration("莉莉")).not.toBe(foldTransliteration("莉"));
  });

  it("folds transliteration the same way twice over", () => {
    for (const t of ["sergej", "aleksei", "yekaterina", "mohammed", "zelenskyy", "navalnyy", "abdel", "kks", "yyekat"]) {
      expect(foldTransliteration(foldTransliteration(t))).toBe(foldTransliteration(t));
    }
  });

  it("keys person names through the shared transliteration folding", () => {
    expect(personKey("Yekaterina Orlova")).toBe(personKey("Ekaterina Orlova"));
    expect(personKey("Alexei Navalny")).toBe(personKey("Aleksey Navalnyy"));
    expect(personKey("Volodymyr Zelensky")).toBe(personKey("Volodymyr Zelenskyy"));
    expect(personKey("Lech Wałęsa")).toBe(personKey("Lech Walesa"));
    expect(personKey("Jan Kowal")).not.toBe(personKey("Ian Kowal"));
  });

  it("keys full names only, ignoring case, diacritics, hyphens and titles", () => {
    expect(personKey("Tomás Ortega-Ruiz")).toBe(personKey("tomas ortega ruiz"));
    expect(personKey("President Anna Kowalska")).toBe(personKey("Anna Kowalska"));
    expect(personKey("Mr Kowalski")).toBeNull();
    expect(personKey("Kowalski")).toBeNull();
  });

  it("reads initials letter by letter and drops an Arabic article inside a name", () => {
    expect(personKey("K.J.M. Dorsey")).toBe(personKey("K J M Dorsey"));
    expect(personKey("KJM Dorsey")).toBe(personKey("K J M Dorsey"));
    expect(personKey("Karim al-Hassani")).toBe(personKey("Karim Hassani"));
    expect(personKey("Al Gorey")).not.toBeNull();
    expect(personKey("LI Wen")).toBe(personKey("Li Wen"));
    expect(personKey("Pak Chol-su")).toBe(personKey("Pak Chol Su"));
    expect(personKey("Pak Cholsu")).toBe(personKey("Pak Chol-su"));
  });

  it("merges one person spelt two ways in two articles, with every form as a label", () => {
    const r = resolve([
      article("a", [{ name: "Dmitri Petrovsky", names: ["Dmitri Petrovsky", "Petrovsky", "Mr Petrovsky"] }]),
      article("b", [{ name: "Dmitry Petrovskiy", names: ["Dmitry Petrovskiy"] }]),
    ]);
    expect(r.entities).toHaveLength(1);
    const [p] = r.entities;
    expect(idOf(r, "a")).toBe(p.id);
    expect(idOf(r, "b")).toBe(p.id);
    expect([p.label, ...p.altLabels].sort()).toEqual(["Dmitri Petrovsky", "Dmitry Petrovskiy", "Mr Petrovsky", "Petrovsky"]);
    expect(p.articles).toEqual(["a", "b"]);
  });

  it("never merges a surname alone with a full name in another article", () => {
    const r = resolve([
      article("a", [{ name: "Maria Lindqvist", names: ["Maria Lindqvist", "Lindqvist"] }]),
      article("b", [{ name: "Lindqvist", names: ["Lindqvist"] }]),
      article("c", [{ name: "Erik Lindqvist", names: ["Erik Lindqvist"] }]),
    ]);
    expect(r.entities).toHaveLength(3);
    expect(new Set([idOf(r, "a"), idOf(r, "b"), idOf(r, "c")]).size).toBe(3);
  });

  it("keeps pronouns and bare titles out of the labels", () => {
    const r = resolve([article("a", [{ name: "Ola Nordmann", names: ["Ola Nordmann", "he", "He", "the minister", "Foreign Minister", "Nordmann"] }])]);
    const [p] = r.entities;
    expect(p.label).toBe("Ola Nordmann");
    expect(p.altLabels).toEqual(["Nordmann"]);
  });
});

describe("merging within a kind only", () => {
  it("does not merge a person and a place of the same name", () => {
    const r = resolve([
      article("a", [{ kind: "person", name: "Jordan Hale", names: ["Jordan Hale"] }]),
      article("b", [{ kind: "place", name: "Jordan Hale", names: ["Jordan Hale"] }]),
    ]);
    expect(r.entities.map((e) => e.id).sort()).toEqual(["person/jordan-hale", "place/jordan-hale"]);
  });
});

describe("states", () => {
  it("merge by ISO code whatever the names, and by name when a code is missing", () => {
    const r = resolve([
      article("a", [{ kind: "country", name: "United States", names: ["United States", "US"], iso3: "USA" }]),
      article("b", [{ kind: "country", name: "America", names: ["America", "Washington"], iso3: "USA" }]),
      article("c", [{ kind: "country", name: "U.S.", names: ["U.S."] }]),
    ]);
    expect(r.entities).toHaveLength(1);
    expect(r.entities[0]).toMatchObject({ id: "country/united-states", label: "United States", iso3: "USA", articles: ["a", "b", "c"] });
    expect(r.entities[0].altLabels).toEqual(["America", "U.S.", "US", "Washington"]);
  });

  it("do not merge two ISO codes through a shared name", () => {
    const r = resolve([
      article("a", [{ kind: "country", name: "Congo", names: ["Congo"], iso3: "COD" }]),
      article("b", [{ kind: "country", name: "Congo", names: ["Congo"], iso3: "COG" }]),
    ]);
    expect(r.entities).toHaveLength(2);
    expect(new Set(r.entities.map((e) => e.id)).size).toBe(2);
  });
});

describe("organisations", () => {
  it("merge through a shared acronym when only one full name has it", () => {
    const r = resolve([
      article("a", [{ kind: "organisation", name: "Nordic Trade Council", names: ["Nordic Trade Council", "NTC"] }]),
      article("b", [{ kind: "organisation", name: "NTC", names: ["NTC"] }]),
    ]);
    expect(r.entities).toHaveLength(1);
    expect(r.entities[0]).toMatchObject({ label: "Nordic Trade Council", altLabels: ["NTC"], id: "organisation/nordic-trade-council" });
  });

  it("keep apart two bodies that share an acronym, and an acronym alone joins neither", () => {
    const r = resolve([
      article("a", [{ kind: "organisation", name: "International Chess Committee", names: ["International Chess Committee", "ICC"], orgType: "other" }]),
      article("b", [{ kind: "organisation", name: "Island Cooperation Compact", names: ["Island Cooperation Compact", "ICC"], orgType: "international" }]),
      article("c", [{ kind: "organisation", name: "ICC", names: ["ICC"] }]),
    ]);
    expect(r.entities).toHaveLength(3);
  });

  it("an ambiguous acronym joins the one body of the same kind", () => {
    const r = resolve([
      article("a", [{ kind: "organisation", name: "Pacific Broadcasting Corporation", names: ["Pacific Broadcasting Corporation", "PBC"], orgType: "media" }]),
      article("b", [{ kind: "organisation", name: "People's Bank of Cascadia", names: ["People's Bank of Cascadia", "PBC"], orgType: "government" }]),
      article("c", [{ kind: "organisation", name: "PBC", names: ["PBC"], orgType: "media" }]),
    ]);
    expect(r.entities).toHaveLength(2);
    expect(idOf(r, "c")).toBe(idOf(r, "a"));
  });

  it("do not merge through a capital used as a metonym for two bodies", () => {
    const r = resolve([
      article("a", [
        { kind: "organisation", name: "Northern Union", names: ["Northern Union", "Elmstadt"], orgType: "international" },
        { kind: "place", name: "Elmstadt", names: ["Elmstadt"] },
      ]),
      article("b", [{ kind: "organisation", name: "Southern Defence Pact", names: ["Southern Defence Pact", "Elmstadt"], orgType: "international" }]),
    ]);
    expect(r.entities.filter((e) => e.kind === "organisation")).toHaveLength(2);
  });

  it("do not merge two countries' ministries through a generic name", () => {
    const r = resolve([
      article("a", [{ kind: "organisation", name: "Ruritanian Foreign Ministry", names: ["Ruritanian Foreign Ministry", "Foreign Ministry"], orgType: "government" }]),
      article("b", [{ kind: "organisation", name: "Freedonian Foreign Ministry", names: ["Freedonian Foreign Ministry", "Foreign Ministry"], orgType: "government" }]),
      article("c", [{ kind: "organisation", name: "Ruritanian foreign ministry", names: ["Ruritanian foreign ministry"], orgType: "government" }]),
    ]);
    expect(r.entities).toHaveLength(2);
    expect(idOf(r, "c")).toBe(idOf(r, "a"));
    const rur = r.entities.find((e) => e.id === idOf(r, "a"))!;
    expect(rur.label).toBe("Ruritanian Foreign Ministry");
    expect(rur.altLabels).toEqual(["Foreign Ministry"]); // the lower-case spelling is the same form
  });
});

describe("labels and ids", () => {
  it("label is the most common full form; ties are broken the same way in any order", () => {
    const arts = [
      article("a", [{ name: "Alexei Morozov", names: ["Alexei Morozov"] }]),
      article("b", [{ name: "Aleksei Morozov", names: ["Aleksei Morozov"] }]),
      article("c", [{ name: "Aleksei Morozov", names: ["Aleksei Morozov", "Morozov"] }]),
    ];
    const r = resolve(arts);
    expect(r.entities[0].label).toBe("Aleksei Morozov");
    const tie = [article("a", [{ name: "Alexei Morozov", names: ["Alexei Morozov"] }]), article("b", [{ name: "Aleksei Morozov", names: ["Aleksei Morozov"] }])];
    expect(resolve(tie).entities[0].label).toBe(resolve([...tie].reverse()).entities[0].label);
  });

  it("slugs are ASCII with diacritics transliterated", () => {
    expect(slugify("Łukasz Żółć-Straße")).toBe("lukasz-zolc-strasse");
    expect(slugify("Ngô Đình Diệm")).toBe("ngo-dinh-diem");
    expect(slugify("Al-Jazeera & Co.")).toBe("al-jazeera-and-co");
  });

  it("two entities with one slug get distinct ids that do not depend on article order", () => {
    const arts = [
      article("a", [{ name: "Kim", names: ["Kim"] }]),
      article("b", [{ name: "Kim", names: ["Kim"] }]),
      article("c", [{ kind: "organisation", name: "Kim", names: ["Kim"] }]),
    ];
    const r1 = resolve(arts);
    const r2 = resolve([...arts].reverse());
    expect(r1.entities.filter((e) => e.kind === "person")).toHaveLength(2);
    expect(new Set(r1.entities.map((e) => e.id)).size).toBe(3);
    expect(r1.entities.map((e) => e.id)).toEqual(r2.entities.map((e) => e.id));
    expect([...r1.entityOf].sort()).toEqual([...r2.entityOf].sort());
    expect(r1.entities.map((e) => e.id)).toContain("person/kim");
  });

  it("entities are sorted by id and every local entity is mapped", () => {
    const r = resolve([article("a", [{ name: "Zoe Adams", names: ["Zoe Adams"] }, { name: "Abel Zhu", names: ["Abel Zhu"] }])]);
    expect(r.entities.map((e) => e.id)).toEqual(["person/abel-zhu", "person/zoe-adams"]);
    expect(r.entityOf.size).toBe(2);
  });
});

describe("scale", () => {
  it("resolves a thousand articles without pairwise work, the same in any order (counts, not time)", () => {
    const arts: Extraction[] = [];
    for (let i = 0; i < 1200; i++)
      arts.push(article(`d${i}`, [
        { name: `Person${i % 500} Surname${i % 500}`, names: [`Person${i % 500} Surname${i % 500}`, `Surname${i % 500}`] },
        { kind: "organisation", name: `Agency ${i % 50} Bureau`, names: [`Agency ${i % 50} Bureau`, `AB${i % 50}`] },
        { kind: "country", name: "Freedonia", names: ["Freedonia"], iso3: "FRE" },
      ]));
    const r = resolve(arts);
    expect(r.entities.filter((e) => e.kind === "person")).toHaveLength(500);
    expect(r.entities.filter((e) => e.kind === "organisation")).toHaveLength(50);
    expect(r.entities.filter((e) => e.kind === "country")).toHaveLength(1);
    expect(r.entityOf.size).toBe(3600);
    const reversed = resolve([...arts].reverse());
    expect(reversed.entities).toEqual(r.entities);
    expect([...reversed.entityOf].sort()).toEqual([...r.entityOf].sort());
  });
});

describe("odd input", () => {
  it("an entity without any name still gets an id and a label", () => {
    const r = resolve([article("a", [{ name: "", names: [" "] }])]);
    expect(r.entities).toHaveLength(1);
    expect(r.entities[0].id).toBe("person/e0");
    expect(r.entities[0].altLabels).toEqual([]);
  });
});
