// The bundled CLI (src/cli/main-bundle.mjs): made once per state of the sources, with the lazy
// imports in chunks of their own (a command loads only what it imports), and a bundle another
// checkout may still be running is removed only when it is a day old.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { cliBundle, pruneCliBundles, sourcesDigest } from "../../src/cli/main-bundle.mjs";

const dir = mkdtempSync(join(tmpdir(), "ng-cli-bundles-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("bundled CLI", () => {
  it("is made once for the sources as they are, with the lazy imports in chunks of their own", async () => {
    const entry = await cliBundle(dir);
    expect(entry).toBe(join(dir, `cli-${sourcesDigest()}`, "main.js"));
    const made = statSync(entry).mtimeMs;
    expect(await cliBundle(dir)).toBe(entry);
    expect(statSync(entry).mtimeMs).toBe(made);
    expect(readdirSync(join(dir, `cli-${sourcesDigest()}`)).length).toBeGreaterThan(2);
    const { main } = await import(pathToFileURL(entry).href);
    expect(typeof main).toBe("function");
  }, 120_000);

  it("removes other bundles only when a day old, and leftovers of interrupted writes", async () => {
    const now = Date.now();
    const ago = (ms: number) => (now - ms) / 1000;
    const make = (name: string, ageMs: number) => {
      mkdirSync(join(dir, name), { recursive: true });
      utimesSync(join(dir, name), ago(ageMs), ago(ageMs));
    };
    const keep = `cli-${sourcesDigest()}`;
    make("cli-0123456789abcdef", 2 * 86_400_000);
    make("cli-fedcba9876543210", 3_600_000);
    make("cli-0123456789abcdef.99.x.tmp", 3_600_000);
    make("cli-fedcba9876543210.98.y.tmp", 1_000);
    writeFileSync(join(dir, "notes.txt"), "not ours\n");
    await pruneCliBundles(dir, keep, now);
    expect(readdirSync(dir).sort()).toEqual([keep, "cli-fedcba9876543210", "cli-fedcba9876543210.98.y.tmp", "notes.txt"].sort());
  });
});
