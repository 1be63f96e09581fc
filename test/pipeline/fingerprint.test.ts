// The extraction cache is keyed by a digest of the extractor's sources and lexicons.
import { spawnSync } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractorFingerprint } from "../../src/extract/fingerprint.ts";
import { ExtractionCache } from "../../src/pipeline/cache.ts";
import { ingestText } from "../../src/ingest/index.ts";

describe("extractor fingerprint", () => {
  it("is a stable digest that the cache key carries", () => {
    const fp = extractorFingerprint();
    expect(fp).toMatch(/^[0-9a-f]{16}$/);
    expect(extractorFingerprint()).toBe(fp);
    const doc = ingestText("a.txt", "Ministers meet\n\nThe ministers met in Oslo on Monday.\n", "ab".repeat(32));
    expect(new ExtractionCache("/nowhere").keyOf(doc)).toContain(fp);
  });

  it("changes when a lexicon changes, so cached extractions are redone", { timeout: 120_000 }, () => {
    // A copy of the extractor with one lexicon line added, fingerprinted in a fresh process.
    const root = mkdtempSync(join(tmpdir(), "ng-fp-"));
    try {
      for (const dir of ["src/extract", "data/lexicons"]) cpSync(dir, join(root, dir), { recursive: true });
      writeFileSync(join(root, "package.json"), '{ "type": "module" }');
      const print = () =>
        spawnSync(process.execPath, ["--import", "tsx", "-e", `import("${join(root, "src/extract/fingerprint.ts")}").then((m) => console.log(m.extractorFingerprint()))`], { encoding: "utf8" });
      const before = print();
      expect(before.stderr).toBe("");
      appendFileSync(join(root, "data/lexicons/titles.txt"), "\nhigh commissioner for testing\n");
      const after = print();
      expect(before.stdout.trim()).toMatch(/^[0-9a-f]{16}$/);
      expect(after.stdout.trim()).toMatch(/^[0-9a-f]{16}$/);
      expect(after.stdout.trim()).not.toBe(before.stdout.trim());
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
