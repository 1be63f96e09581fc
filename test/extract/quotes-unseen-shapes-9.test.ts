// Attribution shapes read on unseen real pages (ninth session), each written here as invented
// sentences in several variants: a person's name that only modifies an unnamed speaker ("a senior
// Reed administration official") never speaks; "the premier"/"the chancellor" goes on with a party's
// leader quoted just before when the text gives nobody that post; a related-article link between the
// paragraphs of a quote does not take the quote's words; a signed post may quote words inside it.
import { describe, expect, it } from "vitest";
import { speakerOf, statementsOf } from "./annotate-helpers.ts";

const statements = statementsOf;

describe("a person's name inside an unnamed speaker's phrase", () => {
  it.each([
    `“This is a highly unusual step,” a senior Tom Reed administration official acknowledged on Friday.`,
    `“This is a highly unusual step,” a Tom Reed aide told reporters.`,
    `A senior Tom Reed administration official said: “This is a highly unusual step.”`,
  ])("does not give the words to that person: %s", (sentence) => {
    const found = statements(`President Tom Reed signed the order on Thursday.`, sentence);
    expect(speakerOf(found, "This is a highly unusual step")).not.toBe("Tom Reed");
  });

  it("still gives a named official's words to that official", () => {
    const found = statements(`“This is a highly unusual step,” senior official Kim Lars said.`);
    expect(speakerOf(found, "This is a highly unusual step")).toBe("Kim Lars");
  });
});

describe("a head of government's post after a party leader's quote", () => {
  it.each([
    [`The Premier added: “These people always pretend otherwise.”`],
    [`“These people always pretend otherwise,” the chancellor said.`],
    [`The Taoiseach referenced last week's long meeting of the party, saying: “These people always pretend otherwise.”`],
    [`The Premier referenced the long meeting, saying: “These people always pretend otherwise.”`],
  ])("goes on with the leader when nobody holds that post: %s", (sentence) => {
    const found = statements(
      `Green Party leader Anna Berg has apologised to her party. Speaking in Oslo, Ms Berg said: “I am sorry about how things turned out.”`,
      sentence,
    );
    expect(speakerOf(found, "These people always pretend otherwise")).toBe("Anna Berg");
  });
});

describe("a related-article link between a quote's paragraphs", () => {
  it.each([
    `READ  Storms hit the coast again, Norway says | World News`,
    `Read more: Storms hit the coast again, Norway says`,
    `Also read: Norway says storms hit the coast again`,
  ])("does not take the quote after it: %s", (link) => {
    const found = statements(
      `Mr Berg was defiant in response, tweeting: “The reason for naming me is that I speak for Ruritania.`,
      `“It has no effect on me or my family.`,
      link,
      `“Thank you for considering me such a huge threat to your agenda.”`,
    );
    expect(speakerOf(found, "Thank you for considering me")).toBe("Berg");
  });
});

describe("a signed post that quotes words inside it", () => {
  it.each([
    [`I would like to answer those who say “ordinary voters” “should not pay”.🧵1/5`, "– Anna Berg (@annaberg) May 4, 2024"],
    [`We will not accept the “temporary” closure of the border crossing.`, "— Anna Berg 🇳🇴 (@annaberg) June 1, 2023"],
  ])("is one statement of its signer: %s", (post, signature) => {
    const found = statements(`Foreign Minister Anna Berg has disagreed with the plan.`, post, signature, `The debate went on all week.`);
    const words = post.slice(0, 20);
    expect(speakerOf(found, words)).toBe("Anna Berg");
    expect(found.filter(([, text]) => post.includes(text) && !text.startsWith(words))).toEqual([]);
  });
});

describe("a capitalised post with 'for' before the name", () => {
  it.each([
    [`Minister for Health Anna Berg said that “We have to move forward.”`, "We have to move forward"],
    [`“We have to move forward,” Minister for Foreign Affairs Anna Berg told reporters.`, "We have to move forward"],
  ])("gives the words to the name: %s", (sentence, words) => {
    expect(speakerOf(statements(sentence), words)).toBe("Anna Berg");
  });

  it("goes on to a quote paragraph after the post holder's reported speech", () => {
    const found = statements(
      `Minister for Health Anna Berg expressed her support for Mr Roe, and said she had no concerns about his health.`,
      `“He is a fantastic chairman of the cabinet. We have to move forward, and that is what I am focused on.”`,
    );
    expect(speakerOf(found, "He is a fantastic chairman")).toBe("Anna Berg");
  });
});

describe("a pronoun after a quote that names somebody inside it", () => {
  it.each([
    `“I can assure you that is not the intent of President [Tom] Reed or the government. Having said that, there is little more to say. We are three months into a changed relationship,” he concluded.`,
    `“That was never the wish of Tom Reed. We are three months into a changed relationship,” he said.`,
  ])("goes to the speaker named before, not to the person in the quote: %s", (sentence) => {
    const found = statements(
      `Norway and Chile could shut their embassies, Norwegian Ambassador to Chile Karl Vesi said in an interview.`,
      `“I would see us having to shut our embassy only if it is not safe,” Vesi added.`,
      `He pointed to the government's rhetoric, saying Santiago had suggested a break in relations.`,
      sentence,
    );
    expect(speakerOf(found, sentence.slice(1, 30))).toBe("Karl Vesi");
  });
});

describe("a straight double mark typed for an apostrophe", () => {
  it.each([`the Security Council"s spokesperson`, `the Ministry"s envoy`])("opens no quote: %s", (phrase) => {
    const found = statements(
      `Ruritania's Foreign Ministry Spokesman Karl Vesi has reacted to remarks by ${phrase} who called on the country to talk.`,
      `"We respond to pressure with resistance," Vesi said in a statement.`,
    );
    expect(found).toEqual([["Karl Vesi", "We respond to pressure with resistance"]]);
  });
});

describe("a person's posts joined by 'and' between commas", () => {
  it.each([
    "Northern Ireland First Minister and Green Party leader",
    "First Minister and Green Party leader",
    "the Green Party leader",
  ])("leave the person the subject who speaks next: NAME, %s, acknowledged", (posts) => {
    const found = statements(
      `Norwegian Premier Tom Berg described the deal as "an essential step for peace and security" which laid the foundations.`,
      `Karl Vesi, ${posts}, acknowledged that the deal had taken so long.`,
      `But he added: "There would have been even greater frustration if we did a deal that collapsed."`,
    );
    expect(speakerOf(found, "There would have been")).toBe("Karl Vesi");
  });
});
