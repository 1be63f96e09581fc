// Statements whose speaker the discourse gives, not the quote's own sentence: block quotes after an
// introducing line, embedded posts, page labels, quotes running on over paragraphs, the open speaker
// that "he"/"she" continue (with gender agreement), bare surnames, posts in apposition.
// Every sentence is invented for the test.
import { describe, expect, it } from "vitest";
import { extractQuotes } from "../../src/extract/quotes.ts";
import { annotated, type EntitySpec } from "./quotes-helpers.ts";
import { SPEECH_VERBS } from "../../src/extract/quote-frames.ts";

const BERG: EntitySpec = { key: "berg", kind: "person", names: ["Anna Berg", "Berg"] };
const LIND: EntitySpec = { key: "lind", kind: "person", names: ["Tomas Lind", "Lind"] };
const ROSS: EntitySpec = { key: "ross", kind: "person", names: ["Mark Ross", "Ross"] };
const NORWAY: EntitySpec = { key: "nor", kind: "country", names: ["Norway", "Oslo"], demonyms: ["Norwegian"] };
const CHILE: EntitySpec = { key: "chl", kind: "country", names: ["Chile", "Santiago"], demonyms: ["Chilean"] };
const MINISTRY: EntitySpec = { key: "min", kind: "organisation", names: ["Ministry of Fisheries"] };
const ASSEMBLY_POST: EntitySpec = { key: "post", kind: "organisation", names: ["President of the Fisheries Assembly"] };
const ALL = [BERG, LIND, ROSS, NORWAY, CHILE, MINISTRY];

const quotes = (text: string, specs = ALL) => extractQuotes(annotated(text, specs)).map((q) => [q.speaker, q.text]);

describe("block quotes without quotation marks", () => {
  it("takes the paragraphs after 'X, post, said:' as the speaker's statements, one per paragraph, and stops at the story", () => {
    const text = [
      `Norway imposed new fishing limits on Monday.`,
      `Anna Berg, Minister for the Coast, said:`,
      `The trawler owners have ignored every warning. Their catches broke the agreed limits twice this year.`,
      `Norway will always defend the fish stocks that coastal families live on, and these limits will make that clear.`,
      `The list of vessels affected includes six trawlers registered in Chile, among them the largest of the fleet.`,
    ].join("\n");
    expect(quotes(text)).toEqual([
      ["berg", "The trawler owners have ignored every warning. Their catches broke the agreed limits twice this year."],
      ["berg", "Norway will always defend the fish stocks that coastal families live on, and these limits will make that clear."],
    ]);
  });

  it("reads 'X wrote on X:' and 'In a statement, the ministry said:' the same way", () => {
    expect(quotes(`Lind wrote on X:\nOur coast guard will board every vessel that fishes without a licence.`)).toEqual([["lind", "Our coast guard will board every vessel that fishes without a licence."]]);
    expect(quotes(`In a statement, the Ministry of Fisheries said:\nThe quotas for next season will be published in March.`)).toEqual([["min", "The quotas for next season will be published in March."]]);
  });

  it("takes no block after a colon that introduces a list", () => {
    expect(quotes(`The measures include:\nA ban on new licences for vessels that broke the limits last year.`)).toEqual([]);
  });
});

describe("embedded posts", () => {
  it("takes a post signed '— Name (@handle) date' as its author's statement, without the trailing link", () => {
    const text = `Berg answered on social media.\nWe will not accept quotas written in Santiago. Our fishermen deserve better. #FairSeas pic.twitter.com/abc123 — Anna Berg (@annaberg) March 3, 2031`;
    expect(quotes(text)).toEqual([["berg", "We will not accept quotas written in Santiago. Our fishermen deserve better. #FairSeas"]]);
  });

  it("finds the author when the signature spells the name with an extra initial", () => {
    const text = `Lind reacted within the hour.\nI reject the decision to close the northern waters to our fleet. — Tomas Lind P (@tlind) 4 de marzo de 2031`;
    expect(quotes(text, [LIND])).toEqual([["lind", "I reject the decision to close the northern waters to our fleet."]]);
  });
});

describe("page labels", () => {
  it("gives a quote under 'Quote:' to the speaker the 'Source:' line names, each paragraph its own statement", () => {
    const text = `Berg announced the new limits.\nSource: Minister Berg's evening address\nQuote: "We have a first list of vessels ready, and more will follow.\nEvery boat that fishes illegally will be banned from our ports."`;
    expect(quotes(text)).toEqual([
      ["berg", "We have a first list of vessels ready, and more will follow."],
      ["berg", "Every boat that fishes illegally will be banned from our ports."],
    ]);
  });
});

describe("quotes running over paragraphs", () => {
  it("reads a quote whose next paragraph lost its opening mark but keeps the closing one", () => {
    const text = `"The talks went nowhere again today.\nOnly a fair share of the catch will end this dispute," Lind said.`;
    expect(quotes(text)).toEqual([
      ["lind", "The talks went nowhere again today."],
      ["lind", "Only a fair share of the catch will end this dispute"],
    ]);
  });
});

describe("the open speaker", () => {
  it("keeps the speaker of the paragraph chain for 'He added that …' past a man named as an object", () => {
    const text = [
      `Tomas Lind said the talks would resume in May.`,
      `He also insisted that Mark Ross's claim about the quotas was false, telling Ross to publish his figures. He added that a weak agreement is "not in the interest of any fishing nation."`,
    ].join("\n");
    expect(quotes(text)).toEqual([["lind", "not in the interest of any fishing nation."]]);
  });

  it("gives 'she said' to the woman who spoke, not to a man who spoke after her", () => {
    const text = `Anna Berg said the quotas were unfair. Tomas Lind said they were generous.\n“We will take this to the court in The Hague,” she said.`;
    expect(quotes(text)).toEqual([["berg", "We will take this to the court in The Hague"]]);
  });

  it("gives 'he said' to the last man who spoke when a woman spoke in between", () => {
    const text = `Mark Ross said the vote was rigged. Anna Berg said it was fair.\n“The count must be repeated in every district,” he said.`;
    expect(quotes(text)).toEqual([["ross", "The count must be repeated in every district"]]);
  });

  it("gives 'he told reporters' to a man who took the floor in the sentence before, not to the last man who spoke", () => {
    const text = `“The door is closed for now,” Tomas Lind said after the talks.\nMark Ross blamed Oslo. “Norway wants our fish and our silence,” he told reporters.`;
    expect(quotes(text)).toEqual([
      ["lind", "The door is closed for now"],
      ["ross", "Norway wants our fish and our silence"],
    ]);
  });

  it("carries the speaker over to a paragraph that opens with a quote of its own", () => {
    const text = `“The fleet stays in port until the court rules,” Lind said.\n“Nobody will sail before that, whatever the owners say.”`;
    expect(quotes(text)).toEqual([
      ["lind", "The fleet stays in port until the court rules"],
      ["lind", "Nobody will sail before that, whatever the owners say."],
    ]);
  });
});

describe("speakers the annotation left unmarked", () => {
  it("takes a bare surname before the verb for the person named in full earlier", () => {
    const berg: EntitySpec = { key: "berg", kind: "person", names: ["Anna Berg"] };
    const text = `Anna Berg, the coast minister, visited the port.\nBerg said: “The harbour will be rebuilt within two years.”`;
    expect(quotes(text, [berg])).toEqual([["berg", "The harbour will be rebuilt within two years."]]);
  });

  it("takes the person before a post in apposition that the annotation took for a body", () => {
    const text = `Anna Berg (Norway), President of the Fisheries Assembly, said that the treaty "remains the only basis for sharing the catch".`;
    expect(quotes(text, [BERG, NORWAY, ASSEMBLY_POST])).toEqual([["berg", "remains the only basis for sharing the catch"]]);
  });

  it("gives words quoted 'according to X's website' to X", () => {
    const text = `According to the Ministry of Fisheries's website, "vessels that fish without a licence may be seized without warning".`;
    expect(quotes(text)).toEqual([["min", "vessels that fish without a licence may be seized without warning"]]);
  });
});

describe("organisations and governments as speakers", () => {
  it("reads '…,” the ministry continued' and '“…”, the government said' after the body or state was named", () => {
    expect(quotes(`The Ministry of Fisheries rejected the ruling. “The court ignored the scientific evidence,” the ministry continued.`)).toEqual([["min", "The court ignored the scientific evidence"]]);
    expect(quotes(`The Chilean government went further. «These quotas are illegitimate and we will not apply them», the government said in a communiqué.`)).toEqual([["chl", "These quotas are illegitimate and we will not apply them"]]);
  });

  it("gives the block under 'Statement by X:' to X", () => {
    expect(quotes(`Statement by the Ministry of Fisheries:\nThe new quotas apply to every vessel from the first of May.`)).toEqual([["min", "The new quotas apply to every vessel from the first of May."]]);
  });

  it("does not take 'would respond' or 'would continue' for a report of speech", () => {
    expect(quotes(`“We are patient,” Berg said, adding that Oslo would respond “in its own time and way”.`).map(([k]) => k)).toEqual(["berg", "berg"]);
  });
});

describe("pronoun agreement over the annotation's antecedent", () => {
  it("gives 'she said' to the woman named last when the annotation tied it to a man and no woman spoke before", () => {
    const lind: EntitySpec = { ...LIND, refs: [{ surface: "she", via: "pronoun" }] };
    const text = `Tomas Lind met the Chilean envoy Anna Berg in Lima. “Chile will not give up its fishing rights,” she said after the meeting.`;
    expect(quotes(text, [BERG, lind, CHILE])).toEqual([["berg", "Chile will not give up its fishing rights"]]);
  });
});

describe("speech verbs from the token layer", () => {
  it("does not read a listed word the tagger takes for a noun ('the blast') as a speech verb", () => {
    const a = annotated(`Norway and the blast “left nothing of the harbour”, the report found.`, ALL);
    // "blast" is a listed speech verb ("she blasted the plan"), but the tagger reads it as a noun here
    expect(SPEECH_VERBS.has("blast")).toBe(true);
    expect(extractQuotes(a)).toEqual([]);
    // as a verb it attributes
    expect(extractQuotes(annotated(`Norway blasted the plan as “a robbery of the harbour and of our fishermen”.`, ALL)).map((q) => q.speakers ?? q.speaker)).toEqual(["nor"]);
  });
});

describe("quotes an agency carries", () => {
  it("gives '“…,” the agency quoted X as saying' to X, to the body a spokesperson speaks for, and to nobody for an unnamed source", () => {
    const agency: EntitySpec = { key: "agency", kind: "organisation", names: ["Nordic Wire"] };
    expect(quotes(`“The nets were cut on purpose,” Nordic Wire quoted Berg as saying.`, [...ALL, agency])).toEqual([["berg", "The nets were cut on purpose"]]);
    expect(quotes(`“The licences were revoked for fraud,” Nordic Wire quoted a spokesperson for the Ministry of Fisheries as saying.`, [...ALL, agency])).toEqual([["min", "The licences were revoked for fraud"]]);
    expect(quotes(`“The licences were revoked for fraud,” Nordic Wire quoted a spokesperson for the agency as saying.`, [...ALL, agency])).toEqual([]);
  });
});
