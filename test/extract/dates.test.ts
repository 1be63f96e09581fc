import { describe, expect, it } from "vitest";
import { findDates, findTimes, referenceDate, resolveDate } from "../../src/extract/dates.ts";
import { ingestText } from "../../src/ingest/index.ts";
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

  it("gives no day for spans of time", () => {
    for (const vague of ["last week", "earlier this month", "in 2014", "next year", "two weeks ago", "last weekend", "the day before"]) expect(findDates(vague, ref)).toEqual([]);
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

  it("reads each article's opening date, however the articles take turns (the dates read are remembered)", () => {
    const opening = (s: string) => doc({ text: s, blocks: [{ start: 0, end: s.length, kind: "body" }] });
    const a = opening("OSLO/LIMA, June 7, 2022 (Wire) - Talks ended.");
    const b = opening("VELMAR, Dec 20, 2024 (Wire) - Talks began.");
    const c = opening("VELMAR, Dec 99, 2024 (Wire) - Talks began.");
    expect([a, b, c, a, c, b, a].map(referenceDate)).toEqual(["2022-06-07", "2024-12-20", undefined, "2022-06-07", undefined, "2024-12-20", "2022-06-07"]);
  });

  it("is the dateline's day when it prints one: the story counts its days from it", () => {
    expect(referenceDate(doc({ published: "2015-07-02", datelineDay: "2015-07-01" }))).toBe("2015-07-01");
    // a dateline without its year: the latest such day not after publication
    expect(referenceDate(doc({ published: "2024-01-02", datelineDay: "--12-31" }))).toBe("2023-12-31");
    // a dateline after the publication date is a misreading: the publication date
    expect(referenceDate(doc({ published: "2015-07-02", datelineDay: "2015-07-09" }))).toBe("2015-07-02");
    expect(referenceDate(doc({ datelineDay: "--12-31" }))).toBeUndefined();
  });

  it("else what ingest read from the page: a full date on a short line of the page head", () => {
    for (const line of ["Posted On 3 Feb 2023", "WIRE NEWS - Feb 3, 2023 - 10:15 | Asia", "Date 03.02.2023"]) {
      const text = `Ministers meet in Lima\n\n${line}\n\n${"Ministers from six states met in Lima on Friday to talk about fishing rights. ".repeat(4)}`;
      expect(referenceDate(ingestText("a.txt", text))).toBe("2023-02-03");
    }
  });
});

describe("the forms of an event's day", () => {
  // Friday 8 March 2024
  const ref = "2024-03-08";
  it.each([
    ["on Monday", "2024-03-04"],
    ["last Friday", "2024-03-01"],
    ["on Friday", "2024-03-08"],
    ["on March 22", "2023-03-22"],
    ["on 7 November", "2023-11-07"],
    ["yesterday", "2024-03-07"],
    ["earlier today", "2024-03-08"],
    ["Monday's meeting", "2024-03-04"],
    ["late on Thursday", "2024-03-07"],
    ["on Sunday 3 March", "2024-03-03"],
  ])("%s", (phrase, iso) => expect(resolveDate(phrase, ref)).toBe(iso));

  it("a Monday after the article's date is never meant: the Monday before it, and nothing for a clause about the future", () => {
    // Saturday 9 March 2024
    expect(resolveDate("The bloc imposed sanctions on Monday", "2024-03-09")).toBe("2024-03-04");
    expect(findDates("The bloc will impose sanctions on Monday", "2024-03-09")).toEqual([]);
    expect(findDates("Ministers are expected to vote on March 22", "2024-03-09")).toEqual([]);
    expect(findDates("next Monday", "2024-03-09")).toEqual([]);
    expect(findDates("on 1 January 2025", "2024-03-09")).toEqual([]);
  });

  it("a year is inferred from the reference and never lands in its future", () => {
    expect(resolveDate("on Dec 30", "2024-01-02")).toBe("2023-12-30");
    expect(resolveDate("on Jan 2", "2024-01-02")).toBe("2024-01-02");
  });
});

describe("coarse times: a month or a year, never a day", () => {
  const ref = "2024-03-08"; // Friday
  const coarse = (phrase: string, at = ref) => findTimes(phrase, at).map(({ date, month, year }) => ({ date, month, year }));
  it.each([
    ["earlier this month", { month: "2024-03", year: "2024" }],
    ["last month", { month: "2024-02", year: "2024" }],
    ["in March", { month: "2024-03", year: "2024" }],
    ["in November", { month: "2023-11", year: "2023" }],
    ["in March 2019", { month: "2019-03", year: "2019" }],
    ["last week", { year: "2024" }], // 26 February to 3 March
    ["this year", { year: "2024" }],
    ["last year", { year: "2023" }],
    ["in 2014", { year: "2014" }],
    ["in early 2014", { year: "2014" }],
  ])("%s", (phrase, expected) => expect(coarse(phrase)).toEqual([{ date: undefined, month: undefined, ...expected }]));

  it("a week within one month gives the month; nothing in the future", () => {
    expect(coarse("last week", "2024-03-15")).toEqual([{ date: undefined, month: "2024-03", year: "2024" }]);
    expect(coarse("in 2030")).toEqual([]);
    expect(coarse("in December")).toEqual([{ date: undefined, month: "2023-12", year: "2023" }]);
    expect(coarse("later this month")).toEqual([]);
  });

  it("a day carries its year too", () => {
    expect(findTimes("on Monday", ref)).toMatchObject([{ date: "2024-03-04", year: "2024" }]);
  });
});

describe("a text's times asked for again", () => {
  it("gives the same times shifted by each offset, as copies the caller may change", () => {
    const text = "The council met on Friday and again on March 3.";
    const first = findTimes(text, "2022-06-08", 10);
    expect(first.map((t) => [t.span.start, t.date])).toEqual([[26, "2022-06-03"], [49, "2022-03-03"]]);
    first[0].span.start = -1;
    first[0].date = "changed";
    const again = findTimes(text, "2022-06-08", 0);
    expect(again.map((t) => [t.span.start, t.span.end, t.date])).toEqual([[16, 25, "2022-06-03"], [39, 46, "2022-03-03"]]);
    expect(findTimes(text, "2022-03-02").map((t) => t.date)).toEqual(["2022-02-25", "2021-03-03"]);
  });
});
