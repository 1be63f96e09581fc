// Attribution shapes read on real published pages (seventh session), each written here as invented
// sentences: a speaker given only as an epithet ("the diplomat said", "the top Danish diplomat wrote",
// "the 62-year-old told reporters", "the tycoon said") in a paragraph after the one that named him,
// "the diplomat went on", "the spokesman" for a post titled spokesperson, a quote nested in a quote,
// "Sen. NAME, R-Ohio, a member of …, told", "according to a statement by POST NAME".
import { describe, expect, it } from "vitest";
import { extractQuotes } from "../../src/extract/quotes.ts";
import { annotateText, kindOf } from "./annotate-helpers.ts";

/** [speaker's name, quoted words] of each statement the pass finds. */
function statements(...paragraphs: string[]): Array<[string, string]> {
  const a = annotateText(paragraphs.join("\n\n"));
  const name = (key: string) => a.entities.find((e) => e.key === key)?.name ?? key;
  return extractQuotes(a).map((q) => [(q.speakers ?? [q.speaker]).map(name).join(" + "), q.text]);
}

describe("a speaker given only as an epithet", () => {
  it("gives 'the diplomat said' and 'the diplomat went on' to the foreign ministry's official named before", () => {
    expect(statements(
      `COPENHAGEN, May 4. Denmark has begun work on its answer to the new quotas, Danish Deputy Foreign Minister Karen Holm said on Monday.`,
      `"We have already started work on our own measures," she said. "Further harsh steps are possible. We are ready for them," the diplomat said.`,
      `"The whole mood towards us has soured. Nobody wants to talk any more," the diplomat went on.`,
    )).toEqual([
      ["Karen Holm", "We have already started work on our own measures"],
      ["Karen Holm", "Further harsh steps are possible. We are ready for them"],
      ["Karen Holm", "The whole mood towards us has soured. Nobody wants to talk any more"],
    ]);
  });

  it("passes over a person of another kind named in between, and leaves the quote when nobody fits", () => {
    const found = statements(
      `Danish Foreign Minister Lars Berg met Senator Tom Reed in Oslo on Monday to discuss the fishing quotas.`,
      `Reed later left for Bergen. "The talks were useful and we will meet again soon," the diplomat said.`,
    );
    expect(found).toEqual([["Lars Berg", "The talks were useful and we will meet again soon"]]);
    const none = statements(
      `Senator Tom Reed spoke to farmers in Bergen on Monday about the fishing quotas.`,
      `Reed later left for Oslo. "The talks were useful and we will meet again soon," the diplomat said.`,
    );
    expect(none.map(([who]) => who)).not.toContain("Tom Reed");
  });

  it("reads 'the top Danish diplomat wrote in a tweet' as the Danish foreign minister", () => {
    expect(statements(
      `Danish Foreign Minister Lars Berg has answered the new quotas imposed on him by Norway.`,
      `"The reason for listing me is that I speak for Denmark," the top Danish diplomat wrote in a tweet early on Thursday.`,
    )).toEqual([["Lars Berg", "The reason for listing me is that I speak for Denmark"]]);
  });

  it("gives 'the 62-year-old' to the person the text gave that age, and to nobody when it gave none and named several", () => {
    expect(statements(
      `Jane Roe, 62, was among seven traders hit by the new quotas, which Tom Reed announced on Thursday.`,
      `Reed said the list would grow. Trade groups in Bergen and Oslo said they were studying it.`,
      `"There is not a single fact behind these quotas and the courts will decide," the 62-year-old told reporters.`,
    )).toEqual([["Jane Roe", "There is not a single fact behind these quotas and the courts will decide"]]);
    const none = statements(
      `Jane Roe and Tom Reed were among seven traders hit by the new quotas on Thursday.`,
      `"There is not a single fact behind these quotas and the courts will decide," the 62-year-old told reporters.`,
    );
    expect(none).toEqual([]);
  });

  it("gives 'the tycoon said' to the person the text called a tycoon, past another person named since", () => {
    expect(statements(
      `Shipping tycoon Jon Blake was among seven traders hit by the new quotas on Thursday.`,
      `The list was drawn up by Norwegian Trade Minister Anna Berg. It takes effect at once. Officials in Oslo said more names would follow.`,
      `"These quotas are a fantasy and the courts will say so," the tycoon said.`,
    )).toEqual([["Jon Blake", "These quotas are a fantasy and the courts will say so"]]);
  });

  it("gives 'the spokesman deplored' to the person whose post is titled spokesperson", () => {
    expect(statements(
      `In a statement on Monday, Foreign Ministry Spokesperson Karen Holm slammed the fresh quotas.`,
      `"It is deeply regrettable that such a wrong decision was taken," the spokesman deplored.`,
    )).toEqual([["Karen Holm", "It is deeply regrettable that such a wrong decision was taken"]]);
  });
});

describe("quote marks and apposition seen on real pages", () => {
  it("keeps a curly quote nested in a curly quote inside it, so the attribution after the outer one counts", () => {
    expect(statements(
      `New rules are unfair, said Danish Fisheries Ministry spokeswoman Karen Holm.`,
      `“They even banned a whole harbour. I remember that once the Aalborg pool “Seagull” was on the lists”, – she stressed.`,
    )).toEqual([["Karen Holm", "They even banned a whole harbour. I remember that once the Aalborg pool “Seagull” was on the lists"]]);
  });

  it("does not nest a mark that opens the next quote of a paragraph whose first quote lost its closing mark", () => {
    const found = statements(`“The rules are bad, said Karen Holm. “We will fight them,” she added.`);
    // (no nesting: the quote still ends at the first closing mark, never running on to the paragraph's end)
    expect(found.length).toBeGreaterThan(0);
    for (const [, words] of found) expect(words).not.toContain("she added");
  });

  it("reads 'Sen. NAME, R-Ohio, a member of the committee, told reporters' after a quote", () => {
    expect(statements(
      `"We believe that this is a crucial time for us to come," Sen. Tom Reed, R-Ohio, a member of the Foreign Relations Committee, told reporters between meetings. "To Norway: we stand with you."`,
    )).toEqual([
      ["Tom Reed", "We believe that this is a crucial time for us to come"],
      ["Tom Reed", "To Norway: we stand with you."],
    ]);
  });

  it("gives a quote to the author of 'according to a statement by POST NAME'", () => {
    expect(statements(
      `The firms were listed for “their role in illegal fishing in the northern seas”, according to a statement by fisheries ministry spokesman Lars Berg on Tuesday.`,
    )).toEqual([["Lars Berg", "their role in illegal fishing in the northern seas"]]);
  });
});

describe("quote paragraphs that lost a mark", () => {
  it("reads a paragraph whose closing mark was never opened when “…,” X said follows it", () => {
    expect(statements(
      `Norwegian Foreign Minister Lars Berg spoke in Oslo on Monday.`,
      `The quotas are theft and we will answer them in kind,” Berg said.`,
    )).toEqual([["Lars Berg", "The quotas are theft and we will answer them in kind"]]);
  });

  it("leaves such a paragraph alone when no attribution follows its closing mark", () => {
    expect(statements(
      `Norwegian Foreign Minister Lars Berg spoke in Oslo on Monday.`,
      `The quotas are theft and we will answer them in kind.” The talks ended without a deal.`,
    )).toEqual([]);
  });

  it("leaves a single opening mark paired with a double closing one out of the words", () => {
    expect(statements(
      `“We do not rule out any measures,” Lars Berg, the head of the ministry's trade department, said.`,
      `‘The other side should not expect that we will turn the other cheek,” he added.`,
    )).toEqual([
      ["Lars Berg", "We do not rule out any measures"],
      ["Lars Berg", "The other side should not expect that we will turn the other cheek"],
    ]);
  });

  it("runs a quote on through a paragraph with no mark to the one whose first mark closes it, one statement a paragraph", () => {
    expect(statements(
      `Norwegian Foreign Minister Lars Berg spoke in Oslo on Monday.`,
      `“The quotas are theft and we will answer them in kind.`,
      `Nobody in Oslo will accept them.`,
      `We will go to every court,” Berg said.`,
    )).toEqual([
      ["Lars Berg", "The quotas are theft and we will answer them in kind."],
      ["Lars Berg", "Nobody in Oslo will accept them."],
      ["Lars Berg", "We will go to every court"],
    ]);
  });

  it("keeps “…”, adding, “…” with the speaker of the first quote (no apposition runs over a quote and a speech verb)", () => {
    expect(statements(
      `Referring to the new quotas on Norway, Lars Berg said, “All these steps are harmful”, adding, “No doubt, we condemn such a policy and always will”.`,
    )).toEqual([
      ["Lars Berg", "All these steps are harmful"],
      ["Lars Berg", "No doubt, we condemn such a policy and always will"],
    ]);
  });
});

describe("a person's name glued to the state before it", () => {
  it("splits 'of the United States Richard Nolan' and 'the Republic of Norland Sergey Volkov' into the state or body and the person", () => {
    const a = annotateText(`Former Coordinator for Fishing Policy of the United States Richard Nolan wrote that the quotas were "the most ridiculous steps" he had seen. The head of the Republic of Norland Sergey Volkov said two ministers were on the lists.`);
    expect(kindOf(a, "Richard Nolan")).toBe("person");
    expect(kindOf(a, "Sergey Volkov")).toBe("person");
    expect(kindOf(a, "United States")).toBe("country");
    expect(a.entities.some((e) => e.name.includes("Volkov") && e.kind !== "person")).toBe(false);
  });

  it("keeps a state named 'Republic of' two words whole", () => {
    const a = annotateText(`Officials of the Republic of Sierra Leone met in Freetown on Monday.`);
    expect(a.entities.some((e) => e.kind === "person")).toBe(false);
  });
});

