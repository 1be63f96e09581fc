// The quotation pass stays linear on pathological 1 MB inputs: thousands of quotes in one paragraph,
// unbalanced and straight marks, endless quote paragraphs, "said:" blocks, post signatures. The
// bound is generous (it catches blow-ups, not speed: a quadratic pass needs minutes here) and in
// CPU time, so a loaded machine does not trip it; speed is measured in bench/. Every text is generated.
import { describe, expect, it } from "vitest";
import { extractQuotes } from "../../src/extract/quotes.ts";
import { annotated, type EntitySpec } from "./quotes-helpers.ts";

const BERG: EntitySpec = { key: "berg", kind: "person", names: ["Anna Berg", "Berg"] };
const MB = 1_000_000;
const BOUND_MS = 60_000;

const repeat = (unit: (i: number) => string) => {
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; n < MB; i++) {
    parts.push(unit(i));
    n += parts[parts.length - 1].length;
  }
  return parts.join("");
};

const INPUTS: Record<string, () => string> = {
  "thousands of attributed quotes in one paragraph": () => repeat((i) => `“We will answer ${i} times,” Anna Berg said. “Again,” she added. `),
  "opening marks that never close": () => repeat(() => `Berg said “we will never stop and they said nothing at all `),
  "straight marks in every position": () => repeat(() => `"a "b c" d" e "f Berg said `),
  "a quote running on over endless paragraphs": () => `Anna Berg said:\n` + repeat(() => `“We will answer this provocation in kind and without delay.\n`),
  "endless 'said:' blocks and signatures": () => repeat((i) => `Anna Berg said:\nWe will answer this in kind, ${i}.\nWe stand firm. — Anna Berg (@berg) May 1\n`),
};

describe("quotation pass on pathological 1 MB inputs", () => {
  for (const [name, make] of Object.entries(INPUTS)) {
    it(`finishes on ${name}`, () => {
      const a = annotated(make(), [BERG]);
      const cpu0 = process.cpuUsage();
      const found = extractQuotes(a);
      const cpu = process.cpuUsage(cpu0);
      expect((cpu.user + cpu.system) / 1000).toBeLessThan(BOUND_MS);
      expect(Array.isArray(found)).toBe(true);
    }, 4 * BOUND_MS);
  }
});
