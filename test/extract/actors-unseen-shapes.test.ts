// Actor shapes of unseen news pages, read through the whole annotation: who speaks when a
// spokesperson is not named ("a spokesperson for the company", "a foreign ministry spokesman"), an
// office for its state ("the Chilean presidency said"), officials placed in a capital, "the Surname
// government". Every sentence is invented for the test; paragraphs are separated by blank lines.
import { describe, expect, it } from "vitest";
import { extractQuotes } from "../../src/extract/quotes.ts";
import { annotateText, entityNamed, kindOf, roleLines } from "./annotate-helpers.ts";

/** [speaker's name, quoted words] of each statement the pass finds. */
function statements(...paragraphs: string[]): Array<[string, string]> {
  const a = annotateText(paragraphs.join("\n\n"));
  const name = (key: string) => a.entities.find((e) => e.key === key)?.name ?? key;
  return extractQuotes(a).map((q) => [name(q.speaker), q.text]);
}

describe("an unnamed spokesperson speaks for the body the text described", () => {
  it("gives 'a spokesperson for the (social media) company' to the firm named before, not to the agency quoting", () => {
    expect(statements(`Bellmont Holdings suspended the account on Monday. "The account broke our rules on impersonation," the agency quoted a spokesperson for the social media company as saying.`)).toEqual([
      ["Bellmont Holdings", "The account broke our rules on impersonation"],
    ]);
    expect(statements(`Granvik Shipping sold two tankers. A spokeswoman for the company said the sale was "the right decision for our shareholders".`)).toEqual([
      ["Granvik Shipping", "the right decision for our shareholders"],
    ]);
  });

  it("gives 'a (foreign) ministry spokesman' to the ministry named before, the one with the same words when two were", () => {
    expect(statements(`The Norwegian Ministry of Fisheries published the figures. "The stocks are recovering faster than we expected," a ministry spokesman said.`)).toEqual([
      ["Norwegian Ministry of Fisheries", "The stocks are recovering faster than we expected"],
    ]);
    expect(statements(`Peru's Interior Ministry and Chile's foreign ministry met on Monday. "We agree on every point of the plan," a foreign ministry spokesman said.`)).toEqual([
      ["Chilean foreign ministry", "We agree on every point of the plan"],
    ]);
    expect(statements(`Chile's foreign ministry summoned the envoy. "This is a hostile act against our people," a spokeswoman for the ministry told reporters.`)).toEqual([
      ["Chilean foreign ministry", "This is a hostile act against our people"],
    ]);
  });

  it("gives 'a government spokesman' and 'the company's spokesman' to the state and the firm", () => {
    expect(statements(`The Chilean government rejected the quotas. "This is unacceptable and we will answer it," a government spokesman said.`)).toEqual([
      ["Chile", "This is unacceptable and we will answer it"],
    ]);
    expect(statements(`Bellmont Holdings sold the unit. "It was the right price for the shareholders," the company's spokesman said.`)).toEqual([
      ["Bellmont Holdings", "It was the right price for the shareholders"],
    ]);
  });

  it("leaves the quote without a speaker when no such body was named, or only the agency that quotes", () => {
    expect(statements(`"The stocks are recovering faster than we expected," a ministry spokesman said.`)).toEqual([]);
    expect(statements(`Nordic Wire quoted a spokesperson for the company as saying the sale was "the right decision for our shareholders".`)).toEqual([]);
  });
});

describe("an office speaks for its state", () => {
  it("reads 'the Chilean presidency said' as Chile", () => {
    expect(statements(`"We regret the decision of the court," the Chilean presidency said in a statement.`)).toEqual([["Chile", "We regret the decision of the court"]]);
    expect(statements(`The Peruvian presidency said the talks had been "frank, open and useful for both sides".`)).toEqual([["Peru", "frank, open and useful for both sides"]]);
  });
});

describe("officials placed in a capital are its state's", () => {
  it("reads 'officials in X said' as the state, though unnamed officials' words stay without a speaker", () => {
    expect(statements(`"The sanctions are unjustified and will fail," officials in Washington said.`)).toEqual([]);
    const a = annotateText("The bloc listed four people on Monday, and senior officials in Moscow said the list was illegal.");
    expect(kindOf(a, "Russia")).toBe("country");
    expect(entityNamed(a, "Moscow")?.kind).toBe("country");
  });

  it("keeps the capital a place where the officials are another state's, or where no officials are", () => {
    const a = annotateText("US officials in Baghdad met the prime minister. The talks in Beijing ended on Friday. The new government in Damascus called on the authorities in Bamako to act.");
    expect(kindOf(a, "Baghdad")).toBe("place");
    expect(kindOf(a, "Damascus")).toBe("place");
    expect(kindOf(a, "Bamako")).toBe("place");
    expect(kindOf(a, "Beijing")).toBe("place");
  });
});

describe("a government named after its leader", () => {
  it("reads 'the Surname Government' as the state whose post the text gives that leader", () => {
    const a = annotateText("Today the Halvorsen Government imposed a travel ban on two men. Norwegian Prime Minister Erik Halvorsen said the ban was needed.");
    expect(entityNamed(a, "Halvorsen Government")?.kind).toBe("country");
    expect(entityNamed(a, "Halvorsen Government")?.name).toBe("Norway");
  });

  it("else the one state the text writes with that noun, not another state's government", () => {
    expect(entityNamed(annotateText("Today the Halvorsen Government imposed a travel ban. The Norwegian Government said it would last five years."), "Halvorsen Government")?.name).toBe("Norway");
    const b = annotateText("The Chilean Government said on Monday that the Ruiz Administration in Peru had erred. Peruvian President Carlos Ruiz disagreed.");
    expect(entityNamed(b, "Ruiz Administration")?.name).toBe("Peru");
  });

  it("stays a body when the text ties the name to no state", () => {
    expect(kindOf(annotateText("Today the Halvorsen Government imposed a travel ban on two men, the first under the new law."), "Halvorsen Government")).toBe("organisation");
  });
});

describe("a body's name with a people's possessive or a bracket inside", () => {
  it("keeps 'Ministry of People's Armed Forces' and 'Ministry of Women's Affairs' whole, but not a body's own possessive", () => {
    expect(entityNamed(annotateText("The bank named the Ministry of People's Armed Forces in the list."), "Ministry of People's Armed Forces")?.kind).toBe("organisation");
    expect(entityNamed(annotateText("The Ministry of Women's Affairs said on Monday that the plan would help."), "Ministry of Women's Affairs")?.kind).toBe("organisation");
    const a = annotateText("The Ministry of Defence's budget rose by a tenth.");
    expect(entityNamed(a, "Ministry of Defence")?.kind).toBe("organisation");
  });

  it("keeps a bracketed part of a company's name before its legal suffix", () => {
    expect(entityNamed(annotateText("The bank named Acme (Gems and Jewellery) Co., Ltd. and two others in the list."), "Acme (Gems and Jewellery) Co., Ltd")?.orgType).toBe("company");
    expect(entityNamed(annotateText("The Treasury also listed Northwind (Shipping & Logistics) Limited, a Panama firm."), "Northwind (Shipping & Logistics) Limited")?.orgType).toBe("company");
  });

  it("leaves a bracketed acronym or state after a name outside it", () => {
    expect(entityNamed(annotateText("The Ministry of Trade (MOT) said the list was final."), "MOT")?.name).toBe("Ministry of Trade");
    const a = annotateText("Acme Holdings (Cyprus) said it would appeal.");
    expect(entityNamed(a, "Acme Holdings")?.kind).toBe("organisation");
    expect(kindOf(a, "Cyprus")).toBe("country");
  });
});

describe("the sentence after a quote names its speaker without a speech verb", () => {
  it("reads 'That was the message from X.', 'Those were the words of X', 'The warning came from X'", () => {
    expect(statements(`"We will respond firmly to any provocation on our border." That was the message from Norwegian Foreign Minister Anna Berg on Tuesday.`)).toEqual([
      ["Anna Berg", "We will respond firmly to any provocation on our border."],
    ]);
    expect(statements(`"Sanctions alone will never change the regime's course." Those were the words of Peruvian Trade Minister Carlos Ruiz after the vote.`)).toEqual([
      ["Carlos Ruiz", "Sanctions alone will never change the regime's course."],
    ]);
    expect(statements(`"This is the end of an era for the whole region." The warning came from Chile's foreign ministry.`)).toEqual([
      ["Chilean foreign ministry", "This is the end of an era for the whole region."],
    ]);
  });

  it("takes it over the speaker of the sentence before", () => {
    expect(statements(`Chilean President Elena Vask said the quotas were unfair. "Sanctions alone will never change the regime's course." That was the verdict of Peruvian Trade Minister Carlos Ruiz.`)).toEqual([
      ["Carlos Ruiz", "Sanctions alone will never change the regime's course."],
    ]);
  });

  it("gives nobody the quote when the next sentence names nobody", () => {
    expect(statements(`"We will respond firmly to any provocation on our border." That was the view of many analysts in Oslo.`)).toEqual([]);
    expect(statements(`"We will respond firmly to any provocation on our border." That was the message the minister gave.`)).toEqual([]);
  });
});

describe("a two-word name of English words that speaks is a body", () => {
  it("keeps both words of 'Silver Lake said', 'Granite Peak said', 'Freedom House said', opening a sentence or after a quote", () => {
    expect(statements(`"We are pleased with the result of the sale," Silver Lake said in a statement.`)).toEqual([["Silver Lake", "We are pleased with the result of the sale"]]);
    expect(kindOf(annotateText("Granite Peak said it would keep the staff."), "Granite Peak")).toBe("organisation");
    expect(kindOf(annotateText("Freedom House said the vote was unfair."), "Freedom House")).toBe("organisation");
  });

  it("still drops an adverb opening the sentence, and keeps a post before a surname a post", () => {
    const a = annotateText("Meanwhile Berg said the talks had failed. General Brown said the same.");
    expect(a.entities.map((e) => e.name)).not.toContain("Meanwhile Berg");
    expect(a.entities.map((e) => e.name)).not.toContain("General Brown");
  });
});

describe("a lower-case post of an owner before a capitalised post and a name", () => {
  it("gives 'Its head, Federal Councillor X' the head of the body named before, besides the capitalised post", () => {
    const a = annotateText("The Federal Department of Trade announced the measures. Its head, Federal Councillor Anna Berg, said the rules would apply at once.");
    expect(roleLines(a)).toEqual(expect.arrayContaining(["Anna Berg | head | Federal Department of Trade", "Anna Berg | Federal Councillor | -"]));
    const b = annotateText("The European Union agreed the list. The bloc's trade chief, Commissioner Anna Berg, said it was final.");
    expect(roleLines(b)).toContain("Anna Berg | trade chief | European Union");
  });

  it("adds no such post when the words before the comma name no owner", () => {
    const a = annotateText("The talks ended. The new head, Senator Anna Berg, said so.");
    expect(roleLines(a)).toEqual(["Anna Berg | Senator | -"]);
  });
});
