// Blow-up guard: each pathological 1 MB article is extracted in bounded time. The bound is
// generous (a loaded 2-core machine); a superlinear pass takes tens of minutes at this size.
// Speed itself is measured by bench/extract.mjs (BENCHMARKS.md).
import { describe, expect, it } from "vitest";
import { makeInput, type InputKind } from "../../bench/extract-inputs.ts";
import { ingestText } from "../../src/ingest/index.ts";
import { extract } from "../../src/extract/index.ts";

const BOUND_S = 300;
const PATHOLOGICAL: InputKind[] = ["capitalised", "list", "triggers", "quotes", "owners"];

describe("extraction stays linear on pathological articles", () => {
  for (const kind of PATHOLOGICAL) {
    it(`extracts a 1 MB '${kind}' article in under ${BOUND_S} s`, { timeout: 2 * BOUND_S * 1000 }, () => {
      const text = makeInput(kind, 1_000_000);
      expect(text.length).toBeGreaterThan(990_000);
      const t0 = performance.now();
      const x = extract(ingestText(`${kind}.txt`, text));
      const seconds = (performance.now() - t0) / 1000;
      expect(x.doc.text.length).toBe(text.length);
      expect(seconds).toBeLessThan(BOUND_S);
    });
  }
});
