// Sanctions actions phrased in ways a first reading missed. Every sentence is invented for the test.
import { describe, expect, it } from "vitest";
import { extractSanctions } from "../../src/extract/sanctions.ts";
import type { AnnotatedDocument } from "../../src/extract/annotate.ts";
import { ALL, CHILE, ICELAND, NORWAY, PERU, UNION, annotated, type EntitySpec } from "./quotes-helpers.ts";


const facts = (a: AnnotatedDocument) => extractSanctions(a).map(({ imposers, targetText, reason }) => ({ imposers, targetText, reason }));
const sanctions = (text: string, specs = ALL) => facts(annotated(text, specs));
const about = `Sanctions are back on the agenda.\n`;

describe("sanctions recall", () => {
  it("reads fresh penalties as sanctions, but not a threat of them", () => {
    expect(sanctions(about + `Norway slapped fresh penalties on a ring of Chilean fish traders over illegal catches.`)).toEqual([
      { imposers: ["nor"], targetText: "a ring of Chilean fish traders", reason: "illegal catches" },
    ]);
    expect(sanctions(about + `Norway could impose fresh penalties on Chilean fish traders.`)).toEqual([]);
    expect(sanctions(about + `The referee awarded two penalties to Peru.`)).toEqual([]);
  });

  it("reads export and import restrictions as measures", () => {
    expect(sanctions(about + `Iceland imposed new export restrictions on Peru in response to the border raids.`)).toEqual([
      { imposers: ["isl"], targetText: "Peru", reason: "the border raids" },
    ]);
    expect(sanctions(about + `Iceland threatened to impose export restrictions on Peru.`)).toEqual([]);
  });

  it("reads 'the sanctions that X adopted in March against Y' as X's action, even after another one", () => {
    const out = sanctions(about + `Norway imposed sanctions on Chile over the dam dispute. The sanctions that the African Union adopted in March against Peruvian mining firms remain in force.`);
    expect(out).toContainEqual({ imposers: ["au"], targetText: "Peruvian mining firms", reason: undefined });
    expect(out).toHaveLength(2);
  });

  it("reads 'sanctions against Y, which A and B imposed after Z' with its own imposers and reason", () => {
    expect(sanctions(about + `Sanctions against Peru, which Norway and Iceland imposed after the disputed vote, remain in place.`)).toEqual([
      { imposers: ["nor", "isl"], targetText: "Peru", reason: "the disputed vote" },
    ]);
  });

  it("reads 'froze assets belonging to Y' and 'owned by Y', but not a plan to", () => {
    expect(sanctions(about + `Iceland froze assets belonging to a Chilean shipping magnate.`)).toEqual([
      { imposers: ["isl"], targetText: "a Chilean shipping magnate", reason: undefined },
    ]);
    expect(sanctions(about + `Norway froze assets owned by two Peruvian generals over the massacre.`)[0]).toMatchObject({ imposers: ["nor"], targetText: "two Peruvian generals", reason: "the massacre" });
    expect(sanctions(about + `Norway may freeze assets owned by two Peruvian generals.`)).toEqual([]);
  });

  it("reads 'placed Y under sanctions' and 'targeted Y in a new round of sanctions', but not a plan", () => {
    expect(sanctions(about + `Chile placed three Peruvian admirals under sanctions over the naval blockade.`)).toEqual([
      { imposers: ["chl"], targetText: "three Peruvian admirals", reason: "the naval blockade" },
    ]);
    expect(sanctions(about + `Iceland targeted 12 Chilean trawler owners in a fresh round of sanctions, citing overfishing.`)).toEqual([
      { imposers: ["isl"], targetText: "12 Chilean trawler owners", reason: "overfishing" },
    ]);
    expect(sanctions(about + `Chile could place three Peruvian admirals under sanctions.`)).toEqual([]);
  });

  it("does not read 'following A and B' as the reason", () => {
    const [f] = sanctions(about + `Chile also imposed sanctions on Peruvian fishing fleets, following Norway and Iceland.`);
    expect(f).toMatchObject({ imposers: ["chl"], targetText: "Peruvian fishing fleets" });
    expect(f.reason).toBeUndefined();
  });

  it("reads 'Y were among 15 individuals sanctioned by X', but not without an agent", () => {
    expect(sanctions(about + `Two Chilean bankers were among 15 individuals sanctioned by Norway over the bond fraud.`)).toEqual([
      { imposers: ["nor"], targetText: "Two Chilean bankers", reason: "the bond fraud" },
    ]);
    expect(sanctions(about + `Two Chilean bankers were among the individuals sanctioned last year.`)).toEqual([]);
  });

  it("reads 'X's 12th sanctions package, adopted on Friday, targets Y'", () => {
    expect(sanctions(about + `The African Union's 12th sanctions package, adopted on Friday, targets Peruvian gold exporters.`)).toEqual([
      { imposers: ["au"], targetText: "Peruvian gold exporters", reason: undefined },
    ]);
  });

  it("reads 'revoked the visas of Y', but not a plan to", () => {
    expect(sanctions(about + `Chile revoked the visas of 14 Peruvian customs officers over the smuggling scandal.`)).toEqual([
      { imposers: ["chl"], targetText: "14 Peruvian customs officers", reason: "the smuggling scandal" },
    ]);
    expect(sanctions(about + `Chile may revoke the visas of 14 Peruvian customs officers.`)).toEqual([]);
  });

  it("ends the target before 'in coordination with'", () => {
    expect(sanctions(about + `Iceland imposed sanctions on two Chilean ports in coordination with Norway.`)[0]).toMatchObject({ imposers: ["isl"], targetText: "two Chilean ports" });
  });

  it("reads 'sanctions were also imposed on Y by X'", () => {
    expect(sanctions(about + `Sanctions were also imposed on Peru by Iceland over the fishing dispute.`)).toEqual([
      { imposers: ["isl"], targetText: "Peru", reason: "the fishing dispute" },
    ]);
  });

  it("reads 'sanctions by A and B on Y', but not 'hit by sanctions'", () => {
    expect(sanctions(about + `Sanctions by Norway and Iceland on Peruvian elites, announced in 2022, remain in effect.`)).toEqual([
      { imposers: ["nor", "isl"], targetText: "Peruvian elites", reason: undefined },
    ]);
    expect(sanctions(about + `Peruvian elites were hurt by sanctions by Norway.`)).toEqual([]);
  });

  it("reads the last of a list of measures: 'impose an asset freeze, travel ban and arms embargo on Y'", () => {
    expect(sanctions(about + `The African Union voted on Friday to impose an asset freeze, travel ban and arms embargo on three Chilean mercenary chiefs.`)).toEqual([
      { imposers: ["au"], targetText: "three Chilean mercenary chiefs", reason: undefined },
    ]);
    expect(sanctions(about + `The African Union may impose an asset freeze, travel ban and arms embargo on three Chilean mercenary chiefs.`)).toEqual([]);
  });

  it("keeps lifting, easing, weighing and domestic penalties out", () => {
    const text = about + [
      `Norway lifted export restrictions on Chile on Tuesday.`,
      `Iceland introduced new penalties for speeding drivers.`,
      `Peru eased import restrictions on Chilean wine after talks.`,
      `Norway is weighing fresh penalties on Chilean salmon farms.`,
      `Iceland could impose trade restrictions on Peru.`,
    ].join(" ");
    expect(sanctions(text)).toEqual([]);
  });

  it("dates 'X's sanctions on Y, announced on Tuesday,' by the participle's day", () => {
    const out = extractSanctions(annotated(about + `Norway's sanctions on Chilean port officials, announced on Tuesday, follow the smuggling scandal.`, ALL, "2026-03-06"));
    expect(out[0]).toMatchObject({ imposers: ["nor"], targetText: "Chilean port officials", date: "2026-03-03" });
  });
});
