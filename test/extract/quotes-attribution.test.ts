// Attributions the quotation pass reads: groups named before ("the leaders said"), "X's spokesperson",
// a name in apposition after the quote, agencies that only carry a statement, ministries speaking for
// their state, and appeals for money that carry quotes. Every sentence is invented for the test.
import { describe, expect, it } from "vitest";
import { extractQuotes } from "../../src/extract/quotes.ts";
import { annotated, type EntitySpec } from "./quotes-helpers.ts";

const BERG: EntitySpec = { key: "berg", kind: "person", names: ["Anna Berg", "Berg"] };
const RUIZ: EntitySpec = { key: "ruiz", kind: "person", names: ["Ana Ruiz", "Ruiz"] };
const NORWAY: EntitySpec = { key: "nor", kind: "country", names: ["Norway", "Oslo"], demonyms: ["Norwegian"] };
const CHILE: EntitySpec = { key: "chl", kind: "country", names: ["Chile", "Santiago"], demonyms: ["Chilean"] };
const PERU: EntitySpec = { key: "per", kind: "country", names: ["Peru", "Lima"], demonyms: ["Peruvian"] };
const MINISTRY: EntitySpec = { key: "min", kind: "organisation", names: ["Foreign Ministry"] };
const AGENCY: EntitySpec = { key: "agency", kind: "organisation", names: ["Andes Press Agency"] };
const ALL = [BERG, RUIZ, NORWAY, CHILE, PERU, MINISTRY, AGENCY];

const quotes = (text: string, specs = ALL) => extractQuotes(annotated(text, specs)).map((q) => ({ speaker: q.speaker, speakers: q.speakers, text: q.text }));

describe("group speakers", () => {
  it("reads 'the leaders said' and 'the three governments said' as the group named last", () => {
    const two = quotes(`Norway and Chile signed a fisheries pact.\nIn a joint statement, the leaders said they “will guard the southern fishing grounds together for decades”.`);
    expect(two[0]).toMatchObject({ speaker: "nor", speakers: ["nor", "chl"] });
    const three = quotes(`Oslo, Santiago and Lima announced the pact on Friday.\nIn a joint statement, the three governments said they would “keep the sea lanes open to every honest trader”.`);
    expect(three[0].speakers).toEqual(["nor", "chl", "per"]);
  });
});

describe("speakers named beside a post", () => {
  it("gives the words of 'X's spokesperson' to X", () => {
    expect(quotes(`Berg's spokesperson said the charges were “invented from start to finish by her rivals”.`)[0]).toMatchObject({ speaker: "berg" });
  });

  it("reads a name in apposition after the quote: '…,” the ministry spokesperson, Ana Ruiz, said'", () => {
    expect(quotes(`“Lima has chosen the road of confrontation once more,” the Chilean foreign ministry spokesperson, Ana Ruiz, said in a statement.`)[0]).toMatchObject({ speaker: "ruiz" });
  });

  it("does not give a statement to the agency that only carried it", () => {
    const found = quotes(`Peru's Foreign Ministry rejected the move in a statement carried by the official Andes Press Agency, calling the talks “a circus staged by hostile powers”.`);
    expect(found[0].speaker).toBe("min");
  });

  it("lets a ministry's state speak with it", () => {
    const found = quotes(`Chile's Foreign Ministry said: “We will answer this provocation in kind and without delay.”`);
    expect(found[0]).toMatchObject({ speaker: "min", speakers: ["min", "chl"] });
  });
});

describe("page furniture", () => {
  it("takes no statements from an appeal for money or subscriptions", () => {
    expect(quotes(`We have a favour to ask. Please support our reporting today. “Readers keep us going,” writes Anna Berg, editor.`)).toEqual([]);
  });
});

describe("story paragraphs that speak of support", () => {
  it("keeps the quotes of a paragraph that says a state will support the measures", () => {
    expect(quotes(`Norway said it would support the measures. “We stand with our neighbours,” Berg said.`)).toHaveLength(1);
  });
});

describe("a state speaking through its embassy or government, and an age in apposition", () => {
  it("gives the words of 'X's embassy in Y' and 'X's government' to X", () => {
    expect(quotes(`Norway's embassy in Santiago said the sanctions were “a grave mistake that will be answered”.`)[0].speaker).toBe("nor");
    expect(quotes(`Chile's government called the move “a grave mistake that will be answered”.`)[0].speaker).toBe("chl");
  });

  it("reads '…,” Berg, 54, said'", () => {
    expect(quotes(`“We will not accept these measures at all,” Berg, 54, said.`)[0].speaker).toBe("berg");
  });
});
