// The workers' bundled task module (src/pipeline/task-bundle.mjs): making the bundle of a new build
// fingerprint leaves only that one in the cache folder, so the folder does not grow by a bundle
// per code change; a temporary file another worker may be writing right now is left alone.
import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { taskBundle } from "../../src/pipeline/task-bundle.mjs";

const dir = mkdtempSync(join(tmpdir(), "ng-bundles-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("task bundle cache", () => {
  it("keeps only the current fingerprint's bundle", async () => {
    const first = await taskBundle("aaaa1111", dir);
    expect(readdirSync(dir)).toEqual(["article-task-aaaa1111.mjs"]);
    expect(await taskBundle("aaaa1111", dir)).toBe(first); // made once
    const hourAgo = Date.now() / 1000 - 3600;
    writeFileSync(join(dir, "article-task-0ld0.mjs"), "// an older version's bundle\n");
    writeFileSync(join(dir, "article-task-aaaa1111.mjs.99.x.tmp"), "// left by a killed build\n");
    utimesSync(join(dir, "article-task-aaaa1111.mjs.99.x.tmp"), hourAgo, hourAgo);
    writeFileSync(join(dir, "article-task-bbbb2222.mjs.98.y.tmp"), "// being written by another worker now\n");
    writeFileSync(join(dir, "notes.txt"), "not ours\n");

    const second = await taskBundle("bbbb2222", dir);
    expect(second).toBe(join(dir, "article-task-bbbb2222.mjs"));
    expect(readdirSync(dir).sort()).toEqual(["article-task-bbbb2222.mjs", "article-task-bbbb2222.mjs.98.y.tmp", "notes.txt"]);
    const bundled = await import(second);
    expect(typeof bundled.extractArticle).toBe("function");
  }, 120_000);
});
