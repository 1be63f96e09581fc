// The shipped gazetteer is read from its bytes (FileLines: lines decoded on demand, keys compared
// as bytes): it must answer every question exactly as the same file read as text does.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FileLines, Gazetteer, GAZETTEER_FILE } from "../../src/link/gazetteer.ts";
import type { WikidataRecord } from "../../src/link/record.ts";
import { FIXTURE_RECORDS } from "./fixture-gazetteer.ts";

const person = (qid: string, label: string, aliases: string[] = []): WikidataRecord => ({
  qid, type: "person", label, aliases, description: "politician: Minister of Tests of Freedonia", posts: ["Minister of Tests of Freedonia"], countries: ["FRD"], origin: "gazetteer",
});

/**
 * Invented names whose keys sort differently as bytes and as strings: a character above U+FFFF
 * (a surrogate pair in a string) and one in U+E000–U+FFFF, after the same first letters.
 */
const AWKWARD: WikidataRecord[] = [
  person("Q910001", "Ann Zed\u{20000}ko"),
  person("Q910002", "Ann Zed\uFA0Eko"),
  person("Q910003", "Ann Zedko"),
  person("Q910004", "Ann Zéd"),
  person("Q910005", "Ånn Zedd", ["A. Zedd"]),
  person("Q910006", "Bo Ümlaut"),
];

/** Every question a caller asks, for one name. */
function answers(gaz: Gazetteer, name: string) {
  return {
    lookup: gaz.lookup(name),
    prefix: gaz.keysWithPrefix(name.toLowerCase(), 5),
    namesakes: gaz.namesakes(name),
    bySurname: gaz.bySurname(name),
    endsSomeKey: gaz.endsSomeKey(name.toLowerCase()),
  };
}

describe("the gazetteer read from bytes", () => {
  const text = new Gazetteer([...FIXTURE_RECORDS, ...AWKWARD]).toText(["test"]);
  const fromText = Gazetteer.fromText(text);
  const fromBytes = Gazetteer.fromBytes(Buffer.from(text, "utf8"));

  it("answers every name, its prefixes and its words as the text form does", () => {
    const names = [...FIXTURE_RECORDS, ...AWKWARD].flatMap((r) => [r.label, ...r.aliases, ...(r.demonyms ?? []), r.capital ?? ""]);
    const probes = names.flatMap((n) => [n, n.slice(0, -1), `${n}x`, n.split(" ").at(-1)!, n.split(" ")[0]]);
    probes.push("", "zzz", "\u{20000}", "\uFA0E", "zed\u{20000}ko", "zed\uFA0Eko", "ann zed");
    expect(fromBytes.size).toBe(fromText.size);
    for (const p of probes) expect(answers(fromBytes, p), p).toEqual(answers(fromText, p));
    expect(fromBytes.lookup("Ann Zed\u{20000}ko").map((h) => h.record.qid)).toEqual(["Q910001"]);
    expect(fromBytes.lookup("Ann Zed\uFA0Eko").map((h) => h.record.qid)).toEqual(["Q910002"]);
    for (const r of [...FIXTURE_RECORDS, ...AWKWARD]) expect(fromBytes.byQid(r.qid)).toEqual(fromText.byQid(r.qid));
    expect(fromBytes.byIso3("FRD")).toEqual(fromText.byIso3("FRD"));
  });

  it("counts a surname's namesakes again after records are added (online answers)", () => {
    const gaz = Gazetteer.fromBytes(Buffer.from(text, "utf8"));
    const before = gaz.namesakes("Ann Zedko");
    expect(gaz.namesakes("Zedko")).toBe(before); // the same surname: asked again, the same count
    gaz.add([person("Q910007", "Cai Zedko")]);
    expect(gaz.namesakes("Ann Zedko")).toBe(before + 1);
  });

  it("rejects a file that is not a gazetteer, naming it", () => {
    expect(() => Gazetteer.fromBytes(Buffer.from("hello\n"), "x.tsv")).toThrow("x.tsv: not a newsgraph gazetteer");
  });

  it("answers as the text form on the shipped file (a sample of its keys)", () => {
    const bytes = readFileSync(GAZETTEER_FILE);
    const shippedText = bytes.toString("utf8");
    const a = Gazetteer.fromBytes(bytes);
    const b = Gazetteer.fromText(shippedText);
    const keys = shippedText.split("\n").filter((l, i) => l.startsWith("K\t") && i % 499 === 0).map((l) => l.split("\t")[1]);
    expect(keys.length).toBeGreaterThan(100);
    for (const k of keys) expect(answers(a, k), k).toEqual(answers(b, k));
  });
});

describe("FileLines", () => {
  const lines = (s: string, from = 0) => {
    const l = new FileLines(Buffer.from(s, "utf8"), from);
    return Array.from({ length: l.length }, (_, i) => l.at(i));
  };

  it("splits as String.split on newlines does, without an empty last line", () => {
    expect(lines("a\nbé\n")).toEqual(["a", "bé"]);
    expect(lines("a\n\nc")).toEqual(["a", "", "c"]);
    expect(lines("a\n\n")).toEqual(["a", ""]);
    expect(lines("")).toEqual([]);
    expect(lines("head\nx\ty\n", 5)).toEqual(["x\ty"]);
    expect(new FileLines(Buffer.from("a\n")).at(1)).toBeUndefined();
  });

  it("finds text inside a range of lines only", () => {
    const l = new FileLines(Buffer.from("K\tab cd\t1\nK\tef gh\t2\nS\tcd\t3\n"));
    expect(l.someLineIncludes(" cd\t", 0, 2)).toBe(true);
    expect(l.someLineIncludes(" gh\t", 0, 1)).toBe(false);
    expect(l.someLineIncludes("cd\t3", 0, 2)).toBe(false);
    expect(l.firstField(1)).toBe("K");
    expect(l.startsWith(2, "S\t")).toBe(true);
  });
});

describe("the awkward keys", () => {
  it("are in the file in string order, which is not their byte order", () => {
    const text = new Gazetteer(AWKWARD).toText(["test"]);
    const keys = text.split("\n").filter((l) => l.startsWith("K\t")).map((l) => l.split("\t")[1]).filter((k) => k.startsWith("an zed"));
    const astral = keys.indexOf("an zed\u{20000}ko");
    const bmp = keys.indexOf("an zed\uFA0Eko");
    expect(astral).toBeGreaterThanOrEqual(0);
    expect(astral).toBeLessThan(bmp); // as strings: U+D840 < U+FA0E
    expect(Buffer.compare(Buffer.from(keys[astral]), Buffer.from(keys[bmp]))).toBe(1); // as bytes: F0 > EF
  });
});
