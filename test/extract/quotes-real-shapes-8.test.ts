// Attribution shapes read on real published pages (eighth session), each written here as invented
// sentences: "he said" never goes to a person the text has named only inside quotes or not yet;
// "the head of the X Alliance said" is the leader who spoke just before, never the body; "the alliance
// boss" is the person named with a leading post of that body; "NAME's minister for foreign affairs
// NAME said"; a closing curly mark typed where the opening one belongs; "echoing Y's remarks that “…”"
// and "the words of Y with his wish to “…”" are Y's; "the president added, “…”" goes on with the person
// quoted before when the text gave nobody a post of that name.
import { describe, expect, it } from "vitest";
import { speakerOf, statementsOf } from "./annotate-helpers.ts";

const statements = statementsOf;

describe("a pronoun after a quote", () => {
  it("never speaks for a person the text names only inside the quote, or only later", () => {
    const found = statements(
      `“This was a meeting, not a negotiation,” Kim Lars, spokesperson for the Trade Office, told reporters on Tuesday.`,
      `“This is a process in which the president has made it very clear that there will be no deal at all,” he said.`,
      `President Tom Reed spoke at the harbour on Monday.`,
    );
    expect(speakerOf(found, "This is a process")).not.toBe("Tom Reed");
  });

  it("goes to the subject of the sentence before, not to a person named at the quote's start", () => {
    const found = statements(
      `Several ministers criticised Chancellor Tom Berg for the call.`,
      `Estonian minister for foreign affairs Karl Vesi said the call had not been agreed. “Berg has no plans to change his course, so we need to stand firm,” he said.`,
    );
    expect(speakerOf(found, "Berg has no plans")).toBe("Karl Vesi");
  });
});

describe("a leader's post as the speaker", () => {
  it("gives 'the head of the X Alliance' to the leader who spoke just before, not to the body", () => {
    const found = statements(
      `OSLO, March 3 - Nordic Defence Union Secretary General Anna Lind said that the union has all the means it needs to protect its members.`,
      `"We have troops, ships and plans to protect every member," the head of the Northern Alliance said at a press conference on Friday.`,
    );
    expect(speakerOf(found, "We have troops")).toBe("Anna Lind");
  });

  it("gives it to the person named with a leading post of that very body", () => {
    const found = statements(
      `OSLO, March 3 - Northern Alliance Secretary General Anna Lind met Foreign Minister Tom Berg on Monday.`,
      `"We have troops, ships and plans to protect every member," the head of the Northern Alliance said at a press conference on Friday.`,
    );
    expect(speakerOf(found, "We have troops")).toBe("Anna Lind");
  });

  it("leaves the quote without a speaker when nobody leading a body spoke before", () => {
    const found = statements(
      `OSLO, March 3 - Farmer Anna Lind said that the union has all the means it needs to protect its members.`,
      `"We have troops, ships and plans to protect every member," the head of the Northern Alliance said at a press conference on Friday.`,
    );
    expect(speakerOf(found, "We have troops")).toBeUndefined();
  });

  it("reads a quote after the question 'What did the alliance boss say?' as that leader's", () => {
    const found = statements(
      `OSLO, March 3 - Northern Alliance Secretary General Anna Lind has warned that any attack on a member would not be tolerated.`,
      `What exactly did the Northern Alliance boss say?`,
      `"Nobody should be in any doubt, the alliance will defend every member."`,
      `"We face a new reality for our security," Lind said.`,
    );
    expect(speakerOf(found, "Nobody should be in any doubt")).toBe("Anna Lind");
  });
});

describe("a post with a lower-case portfolio before the name", () => {
  it("lets the name after 'minister for foreign affairs' speak", () => {
    expect(statements(
      `Norlandic minister for foreign affairs Karl Vesi said the call had not been agreed with partners. “We need to stand very straight and clear,” he said.`,
    )).toEqual([["Karl Vesi", "We need to stand very straight and clear"]]);
  });
});

describe("quotation marks a page typed wrongly", () => {
  it("reads a closing curly mark at a paragraph's start, before a word, as an opening one", () => {
    expect(statements(
      `Prime Minister Anna Lind has welcomed the agreement reached at the talks.`,
      `”I am pleased that the talks have been concluded and that the promise of a better future has prevailed,” Anna Lind said.`,
    )).toEqual([["Anna Lind", "I am pleased that the talks have been concluded and that the promise of a better future has prevailed"]]);
  });
});

describe("words the quote stands in, owned by somebody other than the verb's subject", () => {
  it("gives “…” after 'echoing Y's earlier remarks that' to Y", () => {
    const found = statements(
      `Prime Minister Anna Lind met Foreign Minister Tom Berg in Oslo on Monday.`,
      `“Its full implementation will mean a better future for the region,” she said, echoing Mr Berg’s earlier remarks that the deal signals “brighter days ahead for the whole region and good news before the holidays.”`,
    );
    expect(speakerOf(found, "Its full implementation")).toBe("Anna Lind");
    expect(speakerOf(found, "brighter days ahead")).toBe("Tom Berg");
  });

  it("gives “…” after 'commented on the words of President Y with his wish to' to Y", () => {
    const found = statements(
      `Norland's foreign ministry spokeswoman Karin Holm commented on the words of Westland President Tom Reed with his wish to “make this dispute the very last one.”`,
    );
    expect(speakerOf(found, "make this dispute")).toBe("Tom Reed");
  });
});

describe("an epithet for a person whose post the text never gave", () => {
  it("gives 'the president added, “…”' to the person quoted before", () => {
    const found = statements(
      `Upon arrival at the airport, Dr Karl Vesi said, "I intended to come to the province sooner, but I was not able to".`,
      `"The province has very good people, and we owe them a great deal," he said.`,
      `Emphasising that the government has a duty towards all, the president added, "We have additional responsibilities to the people of the province".`,
      `The President emphasised, "In this trip, we will consult with the ministers and officials".`,
    );
    expect(found.map(([who]) => who)).toEqual(["Karl Vesi", "Karl Vesi", "Karl Vesi", "Karl Vesi"]);
  });

  it("does not when the text named somebody else with that post", () => {
    const found = statements(
      `President Tom Reed arrived in the province on Friday. Upon arrival at the airport, Dr Karl Vesi said, "I intended to come to the province sooner, but I was not able to".`,
      `Emphasising that the government has a duty towards all, the president added, "We have additional responsibilities to the people of the province".`,
    );
    expect(speakerOf(found, "We have additional")).not.toBe("Karl Vesi");
  });
});

describe("a page's 'Quote:' label", () => {
  it("gives the quote to the person whose family name opens the 'Source:' line above it", () => {
    const found = statements(
      `Foreign Minister Karl Vesi, commenting on the latest strike, has stressed that it was deliberate.`,
      `Source: Vesi on X (Twitter), as reported by Northern Herald`,
      `Details: The minister stated that hundreds of drones were aimed at civilians.`,
      `Quote: "This was done on purpose, just during the summit. It sends a signal of total disrespect.`,
      `Nobody rejects a ceasefire more clearly. It strikes the capital while pretending to seek peace."`,
      `Background:`,
    );
    expect(found).toEqual([
      ["Karl Vesi", "This was done on purpose, just during the summit. It sends a signal of total disrespect."],
      ["Karl Vesi", "Nobody rejects a ceasefire more clearly. It strikes the capital while pretending to seek peace."],
    ]);
  });
});
