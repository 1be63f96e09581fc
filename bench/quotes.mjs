// The quotation pass's speed (MB/s of CPU time) from 10 KB to 1 MB, on ordinary news-like text and
// on pathological text (thousands of quotes in one paragraph, unbalanced and straight marks, endless
// quote paragraphs, "said:" blocks with post signatures). Flat MB/s across sizes = linear.
//   node bench/quotes.mjs [--max 1000000]
// Annotation (tokens, names) is done first and not timed: only extractQuotes is.
import { parseArgs } from "node:util";
import { register } from "tsx/esm/api";

register();
const { ingestText } = await import("../src/ingest/index.ts");
const { annotate } = await import("../src/extract/annotate.ts");
const { extractQuotes } = await import("../src/extract/quotes.ts");
const { values } = parseArgs({ options: { max: { type: "string", default: "1000000" } } });

const repeat = (size, unit) => {
  const parts = [];
  let n = 0;
  for (let i = 0; n < size; i++) {
    parts.push(unit(i));
    n += parts[parts.length - 1].length;
  }
  return parts.join("");
};
const INPUTS = {
  ordinary: (n) => repeat(n, (i) => `Anna Berg, the fisheries minister, met her Chilean counterpart on day ${i}. “We will defend our quotas,” Berg said after the talks. She added that Oslo would “respond in kind” if the boats stayed.\n\nThe ministry said in a statement that the fleet stayed in port.\n\n`),
  "many quotes": (n) => repeat(n, (i) => `“We will answer ${i} times,” Anna Berg said. “Again,” she added. `),
  unbalanced: (n) => repeat(n, () => `Berg said “we will never stop and they said nothing at all `),
  straight: (n) => repeat(n, () => `"a "b c" d" e "f Berg said `),
  "endless quote": (n) => `Anna Berg said:\n\n` + repeat(n, () => `“We will answer this provocation in kind and without delay.\n\n`),
  "said: blocks": (n) => repeat(n, (i) => `Anna Berg said:\n\nWe will answer this in kind, ${i}.\n\nWe stand firm. — Anna Berg (@berg) May 1\n\n`),
};
// warm up: lexicons read, code compiled
for (const make of Object.values(INPUTS)) extractQuotes(annotate(ingestText("warm.txt", make(20_000))));
const sizes = [10_000, 100_000, 1_000_000].filter((s) => s <= Number(values.max));
console.log(`| input | ${sizes.map((s) => `${s / 1000} KB`).join(" | ")} |`);
console.log(`|---|${sizes.map(() => "---:").join("|")}|`);
for (const [name, make] of Object.entries(INPUTS)) {
  const cells = [];
  for (const size of sizes) {
    const text = make(size);
    const a = annotate(ingestText("bench.txt", text));
    const before = process.cpuUsage();
    extractQuotes(a);
    const cpu = process.cpuUsage(before);
    const seconds = (cpu.user + cpu.system) / 1e6;
    cells.push(`${(text.length / 1e6 / seconds).toFixed(2)} MB/s`);
  }
  console.log(`| ${name} | ${cells.join(" | ")} |`);
}
