import { describe, expect, it } from "vitest";
import { lexicons, perWord, type Lexicons } from "../../src/extract/lexicon.ts";
import { isTitleHead, isTitleWord, orgHeadType, pluralPost } from "../../src/extract/names.ts";
import { singularPost } from "../../src/extract/role-patterns.ts";

describe("perWord", () => {
  it("asks once per word, remembers undefined answers too, and starts afresh for other lexicons", () => {
    const asked: string[] = [];
    const f = perWord((_lex, word) => {
      asked.push(word);
      return word.length > 3 ? word.toUpperCase() : undefined;
    });
    const lex = lexicons();
    expect([f(lex, "Zorvan"), f(lex, "of"), f(lex, "Zorvan"), f(lex, "of")]).toEqual(["ZORVAN", undefined, "ZORVAN", undefined]);
    expect(asked).toEqual(["Zorvan", "of"]);
    const other = { ...lex } as Lexicons;
    expect(f(other, "Zorvan")).toBe("ZORVAN");
    expect(asked).toEqual(["Zorvan", "of", "Zorvan"]);
  });

  it("gives the word tests the same answers asked in any order, again and again", () => {
    const words = ["Minister", "ministers", "Senators", "Secretaries", "President-elect", "ex-President", "Chief-of-Staff", "Ministry", "MINISTRY", "Council", "Velmar", "the", "said", "Deputies", "Minister"];
    const once = words.map((w) => [isTitleWord(lexicons(), w), isTitleHead(lexicons(), w), pluralPost(lexicons(), w), orgHeadType(lexicons(), w), singularPost(w)]);
    const again = [...words].reverse().map((w) => [isTitleWord(lexicons(), w), isTitleHead(lexicons(), w), pluralPost(lexicons(), w), orgHeadType(lexicons(), w), singularPost(w)]).reverse();
    expect(again).toEqual(once);
    expect(once[0]).toEqual([true, true, undefined, undefined, undefined]);
    expect(once[1][4]).toBe("minister");
    expect(once[2][2]).toBe("Senator");
    expect(once[7][3]).toBe("government");
  });
});
