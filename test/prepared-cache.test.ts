// The prepared cache (prepared-cache.ts): lexicons read back from it are the lexicons prepared from
// the files; a missing, stale, cut-short or corrupt file is ignored and written anew; two
// processes preparing at once both get the value and leave one whole file.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { serialize } from "node:v8";
import { describe, expect, it } from "vitest";
import { prepareLexicons, revivedLexicons } from "../src/extract/lexicon.ts";
import { preparedFile, preparedValue } from "../src/prepared-cache.ts";

const isRecord = (v: unknown): v is { words: Set<string>; n: number } => typeof v === "object" && v !== null && (v as { words?: unknown }).words instanceof Set;

describe("the prepared cache", () => {
  it("keeps a value: the first call prepares and writes it, the next reads it back without preparing", () => {
    const dir = mkdtempSync(join(tmpdir(), "ng-prepared-"));
    let made = 0;
    const prepare = () => (made++, { words: new Set(["Ann", "Bo"]), n: 2 });
    const first = preparedValue("test", prepare, isRecord, { dir, key: "k1" });
    const again = preparedValue("test", prepare, isRecord, { dir, key: "k1" });
    expect(made).toBe(1);
    expect(again).toEqual(first);
    expect(again).not.toBe(first);
    // another key (changed sources or lexicons): prepared anew, in a file of its own
    preparedValue("test", prepare, isRecord, { dir, key: "k2" });
    expect(made).toBe(2);
    expect(readdirSync(dir).sort()).toEqual([preparedFile("test", { dir, key: "k1" }), preparedFile("test", { dir, key: "k2" })].map((f) => f.slice(dir.length + 1)));
  });

  it("ignores a file cut short, a corrupt one, or one holding something else, and writes it anew", () => {
    const dir = mkdtempSync(join(tmpdir(), "ng-prepared-"));
    const file = preparedFile("test", { dir, key: "k" });
    let made = 0;
    const prepare = () => (made++, { words: new Set(["Ann"]), n: 1 });
    preparedValue("test", prepare, isRecord, { dir, key: "k" });
    const whole = readFileSync(file);
    const damaged = [
      whole.subarray(0, whole.length - 5), // cut short
      Buffer.concat([Buffer.from("garbage garbage"), whole.subarray(whole.length - 24)]), // right trailer, wrong bytes
      Buffer.alloc(0),
    ];
    for (const bytes of damaged) {
      writeFileSync(file, bytes);
      expect(preparedValue("test", prepare, isRecord, { dir, key: "k" })).toEqual({ words: new Set(["Ann"]), n: 1 });
      expect(readFileSync(file).equals(whole)).toBe(true); // written anew
    }
    // a whole file holding a value of another shape
    writeFileSync(file, Buffer.concat([serialize({ other: 1 }), whole.subarray(whole.length - 24)]));
    const before = made;
    expect(preparedValue("test", prepare, isRecord, { dir, key: "k" })).toEqual({ words: new Set(["Ann"]), n: 1 });
    expect(made).toBe(before + 1);
  });

  it("prepares without writing where the folder cannot be made, and removes other keys' old files", () => {
    const dir = mkdtempSync(join(tmpdir(), "ng-prepared-"));
    const blocked = join(dir, "a-file");
    writeFileSync(blocked, "not a folder");
    expect(preparedValue("test", () => ({ words: new Set(["x"]), n: 1 }), isRecord, { dir: join(blocked, "sub"), key: "k" }).n).toBe(1);
    const old = join(dir, "test-old.v8");
    const leftover = `${preparedFile("test", { dir, key: "k" })}.123.abc.tmp`;
    writeFileSync(old, "x");
    writeFileSync(leftover, "x");
    const longAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    utimesSync(old, longAgo, longAgo);
    utimesSync(leftover, longAgo, longAgo);
    writeFileSync(join(dir, "test-recent.v8"), "x"); // another checkout's, still in use
    preparedValue("test", () => ({ words: new Set(["x"]), n: 1 }), isRecord, { dir, key: "k" });
    expect(readdirSync(dir).sort()).toEqual(["a-file", preparedFile("test", { dir, key: "k" }).slice(dir.length + 1), "test-recent.v8"]);
  });

  it("gives the lexicons prepared from the files, also when two processes make the file at once", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ng-prepared-"));
    const script = `
      import { isDeepStrictEqual } from "node:util";
      import { prepareLexicons, revivedLexicons } from "./src/extract/lexicon.ts";
      import { preparedValue } from "./src/prepared-cache.ts";
      const lex = revivedLexicons(preparedValue("lexicons", prepareLexicons, (v) => v instanceof Object, { dir: ${JSON.stringify(dir)}, key: "k" }));
      process.stdout.write(JSON.stringify({ same: isDeepStrictEqual(lex, prepareLexicons()), names: lex.personNames.size }));`;
    const run = () => new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: process.cwd(), stdio: ["ignore", "pipe", "inherit"] });
      let out = "";
      child.stdout.on("data", (d) => (out += d));
      child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}`))));
    });
    const answers = (await Promise.all([run(), run()])).map((s) => JSON.parse(s) as { same: boolean; names: number });
    for (const a of answers) expect(a.same).toBe(true);
    expect(answers[0].names).toBeGreaterThan(1000);
    expect(readdirSync(dir)).toEqual([preparedFile("lexicons", { dir, key: "k" }).slice(dir.length + 1)]); // one whole file, no temporary left
    const read = preparedValue("lexicons", (): ReturnType<typeof prepareLexicons> => { throw new Error("should be read"); }, (v): v is ReturnType<typeof prepareLexicons> => v instanceof Object, { dir, key: "k" });
    expect(isDeepStrictEqual(read, prepareLexicons())).toBe(false); // its word sets are plain data until revived
    expect(isDeepStrictEqual(revivedLexicons(read), prepareLexicons())).toBe(true);
    expect(existsSync(preparedFile("lexicons", { dir, key: "k" }))).toBe(true);
  }, 120_000);
});
