// The attribution frames as token patterns (src/extract/quote-frames.ts): each shape in a few
// phrasings. Every sentence is invented for the test.
import { describe, expect, it } from "vitest";
import { extractQuotes } from "../../src/extract/quotes.ts";
import { annotated, type EntitySpec } from "./quotes-helpers.ts";

const BERG: EntitySpec = { key: "berg", kind: "person", names: ["Anna Berg", "Berg"] };
const LIND: EntitySpec = { key: "lind", kind: "person", names: ["Tomas Lind", "Lind"] };
const NORWAY: EntitySpec = { key: "nor", kind: "country", names: ["Norway", "Oslo"], demonyms: ["Norwegian"] };
const CHILE: EntitySpec = { key: "chl", kind: "country", names: ["Chile", "Santiago"], demonyms: ["Chilean"] };
const UN: EntitySpec = { key: "un", kind: "organisation", names: ["United Nations", "UN"] };
const WIRE: EntitySpec = { key: "wire", kind: "organisation", names: ["Nordic Wire"] };
const ALL = [BERG, LIND, NORWAY, CHILE, UN, WIRE];

const speakers = (text: string, specs = ALL) => extractQuotes(annotated(text, specs)).map((q) => q.speaker);

describe("a post with 'to' or 'of' before the name", () => {
  it("reads 'Permanent Representative to the UN NAME said' as NAME", () => {
    expect(speakers(`“The council acted today for the sake of peace,” Norwegian Permanent Representative to the UN Anna Berg said in a statement.`)).toEqual(["berg"]);
    expect(speakers(`“The council acted today for the sake of peace,” said the Norwegian Ambassador to the United Nations Anna Berg.`)).toEqual(["berg"]);
  });

  it("reads the name in apposition after a post with 'to': 'X's ambassador to the UN, NAME, said'", () => {
    expect(speakers(`Norway's ambassador to the UN, Anna Berg, said the draft was “a list of punishments with no plan behind it”.`)).toEqual(["berg"]);
    expect(speakers(`“It is a list of punishments with no plan behind it,” Chile's envoy to the UN, Tomas Lind, told reporters.`)).toEqual(["lind"]);
  });
});

describe("clauses that share the speaker of the main verb", () => {
  it("gives a participle clause after a comma the main clause's subject, not an agency named in between", () => {
    expect(speakers(`Norway rejected the plan in a note carried by Nordic Wire, calling it “an insult to every fisherman on the coast”.`)).toEqual(["nor"]);
    expect(speakers(`Anna Berg left the talks early on Monday, describing them as “a waste of everyone's time and money”.`)).toEqual(["berg"]);
  });

  it("gives a verb after 'and'/'but' the subject of the verb before it", () => {
    expect(speakers(`Tomas Lind backed the quotas but said the talks had been “far too slow for the coastal towns”.`)).toEqual(["lind"]);
  });
});

describe("the government as speaker", () => {
  it("reads 'the government says' as the one state whose posts the article names", () => {
    const text = `Norwegian Foreign Minister Anna Berg announced new fishing limits on Monday.
The limits answer what the government says was “a decade of plunder in our northern waters”.`;
    const a = annotated(text, ALL);
    a.roles.push({ holder: "berg", title: "Foreign Minister", organisation: "nor", evidence: { start: 0, end: 40 }, confidence: 0.9 });
    expect(extractQuotes(a).map((q) => q.speaker)).toEqual(["nor"]);
  });

  it("reads 'the Chilean government said' after the state named with its government", () => {
    expect(speakers(`The Chilean government answered within hours.\nThe government said the limits were “a decade of plunder dressed up as law”.`)).toEqual(["chl"]);
  });
});
