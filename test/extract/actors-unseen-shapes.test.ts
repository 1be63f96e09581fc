// Actor shapes of unseen news pages, read through the whole annotation: who speaks when a
// spokesperson is not named ("a spokesperson for the company", "a foreign ministry spokesman"), an
// office for its state ("the Chilean presidency said"), officials placed in a capital, "the Surname
// government". Every sentence is invented for the test; paragraphs are separated by blank lines.
import { describe, expect, it } from "vitest";
import { extractQuotes } from "../../src/extract/quotes.ts";
import { annotateText, entityNamed, kindOf } from "./annotate-helpers.ts";

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
