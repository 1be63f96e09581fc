// Attribution shapes read on unseen real pages (tenth session), each written here as invented
// sentences in several variants: a quote paragraph signed by the paragraph under it ("— NAME, post",
// "NAME, post, said in a statement."), marked or not; a straight closing mark glued to the next
// sentence ('… activities."The sanctions …'); a quote running over paragraphs keeps its speaker.
import { describe, expect, it } from "vitest";
import { speakerOf, statementsOf } from "./annotate-helpers.ts";

const statements = statementsOf;
const BEFORE = `Norland imposed new measures on Ruritania on Monday.`;
const AFTER = `The talks resumed on Friday.`;
const QUOTE = `We will not accept any interference in our internal affairs. The measures are illegal and we will respond in kind.`;

describe("a quote paragraph signed by the paragraph under it", () => {
  it.each([
    `— Anna Berg, Foreign Minister of Norland`,
    `– Anna Berg, Norland foreign minister`,
    `Anna Berg, Norland's foreign minister, said in a statement.`,
    `Foreign Minister Anna Berg said on Tuesday.`,
    `Anna Berg told reporters at a news conference in Oslo.`,
  ])("gives the quote to the person named under it: %s", (line) => {
    const found = statements(BEFORE, `“${QUOTE}”`, line, AFTER);
    expect(speakerOf(found, "We will not accept any interference")).toBe("Anna Berg");
  });

  it.each([`— Anna Berg, Foreign Minister of Norland`, `– Anna Berg`])("gives an unmarked spoken paragraph to the person signing it: %s", (line) => {
    const found = statements(BEFORE, QUOTE, line, AFTER);
    expect(speakerOf(found, "We will not accept any interference")).toBe("Anna Berg");
  });

  it.each([
    `Anna Berg said the sanctions were illegal.`,
    `Anna Berg said in a statement that the sanctions were illegal.`,
    `Anna Berg said the talks would go on. She added that nothing was decided.`,
    `— Reporting by Anna Berg; editing by Tom Lind`,
  ])("leaves it alone when the paragraph under it reports more than who spoke: %s", (line) => {
    expect(speakerOf(statements(BEFORE, `“${QUOTE}”`, line), "We will not accept")).toBeUndefined();
  });

  it("keeps the speaker carried from the paragraph before over a new report under it", () => {
    const found = statements(`“The measures are illegal,” Tom Lind said on Monday.`, `“${QUOTE}”`, `Anna Berg said the talks would go on.`);
    expect(speakerOf(found, "We will not accept")).toBe("Tom Lind");
  });

  it("takes no signed last paragraph of an opinion piece for a quote", () => {
    const found = statements(`I have lived in Norland all my life and I know what we owe our neighbours.`, `We will not accept any interference in our internal affairs. The measures are illegal and we must respond in kind.`, `— Anna Berg, a former diplomat`);
    expect(found).toEqual([]);
  });
});

describe("a straight closing mark glued to the next sentence", () => {
  it.each([
    [`Foreign Minister Anna Berg condemned the measures."These sanctions are illegal and counterproductive," she added."We will respond in kind and without delay," she continued.Norland on Friday sanctioned the Ruritanian navy for what it called "hostile activities."The sanctions followed a long dispute.`, "We will respond in kind"],
    [`Foreign Minister Anna Berg condemned what she called "a reckless act."Then she left."We will respond in kind and without delay," she said.`, "We will respond in kind"],
  ])("closes the quote there: %s", (text, words) => {
    const found = statements(text);
    expect(speakerOf(found, words)).toBe("Anna Berg");
    expect(found.filter(([, t]) => /The sanctions followed|Then she left/.test(t))).toEqual([]);
  });

  it.each([
    `Foreign Minister Anna Berg condemned the measures.“These sanctions are illegal and counterproductive,” she said.The talks resumed on Friday.`,
    `Foreign Minister Anna Berg condemned the measures. "These sanctions are illegal and counterproductive," she said.Berg also said the talks would resume.`,
  ])("reads the glued sentences around a quote: %s", (text) => {
    expect(speakerOf(statements(text), "These sanctions are illegal")).toBe("Anna Berg");
  });
});

describe("a quote running over paragraphs, opened in each and closed in the last", () => {
  it.each([
    [[`“We will not stand by while our neighbours suffer,” said Foreign Minister Anna Berg. “Our response will be firm and measured.`, `“We call on all parties to return to the table and to stop the fighting now.”`]],
    [[`Foreign Minister Anna Berg said: “We will not stand by while our neighbours suffer. Our response will be firm and measured.`, `“We call on all parties to return to the table and to stop the fighting now.”`]],
    [[`Anna Berg, the foreign minister, told reporters: “We will not stand by while our neighbours suffer.`, `“Our response will be firm and measured.`, `“We call on all parties to return to the table and to stop the fighting now.”`]],
    [[`"We will not stand by while our neighbours suffer," Anna Berg said. "Our response will be firm and measured.`, `"We call on all parties to return to the table and to stop the fighting now."`]],
    [[`In a statement, Anna Berg said that "the government will not stand by while our neighbours suffer.`, `"We call on all parties to return to the table and to stop the fighting now."`]],
  ])("gives every paragraph to the speaker: %j", (paras) => {
    const found = statements(BEFORE, ...paras, AFTER);
    expect(speakerOf(found, "We call on all parties")).toBe("Anna Berg");
  });
});
