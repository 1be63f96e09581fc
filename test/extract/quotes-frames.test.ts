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

describe("names in apposition after a post", () => {
  it("reads a post with 'for … and …' before the name: 'the bloc's High Representative for Trade and Fisheries, NAME, said'", () => {
    expect(speakers(`Norway's High Representative for Trade and Fisheries Policy, Anna Berg, said Oslo remained “ready to talk on the path back to the quota deal”.`)).toEqual(["berg"]);
  });

  it("reads post words before the name in apposition: 'Its head, Federal Councillor NAME, said'", () => {
    expect(speakers(`The ministry of fisheries runs the scheme. Its head, Federal Councillor Tomas Lind, said Chile would “never become a harbour for illegal catches”.`)).toEqual(["lind"]);
  });
});

describe("a speech verb after 'but'/'and' pairs with the speech verb before it", () => {
  it("skips the clause the first verb reports", () => {
    expect(speakers(`Anna Berg said the licence would help bring in investment, but warned that the ministry would not lift the listing of “smugglers, poachers and their bankers”.`)).toEqual(["berg"]);
  });
});

describe("a possessed speech act", () => {
  it("gives the quote to the possessor of 'announcement', 'warning', 'pledge'", () => {
    expect(speakers(`The move gives effect to President Anna Berg's surprise announcement in Lima that she would order “the end of every curb on the northern fleet”.`)).toEqual(["berg"]);
    expect(speakers(`Tomas Lind's warning that Chile would “close every port to the northern fleet” went unanswered.`)).toEqual(["lind"]);
  });
});

describe("delegates in meeting coverage", () => {
  const FRANCE: EntitySpec = { key: "fra", kind: "country", names: ["France"], demonyms: ["French"] };
  const GHANA: EntitySpec = { key: "gha", kind: "country", names: ["Ghana"] };
  const DELORME: EntitySpec = { key: "delorme", kind: "person", names: ["Pierre Delorme", "Delorme"] };
  const role = (holder: string, title: string, organisation: string, at: number) => ({ holder, title, organisation, evidence: { start: at, end: at + 10 }, confidence: 0.9 });

  it("gives 'the representative of X said' to the person named before as X's representative", () => {
    const text = `The representative of France, Pierre Delorme, welcomed the vote.
Turning to the humanitarian situation, the representative of France said “the civilian population cannot wait another year for relief”.
France's delegate added that “every member of this Council shares the blame for the delay”.`;
    const a = annotated(text, [FRANCE, DELORME]);
    a.roles.push(role("delorme", "representative", "fra", 0));
    expect(extractQuotes(a).map((q) => q.speaker)).toEqual(["delorme", "delorme"]);
  });

  it("gives a delegate's words to the state when nobody was named for it", () => {
    const text = `The representative of France, Pierre Delorme, welcomed the vote.
The ambassador of Ghana said the region “has paid the highest price for this long conflict”.`;
    const a = annotated(text, [FRANCE, GHANA, DELORME]);
    a.roles.push(role("delorme", "representative", "fra", 0));
    expect(extractQuotes(a).map((q) => q.speaker)).toEqual(["gha"]);
  });

  it("does not let 'he' take the speaker of another paragraph's quote over the subject that opens the sentence before", () => {
    const text = `The representative of France, Pierre Delorme, said his delegation had backed the text. He warned against any blockade. Oslo, he said, considered “a naval solution unacceptable to every coastal state”.`;
    const lind: EntitySpec = { ...LIND, refs: [{ surface: "He", via: "pronoun" }] };
    expect(speakers(text, [FRANCE, DELORME, lind, NORWAY])).toEqual(["delorme"]);
  });
});

describe("embedded posts signed on a line of their own", () => {
  const SHAB: EntitySpec = { key: "shab", kind: "person", names: ["Omar al-Rashidi", "al-Rashidi"] };

  it("gives the post to the signer, also when the name has a particle ('al-…')", () => {
    const text = `Lind praised the deal on Friday.
A historic day for our coast. The end of the quotas opens the door to our fishermen.
— Omar al-Rashidi (@OmarRashidi) May 23, 2025`;
    expect(extractQuotes(annotated(text, [LIND, SHAB])).map((q) => [q.speaker, q.text])).toEqual([["shab", "A historic day for our coast. The end of the quotas opens the door to our fishermen."]]);
  });

  it("lets the signature, not 'he' in the introducing line, name the author", () => {
    const text = `Tomas Lind said the licence would help.
The minister, Omar al-Rashidi, thanked Chile for its help. On X, he wrote:
A historic day for our coast. The end of the quotas opens the door to our fishermen.
— Omar al-Rashidi 🇳🇴 (@OmarRashidi) May 23, 2025`;
    expect(speakers(text, [LIND, SHAB, CHILE])).toEqual(["shab"]);
  });

  it("keeps a block quote going past a paragraph with '-ing' words of speech ('people calling for')", () => {
    const text = `Foreign Secretary Tomas Lind said:
These measures send a clear message to the regime: we will hold you to account for the violence you have inflicted.
We stand with the brave people of the coast, who are calling for their basic rights.`;
    expect(speakers(text)).toEqual(["lind", "lind"]);
  });
});

describe("quoted names and terms", () => {
  it("reads a subject past an apposition holding a quoted nickname", () => {
    expect(speakers(`Berg, nicknamed “the Iron Lady of the Fjords” by the local press, said the fleet had “no place in our waters or our ports”.`)).toEqual(["berg"]);
  });

  it("takes no statement from a term introduced by 'known … as', 'the term', 'nicknamed'", () => {
    expect(speakers(`Anna Berg said the vessels, known in the trade as “dark ships”, posed a risk to the coast.`)).toEqual([]);
    expect(speakers(`Tomas Lind said the term “grey zone” did not apply to the northern waters.`)).toEqual([]);
  });

  it("gives words that unnamed people called something to nobody, not to the sentence's reporter", () => {
    expect(speakers(`The listings follow what critics have called a “lax” approach by port authorities, Berg said.`)).toEqual([]);
    expect(speakers(`The listings follow what officials have called “a decade of neglect on the northern coast”, Berg said.`)).toEqual([]);
  });
});

describe("pronouns agree in gender with the person they take", () => {
  it("gives 'she added' to the woman of the sentence before, not to the man who opens it", () => {
    expect(speakers(`Lind met Berg on Monday. “We will never accept these quotas in our waters,” she added.`)).toEqual(["berg"]);
    expect(speakers(`Berg met Lind on Monday. “We will never accept these quotas in our waters,” he added.`)).toEqual(["lind"]);
  });
});

describe("attribution frames in several phrasings", () => {
  const LONG = "We will never accept these quotas in our waters";
  it.each([
    [`Berg told Nordic Wire: “${LONG}.”`, ["berg"]],
    [`“${LONG},” Berg told Nordic Wire on Monday.`, ["berg"]],
    [`Berg wrote on X: “${LONG}.”`, ["berg"]],
    [`“${LONG},” according to Berg.`, ["berg"]],
    [`“${LONG},” said Berg, the Norwegian fisheries minister.`, ["berg"]],
    [`“${LONG},” the minister, Anna Berg, said.`, ["berg"]],
    [`Norway said in a statement that it “will never accept these quotas in its waters”.`, ["nor"]],
  ])("%s", (text, expected) => {
    expect(speakers(text)).toEqual(expected);
  });
});
