// The quality gate: builds the sample articles and the real-text corpus, scores them with the shared scorer,
// and fails when a category falls below its floor. Issue 3 sets 0.90 as the bar; the extractor
// reaches 1.0 on the samples, and the floors sit at 0.95 so that a real regression fails while a
// general improvement that costs one sample item does not (the unseen-article score is the judge).
import { describe, expect, it } from "vitest";
import { CATEGORIES, evaluate, type EvalResult } from "../../src/cli/eval.ts";

const FLOORS: Record<(typeof CATEGORIES)[number], number> = {
  persons: 0.95,
  organisations: 0.95,
  places: 0.95,
  roles: 0.95,
  statements: 0.95,
  sanctions: 0.95,
};

/**
 * Real published pages (../shared/corpus, beside the project; CI has it too). Issue 8's bar is 0.90
 * in every category; until the team reaches it, each floor sits at the score reached so far, so
 * that no category can silently drop. Raise a floor when a category improves.
 */
const CORPUS_FLOORS: Record<(typeof CATEGORIES)[number], number> = {
  persons: 0.96,
  organisations: 0.94,
  places: 0.97,
  roles: 0.97,
  statements: 0.95,
  sanctions: 0.95,
};

describe("extraction quality on the sample articles", () => {
  let result: EvalResult;

  it("builds and scores every gold article", { timeout: 120_000 }, async () => {
    result = await evaluate({ inputs: ["data/articles"], goldDir: "test/fixtures/gold" });
    expect(result.report.missingArticles).toEqual([]);
    expect(result.table).toMatch(/^statements\s/m);
  });

  for (const category of CATEGORIES) {
    it(`${category}: F1 at or above ${FLOORS[category]}`, () => {
      expect(result, "the build above failed").toBeDefined();
      expect(result.report.summary[category].f1).toBeGreaterThanOrEqual(FLOORS[category]);
    });
  }
});

describe("extraction quality on real pages (../shared/corpus)", () => {
  let result: EvalResult;

  it("builds and scores every corpus article", { timeout: 600_000 }, async () => {
    result = await evaluate({ inputs: ["../shared/corpus"], goldDir: "../shared/corpus" });
    expect(result.report.missingArticles).toEqual([]);
  });

  for (const category of CATEGORIES) {
    it(`${category}: F1 at or above ${CORPUS_FLOORS[category]}`, () => {
      expect(result, "the build above failed").toBeDefined();
      expect(result.report.summary[category].f1).toBeGreaterThanOrEqual(CORPUS_FLOORS[category]);
    });
  }
});
