import { describe, expect, it } from "vitest";
import { splitSentences } from "../../src/ingest/sentences.ts";

const split = (text: string) => splitSentences(text, 0, text.length).map((s) => text.slice(s.start, s.end));

describe("splitSentences", () => {
  it("does not split after titles, initials, month and number abbreviations", () => {
    expect(split("Mr. Olsen met Dr. Haas on Dec. 22 at No. 10 with A. B. Carter. They talked.")).toEqual([
      "Mr. Olsen met Dr. Haas on Dec. 22 at No. 10 with A. B. Carter.",
      "They talked.",
    ]);
  });

  it("keeps U.S. and U.N. inside a sentence unless a new sentence plainly starts", () => {
    expect(split("U.S. officials met U.N. Secretary-General Ruiz. Talks ended in the U.S. The next day was quiet.")).toEqual([
      "U.S. officials met U.N. Secretary-General Ruiz.",
      "Talks ended in the U.S.",
      "The next day was quiet.",
    ]);
  });

  it("keeps closing quotation marks with the sentence they end", () => {
    expect(split("“We will not yield,” he said. “Never.” Then she left.")).toEqual(["“We will not yield,” he said.", "“Never.”", "Then she left."]);
    expect(split('He said "no." The talks ended.')).toEqual(['He said "no."', "The talks ended."]);
  });

  it("treats a soft line wrap as a space, and offsets point into the original text", () => {
    const text = "xx The minister\nsaid yes. Done. yy";
    const spans = splitSentences(text, 3, text.length - 3);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(["The minister\nsaid yes.", "Done."]);
  });

  it("a heading without a full stop is one sentence", () => {
    expect(split("Ministers agree to disagree over tariffs")).toEqual(["Ministers agree to disagree over tariffs"]);
  });

  it("does not split after a company abbreviation followed by lower case", () => {
    expect(split("Acme Inc. said it would leave. Others stayed.")).toEqual(["Acme Inc. said it would leave.", "Others stayed."]);
  });
});
