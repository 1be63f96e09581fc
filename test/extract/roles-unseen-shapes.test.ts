// Posts in shapes seen on unseen pages: a post in brackets after the name, a second post after
// "and later as", a describing noun before the post, names with a hyphenated particle. Invented texts.
import { describe, expect, it } from "vitest";
import { annotateText, kindOf, roleLines } from "./annotate-helpers.ts";

describe("posts after the name", () => {
  it("reads 'Name (Post of Body)' lines of a list as the person's post", () => {
    const a = annotateText("The council listed the following persons:\n\n- Tomas Orlev (Minister of National Reconciliation)\n\n- Karin Vell (Chief of the General Staff)");
    const roles = roleLines(a);
    expect(roles).toContain("Tomas Orlev | Minister of National Reconciliation | -");
    expect(roles).toContain("Karin Vell | Chief of the General Staff | -");
  });

  it("reads no post from a bracket that holds a state or a year", () => {
    const a = annotateText("Tomas Orlev (Norway) and Karin Vell (born 1970) attended the meeting.");
    expect(roleLines(a)).toEqual([]);
  });

  it("reads each post of 'served as A and later as B'", () => {
    const roles = roleLines(annotateText("Tomas Orlev, 51, served as minister of defence and later as interior minister before he retired."));
    expect(roles).toEqual(expect.arrayContaining(["Tomas Orlev | minister of defence | -", "Tomas Orlev | interior minister | -"]));
  });

  it("leaves a describing noun out of the post and reads the next post after 'and a former'", () => {
    const roles = roleLines(annotateText("The United States imposed sanctions on Tomas Orlev, the billionaire founder of the ruling Unity party and a former prime minister, on Friday."));
    expect(roles).toContain("Tomas Orlev | former prime minister | -");
    expect(roles.some((r) => r.startsWith("Tomas Orlev | founder"))).toBe(true);
    expect(roles.some((r) => r.includes("billionaire"))).toBe(false);
  });
});

describe("names with a hyphenated particle", () => {
  it("reads 'Given al-Family' after a post and a comma as a person holding the post", () => {
    const a = annotateText("Sanctions were imposed on Syria's foreign minister, Asaad al-Tamimi, on Monday.");
    expect(kindOf(a, "Asaad al-Tamimi")).toBe("person");
    expect(roleLines(a)).toContain("Asaad al-Tamimi | foreign minister | Syria");
  });

  it("reads no person from a unit's name before a lower-case unit noun ('the Kafr al-Nasr brigade')", () => {
    const a = annotateText("He is the commander of the Kafr al-Nasr brigade, officials said.");
    expect(kindOf(a, "Kafr al-Nasr")).not.toBe("person");
  });
});

describe("implied owners", () => {
  it("gives 'the country's post' with no state named before it to the dateline's state, when the article names that state", () => {
    const named = roleLines(annotateText("KYIV, March 3 (Reuters) - The country's chief justice, Olena Marsh, resigned on Monday. Ukraine has been at war since 2022."));
    expect(named).toContain("Olena Marsh | chief justice | Ukraine");
    // no state entity in the article: none rather than a guess
    const unnamed = roleLines(annotateText("KYIV, March 3 (Reuters) - The country's chief justice, Olena Marsh, resigned on Monday."));
    expect(unnamed).toContain("Olena Marsh | chief justice | -");
  });
});
