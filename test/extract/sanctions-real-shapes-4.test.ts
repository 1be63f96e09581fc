// Sanctions shapes seen failing on real published pages (eighth session), each tested in invented
// phrasings: a count written with a comma ("imposed 1,200 sanctions"), a count of sanctions in force
// ("bringing the number of sanctions on … to …"), "The Norwegian government on Tuesday announced", "as
// part of its sanctions against …", a minister with no state before the state is written imposing, and
// the day of a report told as ", Thursday." or "announced Monday that …".
import { describe, expect, it } from "vitest";
import { extractSanctions } from "../../src/extract/sanctions.ts";
import type { AnnotatedDocument } from "../../src/extract/annotate.ts";
import { ALL, annotated, type EntitySpec } from "./quotes-helpers.ts";

const ROE: EntitySpec = { key: "roe", kind: "person", names: ["Jane Roe", "Roe"] };
const SPECS = [...ALL, ROE];
const about = `Sanctions are back on the agenda.\n`;
const facts = (a: AnnotatedDocument) => extractSanctions(a).map(({ imposers, targetText, targets, reason, date }) => ({ imposers, targetText, targets, reason, date }));
const run = (text: string) => facts(annotated(about + text, SPECS, "2025-03-07"));

describe("counts of sanctions", () => {
  it("reads a number written with a comma between the verb and the noun", () => {
    for (const text of [`Norway imposed 1,200 sanctions on Chile.`, `The statement said that since the war began in 2020, Norway has imposed 1,200 sanctions on Santiago.`]) {
      const found = run(text);
      expect(found, text).toHaveLength(1);
      expect(found[0].imposers, text).toEqual(["nor"]);
      expect(found[0].targets, text).toEqual(["chl"]);
    }
  });

  it("reads no action in 'bringing the number of sanctions on … to …'", () => {
    const found = run(`Norway on Tuesday announced 300 more sanctions on Chile and Peru over the coup, bringing the number of sanctions on individuals and other entities to more than 1,000.`);
    expect(found).toHaveLength(1);
    expect(found[0].imposers).toEqual(["nor"]);
    expect(found[0].targets).toEqual(["chl", "per"]);
  });
});

describe("who imposes", () => {
  it("reads 'The Norwegian government on Tuesday announced' as the state the phrase names", () => {
    const found = run(`The Norwegian government on Tuesday announced new sanctions on Chile over the coup.`);
    expect(found).toHaveLength(1);
    expect(found[0].imposers).toEqual(["nor"]);
    expect(found[0].targets).toEqual(["chl"]);
  });

  it("reads 'as part of its new sanctions against Y' as the clause's own action, not one of Y's", () => {
    const found = run(`Norway's cabinet agreed on Tuesday to freeze the assets of 40 Chilean officials, including two sons of Chilean President Jane Roe, as part of its new sanctions against Santiago over the coup.`);
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) expect(f.imposers).toEqual(["nor"]);
  });

  it("gives a minister with no state the state the text writes imposing next, not the state named most", () => {
    const text =
      `Foreign Minister Jane Roe announced on Thursday 65 new sanctions targeting a number of banks and business elites.\n` +
      `Norway has now sanctioned more than 1,000 individuals and businesses since the war in Peru began.\n` +
      `Peru thanked its partners. Peru said more help was needed. Peru will hold talks.`;
    const a = annotated(about + text, SPECS, "2025-03-07");
    a.roles.push({ holder: "roe", title: "Foreign Minister", evidence: { start: 0, end: 1 }, confidence: 1 });
    const found = facts(a);
    expect(found[0].targetText).toBe("a number of banks and business elites");
    expect(found[0].imposers).toContain("nor");
    expect(found[0].imposers).not.toContain("per");
    // the running total told next is no restatement of the action
    expect(found.map((f) => f.targetText)).toContain("more than 1,000 individuals and businesses");
  });
});

describe("the day of the action", () => {
  it("reads a weekday closing the sentence after a comma", () => {
    const found = run(`Norway has announced an asset freeze and travel ban on seven Chilean tycoons, whose businesses are closely linked to the junta, Thursday.`);
    expect(found).toHaveLength(1);
    expect(found[0].date).toBe("2025-03-06");
    // "are linked to" describes the tycoons: no reason
    expect(found[0].reason).toBeUndefined();
  });

  it("reads the day of 'announced Monday that Norway is imposing'", () => {
    const found = run(`Foreign Minister Jane Roe announced Monday that Norway is imposing new sanctions on the Chilean defence sector.`);
    expect(found).toHaveLength(1);
    expect(found[0].imposers).toEqual(["nor"]);
    expect(found[0].date).toBe("2025-03-03");
  });
});

describe("no action", () => {
  it("reads no action in 'expanded Norwegian sanctions authority against Y' (a power, not measures)", () => {
    expect(run(`The office issued guidance to clarify an executive order that expanded Norwegian sanctions authority against Chile.`)).toEqual([]);
  });

  it("reads no action in 'It sanctions people and entities by adding them to its list' (what a body does)", () => {
    expect(run(`Norway keeps several lists. It sanctions people and entities by adding them to its list, and it keeps other lists too.`)).toEqual([]);
  });

  it("reads no action in 'announced that it would consider sanctions'", () => {
    for (const text of [`Norway announced that it would consider sanctions on Chile.`, `Norway announced, after a long debate, that it would consider sanctions on Chile.`]) expect(run(text), text).toEqual([]);
  });
});

describe("phrases set off between the verb and the sanctions", () => {
  it("reads a time and a medium set off by commas", () => {
    const found = run(`Norway announced, Thursday, May 2, in a press release from its foreign ministry, sanctions targeting several Chilean and Peruvian individuals and entities for their support of the junta.`);
    expect(found).toHaveLength(1);
    expect(found[0].imposers).toEqual(["nor"]);
    expect(found[0].targetText).toBe("several Chilean and Peruvian individuals and entities");
  });

  it("reads an aside set off by spaced dashes", () => {
    const found = run(`The African Union adopted today - in view of the first year mark of the Chile-Peru war - a fifth package of restrictive measures against Chile.`);
    expect(found).toHaveLength(1);
    expect(found[0].imposers).toEqual(["au"]);
    expect(found[0].targets).toEqual(["chl"]);
  });
});

describe("whom the participle names", () => {
  it("reads ', designating Y' right after 'new junta-related sanctions' as the target", () => {
    const found = run(`Norway this week announced new junta-related sanctions, designating more than 150 Chilean business people, officials and foreign companies for supplying the junta.`);
    expect(found).toHaveLength(1);
    expect(found[0].targetText).toBe("more than 150 Chilean business people, officials and foreign companies");
  });

  it("reads ', targeting Y' after 'sanctions against Chile over Z' as the target, Chile still hit", () => {
    const found = run(`The African Union expanded sanctions against Chile over the coup, targeting additional 10 entities and 54 individuals.`);
    expect(found).toHaveLength(1);
    expect(found[0].targetText).toBe("additional 10 entities and 54 individuals");
    expect(found[0].targets).toEqual(["chl"]);
    expect(found[0].reason).toBe("the coup");
  });

  it("ends a target before 'with the aim of'", () => {
    const found = run(`After the coup, Norway massively expanded sanctions against Chile with the aim of curtailing its ability to wage war.`);
    expect(found).toHaveLength(1);
    expect(found[0].targetText).toBe("Chile");
  });
});

describe("one action told twice", () => {
  const US: EntitySpec = { key: "usa", kind: "country", names: ["United States"] };
  const OFFICE: EntitySpec = { key: "office", kind: "organisation", names: ["US Sanctions Office"] };
  it("reads the state's own body saying, two sentences on, that it imposed them as the same action", () => {
    const text =
      `The United States on Monday imposed sanctions on officials, entities and individuals it accused of supporting the Chilean junta.\n` +
      `The action, which also targeted the Chilean Ministry of Mines, aims to push the junta back to talks. The US Sanctions Office in a statement said it slapped sanctions on Chilean military officials.`;
    const a = annotated(about + text, [...SPECS, US, OFFICE], "2025-03-07");
    (a.entities.find((e) => e.key === "usa") as { iso3?: string }).iso3 = "USA";
    const found = facts(a);
    expect(found).toHaveLength(1);
    expect(found[0].imposers).toContain("usa");
  });
});

describe("measures renewed", () => {
  it("reads 'renewed its restrictive measures against those responsible for Z' with that description as the target", () => {
    const found = run(`The African Union renewed its restrictive measures against those responsible for the coup in Chile.`);
    expect(found).toHaveLength(1);
    expect(found[0].imposers).toEqual(["au"]);
    expect(found[0].targetText).toBe("those responsible for the coup in Chile");
  });

  it("reads 'decided to prolong (for six months, until a day,) the restrictive measures targeting Y'", () => {
    for (const text of [
      `The African Union decided to prolong the restrictive measures against Chile until March 2026.`,
      `The African Union decided on September 13 to prolong for a further six months, until March 15 2024, the restrictive measures targeting those responsible for undermining the independence of Chile, a statement said.`,
    ]) {
      const found = run(text);
      expect(found, text).toHaveLength(1);
      expect(found[0].imposers, text).toEqual(["au"]);
      expect(found[0].targets, text).toEqual(["chl"]);
    }
  });
});
