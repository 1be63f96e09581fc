import { describe, expect, it } from "vitest";
import { extractQuotes } from "../../src/extract/quotes.ts";
import { annotated, type EntitySpec } from "./quotes-helpers.ts";

const BERG: EntitySpec = { key: "berg", kind: "person", names: ["Anna Berg", "Berg", "Ms Berg"] };
const LIND: EntitySpec = { key: "lind", kind: "person", names: ["Tomas Lind", "Lind"] };
const NORWAY: EntitySpec = { key: "nor", kind: "country", names: ["Norway", "Oslo"], demonyms: ["Norwegian"] };
const CHILE: EntitySpec = { key: "chl", kind: "country", names: ["Chile", "Santiago"] };
const MINISTRY: EntitySpec = { key: "min", kind: "organisation", names: ["Ministry of Trade"] };

const quotes = (text: string, specs: EntitySpec[]) => extractQuotes(annotated(text, specs)).map((q) => ({ speaker: q.speaker, speakers: q.speakers, text: q.text }));

describe("quoted passages", () => {
  it("reads straight and curly double quotes, without the marks and the trailing comma", () => {
    const found = quotes(`"The tariffs hurt our farmers badly," Berg said.\n“We expect a reply within days,” Lind said.`, [BERG, LIND]);
    expect(found).toEqual([
      { speaker: "berg", speakers: undefined, text: "The tariffs hurt our farmers badly" },
      { speaker: "lind", speakers: undefined, text: "We expect a reply within days" },
    ]);
  });

  it("reads a quote opened curly and closed straight", () => {
    const found = quotes(`“Trade must stay open to every partner," Lind said.`, [LIND]);
    expect(found.map((q) => q.text)).toEqual(["Trade must stay open to every partner"]);
  });

  it("reads single quotes used as a full quotation, but not apostrophes", () => {
    const found = quotes(`'Our patience with the talks isn't endless,' said Tomas Lind, the envoy's deputy.`, [LIND]);
    expect(found).toEqual([{ speaker: "lind", speakers: undefined, text: "Our patience with the talks isn't endless" }]);
  });

  it("gives each span of a quote split by its attribution to the same speaker", () => {
    const found = quotes(`“The door stays open,” Berg said. “But we will not wait for ever.”`, [BERG]);
    expect(found.map((q) => [q.speaker, q.text])).toEqual([
      ["berg", "The door stays open"],
      ["berg", "But we will not wait for ever."],
    ]);
  });

  it("gives each paragraph of a quote that runs on from a story paragraph a statement of its own, same speaker", () => {
    const found = quotes(`Berg spoke after the vote. “We have waited long enough for this agreement.\n“Now the work of putting it in place begins,” she said.`, [BERG]);
    expect(found.map((q) => [q.speaker, q.text])).toEqual([
      ["berg", "We have waited long enough for this agreement."],
      ["berg", "Now the work of putting it in place begins"],
    ]);
  });

  it("gives each paragraph of a quote after 'X said:' a statement of its own, same speaker", () => {
    const found = quotes(`Lind said:\n“We have waited long enough for this agreement.\n“Now the work of putting it in place begins.”`, [LIND]);
    expect(found.map((q) => [q.speaker, q.text])).toEqual([
      ["lind", "We have waited long enough for this agreement."],
      ["lind", "Now the work of putting it in place begins."],
    ]);
  });

  it("carries the speaker over to a short quote that is a sentence of its own, not to a fragment", () => {
    expect(quotes(`“The report is false,” Berg said. “Entirely false.”`, [BERG]).map((q) => q.text)).toEqual(["The report is false", "Entirely false."]);
    expect(quotes(`“The report is false,” Berg said. Others called it “biased”.`, [BERG]).map((q) => q.text)).toEqual(["The report is false"]);
  });

  it("carries the speaker over to a quote paragraph that follows the attribution", () => {
    const found = quotes(`Lind said the plan was realistic.\n“Nobody in the region wants another decade of disputes over fishing rights.”`, [LIND]);
    expect(found.map((q) => q.speaker)).toEqual(["lind"]);
  });
});

describe("attribution", () => {
  it("resolves a pronoun speaker to the person who spoke before", () => {
    const found = quotes(`Ms Berg said the talks had stalled while Lind waited outside.\n“We will try again next month with new proposals,” she said.`, [BERG, LIND]);
    expect(found.map((q) => q.speaker)).toEqual(["berg"]);
  });

  it("takes the speaker named before the quote: said that, said in a statement that, told", () => {
    expect(quotes(`Berg said in a statement that “the border will reopen for all goods on Friday”.`, [BERG])[0].speaker).toBe("berg");
    expect(quotes(`Lind told reporters: “The ministry will publish every contract it signed.”`, [LIND])[0].speaker).toBe("lind");
  });

  it("takes the person an agency quotes, not the agency", () => {
    const agency: EntitySpec = { key: "agency", kind: "organisation", names: ["Nordic Wire"] };
    const found = quotes(`Nordic Wire quoted Berg as saying “there is no alternative to a negotiated settlement”.`, [BERG, agency]);
    expect(found.map((q) => q.speaker)).toEqual(["berg"]);
  });

  it("finds the person behind an unresolved 'the Norwegian minister' from the post named before", () => {
    const text = `Lind met his Norwegian counterpart Anna Berg in Lima.
“Our waters are not for sale to anyone,” the Norwegian minister said.`;
    expect(quotes(text, [BERG, LIND, NORWAY]).map((q) => q.speaker)).toEqual(["berg"]);
  });

  it("takes the person whose clause a colon closes", () => {
    expect(quotes(`Berg was blunt: “Nobody will dictate our fishing policy to us.”`, [BERG])[0].speaker).toBe("berg");
  });

  it("gives words an agency quotes from a press release to the release's authors", () => {
    const agency: EntitySpec = { key: "agency", kind: "organisation", names: ["Nordic Wire"] };
    const text = `Berg and Lind held talks on Monday.
Nordic Wire quoted a press release issued after the talks as saying that “both sides want the quota dispute settled this year”.`;
    expect(quotes(text, [BERG, LIND, agency])[0].speakers?.sort()).toEqual(["berg", "lind"]);
  });

  it("takes the person in 'X was quoted by the agency as saying'", () => {
    const agency: EntitySpec = { key: "agency", kind: "organisation", names: ["Nordic Wire"] };
    expect(quotes(`Berg was quoted by Nordic Wire as saying that “the quota system has failed”.`, [BERG, agency])[0].speaker).toBe("berg");
  });

  it("reads a post with a dotted abbreviation between quote and name", () => {
    expect(quotes(`“We are not leaving the talks,” U.N. envoy Tomas Lind told reporters.`, [LIND])[0].speaker).toBe("lind");
  });

  it("takes a speaker named after the verb and an attribution at the end of the sentence", () => {
    expect(quotes(`“Exports fell for the third month in a row,” said Tomas Lind of the central bank.`, [LIND])[0].speaker).toBe("lind");
    expect(quotes(`Prices rose and the “temporary measures” stayed in force, Berg said.`, [BERG])[0].speaker).toBe("berg");
  });

  it("gives a joint statement to all its authors", () => {
    const found = quotes(`In a joint statement, Oslo and Santiago pledged closer ties.\n“Both nations will deepen cooperation in science and shipping,” the statement said.`, [NORWAY, CHILE]);
    expect(found).toHaveLength(1);
    expect(found[0].speakers?.sort()).toEqual(["chl", "nor"]);
  });

  it("gives 'the two ministers said' to the pair named before", () => {
    const found = quotes(`Berg and Lind met in Oslo on Friday.
“We agreed on a common approach to the fishing dispute,” the two ministers said.`, [BERG, LIND, NORWAY]);
    expect(found[0].speakers?.sort()).toEqual(["berg", "lind"]);
  });

  it("gives 'it said' after an organisation's statement to the organisation", () => {
    const found = quotes(`The Ministry of Trade issued a statement on Tuesday.\nThe new rules were “a necessary step to protect consumers from fraud”, it said.`, [MINISTRY]);
    expect(found.map((q) => q.speaker)).toEqual(["min"]);
  });
});

describe("speakers among other names", () => {
  it("passes over a relative clause, a demonym and a post", () => {
    expect(quotes(`“Fishing quotas must be shared fairly,” Berg, who is visiting Oslo, said.`, [BERG, NORWAY])[0].speaker).toBe("berg");
    expect(quotes(`“Fishing quotas must be shared fairly,” said Norwegian Trade Minister Anna Berg.`, [BERG, NORWAY])[0].speaker).toBe("berg");
    expect(quotes(`Asked about Oslo's offer, Berg replied: “We have not seen any offer yet.”`, [BERG, NORWAY])[0].speaker).toBe("berg");
  });

  it("attributes nothing when the speaker is unnamed, and carries nothing over from it", () => {
    expect(quotes(`“The fleet will sail on Monday,” a senior Norwegian official said. “Nobody can stop it now.”`, [BERG, NORWAY])).toEqual([]);
  });

  it("does not take a newspaper headline's words for a state's", () => {
    expect(quotes(`“Oslo bows to pressure at last,” read a headline in a Norwegian daily.`, [NORWAY])).toEqual([]);
  });

  it("gives a 'she said, adding that …' fragment to the same speaker", () => {
    const found = quotes(`“We are patient,” Berg said, adding that Oslo would respond “in its own time and way”.`, [BERG, NORWAY]);
    expect(found.map((q) => q.speaker)).toEqual(["berg", "berg"]);
  });
});

describe("short fragments and titles", () => {
  it("drops scare quotes nobody is said to speak", () => {
    expect(quotes(`The so-called “peace plan” was shelved after the “illegal” vote.`, [BERG])).toEqual([]);
  });

  it("keeps a short fragment clearly attributed to its speaker", () => {
    const found = quotes(`Berg called the proposal “a cynical trick”, with Lind responding by calling it “fair”.`, [BERG, LIND]);
    expect(found.map((q) => [q.speaker, q.text])).toEqual([
      ["berg", "a cynical trick"],
      ["lind", "fair"],
    ]);
  });

  it("does not take a quoted name for a statement", () => {
    expect(quotes(`Berg criticised the “Blue Corridor” plan and the “Quad”.`, [BERG])).toEqual([]);
  });

  it("does not take quoted titles of things for statements", () => {
    expect(quotes(`Berg wrote the book “Cold Rivers And Warm Seas” and signed the “Fair Fisheries Act” last year.`, [BERG])).toEqual([]);
  });
});
