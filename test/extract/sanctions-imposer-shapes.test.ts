// Sanctions precision shapes of the tenth session, each in several invented phrasings: named people
// told "have (also) been sanctioned" right after an action are its members ("Sanctions have also been
// imposed on Z" is an action of its own), a decision's owner
// ("X's decision of imposing / to impose") imposes rather than the clause's subject who welcomes it, a
// call or a thought ("urged X to consider imposing", "is weighing imposing") is no action, and a
// comparison with sanctions in general ("Unlike sanctions imposed on individuals") reports none, and
// "any/all blacklisted assets" is an adjective, no action.
import { describe, expect, it } from "vitest";
import { extractSanctions } from "../../src/extract/sanctions.ts";
import { extract } from "../../src/extract/index.ts";
import { ingestText } from "../../src/ingest/index.ts";
import { ALL, annotated, type EntitySpec } from "./quotes-helpers.ts";

const VARN: EntitySpec = { key: "varn", kind: "person", names: ["Tomas Varn", "Varn"] };
const ALVA: EntitySpec = { key: "alva", kind: "person", names: ["Pedro Alva", "Alva"] };
const MINISTRY: EntitySpec = { key: "min", kind: "organisation", names: ["Norwegian Foreign Ministry", "Foreign Ministry"] };
const OFFICE: EntitySpec = { key: "off", kind: "organisation", names: ["Chilean Trade Office", "Trade Office"] };
const FUND: EntitySpec = { key: "fund", kind: "organisation", names: ["Andes Wealth Fund"] };
const SPECS = [...ALL, VARN, ALVA, MINISTRY, OFFICE, FUND];
const about = `Sanctions are back on the agenda.\n`;
const run = (text: string) =>
  extractSanctions(annotated(about + text, SPECS, "2025-03-07")).map(({ imposers, targetText, targets }) => ({ imposers, targetText, targets }));

describe("'Y have (also) been sanctioned' right after an action", () => {
  it("merges the named subject into the action just reported", () => {
    for (const tail of [
      `Tomas Varn and Pedro Alva have also been sanctioned for corruption.`,
      `Tomas Varn, the head of the Chilean Trade Office, has been sanctioned.`,
      `Former judge Tomas Varn – who ran the Chilean Trade Office – has also been sanctioned.`,
      `The Andes Wealth Fund and its chief executive Pedro Alva have also been sanctioned, which means their assets are frozen.`,
    ]) {
      const found = run(`Norway imposed sanctions on five Chilean generals on Monday. ${tail}`);
      expect(found, tail).toHaveLength(1);
      expect(found[0], tail).toMatchObject({ imposers: ["nor"], targetText: "five Chilean generals" });
      expect(found[0].targets.some((t) => ["varn", "alva", "fund"].includes(t)), tail).toBe(true);
    }
  });

  it("keeps an action with its own agent, and reads no members with no action before", () => {
    const own = run(`Norway imposed sanctions on five Chilean generals on Monday. Tomas Varn has also been sanctioned by Iceland.`);
    expect(own).toHaveLength(2);
    expect(own[1]).toMatchObject({ imposers: ["isl"], targets: ["varn"] });
    expect(run(`Tomas Varn and Pedro Alva have also been sanctioned.`)).toEqual([]);
  });

  it("reads 'Sanctions have also been imposed against Z' as a new action, and members after it as its own", () => {
    for (const second of [`Sanctions have also been imposed against Peru.`, `A first tranche of sanctions has also been imposed on Peru, for its role in the war.`]) {
      const found = run(`Norway imposed sanctions on five Chilean generals on Monday. ${second} Tomas Varn has also been sanctioned.`);
      expect(found, second).toHaveLength(2);
      expect(found[1], second).toMatchObject({ imposers: ["nor"] });
      expect(found[1].targets, second).toEqual(expect.arrayContaining(["per", "varn"]));
    }
  });
});

describe("the owner of a decision imposes", () => {
  it("reads 'X's decision of imposing / to impose sanctions' as X's action, not the subject's", () => {
    for (const text of [
      `The Chilean Trade Office expressed support for the Norwegian Foreign Ministry's decision of imposing sanctions on six Peruvian officials.`,
      `The Trade Office welcomed the Foreign Ministry's decision to impose sanctions on six Peruvian officials.`,
      `Iceland praised the Norwegian Foreign Ministry's recent decision to slap sanctions on six Peruvian officials.`,
      `Peru condemned the Foreign Ministry's decision on Monday to impose new sanctions on six Peruvian officials.`,
    ]) {
      const found = run(text);
      expect(found, text).toHaveLength(1);
      expect(found[0], text).toMatchObject({ imposers: ["min"], targetText: "six Peruvian officials" });
    }
  });

  it("keeps the one who carries the decision out as its imposer", () => {
    const found = run(`On Monday, Peru implemented the Trade Office's decision to impose sanctions on six Chilean officials.`);
    expect(found).toHaveLength(1);
    expect(found[0].imposers).toContain("per");
  });

  it("reads no action from a decision not (yet) taken", () => {
    for (const text of [
      `The Trade Office would welcome any decision to impose sanctions on six Peruvian officials.`,
      `The Foreign Ministry's decision to impose sanctions on six Peruvian officials could come next week.`,
    ]) expect(run(text), text).toEqual([]);
  });
});

describe("calls on others and sanctions only thought of", () => {
  it("reads no action from 'urged X to consider imposing' or 'is weighing imposing'", () => {
    for (const text of [
      `Peru urged Norway to consider imposing sanctions on Chilean officials.`,
      `Peru has called on Iceland to consider sanctioning three Chilean generals.`,
      `Norway is weighing imposing sanctions on Chilean officials.`,
      `Iceland said it was considering slapping new sanctions on two Chilean banks.`,
      `The Trade Office asked Norway to look at imposing sanctions on Chilean officials.`,
    ]) expect(run(text), text).toEqual([]);
  });

  it("still reads the action of the one who called", () => {
    const found = run(`Norway imposed sanctions on two Chilean banks and urged Iceland to consider doing the same.`);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ imposers: ["nor"], targetText: "two Chilean banks" });
  });
});

describe("sanctions in general, compared", () => {
  it("reads no action from 'Unlike/Like sanctions imposed on individuals' after an action", () => {
    for (const tail of [
      `Unlike sanctions imposed on individuals, such broad measures hit whole industries.`,
      `Like sanctions placed on individuals and companies, these measures are hard to lift.`,
      `Sanctions imposed on individuals rarely change a government's course, analysts say.`,
    ]) {
      const found = run(`Norway imposed sanctions on Chile's banking sector on Monday. ${tail}`);
      expect(found, tail).toHaveLength(1);
      expect(found[0], tail).toMatchObject({ imposers: ["nor"] });
    }
  });

  it("still reads earlier sanctions imposed on counted or named targets", () => {
    const found = run(`Norway imposed sanctions on Chile's banking sector on Monday. The sanctions imposed on Tomas Varn in 2023 stay in force.`);
    expect(found.flatMap((f) => f.targets)).toContain("varn");
  });
});

describe("a participle after 'any' or 'all' is an adjective", () => {
  it("reads no action from 'which freeze any blacklisted assets that he might have'", () => {
    const lead = `Chile rejects Norwegian sanctions against 8 officials\n\nAll the targets of the measure, including Ivo Renk, brother of the late President Olaf Renk, have very close ties to the government of President Tomas Varn.\n\n`;
    for (const last of [
      `Following the elections on July 30, Oslo also slapped Varn with sanctions, which freeze any blacklisted assets that he might have in Norway and bar Norwegian citizens from doing business with them.`,
      `After the vote, Oslo also hit Varn with sanctions, which freeze all blacklisted assets that he may hold in Norway.`,
      `After the vote, Oslo also hit Varn with sanctions, which freeze any sanctioned accounts that he may hold in Norway.`,
    ]) {
      const found = extract(ingestText("t.txt", lead + last)).sanctions;
      expect(found, last).toHaveLength(1);
      expect(found[0].targetText, last).toBe("Varn");
    }
  });
});

describe("a release speaking for its issuer", () => {
  const release = (body: string) => `Ministry of Foreign Affairs of Norway\n\nMedia release\n\n3 March 2025\n\n${body} The officials were involved in abuses across the region.`;
  const found = (text: string) => {
    const x = extract(ingestText("t.txt", text));
    const name = (k: string) => x.entities.find((e) => e.key === k)?.name;
    return x.sanctions.map((f) => ({ imposers: f.imposers.map(name), targetText: f.targetText }));
  };
  it("reads 'We have today imposed …' and 'The Government has today imposed …' as the header's body's action", () => {
    for (const body of [
      `We have today imposed targeted financial sanctions on six Chilean officials.`,
      `We are imposing sanctions on six Chilean officials responsible for the crackdown.`,
      `The Government has today imposed sanctions on six Chilean officials over human rights abuses.`,
      `Today the Government has sanctioned six Chilean officials.`,
    ]) {
      const got = found(release(body));
      expect(got, body).toHaveLength(1);
      expect(got[0].imposers, body).toContain("Ministry of Foreign Affairs of Norway");
      expect(got[0].targetText, body).toMatch(/^six Chilean officials/);
    }
  });

  it("reads no issuer where the page's top names no government body", () => {
    for (const body of [`We have imposed sanctions on six Chilean officials, a spokesman said.`, `We will impose sanctions on six Chilean officials.`]) {
      const page = `Ministers meet as regional tensions rise over trade\n\nOfficials met on Friday in a closed session to discuss the region's trade and its ports.\n\n${body}`;
      expect(found(page), body).toEqual([]);
    }
  });
});

describe("a post owned by a state, with no holder named", () => {
  const filler = `Ministers meet as regional tensions rise over trade\n\nOfficials met on Friday in a closed session to discuss the region's trade and its ports.\n\n`;
  const found = (body: string) => {
    const x = extract(ingestText("t.txt", filler + body));
    const name = (k: string) => x.entities.find((e) => e.key === k)?.name;
    return x.sanctions.map((f) => ({ imposers: f.imposers.map(name), targets: f.targets.map(name), targetText: f.targetText }));
  };
  it("reads 'Peru's prime minister imposed sanctions on Y' as Peru's action", () => {
    for (const body of [
      `Peru's prime minister imposed sanctions on six Chilean generals on Monday.`,
      `Peru's foreign minister on Monday announced sanctions on six Chilean generals.`,
      `Peru's president has sanctioned six Chilean generals.`,
    ]) {
      const got = found(body);
      expect(got, body).toHaveLength(1);
      expect(got[0], body).toMatchObject({ imposers: ["Peru"], targetText: "six Chilean generals" });
    }
  });

  it("keeps the agent of a passive whose subject is such a post", () => {
    const got = found(`Chile's prime minister was sanctioned by Peru on Monday.`);
    expect(got.flatMap((f) => f.imposers)).not.toContain("Chile");
  });
});
