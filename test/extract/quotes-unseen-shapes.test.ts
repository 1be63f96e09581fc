// Attribution shapes of unseen news pages, read through the whole annotation (names, coreference,
// posts) rather than hand-made mentions: a name signing a quote after a dash, "the Chilean government
// said", "President X's office said", a quote after a sentence reporting its speaker's words, a quote
// paragraph after a one-sentence paragraph about a person, "the foreign minister" when a trade minister
// was named last. Every sentence is invented for the test; paragraphs are separated by blank lines.
import { describe, expect, it } from "vitest";
import { extractQuotes } from "../../src/extract/quotes.ts";
import { annotateText } from "./annotate-helpers.ts";

/** [speaker's name, quoted words] of each statement the pass finds. */
function statements(...paragraphs: string[]): Array<[string, string]> {
  const a = annotateText(paragraphs.join("\n\n"));
  const name = (key: string) => a.entities.find((e) => e.key === key)?.name ?? key;
  return extractQuotes(a).map((q) => [name(q.speaker), q.text]);
}

describe("a name after a dash signs the quote", () => {
  it("gives the quote to the person the dash names, with or without a post, not to the speaker of the paragraph before", () => {
    expect(statements(
      `"We will not back down," said Chilean President Elena Vask at a rally.`,
      `"The quotas will stay in place until the stocks recover." – Norwegian Trade Minister Anna Berg`,
      `"Our fleet is ready." — Peruvian Fisheries Minister Carlos Ruiz, speaking in Lima.`,
      `"The decision is final" - Berg.`,
    )).toEqual([
      ["Elena Vask", "We will not back down"],
      ["Anna Berg", "The quotas will stay in place until the stocks recover."],
      ["Carlos Ruiz", "Our fleet is ready."],
      ["Anna Berg", "The decision is final"],
    ]);
  });

  it("takes no organisation after a dash for a speaker (an agency's credit is no signature)", () => {
    const found = statements(`Chilean President Elena Vask spoke in Santiago on Monday.`, `"We will answer these quotas in every court." – Nordic Wire News Agency`);
    expect(found.map(([speaker]) => speaker)).not.toContain("Nordic Wire News Agency");
  });
});

describe("a state's government and a person's office speak for the state and the person", () => {
  it("reads 'the Chilean government said/called' as Chile", () => {
    expect(statements(`The Chilean government called the quotas "an act of economic aggression" and said it would respond.`)).toEqual([["Chile", "an act of economic aggression"]]);
    expect(statements(`The Peruvian authorities said the new limits were "unlawful and unworkable".`)).toEqual([["Peru", "unlawful and unworkable"]]);
  });

  it("does not take a demonym's state when the phrase names a body of its own", () => {
    const found = statements(`"We will respond with proportionate measures," the Chilean foreign ministry said.`);
    expect(found).toHaveLength(1);
    expect(found[0][0]).not.toBe("Chile");
  });

  it("reads 'President X's office said' as X", () => {
    expect(statements(`Chilean President Elena Vask's office said in a statement that the quotas were "a grave mistake".`)).toEqual([["Elena Vask", "a grave mistake"]]);
  });
});

describe("quotes that follow reported speech", () => {
  it("gives a quote opening a sentence to the speaker of the sentence just before it in the paragraph", () => {
    expect(statements(`Norwegian Trade Minister Anna Berg said the limits were fair. "The stocks are collapsing and we must act now to save them."`)).toEqual([
      ["Anna Berg", "The stocks are collapsing and we must act now to save them."],
    ]);
  });

  it("gives a paragraph that is only a quote to the person a one-sentence paragraph before it is about", () => {
    expect(statements(
      `Norwegian Trade Minister Anna Berg said the quotas were fair.`,
      `Chilean Foreign Minister Pablo Soto disagreed.`,
      `"This is a political decision dressed up as science."`,
    )).toEqual([["Pablo Soto", "This is a political decision dressed up as science."]]);
  });

  it("takes nobody for the quote paragraph when the paragraph before is about no person", () => {
    expect(statements(`The talks ended without an agreement on Monday.`, `"This is a political decision dressed up as science."`)).toEqual([]);
  });
});

describe("a post without a name refers to the holder of that post", () => {
  it("reads 'the foreign minister' as the foreign minister named before, not the trade minister named last", () => {
    expect(statements(
      `Chilean Foreign Minister Pablo Soto met Norwegian Trade Minister Anna Berg on Monday.`,
      `"We had a frank exchange," the foreign minister said after the meeting.`,
    )).toEqual([["Pablo Soto", "We had a frank exchange"]]);
  });

  it("keeps the holder named last when the post's words do not tell the holders apart", () => {
    expect(statements(
      `Chilean Foreign Minister Pablo Soto met Norwegian Trade Minister Anna Berg on Monday.`,
      `"We had a frank exchange," the minister said after the meeting.`,
    )).toEqual([["Anna Berg", "We had a frank exchange"]]);
  });
});

describe("a short quote that is a paragraph of its own", () => {
  it("goes on with the speaker of the quote paragraph before it", () => {
    expect(statements(
      `Lars Holm, the Korvan defence minister, rejected the measures. "These sanctions are illegal," Holm said.`,
      `"We will respond," he added.`,
      `"Our people stand together."`,
    )).toEqual([
      ["Lars Holm", "These sanctions are illegal"],
      ["Lars Holm", "We will respond"],
      ["Lars Holm", "Our people stand together."],
    ]);
  });

  it("is not carried over when it is no sentence, or shares its paragraph with other words", () => {
    const found = statements(
      `"These sanctions are illegal," Lars Holm said on Monday.`,
      `"utterly unjust"`,
      `Critics called it "a shameful step" in a letter.`,
    );
    expect(found).toEqual([["Lars Holm", "These sanctions are illegal"]]);
  });
});
