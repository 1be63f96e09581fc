// The day a statement was made, from its attribution, on invented sentences.
import { describe, expect, it } from "vitest";
import { extract } from "../../src/extract/index.ts";
import { dateStatements } from "../../src/extract/statement-dates.ts";
import { ingestText } from "../../src/ingest/index.ts";
import type { QuoteFact } from "../../src/model.ts";

// Friday 8 March 2024
const HEAD = "Valdoria sanctions Ruritanian officials\n\nMarch 8, 2024\n\n";

/** The day dateStatements gives the one quotation of `sentence` (its first quoted stretch). */
function dayOf(sentence: string, head = HEAD): string | undefined {
  const doc = ingestText("s.txt", head + sentence);
  const at = doc.text.indexOf(sentence);
  const open = sentence.search(/[“"«]/);
  const close = sentence.slice(open + 1).search(/[”"»]/) + open + 1;
  const quote: QuoteFact = {
    speaker: "x",
    text: sentence.slice(open + 1, close),
    span: { start: at + open + 1, end: at + close },
    evidence: { start: at, end: at + sentence.length },
    confidence: 1,
  };
  dateStatements(doc, [quote]);
  return quote.date;
}

describe("the day a statement was made", () => {
  it.each([
    ['"We will not accept this," Foreign Minister Jan Holm said on Monday.', "2024-03-04"],
    ['On Tuesday, ministry spokeswoman Lena Strand said: "The measures are final."', "2024-03-05"],
    ['"The measures are final," Strand told reporters in Port Elm yesterday.', "2024-03-07"],
    ['In a statement on Wednesday, the ministry said the measures were "final and binding".', "2024-03-06"],
    ['"We acted," Holm said on March 1.', "2024-03-01"],
  ])("%s", (sentence, iso) => expect(dayOf(sentence)).toBe(iso));

  it.each([
    ['"Today we have acted, and on Monday we will act again," Holm told reporters.'], // the speaker's own days
    ['Strand, who met the envoy on Wednesday, said: "Talks will go on."'], // another clause's day
    ['"The list will grow," Holm said, adding that ministers would meet on Thursday.'], // the future
    ['"We acted," Holm said after talks on Thursday.'], // the talks' day
    ['"We acted," Holm said.'],
  ])("none for %s", (sentence) => expect(dayOf(sentence)).toBeUndefined());

  it("counts from the story's dateline day, and gives none when the page has no date", () => {
    const dated = "2 Jul 2015\n\n";
    expect(dayOf('1 July 2015 - "We acted today," the ambassador said on Wednesday.', `Council acts\n\n${dated}`)).toBe("2015-07-01");
    expect(dayOf('"We acted," Holm said on Monday.', "Valdoria sanctions Ruritanian officials\n\n")).toBeUndefined();
  });

  it("runs in the extractor: a statement of the article gets its day", () => {
    const doc = ingestText("s.txt", `${HEAD}Valdoria imposed sanctions on Ruritania on Monday.\n\n"We will not accept this," Ruritanian Foreign Minister Jan Holm said on Tuesday.`);
    const quotes = extract(doc).quotes;
    expect(quotes.map((q) => [q.text, q.date])).toContainEqual([expect.stringMatching(/^We will not accept this,?$/), "2024-03-05"]);
  });
});
