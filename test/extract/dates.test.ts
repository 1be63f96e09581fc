import { describe, expect, it } from "vitest";
import { findDates, referenceDate, resolveDate } from "../../src/extract/dates.ts";
import type { Document } from "../../src/model.ts";

describe("day expressions against the article's date", () => {
  // Wednesday 8 June 2022
  const ref = "2022-06-08";

  it("takes a weekday as the most recent such day on or before the article's date", () => {
    expect(resolveDate("on Monday", ref)).toBe("2022-06-06");
    expect(resolveDate("on Wednesday", ref)).toBe("2022-06-08");
    expect(resolveDate("on Thursday", ref)).toBe("2022-06-02");
  });

  it("takes a month and day in the article's year, or the year before when that would be later", () => {
    expect(resolveDate("on May 30", ref)).toBe("2022-05-30");
    expect(resolveDate("Dec 22", ref)).toBe("2021-12-22");
    expect(resolveDate("on 3 March 2019", ref)).toBe("2019-03-03");
  });

  it("prefers the explicit date of 'Tuesday (Dec 22)'", () => {
    expect(findDates("on Tuesday (Dec 22) the ministers spoke", "2020-12-23").map((d) => d.date)).toEqual(["2020-12-22"]);
  });

  it("gives nothing for spans of time", () => {
    for (const vague of ["last week", "earlier this month", "in 2014", "next year", "two weeks ago"]) expect(findDates(vague, ref)).toEqual([]);
  });

  it("reports where the expression is, shifted by the offset given", () => {
    const [d] = findDates("Talks ended on Friday.", ref, 100);
    expect(d).toEqual({ span: { start: 112, end: 121 }, date: "2022-06-03" });
  });
});

describe("the article's reference date", () => {
  const doc = (over: Partial<Document>): Document => ({ id: "x", fileName: "x.txt", sha256: "", text: "", blocks: [], sentences: [], ...over });

  it("is the publication date when known", () => {
    expect(referenceDate(doc({ published: "2021-01-05" }))).toBe("2021-01-05");
  });

  it("else the opening words of the first paragraph when they are a dateline with a full date", () => {
    const text = "OSLO/LIMA, June 7, 2022 (Wire) - Talks ended.";
    expect(referenceDate(doc({ text, blocks: [{ start: 0, end: text.length, kind: "body" }] }))).toBe("2022-06-07");
    const story = "Talks ended on June 7, 2022 in Oslo.";
    expect(referenceDate(doc({ text: story, blocks: [{ start: 0, end: story.length, kind: "body" }] }))).toBeUndefined();
  });

  it("else a dateline that states a full date, else none", () => {
    const text = "OSLO, June 7, 2022 (Wire) - Talks ended.";
    expect(referenceDate(doc({ text, dateline: { place: "Oslo", span: { start: 0, end: 26 } } }))).toBe("2022-06-07");
    const noYear = "OSLO, June 7 (Wire) - Talks ended.";
    expect(referenceDate(doc({ text: noYear, dateline: { place: "Oslo", span: { start: 0, end: 19 } } }))).toBeUndefined();
  });

  it("else a full date on a short line of the page head ('Posted On 3 Feb 2023', 'WIRE NEWS - Feb 3, 2023 - 10:15', '03.02.2023')", () => {
    for (const line of ["Posted On 3 Feb 2023", "WIRE NEWS - Feb 3, 2023 - 10:15 | Asia", "Date 03.02.2023"]) {
      const text = `Ministers meet in Lima\n\n${line}\n\n${"Ministers from six states met in Lima on Friday to talk about fishing rights. ".repeat(4)}`;
      const start = text.indexOf("Ministers from");
      expect(referenceDate(doc({ text, blocks: [{ start: 0, end: 22, kind: "headline" }, { start, end: text.length, kind: "body" }] }))).toBe("2023-02-03");
    }
  });
});
