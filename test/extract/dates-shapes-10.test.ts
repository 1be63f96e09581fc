// The day a story is told from, in shapes seen failing on real pages (tenth session), each in invented
// variants: a dateline a day ahead of the page's stamp (time zones), a dateline without its year on a
// page whose only dates are printed in the story, and the sanction dates counted from them.
import { describe, expect, it } from "vitest";
import { referenceDate } from "../../src/extract/dates.ts";
import { extract } from "../../src/extract/index.ts";
import { ingestText } from "../../src/ingest/index.ts";

const HEADLINE = "Norway sanctions Chilean officials";
const page = (...paragraphs: string[]) => ingestText("p.txt", [HEADLINE, ...paragraphs].join("\n\n"));
const sanctionDates = (doc: ReturnType<typeof page>) => extract(doc).sanctions.map((s) => s.date);

describe("a dateline a day or two ahead of the page's stamp", () => {
  it.each([
    ["July 14, 2023 11:00 PM EDT", "SEOUL, July 15 (Wire) -- Norway on Saturday imposed sanctions on three Chilean officials over arms deals.", "2023-07-15"],
    ["July 14, 2023", "SEOUL, July 15 (Wire) -- Norway announced Saturday sanctions on three Chilean officials over arms deals.", "2023-07-15"],
    ["Updated December 31, 2022", "TOKYO, Jan 1 (Wire) - Norway on Sunday imposed sanctions on three Chilean officials.", "2023-01-01"],
    ["July 14, 2023", "SEOUL, July 15, 2023 (Wire) -- Norway on Saturday imposed sanctions on three Chilean officials over arms deals.", "2023-07-15"],
  ])("%s / %s", (stamp, story, day) => {
    const doc = page(stamp, story);
    // not the same day a year before
    expect(referenceDate(doc)).toBe(day);
    expect(sanctionDates(doc)).toEqual([day]);
  });
});

describe("a dateline without its year on a page with no stamp", () => {
  it("takes the year of the dates the story prints in full, up to a month before it", () => {
    for (const [story, day] of [
      ["SEOUL, July 14 (Wire) -- Norway announced Friday sanctions on three Chilean officials. The measures follow a missile test on July 12, 2023.", "2023-07-14"],
      ["OSLO, 3 March (Wire) - Norway on Friday imposed sanctions on three Chilean officials over the vote of 26 February 2023.", "2023-03-03"],
      ["OSLO, Jan 4 (Wire) - Norway on Wednesday imposed sanctions on three Chilean officials over the vote of December 18, 2022.", "2023-01-04"],
    ]) {
      const doc = page(story);
      expect(doc.published, story).toBe(day);
      expect(referenceDate(doc), story).toBe(day);
      expect(sanctionDates(doc), story).toEqual([day]);
    }
  });

  it("gives none when the dates printed are long before it, disagree, or come after it", () => {
    for (const story of [
      "SEOUL, July 14 (Wire) -- Norway announced Friday sanctions on three Chilean officials. Chile tested a missile on March 2, 2023.",
      "SEOUL, July 14 (Wire) -- Norway announced Friday sanctions on three Chilean officials, as on July 10, 2022 and July 11, 2023.",
      "SEOUL, July 14 (Wire) -- Norway announced Friday sanctions on three Chilean officials after the test of July 12, 2023. The talks of August 30, 2023 failed.",
      "SEOUL, July 14 (Wire) -- Norway announced Friday sanctions on three Chilean officials.",
    ]) {
      const doc = page(story);
      expect(doc.published, story).toBeUndefined();
      expect(referenceDate(doc), story).toBeUndefined();
    }
  });
});

/** The dates of the sanctions found on a page stamped Friday 14 July 2023, in text order. */
const datesOn = (...paragraphs: string[]) => extract(page("July 14, 2023", ...paragraphs)).sanctions.map((s) => [s.targetText, s.date ?? null]);

describe("an undated action dated by the report right after it", () => {
  it("its imposer, or a body of its state, reporting on a day about those it hit", () => {
    for (const [action, report] of [
      ["Norway has imposed sanctions on six Chilean businessmen and their lawyers.", "The Norwegian foreign ministry said on Thursday that the six tycoons had hidden their wealth abroad."],
      ["Norway imposed sanctions on Chilean officials over the coup.", "On Thursday, Norway's foreign ministry stated that the sanctioned individuals include the defence minister."],
      ["Norway has imposed sanctions on Chilean officials over the coup.", "The Foreign Ministry announced on Thursday that the new measures freeze their assets."],
      ["Norway imposed asset freezes on four Chilean generals.", "Norway said Thursday that the four generals had led the coup."],
    ]) expect(datesOn(action, report), report).toEqual([[expect.any(String), "2023-07-13"]]);
  });

  it("not when another state reports, when the report names others, or when the day is inside what it reports", () => {
    for (const [action, report] of [
      ["Norway imposed sanctions on Chilean officials over the coup.", "On Thursday, Peru's foreign ministry stated that the sanctioned individuals include the defence minister."],
      ["Norway imposed sanctions on six Chilean officials over the coup.", "The Norwegian foreign ministry said on Thursday that the three generals had fled."],
      ["Norway imposed sanctions on six Chilean officials over the coup.", "The Norwegian foreign ministry said that the six officials had met on Monday."],
    ]) expect(datesOn(action, report), report).toEqual([[expect.any(String), null]]);
  });
});

describe("more of the action told last", () => {
  it("'The sanctions include … travel bans on Y' a sentence or two later: the action's day", () => {
    const found = datesOn("Norway on Sunday imposed sweeping sanctions on Chile.", "The Norwegian cabinet said it acted after a summit.", "The sanctions include a ban on all trade with Chile and travel bans on members of the junta.");
    expect(found).toEqual([["Chile", "2023-07-09"], ["members of the junta", "2023-07-09"]]);
  });

  it("'X also sanctioned Y' a few sentences later, by the same imposer or a body of its state: the action's day", () => {
    for (const also of ["Norway also sanctioned two Peruvian banks that financed the junta.", "The Norwegian foreign ministry also imposed sanctions on two Peruvian banks.", "Oslo also blacklisted two Peruvian banks."]) {
      const found = datesOn("Norway on Tuesday imposed sanctions on Chilean officials over the coup.", "Oslo's envoy said the move was overdue. The envoy spoke to reporters for an hour.", also);
      expect(found, also).toEqual([["Chilean officials", "2023-07-11"], ["two Peruvian banks", "2023-07-11"]]);
    }
  });

  it("not 'has also sanctioned' (told as background), nor another state's 'also'", () => {
    for (const also of ["Norway has also sanctioned two Peruvian banks that financed the junta.", "Peru also sanctioned two Argentine banks that financed the junta."]) {
      const found = datesOn("Norway on Tuesday imposed sanctions on Chilean officials over the coup.", "Oslo's envoy said the move was overdue.", also);
      expect(found[0], also).toEqual(["Chilean officials", "2023-07-11"]);
      expect(found[1]?.[1], also).toBeNull();
    }
  });
});

describe("a meeting fronted with its day", () => {
  it("dates the clause after it, however long the meeting's name", () => {
    for (const [text, day] of [
      ["At its extraordinary meeting on 10 July 2023, the Norwegian government decided to impose sanctions on three Chilean officials.", "2023-07-10"],
      ["During the emergency summit of Nordic leaders held on Monday, Norway imposed sanctions on three Chilean officials.", "2023-07-10"],
      ["At their annual ministerial gathering on Wednesday, Norway and Peru imposed sanctions on three Chilean officials.", "2023-07-12"],
    ]) expect(datesOn(text), text).toEqual([["three Chilean officials", day]]);
  });

  it("not a long fronted phrase of something else", () => {
    const text = "After the disputed vote in the Chilean capital on Monday, Norway imposed sanctions on three Chilean officials.";
    expect(datesOn(text)).toEqual([["three Chilean officials", null]]);
  });
});
