// Attribution shapes read on real published pages (sixth session), each written here as invented
// sentences: reporting words that speak only in context ("pointed out", "mentioned"), a time word
// that no speaker coordinates with ("“…” Monday, and X said"), "the embassy to the United States", a
// pronoun whose sentence opened with its speaker before the quote, "the spokesman" after quotes of a
// person the text gave no post, and a quote paragraph after “…,” said X, the Y.
import { describe, expect, it } from "vitest";
import { extractQuotes } from "../../src/extract/quotes.ts";
import { annotateText } from "./annotate-helpers.ts";

/** [speaker's name, quoted words] of each statement the pass finds. */
function statements(...paragraphs: string[]): Array<[string, string]> {
  const a = annotateText(paragraphs.join("\n\n"));
  const name = (key: string) => a.entities.find((e) => e.key === key)?.name ?? key;
  return extractQuotes(a).map((q) => [(q.speakers ?? [q.speaker]).map(name).join(" + "), q.text]);
}

describe("reporting words that speak only in context", () => {
  it("reads 'pointed out that', 'mentioned on Monday that' and “…,” X mentioned as speech", () => {
    expect(statements(`Peruvian Fisheries Minister Carlos Ruiz pointed out that the fleet was "ready for any inspection at any port".`)).toEqual([
      ["Carlos Ruiz", "ready for any inspection at any port"],
    ]);
    expect(statements(`"The quotas will stay until the stocks recover," Norwegian Trade Minister Anna Berg mentioned.`)).toEqual([
      ["Anna Berg", "The quotas will stay until the stocks recover"],
    ]);
    expect(statements(`Norwegian Trade Minister Anna Berg mentioned on Monday that it was "a short pause, nothing more".`)).toEqual([["Anna Berg", "a short pause, nothing more"]]);
  });

  it("keeps the speaker of 'said' when 'mentioned' only describes a noun after it", () => {
    expect(statements(`Norwegian Trade Minister Anna Berg said the firms mentioned in the annex were "only the first of many more to come".`)).toEqual([
      ["Anna Berg", "only the first of many more to come"],
    ]);
  });
});

describe("a time word before ', and X said' coordinates no speaker", () => {
  it("gives the quote to the subject of its own clause, not to the speaker of the next one", () => {
    expect(statements(`Norwegian Trade Minister Anna Berg called the quotas "unlawful" Monday, and Peruvian Fisheries Minister Carlos Ruiz said the talks had failed.`)).toEqual([
      ["Anna Berg", "unlawful"],
    ]);
    expect(statements(`Norwegian Trade Minister Anna Berg called the ban "a grave mistake" yesterday, and Peruvian Fisheries Minister Carlos Ruiz said the talks had failed.`)).toEqual([
      ["Anna Berg", "a grave mistake"],
    ]);
  });

  it("still reads a coordinated subject of two names after a quote", () => {
    expect(statements(
      `Norwegian Trade Minister Anna Berg met Peruvian Fisheries Minister Carlos Ruiz in Lima.`,
      `"We stand together on this and we will not be divided," Berg and Ruiz said on Monday.`,
    )).toEqual([["Anna Berg + Carlos Ruiz", "We stand together on this and we will not be divided"]]);
  });
});

describe("a body 'to' or 'in' another place speaks, not that place", () => {
  it("reads 'the Russian embassy to the United States said' as the embassy", () => {
    const found = statements(`The Russian embassy to the United States blasted the move and said Moscow would "withstand this brute pressure from Washington".`);
    expect(found).toHaveLength(1);
    expect(found[0][0]).not.toBe("United States");
    expect(found[0][0]).toMatch(/embassy/i);
  });
});

describe("a pronoun whose own sentence opened with the speaker", () => {
  it("gives “…,” he wrote to the person the sentence opened with before the quote, not to the speaker of the paragraph before", () => {
    expect(statements(
      `"The quotas are fair and they will stay," Norwegian Trade Minister Lars Berg said on Monday.`,
      `Peruvian Fisheries Minister Carlos Ruiz hit back on social media: "These quotas are theft in broad daylight," he wrote. "Nobody in Lima will accept them."`,
    )).toEqual([
      ["Lars Berg", "The quotas are fair and they will stay"],
      ["Carlos Ruiz", "These quotas are theft in broad daylight"],
      ["Carlos Ruiz", "Nobody in Lima will accept them."],
    ]);
  });

  it("leaves a pronoun of the other gender to the speaker chain", () => {
    const found = statements(
      `"We will answer in every court," Peruvian Fisheries Minister Carlos Ruiz said on Monday.`,
      `Norwegian Trade Minister Anna Berg replied on social media: "The quotas follow the science," he added.`,
    );
    expect(found.find(([, words]) => words.startsWith("The quotas"))?.[0]).not.toBe("Anna Berg");
  });
});

describe("'the spokesman' after quotes of a person with no post", () => {
  it("goes on with that person", () => {
    expect(statements(
      `The Peruvian foreign ministry's spokesman condemned the quotas on Monday.`,
      `In a statement, Mateo Lindqvist said the quotas were illegal. "The quotas break every rule of the trade agreement we signed," Lindqvist said.`,
      `"Our fleet will keep fishing in its own waters as it always has," the spokesman added.`,
    )).toEqual([
      ["Mateo Lindqvist", "The quotas break every rule of the trade agreement we signed"],
      ["Mateo Lindqvist", "Our fleet will keep fishing in its own waters as it always has"],
    ]);
  });

  it("takes nobody when the person quoted before holds a post of their own", () => {
    expect(statements(
      `"The quotas break every rule of the trade agreement we signed," Peruvian Fisheries Minister Carlos Ruiz said.`,
      `"Our fleet will keep fishing in its own waters as it always has," the spokesman added.`,
    )).toEqual([["Carlos Ruiz", "The quotas break every rule of the trade agreement we signed"]]);
  });
});

describe("a quote paragraph after “…,” said X, the Y", () => {
  it("goes on with the speaker named after the quote before it", () => {
    expect(statements(
      `"We will not keep quiet while our fishermen lose their livelihoods to these quotas," said Peruvian Fisheries Minister Carlos Ruiz, the favourite to lead his party.`,
      `"We will keep fighting the quotas in every court until they are lifted."`,
    )).toEqual([
      ["Carlos Ruiz", "We will not keep quiet while our fishermen lose their livelihoods to these quotas"],
      ["Carlos Ruiz", "We will keep fighting the quotas in every court until they are lifted."],
    ]);
  });
});

describe("'they' and 'the statement' never go back to names a preposition governs", () => {
  it("gives 'the statement said' the body that said it in a statement, however many times it is repeated", () => {
    expect(statements(
      `Russia barred 25 Norwegians, including actors Jon Smith and Peter Lind, from entering the country, the Russian Foreign Ministry said in a statement on Monday.`,
      `"The ban is our answer to the fishing quotas imposed on our fleet," the statement said.`,
      `The ministry said more measures would follow.`,
      `"Any further hostile moves will meet a firm and immediate rebuff," the statement said.`,
    )).toEqual([
      ["Russian Foreign Ministry", "The ban is our answer to the fishing quotas imposed on our fleet"],
      ["Russian Foreign Ministry", "Any further hostile moves will meet a firm and immediate rebuff"],
    ]);
  });

  it("takes no speaker for 'they' when the pair named last is the object of 'including'", () => {
    expect(statements(
      `Oslo imposed quotas on 28 Peruvian firms, including trawler owners Jon Smith and Peter Lind, for fishing illegally.`,
      `They stressed that the owners had broken the rules and "will pay for it in the end".`,
    )).toEqual([]);
  });

  it("still gives 'they' to the pair that met, named as subjects", () => {
    expect(statements(
      `Norwegian Trade Minister Anna Berg and Peruvian Fisheries Minister Carlos Ruiz met in Lima on Monday.`,
      `They said the talks had been "frank, long and useful for both our countries".`,
    )).toEqual([["Anna Berg + Carlos Ruiz", "frank, long and useful for both our countries"]]);
  });
});

describe("a body's spokesperson named once", () => {
  it("reads 'China's Foreign Ministry spokesperson' as the person the text named with that post", () => {
    expect(statements(
      `Chinese Foreign Ministry spokesperson Mei Lin said on Monday that the quotas were illegal.`,
      `China's Foreign Ministry spokesperson also urged Oslo to drop the quotas at once.`,
      `"The quotas harm fishermen on both sides and they must be lifted at once."`,
    )).toEqual([
      ["Mei Lin", "The quotas harm fishermen on both sides and they must be lifted at once."],
    ]);
  });

  it("does not give 'a Foreign Ministry spokesperson' to that person", () => {
    const found = statements(
      `Chinese Foreign Ministry spokesperson Mei Lin said on Monday that the quotas were illegal.`,
      `A Foreign Ministry spokesperson later said the quotas were "illegal and must be lifted at once".`,
    );
    expect(found.map(([speaker]) => speaker)).not.toContain("Mei Lin");
  });
});

describe("a statement's signers after a comma", () => {
  it("reads 'The statement, signed by A and B, said:' as A and B, not the statement named before", () => {
    expect(statements(
      `A statement from the Peruvian embassy read: "The quotas violate the bilateral fishing agreement signed in 2019."`,
      `The statement, signed by Norwegian Trade Minister Anna Berg and the Danish trade minister Lars Holm, said: "The quotas protect the stocks for everyone's children."`,
    )).toEqual([
      ["Peruvian embassy", "The quotas violate the bilateral fishing agreement signed in 2019."],
      ["Anna Berg + Lars Holm", "The quotas protect the stocks for everyone's children."],
    ]);
  });
});

describe("posts and participles after a comma", () => {
  it("reads 'took to social media, tweeting that “…”' and '…, reiterating that “…”' as the subject's words", () => {
    expect(statements(`Peruvian Foreign Minister Carlos Ruiz took to social media on Monday, tweeting that the quotas were "the permanent closure of the path of dialogue".`)).toEqual([
      ["Carlos Ruiz", "the permanent closure of the path of dialogue"],
    ]);
    expect(statements(`Norwegian Trade Minister Anna Berg spoke in Oslo on Monday, reiterating that the quotas were "based on the best science available".`)).toEqual([
      ["Anna Berg", "based on the best science available"],
    ]);
  });

  it("gives 'X did not take it lightly as he responded, tweeting “…”' to X, not to the speaker of the sentence before", () => {
    expect(statements(
      `Norwegian Trade Minister Lars Berg said the rules showed "a reckless disregard for the stocks we share". Peruvian President Carlos Ruiz did not take the comments lightly as he responded on social media, tweeting "Oslo's statement only shows that it does not understand the sea".`,
    )).toEqual([
      ["Lars Berg", "a reckless disregard for the stocks we share"],
      ["Carlos Ruiz", "Oslo's statement only shows that it does not understand the sea"],
    ]);
  });
});
