// Publication dates printed day/month-open ("04/11/2022"), read in the order the page itself fixes
// (tenth session): a weekday beside the date, the text's other numeric dates, the story's own day
// (dateline, "today (4th November)"), dates written in words day first; and a document label beside a
// stamp ("Press release 04/11/2022"). Invented pages; never a guess when the page fixes nothing.
import { describe, expect, it } from "vitest";
import { referenceDate } from "../../src/extract/dates.ts";
import { ingestText } from "../../src/ingest/index.ts";
import { readStamp } from "../../src/ingest/stamps.ts";

const HEADLINE = "Valdoria sanctions Ruritanian officials";
const page = (...paragraphs: string[]) => ingestText("p.txt", [HEADLINE, ...paragraphs].join("\n\n"));
const blocks = (doc: ReturnType<typeof page>) => doc.blocks.map((b) => doc.text.slice(b.start, b.end));

describe("a weekday printed beside a numeric date fixes its order", () => {
  it.each([
    ["Friday 04/11/2022", "2022-11-04"],
    ["Fri, 04/11/2022 10:49", "2022-11-04"],
    ["04/11/2022 (Monday)", "2022-04-11"],
    ["Mon. 04-11-2022", "2022-04-11"],
    ["Published: Thursday 03/02/2022", "2022-02-03"],
  ])("%s", (line, iso) => {
    const doc = page(line, "The foreign ministry of Valdoria today froze the assets of three Ruritanian officials.");
    expect(doc.published).toBe(iso);
    expect(blocks(doc)).not.toContain(line);
  });

  it("a weekday that fits neither reading leaves the order open", () => {
    expect(page("Tuesday 04/11/2022", "Valdoria today froze the assets of three Ruritanian officials.").published).toBeUndefined();
  });

  it("a weekday alone is still no stamp", () => {
    expect(readStamp("Friday")).toBeNull();
    expect(readStamp("Friday, the ministry said")).toBeNull();
  });
});

describe("the text's own dates fix the order of an open stamp", () => {
  it("another numeric date of the text with a day above 12", () => {
    expect(page("04/11/2022", "Valdoria today froze the assets of three Ruritanian officials under the decree of 24/10/2022.").published).toBe("2022-11-04");
    expect(page("04/11/2022", "Valdoria today froze the assets of three Ruritanian officials under the decree of 10/24/2022.").published).toBe("2022-04-11");
    expect(page("07/03/2021", "The list of 15.02.2021 named three Ruritanian officials.").published).toBe("2021-03-07");
  });

  it("numeric dates of the text that disagree fix nothing", () => {
    expect(page("04/11/2022", "The decrees of 24/10/2022 and 10/25/2022 named three Ruritanian officials.").published).toBeUndefined();
  });

  it("the dateline's day, when it is one of the two readings", () => {
    const doc = page("04/11/2022", "PORT ELM, 4 November - Valdoria today froze the assets of three Ruritanian officials.");
    expect(doc.published).toBe("2022-11-04");
    expect(referenceDate(doc)).toBe("2022-11-04");
    expect(page("04/11/2022", "PORT ELM, April 11 (Wire) - Valdoria today froze the assets of three Ruritanian officials.").published).toBe("2022-04-11");
  });

  it("'today (4th November)' in the story", () => {
    for (const story of [
      "New sanctions were announced by the Foreign Secretary today (4th November).",
      "The minister today, 4 November, froze the assets of three Ruritanian officials.",
      "Valdoria's cabinet agreed today (Friday 4 November) to freeze the assets of three Ruritanian officials.",
    ]) expect(page("Press release 04/11/2022", story).published, story).toBe("2022-11-04");
  });

  it("dates written in words, all day first", () => {
    expect(page("04/11/2022", "Valdoria today froze the assets of three officials. The list was first drawn up on 12 October 2022.").published).toBe("2022-11-04");
    expect(page("04/11/2022 10:49", "The assets of three officials named on 3 October stay frozen.").published).toBe("2022-11-04");
  });

  it("dates written month first, or both ways, or none at all, fix nothing", () => {
    expect(page("04/11/2022", "Valdoria today froze the assets of three officials. The list was first drawn up on October 12.").published).toBeUndefined();
    expect(page("04/11/2022", "The list of 12 October was widened on October 20.").published).toBeUndefined();
    expect(page("04/11/2022 10:49", "Valdoria today froze the assets of three Ruritanian officials.").published).toBeUndefined();
  });

  it("a stamp whose order its line fixes is not overruled by the text", () => {
    expect(page("04/11/2022 10:49 AM EDT", "Valdoria today froze the assets of three officials named on 3 October.").published).toBe("2022-04-11");
  });
});

describe("a document label beside a stamp", () => {
  it.each([
    ["Press release 27/09/2023", "2023-09-27"],
    ["Date: 27/09/2023 | Press release", "2023-09-27"],
    ["News release - September 27, 2023", "2023-09-27"],
    ["Release date: 27/09/2023", "2023-09-27"],
  ])("%s", (line, iso) => {
    const doc = page(line, "Valdoria today froze the assets of three Ruritanian officials.");
    expect(doc.published).toBe(iso);
    // no byline is made of the label
    expect(doc.blocks.filter((b) => b.kind === "byline")).toEqual([]);
  });
});

describe("numeric dates with a two-digit year", () => {
  it("are read like four-digit ones: open unless the line or page fixes the order", () => {
    expect(page("24/11/22", "Valdoria today froze the assets of three Ruritanian officials.").published).toBe("2022-11-24");
    expect(page("04.11.22 10:49", "Valdoria today froze the assets of three Ruritanian officials.").published).toBe("2022-11-04");
    expect(page("04/11/22 10:49 AM", "Valdoria today froze the assets of three Ruritanian officials.").published).toBe("2022-04-11");
    // chrono alone would read it month first
    expect(page("04/11/22", "Valdoria today froze the assets of three Ruritanian officials.").published).toBeUndefined();
    expect(page("Fri 04/11/22", "Valdoria today froze the assets of three Ruritanian officials.").published).toBe("2022-11-04");
  });

  it("a time with seconds written with dots is no date", () => {
    expect(readStamp("10.15.30")?.entries ?? []).toEqual([]);
    expect(page("Updated 10.15.30", "Valdoria today froze the assets of three Ruritanian officials.").published).toBeUndefined();
  });

  it("an agency dateline 'Place/DD.MM.YY/Agency:' dates the story", () => {
    const doc = page("Port Elm/08.09.23/Wire: Valdoria on Friday froze the assets of three Ruritanian officials.");
    expect(doc.datelineDay).toBe("2023-09-08");
    expect(referenceDate(doc)).toBe("2023-09-08");
    expect(doc.dateline?.span && doc.text.slice(doc.dateline.span.start, doc.dateline.span.end)).toBe("Port Elm/08.09.23/Wire");
  });
});
