// Names' normal forms are memoised (resolve/memo.ts); a bounded memo still answers every name
// after it has been emptied.
import { describe, expect, it } from "vitest";
import { memoByString } from "../../src/resolve/memo.ts";

describe("a memo of a function of a name", () => {
  it("computes each name once, and again only after a bounded memo was emptied", () => {
    const asked: string[] = [];
    const upper = memoByString((s: string) => (asked.push(s), s.toUpperCase()), 2);
    expect([upper("ana"), upper("bo"), upper("ana")]).toEqual(["ANA", "BO", "ANA"]);
    expect(asked).toEqual(["ana", "bo"]);
    expect(upper("cy")).toBe("CY"); // the third name empties the memo first
    expect(upper("ana")).toBe("ANA");
    expect(asked).toEqual(["ana", "bo", "cy", "ana"]);
  });

  it("keeps an undefined or null answer as an answer", () => {
    let calls = 0;
    const none = memoByString((s: string) => (calls++, s ? null : undefined));
    expect([none("x"), none("x"), none(""), none("")]).toEqual([null, null, undefined, undefined]);
    expect(calls).toBe(2);
  });
});
