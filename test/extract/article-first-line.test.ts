// A page whose very first line is page furniture starting with a weekday ("Saturday, September 07,
// 2024", a "Sunday … Reporter" byline): the phrase reader at the article's first token once took
// "no head yet" (-1) for "a head just before" and read the token before the first one, so the
// whole article failed to build. Invented texts.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ingestText } from "../../src/ingest/index.ts";
import { extract } from "../../src/extract/index.ts";

const extractText = (text: string) => extract(ingestText("first-line.txt", text));

describe("an article whose first line starts with a weekday", () => {
  it("builds when a dated site line and an edition line open the page", () => {
    const x = extractText("Saturday, September 07, 2024\nname of Examplia Press\nEnglish Edition\n\nThe Government of Examplia imposed sanctions on Norvania on Friday, Foreign Minister Tomas Verrel said.\n");
    expect(x.sanctions.length).toBeGreaterThan(0);
    expect(x.entities.some((e) => e.name === "Tomas Verrel")).toBe(true);
  });

  it("builds when a weekday newspaper's reporter byline opens the page", () => {
    const x = extractText("Sunday Herald Reporter\n\nTHE Government of Examplia has imposed sanctions on two Norvanian officials, Minister Ada Korrin said.\n");
    expect(x.entities.some((e) => e.name === "Ada Korrin")).toBe(true);
  });

  it("still ends a phrase before a weekday that follows its head in the first line", () => {
    const x = extractText("Examplia sanctions Norvanian bankers Monday\n\nThe Government of Examplia imposed sanctions on three bankers of Norvania on Monday.\n");
    expect(x.sanctions.length).toBeGreaterThan(0);
  });
});

describe("page furniture above the sample articles", () => {
  const dir = new URL("../../data/articles/", import.meta.url);
  const samples = readdirSync(dir).filter((f) => f.endsWith(".txt")).map((f) => readFileSync(new URL(f, dir), "utf8"));
  const furniture = ["Monday", "Tuesday 12 March 2024", "Wednesday, 3 April, 2019 | 10:42 IST", "Thursday Morning Edition", "Friday Examplia Times Staff Writer", "Today", "Yesterday's Headlines", "Last updated Sunday", "Share", "Home | World | Politics"];
  it.each(furniture)("every sample builds under a first line %j", (line) => {
    for (const text of samples) expect(() => extractText(`${line}\n${text}`)).not.toThrow();
  });
});
