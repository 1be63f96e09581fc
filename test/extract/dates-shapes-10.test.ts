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
