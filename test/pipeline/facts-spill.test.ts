// The build's facts file: what goes in comes back byte for byte (any script, any order of reads),
// and nothing is left in the folder, neither while it is open nor after.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FactsSpill } from "../../src/pipeline/facts-spill.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("the build's facts file", () => {
  it("gives back each article's facts as they were put, in any order, and leaves no file behind", () => {
    const dir = mkdtempSync(join(tmpdir(), "ng-spill-"));
    dirs.push(dir);
    const spill = new FactsSpill(join(dir, "cache"));
    const put = [
      { entities: '[{"key":"p1","kind":"person","name":"Ana Sousa","names":["Ana Sousa"]}]', rest: '"roles":[],"linkFacts":{"places":{}}' },
      { entities: "[]", rest: '"roles":[{"holder":"p1","title":"Minister"}],"linkFacts":{"published":"2024-01-02","places":{}}' },
      { entities: '[{"key":"o1","kind":"organisation","name":"Société Générale – Zürich “Ünïcode” 東京","names":[]}]', rest: '"roles":[],"linkFacts":{"places":{}}' },
    ];
    const refs = put.map((f) => spill.put(f));
    expect(readdirSync(join(dir, "cache"))).toEqual([]);
    for (const i of [2, 0, 1, 2]) {
      expect(spill.get(refs[i])).toEqual(put[i]);
      expect(spill.entities(refs[i])).toBe(put[i].entities);
    }
    spill.close();
    expect(readdirSync(join(dir, "cache"))).toEqual([]);
  });

  it("opens no file when nothing is put", () => {
    const dir = mkdtempSync(join(tmpdir(), "ng-spill-"));
    dirs.push(dir);
    const spill = new FactsSpill(join(dir, "cache"));
    spill.close();
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("the build's facts file, when it cannot be made", () => {
  it("keeps the facts in memory and gives them back the same", () => {
    const dir = mkdtempSync(join(tmpdir(), "ng-spill-"));
    dirs.push(dir);
    const file = join(dir, "not-a-folder");
    writeFileSync(file, "x");
    const spill = new FactsSpill(join(file, "cache")); // a folder under a file: cannot be made
    const facts = { entities: "[]", rest: '"roles":[],"linkFacts":{"places":{}}' };
    const ref = spill.put(facts);
    expect(spill.get(ref)).toEqual(facts);
    expect(spill.entities(ref)).toBe("[]");
    spill.close();
  });
});
