// Publication dates read from invented pages (fictional states and people), in the forms real
// pages print them, and the traps around them.
import { describe, expect, it } from "vitest";
import { referenceDate } from "../../src/extract/dates.ts";
import { ingestText } from "../../src/ingest/index.ts";
import { readStamp } from "../../src/ingest/stamps.ts";

const STORY = "Valdoria imposed sanctions on three Ruritanian officials on Monday, the foreign ministry said in a statement.\n\nThe measures freeze their assets and bar them from entering the country, the ministry said.";
/** A page: the lines given, a blank line between each, then the story. */
const page = (...lines: string[]) => ingestText("p.txt", [...lines, STORY].join("\n\n"));
const blocks = (doc: ReturnType<typeof page>) => doc.blocks.map((b) => `${b.kind}: ${doc.text.slice(b.start, b.end)}`);

describe("publication date from a byline or timestamp", () => {
  it.each([
    ["December 3, 2024 6:41 PM GMT+1", "2024-12-03"],
    ["Mon 21st June 2021 | 02:40 PM", "2021-06-21"],
    ["Published 12:01 AM EST, Thu March 5, 2024", "2024-03-05"],
    ["Published On 4 Aug 2025", "2025-08-04"],
    ["Date 26.02.2024", "2024-02-26"],
    ["November 16, 2020 - 18:7", "2020-11-16"],
    ["PORT ELM NEWS - Sep 7, 2025 - 19:32 | World, Asia", "2025-09-07"],
    ["2024-03-05T10:00:00Z", "2024-03-05"],
    ["Sat 5 Mar 2022 10.15 GMT", "2022-03-05"],
    ["02.08.2018 - 11:05", "2018-08-02"],
    ["22/01/2018 11:40", "2018-01-22"],
    ["Jana Kolar and Piet Ackle | 24.01.2024 - Update : 25.01.2024", "2024-01-24"],
    ["Port Desk / PORTELM.COM / Updated: Apr 19, 2024, 16:48 IST", "2024-04-19"],
  ])("%s", (line, iso) => {
    const doc = page("Valdoria sanctions Ruritanian officials", line);
    expect(doc.published).toBe(iso);
    expect(blocks(doc).join("\n")).not.toContain(line); // the stamp is no block of the story
  });

  it("'Updated 2 hours ago' next to an absolute date: the absolute date", () => {
    expect(page("Valdoria sanctions Ruritanian officials", "March 5, 2024 6:41 PM GMT+1 Updated 2 hours ago").published).toBe("2024-03-05");
    expect(page("Valdoria sanctions Ruritanian officials", "Updated 2 hours ago", "March 5, 2024").published).toBe("2024-03-05");
  });

  it("a byline and a timestamp on one line: the byline stays a block, the stamp gives the date", () => {
    const doc = page("Valdoria sanctions Ruritanian officials", "By Jana Kolar | Mon 4 March 2024 | 02:40 PM");
    expect(doc.published).toBe("2024-03-04");
    expect(blocks(doc)).toContain("byline: By Jana Kolar");
  });

  it("a date heading a press release", () => {
    const doc = page("Ministry of Foreign Affairs of Valdoria", "PRESS RELEASE", "March 5, 2024", "Valdoria sanctions Ruritanian officials");
    expect(doc.published).toBe("2024-03-05");
  });

  it("a page that says it is old but not when it was published has no date", () => {
    expect(page("Valdoria sanctions Ruritanian officials", "This article is more than 6 months old").published).toBeUndefined();
  });

  it("a line that only looks like a stamp (a headline or a caption with a date) is not one", () => {
    expect(readStamp("March 5, 2024: Valdoria hits back at sanctions")).toBeNull();
    expect(readStamp("The minister speaks in Port Elm on March 5, 2024")).toBeNull();
    expect(readStamp("Monday")).toBeNull();
  });
});

describe("publication date from a dateline", () => {
  it("a dateline with a full date", () => {
    const doc = ingestText("p.txt", `Valdoria sanctions Ruritanian officials\n\nPORT ELM, March 4, 2024 (Wire) - ${STORY}`);
    expect(doc.published).toBe("2024-03-04");
  });

  it("a dateline without a year gives no date on its own", () => {
    for (const dateline of ["WASHINGTON, Dec 3 (Reuters) -", "MOSCOW, March 22 (Xinhua) --"]) {
      const doc = ingestText("p.txt", `Valdoria sanctions Ruritanian officials\n\n${dateline} ${STORY}`);
      expect(doc.published).toBeUndefined();
      expect(doc.datelineDay).toMatch(/^--\d\d-\d\d$/);
    }
  });

  it("takes its year from the same day printed in full elsewhere on the page, or from an update stamp just after it", () => {
    const captioned = ingestText("p.txt", `Valdoria sanctions Ruritanian officials\n\nJan Holm speaks in Port Elm, Valdoria, March 22, 2024. REUTERS/Karl Sand\n\nMOSCOW, March 22 (Xinhua) -- ${STORY}`);
    expect(captioned.published).toBe("2024-03-22");
    const updated = ingestText("p.txt", `Valdoria sanctions Ruritanian officials\n\nUpdated December 4, 2024\n\nWASHINGTON, Dec 3 (Reuters) - ${STORY}`);
    expect(updated.published).toBe("2024-12-03");
  });
});

describe("publication date from a sentence about the page", () => {
  it("'The press release issued by the Foreign Office on 29 September 2023.'", () => {
    const doc = page("Tag: Foreign Office", "PRESS RELEASE : Valdoria announces new sanctions", "The press release issued by the Foreign Office on 29 September 2023.");
    expect(doc.published).toBe("2023-09-29");
  });
});

describe("traps", () => {
  it("a photo's date in a caption is not the publication date", () => {
    const doc = ingestText(
      "p.txt",
      `Valdoria sanctions Ruritanian officials\n\nForeign Minister Jan Holm speaks in Port Elm, Valdoria, March 2, 2022. REUTERS/Karl Sand\n\n${STORY}`,
    );
    expect(doc.published).toBeUndefined();
    const stamped = ingestText(
      "p.txt",
      `Valdoria sanctions Ruritanian officials\n\nForeign Minister Jan Holm speaks in Port Elm, Valdoria, March 2, 2022. REUTERS/Karl Sand\n\nMarch 4, 2022\n\n${STORY}`,
    );
    expect(stamped.published).toBe("2022-03-04");
  });

  it("'first published' and 'updated': the first publication, in either order", () => {
    const first = ["First published on Mon 4 Mar 2024 18.02 GMT", "Last modified on Tue 5 Mar 2024 10.15 GMT"];
    expect(page("Valdoria sanctions Ruritanian officials", ...first).published).toBe("2024-03-04");
    expect(page("Valdoria sanctions Ruritanian officials", ...[...first].reverse()).published).toBe("2024-03-04");
    expect(page("Valdoria sanctions Ruritanian officials", "Updated 6:12 PM EDT, April 16, 2024", "March 1, 2024").published).toBe("2024-03-01");
  });

  it("a page that shows only its update time is dated by it", () => {
    expect(page("Valdoria sanctions Ruritanian officials", "Updated 6:12 PM EDT, April 16, 2024").published).toBe("2024-04-16");
  });

  it("a date inside a quotation is not the publication date", () => {
    const doc = ingestText(
      "p.txt",
      `Valdoria sanctions Ruritanian officials\n\n"By January 5, 2023 every tanker will be checked," Holm said.\n\n"On 4 March 2024, we acted," the minister told reporters.\n\n${STORY}`,
    );
    expect(doc.published).toBeUndefined();
  });

  it("US month/day order: '9/27/2023, 9:38 AM'; an open order ('04/11/2022') only when the page fixes it", () => {
    expect(page("Valdoria sanctions Ruritanian officials", "9/27/2023, 9:38 AM (Source: Wire)").published).toBe("2023-09-27");
    expect(page("Valdoria sanctions Ruritanian officials", "04/11/2022").published).toBeUndefined();
    expect(page("Valdoria sanctions Ruritanian officials", "04/11/2022+", "04/11/2022 10:49 AM EDT").published).toBe("2022-04-11");
    expect(page("Valdoria sanctions Ruritanian officials", "27/09/2023 14:30").published).toBe("2023-09-27");
    expect(page("Valdoria sanctions Ruritanian officials", "05.03.2024 14:30").published).toBe("2024-03-05");
  });

  it("a timestamp just after midnight in UTC+4 keeps its printed day, and 'on Friday' is the day before", () => {
    const doc = page("Valdoria sanctions Ruritanian officials", "22 June 2019 00:07 (UTC+04:00)");
    expect(doc.published).toBe("2019-06-22");
    expect(referenceDate(doc)).toBe("2019-06-22");
  });

  it("a site's date line above the page is the day of the copy: the article's own stamp wins, its year from the caption", () => {
    const doc = ingestText(
      "p.txt",
      [
        "Wednesday, Aug. 20, 2014",
        "Valdoria announces sanctions on Ruritanian officials",
        "By Jana Kolar, Associated Press",
        "Published: Mon, March 17 12:00 a.m. MDT",
        "President Olaf Berg speaks about Ruritania, Monday, March 17, 2014, in Port Elm.",
        STORY,
      ].join("\n\n"),
    );
    expect(doc.published).toBe("2014-03-17");
  });

  it("a site's current-date line above the headline yields to the article's 'Published: …' line", () => {
    const doc = ingestText("p.txt", ["Sunday, June 8, 2025", "Valdoria announces sanctions on Ruritanian officials", "By Jana Kolar", "Published: March 3, 2025 at 9:14 AM", STORY].join("\n\n"));
    expect(doc.published).toBe("2025-03-03");
  });

  it("a byline of two names joined by 'and' and credits parted by '/' stay bylines beside the stamp", () => {
    const two = page("Valdoria sanctions Ruritanian officials", "Jana Kolar and Piet Ackle | 24.01.2024 - Update : 25.01.2024");
    expect(blocks(two)).toContain("byline: Jana Kolar and Piet Ackle");
    const desk = page("Valdoria sanctions Ruritanian officials", "Port Desk / PORTELM.COM / Updated: Apr 19, 2024, 16:48 IST");
    expect(blocks(desk)).toContain("byline: Port Desk");
    expect(readStamp("Valdoria, Ruritania March 5, 2024")).toBeNull();
  });

  it("a labelled date whose year the page does not print gives none, not the copy date", () => {
    const doc = ingestText("p.txt", ["Wednesday, Aug. 20, 2014", "Valdoria announces sanctions", "Published: Mon, March 17 12:00 a.m. MDT", STORY].join("\n\n"));
    expect(doc.published).toBeUndefined();
  });

  it("a page date and an article dateline: the page's date is published, the story counts its days from the dateline", () => {
    const doc = ingestText("p.txt", "Security Council sanctions six commanders\n\n2 Jul 2015\n\n1 July 2015 - The Security Council today imposed a travel ban on six commanders.\n\nThe measures take effect at once.");
    expect(doc.published).toBe("2015-07-02");
    expect(doc.datelineDay).toBe("2015-07-01");
    expect(referenceDate(doc)).toBe("2015-07-01");
    expect(blocks(doc)).toContain("body: The Security Council today imposed a travel ban on six commanders.");
  });
});
