import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lowerBound } from "../../src/extract/sorted.ts";

describe("lowerBound", () => {
  it("gives the first index whose key is at or after the value, as a linear scan does", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 })), fc.integer({ min: -60, max: 60 }), (raw, value) => {
        const items = [...raw].sort((a, b) => a - b).map((start) => ({ start }));
        const linear = items.findIndex((item) => item.start >= value);
        expect(lowerBound(items, value, (item) => item.start)).toBe(linear === -1 ? items.length : linear);
      }),
    );
  });

  it("stops before the first of equal keys", () => {
    const items = [1, 3, 3, 3, 7].map((start) => ({ start }));
    expect(lowerBound(items, 3, (item) => item.start)).toBe(1);
    expect(lowerBound(items, 4, (item) => item.start)).toBe(4);
    expect(lowerBound([], 4, (item: { start: number }) => item.start)).toBe(0);
  });
});
