// Acts of sanction told in shapes the extractor did not read (tenth session, from failure shapes on
// unseen real pages): an act told by "taking steps / took action to impose", an aside between the
// measures and their target ("sanctions within its jurisdiction on Y"), a designation announced as a
// noun ("announced its designation of 16 individuals"), a freeze told as a noun ("ordered the freezing of
// the assets of Y"), "the imposition of sanctions on Y by X", and a running total told with no agent
// ("N people have now been targeted with sanctions since Z"). Invented names, bodies and places only.
import { describe, expect, it } from "vitest";
import { extractSanctions } from "../../src/extract/sanctions.ts";
import { ALL, annotated, type EntitySpec } from "./quotes-helpers.ts";

const TREASURY: EntitySpec = { key: "tre", kind: "organisation", names: ["Norwegian Treasury Department", "Treasury"] };
const OFFICE: EntitySpec = { key: "dos", kind: "organisation", names: ["Department of State"] };
const FINANCE: EntitySpec = { key: "fin", kind: "organisation", names: ["Federal Department of Finance"] };
const SPECS = [...ALL, TREASURY, OFFICE, FINANCE];
const about = `Sanctions are back on the agenda.\n`;
const run = (text: string, specs = SPECS, published = "2025-03-07") => {
  const a = annotated(text, specs, published);
  a.entities.find((e) => e.key === "au")!.orgType = "international";
  for (const k of ["tre", "dos", "fin"]) a.entities.find((e) => e.key === k)!.orgType = "government";
  return extractSanctions(a).map(({ imposers, targetText, reason, date, month, year }) => ({ imposers, targetText, reason, date: date ?? month ?? year }));
};

describe("an act told as taking steps or action to impose", () => {
  it("reads 'is taking steps to impose / took action to impose / has taken measures to bar' as done", () => {
    for (const text of [
      `The Department of State is taking steps to impose visa restrictions on three Chilean officials for their role in the coup.`,
      `The Department of State took action on Monday to impose visa restrictions on three Chilean officials.`,
      `Norway has taken steps to impose sanctions on three Chilean officials over the coup.`,
      `Iceland is taking action to freeze the assets of three Chilean officials.`,
      `Norway took concrete measures to impose sanctions against three Chilean officials.`,
    ]) {
      const [f] = run(about + text);
      expect(f, text).toMatchObject({ targetText: "three Chilean officials" });
    }
  });

  it("still reads no act from steps or action still to come", () => {
    for (const text of [
      `Norway could take steps to impose sanctions on three Chilean officials.`,
      `Norway is considering taking steps to impose sanctions on three Chilean officials.`,
      `Norway urged Iceland to take action to impose sanctions on three Chilean officials.`,
      `Norway said it would take steps to impose sanctions on three Chilean officials.`,
    ]) expect(run(about + text), text).toEqual([]);
  });
});

describe("an aside between the measures and their target", () => {
  it("reads 'sanctions within its jurisdiction / under its own law on Y' as sanctions on Y", () => {
    for (const text of [
      `The Federal Department of Finance imposed sanctions within its jurisdiction on another 61 individuals and 86 legal entities.`,
      `Norway imposed sanctions under its own legislation on another 61 individuals and 86 legal entities.`,
      `Iceland adopted sanctions through its national law against another 61 individuals and 86 legal entities.`,
      `Norway on Monday imposed sanctions within its powers on another 61 individuals and 86 legal entities.`,
    ]) {
      const [f] = run(about + text);
      expect(f, text).toMatchObject({ targetText: "another 61 individuals and 86 legal entities" });
    }
  });

  it("keeps a place of the targets as part of them ('sanctions on firms in Chile')", () => {
    const [f] = run(about + `Norway imposed sanctions on four firms in Chile.`);
    expect(f).toMatchObject({ imposers: ["nor"], targetText: "four firms in Chile" });
  });
});

describe("a designation announced as a noun", () => {
  it("reads 'announced its designation of N individuals' as the announcer's act", () => {
    for (const [text, imposer] of [
      [`The Norwegian Treasury Department also announced its designation of 16 individuals and five entities.`, "tre"],
      [`Norway on Monday announced the designation of 16 individuals and five entities over the coup.`, "nor"],
      [`The Department of State confirmed its designation of 16 individuals and five entities linked to the junta.`, "dos"],
      [`Iceland announced the designation of 16 individuals and five entities under its terrorism law.`, "isl"],
    ]) {
      const [f] = run(about + text);
      expect(f, text).toMatchObject({ imposers: [imposer], targetText: expect.stringMatching(/^16 individuals and five entities/) });
    }
  });

  it("still reads no act from a designation planned or described", () => {
    for (const text of [
      `Norway announced the planned designation of 16 individuals and five entities.`,
      `Norway opposed the designation of 16 individuals and five entities.`,
      `Norway announced the designation of 16 sites as protected areas.`,
    ]) expect(run(about + text), text).toEqual([]);
  });
});

describe("a freeze told as a noun", () => {
  it("reads 'ordered the freezing of the assets of Y' as the orderer's freeze of Y", () => {
    for (const text of [
      `Norway ordered the freezing of the assets of three Chilean bankers on Monday.`,
      `Norway on Monday announced the freezing of assets of three Chilean bankers.`,
      `The Norwegian Treasury Department ordered a freeze of the assets of three Chilean bankers.`,
      `Iceland decided on the freezing of the funds of three Chilean bankers.`,
    ]) {
      const [f] = run(about + text);
      expect(f, text).toMatchObject({ targetText: "three Chilean bankers" });
    }
  });

  it("still reads no freeze asked for or refused", () => {
    for (const text of [
      `Chile demanded the freezing of the assets of three Norwegian bankers.`,
      `Norway rejected calls for the freezing of the assets of three Chilean bankers.`,
    ]) expect(run(about + text), text).toEqual([]);
  });
});

describe("the imposition of sanctions with its agent after the target", () => {
  it("reads 'the imposition of sanctions on Y by X' as X's act", () => {
    for (const text of [
      `Chile condemned the imposition of sanctions on four Chilean generals by Norway.`,
      `The imposition of sanctions on four Chilean generals by Norway angered Santiago.`,
      `Peru welcomed the imposition of new sanctions against four Chilean generals by the African Union on Monday.`,
      `Lima criticised the imposition of sanctions against four Chilean generals by Iceland.`,
    ]) {
      const [f] = run(about + text);
      expect(f, text).toMatchObject({ targetText: "four Chilean generals" });
      expect(f.imposers.length, text).toBe(1);
    }
  });

  it("still reads no act from an imposition asked for", () => {
    expect(run(about + `Peru called for the imposition of sanctions on four Chilean generals by Norway.`)).toEqual([]);
  });
});

describe("a running total told with no agent", () => {
  it("gives 'N have now been targeted with sanctions since Z' the imposer of the action just told, and no day", () => {
    for (const text of [
      `Norway sanctioned four Chilean generals on Monday. More than 1,000 individuals and entities have now been targeted with sanctions since the coup.`,
      `Norway sanctioned four Chilean generals on Monday. Some 900 people and firms have been hit with sanctions so far.`,
      `Iceland imposed sanctions on four Chilean generals on Monday. In total, 300 officials have now been targeted with sanctions since the war began.`,
      `Norway sanctioned four Chilean generals on Monday. Over 1,000 individuals have been targeted with asset freezes to date.`,
    ]) {
      const found = run(text);
      expect(found, text).toHaveLength(2);
      expect(found[1].imposers, text).toEqual(found[0].imposers);
      expect(found[1].date, text).toBeUndefined();
    }
  });

  it("keeps the total's whole list ('1,000 individuals and entities')", () => {
    const found = run(`Norway sanctioned four Chilean generals on Monday. More than 1,000 individuals and entities have now been targeted with sanctions since the coup.`);
    expect(found[1].targetText).toMatch(/1,000 individuals and entities$/);
  });

  it("still reads nothing from a total with no action told before", () => {
    expect(run(about + `More than 1,000 individuals and entities have now been targeted with sanctions since the coup.`)).toEqual([]);
  });
});

describe("the body's own words quoted inside the narrator's sentence", () => {
  it("reads a target opened by a quotation mark ('announced its designation of “16 individuals …”')", () => {
    for (const text of [
      `The Norwegian Treasury Department also announced its designation of “16 individuals and five entities pursuant to its terrorism law.”`,
      `Norway announced the designation of "16 individuals and five entities" over the coup.`,
      `Iceland imposed sanctions on “four Chilean generals responsible for the coup.”`,
      `Norway imposed new sanctions against “three Chilean banks”, the ministry said.`,
    ]) {
      const [f] = run(about + text);
      expect(f, text).toMatchObject({ targetText: expect.stringMatching(/^(16 individuals and five entities|four Chilean generals|three Chilean banks)/) });
    }
  });

  it("reads measures named in scare quotes ('the imposition of new, “coordinated sanctions” against Y')", () => {
    for (const text of [
      `A joint statement from Norway, Iceland and the African Union on Monday announced the imposition of new, “coordinated sanctions” against the Chilean regime.`,
      `Norway imposed “smart sanctions” on four Chilean generals.`,
      `Iceland announced “targeted sanctions” against four Chilean generals on Monday.`,
      `Norway slapped new, "tough sanctions" on four Chilean generals.`,
    ]) {
      const [f] = run(about + text);
      expect(f, text).toMatchObject({ targetText: expect.stringMatching(/^(the Chilean regime|four Chilean generals)$/) });
    }
  });

  it("still reads no act from scare-quoted sanctions with no act told", () => {
    for (const text of [
      `Chile denounced the “illegal sanctions” of Norway.`,
      `The minister said the “unilateral sanctions” would fail.`,
      `“Sanctions on four Chilean generals are coming,” Norway's minister said.`,
    ]) expect(run(about + text), text).toEqual([]);
  });
});

describe("a state taking up another's package with no target in its clause", () => {
  it("gives the joiner the target of the package owner's own action told before", () => {
    for (const text of [
      `The African Union on Friday adopted sweeping new sanctions against Chile. Peru has also adopted African Union sanctions.`,
      `The African Union on Friday adopted sweeping new sanctions against Chile. Iceland has aligned itself with the African Union's latest package of sanctions.`,
      `The African Union adopted new sanctions against Chile on Friday. Iceland said nothing. On Monday, Peru joined the African Union sanctions.`,
      `The African Union imposed sanctions on Chile. Its neighbour Peru has adopted the AU sanctions as well.`,
    ]) {
      const found = run(text);
      expect(found, text).toHaveLength(2);
      expect(found[1].imposers, text).not.toContain("au");
      expect(found[1].targetText, text).toBe("Chile");
    }
  });

  it("still reads nothing when the owner's own action is not told", () => {
    for (const text of [
      `Iceland has aligned itself with the African Union's latest package of sanctions.`,
      `Norway sanctioned five Chilean officials. Peru has also adopted African Union sanctions.`,
    ]) expect(run(about + text).filter((f) => !f.imposers.includes("nor")), text).toEqual([]);
  });
});

describe("people told as subject to measures: a tally or the measures already in force", () => {
  it("reads 'N people (are already) subject to asset freezes by / within X' as X's standing action, with no day", () => {
    for (const [text, target] of [
      [`Norway froze the assets of 98 Chilean officials on Tuesday. The move brings to 499 the total number of Chilean individuals subject to asset freezes by Norwegian authorities since the coup.`, /Chilean individuals$/],
      [`The African Union added 21 persons to its sanctions list on Monday. More than 200 individuals are already subject to a travel ban and a freeze of their assets within the African Union.`, /^More than 200 individuals$/],
      [`Iceland barred 12 Chilean generals from entering the country on Monday. Some 300 Chilean officials are now subject to Icelandic travel bans.`, /^Some 300 Chilean officials$/],
      [`Norway froze the assets of 98 Chilean officials on Tuesday. In all, 499 Chilean officials remain subject to asset freezes.`, /499 Chilean officials$/],
    ] as const) {
      const found = run(about + text);
      expect(found, text).toHaveLength(2);
      expect(found[1].imposers, text).toEqual(found[0].imposers);
      expect(found[1].targetText, text).toMatch(target);
      expect(found[1].date, text).toBeUndefined();
    }
  });

  it("still reads nothing from measures a person would be subject to, or with no action told", () => {
    for (const text of [
      `More than 200 individuals are already subject to a travel ban.`,
      `Visitors who overstay are subject to an entry ban.`,
      `Norway froze the assets of 98 Chilean officials on Tuesday. Banks must block payments to individuals or entities subject to asset freezes.`,
      `Norway froze the assets of 98 Chilean officials on Tuesday. Any official who helps them could be subject to a travel ban.`,
    ]) expect(run(about + text).filter((f) => f.targetText !== "98 Chilean officials"), text).toEqual([]);
  });
});
