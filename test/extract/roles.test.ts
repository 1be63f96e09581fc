import { describe, expect, it } from "vitest";
import { annotateText, roleLines } from "./annotate-helpers.ts";

describe("roles", () => {
  it("splits '[Demonym] Title Name' into title and state", () => {
    const a = annotateText("Polish Defence Minister Marek Zielinski arrived on Monday.");
    expect(roleLines(a)).toContain("Marek Zielinski | Defence Minister | Poland");
  });

  it("keeps 'of' and 'to' phrases inside titles", () => {
    const a = annotateText("Canadian Ambassador to Mexico Laura Chen and Secretary of State Paul Okoye spoke.");
    const lines = roleLines(a);
    expect(lines).toContain("Laura Chen | Ambassador to Mexico | Canada");
    expect(lines.some((l) => l.startsWith("Paul Okoye | Secretary of State"))).toBe(true);
  });

  it("reads appositions with 'of' or 'at' organisations", () => {
    const a = annotateText("Omar Haddad, director of the Centre for Gulf Studies at Amman University, said the deal was fragile.");
    expect(roleLines(a)).toContain("Omar Haddad | director | Centre for Gulf Studies");
  });

  it("reads lower-case posts before a name, with a possessive owner", () => {
    const a = annotateText("Kenya's trade ministry spokesman Daniel Mwangi declined to comment. The Baltic Energy Agency's chief economist Liis Tamm disagreed.");
    const lines = roleLines(a);
    expect(lines.some((l) => l.startsWith("Daniel Mwangi | spokesman"))).toBe(true);
    expect(lines).toContain("Liis Tamm | chief economist | Baltic Energy Agency");
  });

  it("reads 'who is also' and 'former' posts", () => {
    const a = annotateText("The plan was backed by former Prime Minister Hugo Brandt. Mr Brandt, who is also party chairman, spoke first.");
    const lines = roleLines(a);
    expect(lines).toContain("Hugo Brandt | former Prime Minister | -");
    expect(lines).toContain("Hugo Brandt | party chairman | -");
  });

  it("gives a counterpart the post of the person it is counterpart to", () => {
    const a = annotateText("Spanish Foreign Minister Carla Ruiz and her Moroccan counterpart Youssef Alami met in Rabat.");
    expect(roleLines(a)).toContain("Youssef Alami | Foreign Minister | Morocco");
  });

  it("carries the state over to a coordinated title", () => {
    const a = annotateText("Japanese Finance Minister Kenji Sato and Trade Minister Aiko Mori will attend.");
    expect(roleLines(a)).toContain("Aiko Mori | Trade Minister | Japan");
  });

  it("does not take descriptions for posts and keeps one role per post", () => {
    const a = annotateText("President Ana Lima spoke. President Lima later left. The jailed Kremlin critic Pavel Orlov was moved.");
    const lines = roleLines(a);
    expect(lines.filter((l) => l.startsWith("Ana Lima | President"))).toHaveLength(1);
    expect(lines.some((l) => l.startsWith("Pavel Orlov"))).toBe(false);
  });

  it("gives both posts of 'Title and Title Name' with their owner", () => {
    const a = annotateText("Thai Deputy Prime Minister and Commerce Minister Niran Chaiyo left early.");
    const lines = roleLines(a);
    expect(lines).toContain("Niran Chaiyo | Deputy Prime Minister | Thailand");
    expect(lines).toContain("Niran Chaiyo | Commerce Minister | Thailand");
  });

  it("keeps the destination of an ambassador in the post and the sender as owner", () => {
    const a = annotateText("Piotr Nowak, Poland's ambassador to the United States, said visas would be eased.");
    expect(roleLines(a)).toContain("Piotr Nowak | ambassador to the United States | Poland");
  });
});

describe("roles in less common shapes", () => {
  it("keeps portfolio words in the title and the demonym as owner", () => {
    const a = annotateText("Mongolian Mining Minister Bold Tseren signed the licence.");
    expect(roleLines(a)).toContain("Bold Tseren | Mining Minister | Mongolia");
  });

  it("reads an author's note 'X is the Y correspondent of Z'", () => {
    const a = annotateText("Lena Ostrova is the Balkans correspondent of the Adriatic Times.");
    expect(roleLines(a)).toContain("Lena Ostrova | Balkans correspondent | Adriatic Times");
  });
});

describe("owners named indirectly", () => {
  it("reads 'the country's' as the state named last", () => {
    const a = annotateText("Chile hosted the talks. Rosa Pinto, the country's foreign minister, said a deal was near.");
    expect(roleLines(a)).toContain("Rosa Pinto | foreign minister | Chile");
  });
});

describe("titles with honorifics and ranks", () => {
  it("reads 'Title Honorific Name' and military ranks", () => {
    const a = annotateText("Iranian Supreme Leader Ayatollah Reza Tabari spoke. Lieutenant General Yusuf Okoro listened.");
    const lines = roleLines(a);
    expect(lines).toContain("Reza Tabari | Supreme Leader | Iran");
    expect(lines).toContain("Yusuf Okoro | Lieutenant General | -");
  });
});

describe("posts named through pronouns", () => {
  it("gives a counterpart named in a later sentence the post of the person before", () => {
    const a = annotateText("Dutch Foreign Minister Eva Smit arrived. Smit later called her Belgian counterpart Luc Peeters.");
    expect(roleLines(a)).toContain("Luc Peeters | Foreign Minister | Belgium");
  });

  it("reads 'Its deputy head' as a post of the body named last", () => {
    const a = annotateText("The Harbour Safety Council met on Monday. Its deputy head, Ivo Rask, said little.");
    expect(roleLines(a)).toContain("Ivo Rask | deputy head | Harbour Safety Council");
  });
});

describe("time words before titles", () => {
  it("keeps a sentence-initial 'Former' in the post and out of names", () => {
    const a = annotateText("Former President Alma Reyes spoke. Former Navy chief Admiral Jon Berg agreed.");
    expect(roleLines(a)).toContain("Alma Reyes | former President | -");
    expect(a.entities.some((e) => e.name.startsWith("Former"))).toBe(false);
  });
});

describe("abbreviated ranks", () => {
  it("reads 'Sen. X' and 'Gen. X' as posts, a rank as written", () => {
    const a = annotateText("Sen. Laura Pike and Gen. Omar Diallo met on Friday.");
    const lines = roleLines(a);
    expect(lines).toContain("Laura Pike | Senator | -");
    expect(lines).toContain("Omar Diallo | Gen. | -");
  });
});

describe("hyphenated titles", () => {
  it("keeps 'President-elect' as a post", () => {
    const a = annotateText("The outgoing leader met President-elect Maria Duarte on Friday.");
    expect(roleLines(a)).toContain("Maria Duarte | President-elect | -");
  });
});

describe("several posts in one apposition", () => {
  it("reads 'X, a Y at Z and a former W' as two posts, and no post from 'X and the minister'", () => {
    const a = annotateText("Kara Vance and the foreign minister met. Omar Lutfi, a professor at Nile University and a former adviser to the Arab League, spoke.");
    const lines = roleLines(a);
    expect(lines).toContain("Omar Lutfi | professor | Nile University");
    expect(lines.some((l) => l.startsWith("Omar Lutfi | former adviser"))).toBe(true);
    expect(lines.some((l) => l.startsWith("Kara Vance"))).toBe(false);
  });
});

describe("bodies that own posts", () => {
  it("reads 'Zentrix CEO X' and 'Zentrix founder X' as posts of a body, and 'Vance adviser X' as no body", () => {
    const a = annotateText("Zentrix CEO Lara Moss met Dorvane founder Piet Hals and Lindqvist adviser Tom Ek.");
    const lines = roleLines(a);
    expect(lines).toContain("Lara Moss | CEO | Zentrix");
    expect(lines).toContain("Piet Hals | founder | Dorvane");
  });
});
