// Entity and role shapes of real news pages (sixth session): armed groups named by their members,
// towns before a lower-case unit of territory, codes listed with bodies, acronyms spelled out after
// them, and long posts before their holder. Invented names and texts throughout.
import { describe, expect, it } from "vitest";
import { annotateText, entityNamed, kindOf, roleLines } from "./annotate-helpers.ts";

const names = (a: ReturnType<typeof annotateText>, kind: string) => a.entities.filter((e) => e.kind === kind).map((e) => e.name);

describe("an armed group named by its members or a lower-case modifier", () => {
  it("reads a name before 'insurgents', 'militants', 'fighters' as the group's", () => {
    for (const t of ["Velmor Kashan insurgents attacked a convoy near the border.", "Police said Velmor Kashan militants had fled.", "Dozens of Velmor Kashan fighters surrendered on Sunday."]) {
      const a = annotateText(t);
      expect(kindOf(a, "Velmor Kashan")).toBe("organisation");
      expect(names(a, "person")).toEqual([]);
    }
  });

  it("keeps a named person's fighters the person's", () => {
    const a = annotateText("Commander Idris Zalmar said on Monday that Zalmar fighters had taken the port.");
    expect(names(a, "organisation")).not.toContain("Zalmar");
  });

  it("reads 'the X motorcycle club', 'the Y drug cartel' as bodies", () => {
    const a = annotateText("Members of the Iron Ravens motorcycle club were listed, and the Varnesk Tolvar drug cartel was named too.");
    expect(kindOf(a, "Iron Ravens")).toBe("organisation");
    expect(kindOf(a, "Varnesk Tolvar")).toBe("organisation");
  });

  it("reads an acronym in brackets after a lower-case 'military' as a body", () => {
    const a = annotateText("The Norlandic military (NAFK) responded to the attack.");
    expect(kindOf(a, "NAFK")).toBe("organisation");
  });
});

describe("towns and districts before a lower-case unit of territory", () => {
  it("makes 'X village', 'the X district' places, even where X opens with a given name", () => {
    const a = annotateText("Gunmen attacked Sanda village on Monday. Troops were later deployed in the Shirin Tavak district and in Omar Kessel town.");
    expect(kindOf(a, "Sanda")).toBe("place");
    expect(kindOf(a, "Shirin Tavak")).toBe("place");
    expect(kindOf(a, "Omar Kessel")).toBe("place");
    expect(names(a, "person")).toEqual([]);
  });

  it("keeps a named person's family name the person's", () => {
    const a = annotateText("Maria Velasco said the Velasco district office had closed.");
    expect(names(a, "person")).toContain("Maria Velasco");
    expect(names(a, "place")).not.toContain("Velasco");
  });
});

describe("codes and spelled-out names", () => {
  it("does not join a code of letters and digits to a body across 'and'", () => {
    for (const t of ["Leaders of K44 and the Popular Front for the Liberation of Norland met.", "Leaders of the Popular Front for the Liberation of Norland and K44 met."]) {
      const a = annotateText(t);
      expect(names(a, "organisation")).toContain("Popular Front for the Liberation of Norland");
      expect(names(a, "organisation").some((n) => /K44 and|and K44/.test(n))).toBe(false);
      expect(names(a, "person")).toEqual([]);
    }
  });

  it("still joins portfolios across 'and'", () => {
    const a = annotateText("The Ministry of Trade and Industry agreed.");
    expect(names(a, "organisation")).toContain("Ministry of Trade and Industry");
  });

  it("reads a body's name in brackets after its acronym as that acronym's, its initials in another order too", () => {
    const a = annotateText("Two officers of the FPLN (Popular Front for the Liberation of Norland) were named. The FPLN denied it.");
    expect(entityNamed(a, "FPLN")?.name).toBe("Popular Front for the Liberation of Norland");
    expect(a.entities.filter((e) => e.kind === "organisation")).toHaveLength(1);
  });
});

describe("long posts before their holder", () => {
  it("ends a post's portfolio at the holder's given name", () => {
    const a = annotateText("“We will act,” Under Secretary of the Treasury for Terrorism and Financial Intelligence Brian E. Nolan said. Assistant Secretary for Terrorist Financing and Financial Crimes Elena Ruskin agreed.");
    expect(names(a, "person")).toEqual(expect.arrayContaining(["Brian E. Nolan", "Elena Ruskin"]));
    expect(names(a, "organisation").some((n) => /Terrorism|Financial/.test(n))).toBe(false);
    expect(roleLines(a)).toEqual(expect.arrayContaining([expect.stringMatching(/^Brian E\. Nolan \| Under Secretary/), expect.stringMatching(/^Elena Ruskin \| Assistant Secretary for Terrorist Financing and Financial Crimes/)]));
  });

  it("reads a post opening its sentence, a comma, then the name", () => {
    const a = annotateText("Talks ended late. Minister of Foreign Affairs, Anna Kessel, said more would follow.");
    expect(roleLines(a)).toContain("Anna Kessel | Minister of Foreign Affairs | -");
  });

  it("keeps 'X, Secretary of State, Y' the post of the name before", () => {
    const a = annotateText("Jane Lorimer, Secretary of State, Anna Kessel and others met.");
    expect(roleLines(a)).toEqual(["Jane Lorimer | Secretary of State | -"]);
  });
});

describe("places named where things happen, and settlements in lists", () => {
  it("makes a name after 'the attack in', 'killed in', 'born in' a place, even one opening with a given name", () => {
    const a = annotateText("The latest was the attack in Khan Darvesh on April 4. Three people were killed in Omar Tavil on Sunday, and protests in Grace Harbor went on.");
    expect(kindOf(a, "Khan Darvesh")).toBe("place");
    expect(kindOf(a, "Omar Tavil")).toBe("place");
    expect(kindOf(a, "Grace Harbor")).toBe("place");
    expect(names(a, "person")).toEqual([]);
  });

  it("keeps a person after 'confidence in'", () => {
    const a = annotateText("He expressed confidence in Jane Lorimer.");
    expect(kindOf(a, "Jane Lorimer")).toBe("person");
  });

  it("reads 'the villages of X and Y' and 'the X community' as places", () => {
    const a = annotateText("The Russians hit the villages of Oleskivka and Tymorivka in the Bohodar district. Shelling hit the village of Zeleny Dar in the Velyky Tolok community.");
    for (const n of ["Oleskivka", "Tymorivka", "Zeleny Dar", "Velyky Tolok"]) expect(kindOf(a, n)).toBe("place");
    expect(names(a, "person")).toEqual([]);
  });

  it("reads a list of settlements, each with the district it lies in", () => {
    const a = annotateText("About 15 settlements came under fire: Hranivka of Kelmor district, Budarky of Chuvar district, Fykhiv, Ivanivka, Kyslivka and Chuhunivka of Kupar district and others, he said.");
    for (const n of ["Hranivka", "Budarky", "Fykhiv", "Ivanivka", "Kyslivka", "Chuhunivka"]) expect(kindOf(a, n)).toBe("place");
  });

  it("reads 'the people of X' as a place's people", () => {
    const a = annotateText("“The people of Wad Tolna called on the army to rescue them,” the committee said.");
    expect(kindOf(a, "Wad Tolna")).toBe("place");
  });

  it("reads English words after a given name's word as no person's name, but a given name and a family name as one", () => {
    const a = annotateText("The law, which has Royal Assent, passed. Daniel Twining of the Kelmor Institute spoke.");
    expect(names(a, "person")).toEqual(["Daniel Twining"]);
  });
});

describe("page furniture glued to a name or a sentence", () => {
  it("cuts a one-word label or a credit off the name or sentence glued after it", () => {
    const a = annotateText("ShareJane Kessel, the Norlandic foreign minister, said talks would go on.\n\nAdvertisementThe Ministry of Defence said troops had left Velmora.\n\nPhoto: Jane Roe/ReutersThe Kelmor Front denied the report.");
    expect(names(a, "person")).toEqual(expect.arrayContaining(["Jane Kessel", "Jane Roe"]));
    expect(names(a, "organisation")).toEqual(expect.arrayContaining(["Ministry of Defence", "Kelmor Front"]));
    expect(a.entities.some((e) => /Share|Advertisement|ReutersThe/.test(e.name))).toBe(false);
  });

  it("cuts a label glued to a long paragraph, and leaves names written with inner capitals whole", () => {
    const a = annotateText("AdvertisementThe Ministry of Defence said troops had left Velmora after weeks of fighting, and that a new round of talks on the exchange of prisoners would open in the capital next week, officials said on Monday evening.\n\nThe fund was founded by John McDonald and later sold to Anna DeWitt, who spoke to YouTube.");
    expect(names(a, "organisation")).toContain("Ministry of Defence");
    expect(names(a, "person")).toEqual(expect.arrayContaining(["John McDonald", "Anna DeWitt"]));
  });
});
