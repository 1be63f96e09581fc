// Words that are also names of an object's prototype members ("constructor", "toString") are words like
// any other in the tables that fold spellings: a plain object's look-up found the prototype's function
// and joined its source code into a name's key. Invented names.
import { describe, expect, it } from "vitest";
import { nameKey } from "../../src/resolve/names.ts";
import { postWords } from "../../src/link/normalise.ts";

describe("prototype member names as words", () => {
  it("keys a body whose name holds 'constructor' by its words", () => {
    expect(nameKey("Examplia Constructor Union")).toBe("examplia constructor union");
    expect(nameKey("the Defence Constructor Programme")).toBe("defense constructor program");
  });

  it("keeps 'constructor' and 'valueOf' as words of a post", () => {
    expect(postWords("chief constructor of valueOf Works")).toEqual(["chief", "constructor", "valueof", "works"]);
    expect(postWords("Spokesman for Defence")).toEqual(["spokesperson", "defense"]);
  });
});
