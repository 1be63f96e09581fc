import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { IngestError, ingestFile, listArticleFiles } from "../../src/ingest/index.ts";

const FIXTURES = new URL("../fixtures/ingest/", import.meta.url).pathname;
const bad = (name: string) => join(FIXTURES, "bad", name);
const good = (name: string) => join(FIXTURES, "good", name);

async function errorOf(path: string): Promise<IngestError> {
  try {
    await ingestFile(path);
  } catch (e) {
    if (e instanceof IngestError) return e;
    throw e;
  }
  throw new Error(`${path} was accepted`);
}

describe("files that are not articles", () => {
  it.each([
    ["empty.txt", /empty file/],
    ["blank.txt", /whitespace only/],
    ["binary.txt", /binary file \(NUL byte at byte offset 8, line 3\)/],
    ["latin1.txt", /not valid UTF-8 \(invalid byte 0xe9 at byte offset 42, line 4\)/],
    ["utf16.txt", /UTF-16/],
    ["furniture-only.txt", /no article text/],
  ])("%s is rejected with a message naming the file", async (name, reason) => {
    const e = await errorOf(bad(name));
    expect(e.file).toBe(bad(name));
    expect(e.message.startsWith(`${bad(name)}: `)).toBe(true);
    expect(e.message).toMatch(reason);
  });

  it("a missing file is named", async () => {
    const e = await errorOf(bad("nope.txt"));
    expect(e.message).toBe(`${bad("nope.txt")}: no such file`);
  });
});

describe("sidecar NAME.meta.json", () => {
  it("overrides title, publisher, date and url", async () => {
    const doc = await ingestFile(good("with-meta.txt"));
    expect(doc).toMatchObject({ title: "Override title", publisher: "Valdoria Herald", published: "2022-05-04", url: "https://example.org/a" });
  });

  it("is part of the article's cache key", async () => {
    const withMeta = await ingestFile(good("with-meta.txt"));
    const articleOnly = createHash("sha256").update(readFileSync(good("with-meta.txt"))).digest("hex");
    expect(withMeta.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(withMeta.sha256).not.toBe(articleOnly);
    const noMeta = await ingestFile(good("bom-crlf.txt"));
    expect(noMeta.sha256).toBe(createHash("sha256").update(readFileSync(good("bom-crlf.txt"))).digest("hex"));
  });

  it.each([
    ["bad-json.txt", "bad-json.meta.json", /invalid JSON/],
    ["bad-type.txt", "bad-type.meta.json", /field "publisher" must be a non-empty string/],
    ["bad-date.txt", "bad-date.meta.json", /field "date" must be an ISO date YYYY-MM-DD, got "23\/03\/2021"/],
  ])("%s: a broken sidecar is reported with its own file name and field", async (article, sidecar, reason) => {
    const e = await errorOf(bad(article));
    expect(e.file).toBe(bad(sidecar));
    expect(e.message).toMatch(reason);
  });
});

describe("BOM and CRLF", () => {
  it("keeps the file text unchanged and skips the BOM by offset", async () => {
    const doc = await ingestFile(good("bom-crlf.txt"));
    expect(doc.text.charCodeAt(0)).toBe(0xfeff);
    expect(doc.text).toContain("\r\n");
    expect(doc.blocks[0]).toMatchObject({ kind: "headline", start: 1 });
    expect(doc.title).toBe("Trade talks open in Valdoria");
    expect(doc.blocks.map((b) => b.kind)).toEqual(["headline", "byline", "dateline", "body", "body"]);
    for (const b of doc.blocks) expect(doc.text.slice(b.start, b.end)).not.toMatch(/[\r\n\ufeff]$|^[\r\n\ufeff]/);
    expect(doc.published).toBe("2022-03-02");
    expect(doc.publisher).toBe("Reuters");
    const sentences = doc.sentences.map((s) => doc.text.slice(s.start, s.end));
    expect(sentences).toContain("Mr. Olsen said talks would go on.");
    expect(sentences).toContain("Trade ministers met on Tuesday.");
  });
});

describe("listArticleFiles", () => {
  it("expands folders to their sorted .txt files and keeps explicit files", async () => {
    const files = await listArticleFiles([join(FIXTURES, "good"), good("notes.md"), good("with-meta.txt")]);
    expect(files).toEqual([good("bom-crlf.txt"), good("notes.md"), good("with-meta.txt")]);
  });

  it("names a path that does not exist", async () => {
    await expect(listArticleFiles([join(FIXTURES, "missing")])).rejects.toThrow(`${join(FIXTURES, "missing")}: no such file or folder`);
  });
});
