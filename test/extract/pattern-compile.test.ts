// Compiling a pattern makes each token test's function once (patterns.ts tokenPredicate): the
// copies of a repeat share it, and matching is what the test says.
import { describe, expect, it } from "vitest";
import { ingestText } from "../../src/ingest/index.ts";
import { tokenize, type Token } from "../../src/extract/tokens.ts";
import { pattern, tokenPredicate, type TokenTest } from "../../src/extract/patterns.ts";

const tokensOf = (text: string): Token[] => tokenize(ingestText("t.txt", `Invented headline for the tests\n\n${text}`)).filter((t) => t.blockKind === "body");

describe("token tests compiled once", () => {
  it("gives one function per test object, and a fresh one for an equal but other object", () => {
    const test: TokenTest = { lower: ["minister", "envoy"] };
    expect(tokenPredicate(test)).toBe(tokenPredicate(test));
    expect(tokenPredicate({ lower: ["minister", "envoy"] })).not.toBe(tokenPredicate(test));
  });

  it("matches repeats of a shared test as before: every copy checks the same words", () => {
    const word: TokenTest = { lower: ["alpha", "beta"] };
    const p = pattern([{ as: "run", seq: [word], op: "+" }, { lower: "gamma" }]);
    const tokens = tokensOf("Then alpha beta alpha gamma, and beta delta gamma.");
    const found = p.matchAll(tokens).map((m) => tokens.slice(m.from, m.to).map((t) => t.text).join(" "));
    expect(found).toEqual(["alpha beta alpha gamma"]);
    const nested = pattern([{ seq: [{ seq: [word], op: [1, 3] }, { text: "," }], op: "+" }]);
    const t2 = tokensOf("alpha beta , beta , alpha alpha alpha alpha , gamma");
    expect(nested.matchAll(t2).map((m) => [m.from, m.to])).toEqual([[0, 5], [6, 10]]);
  });
});
