import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { replaceFile, replaceFileSync } from "../src/replace-file.ts";

const dirs: string[] = [];
const freshDir = () => {
  const d = mkdtempSync(join(tmpdir(), "ng-replace-"));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("replaceFile", () => {
  it("lets many writers of one file in one process finish, the file holding one of their texts whole", async () => {
    const dir = freshDir();
    const file = join(dir, "answer.json");
    const texts = Array.from({ length: 40 }, (_, i) => JSON.stringify({ writer: i, pad: "x".repeat(50_000) }));
    await Promise.all(texts.map((t) => replaceFile(file, t)));
    expect(texts).toContain(readFileSync(file, "utf8"));
    expect(readdirSync(dir)).toEqual(["answer.json"]);
  });

  it("leaves no temporary file behind when the rename fails, and throws", async () => {
    const dir = freshDir();
    const target = join(dir, "taken");
    mkdirSync(target); // a folder: a file cannot be renamed over it
    await expect(replaceFile(target, "text")).rejects.toThrow();
    expect(() => replaceFileSync(target, "text")).toThrow();
    expect(readdirSync(dir)).toEqual(["taken"]);
  });

  it("replaces an existing file's content synchronously", () => {
    const dir = freshDir();
    const file = join(dir, "memo.txt");
    replaceFileSync(file, "old");
    replaceFileSync(file, Buffer.from("new"));
    expect(readFileSync(file, "utf8")).toBe("new");
    expect(readdirSync(dir)).toEqual(["memo.txt"]);
  });
});
