// Posts written before the name they belong to ("the POST of BODY, NAME"), posts after a bracket
// ("NAME (born ...), post"), plural posts that count the names after them. Invented names throughout.
import { describe, expect, it } from "vitest";
import { annotateText, roleLines } from "./annotate-helpers.ts";

describe("a post, a comma, then the name", () => {
  it("reads a capitalised post with its body's bracketed acronym, and two posts joined by 'and'", () => {
    const a = annotateText("The delegation was led by the General Secretary of the Union Labour Party (ULP), Tomas Verhoek, and the Vice President and First Lady of Portugal, Ines Calado.");
    const lines = roleLines(a);
    expect(lines).toContain("Tomas Verhoek | General Secretary of the Union Labour Party | Union Labour Party");
    expect(lines).toContain("Ines Calado | First Lady of Portugal | Portugal");
    expect(lines).toContain("Ines Calado | Vice President | Portugal");
  });

  it("reads a lower-case post: a body named in its 'of' phrase owns it, else the phrase is part of the post", () => {
    const a = annotateText("She met the head of Norway's Audit Board, Kari Lundvik; the minister of health, Per Olstad; and officials.");
    const lines = roleLines(a);
    expect(lines).toContain("Kari Lundvik | head | Audit Board");
    expect(lines).toContain("Per Olstad | minister of health | -");
  });

  it("does not read a post before a comma when no 'the' or possessive opens it", () => {
    const a = annotateText("Anna Vik, Secretary of State, Lars Moen and others spoke.");
    expect(roleLines(a).filter((l) => l.startsWith("Lars Moen"))).toEqual([]);
  });
});

describe("posts after a bracket, in an 'in' phrase, and plural posts", () => {
  it("reads the post after a bracketed country or birth year", () => {
    const a = annotateText("Jon Haller (Iceland), President of the Assembly, opened the session. Marek Tuvi (born 1970), chairman of Baltrade Holding, was listed.");
    const lines = roleLines(a);
    expect(lines).toContain("Jon Haller | President of the Assembly | -");
    expect(lines).toContain("Marek Tuvi | chairman | Baltrade Holding");
  });

  it("gives a post the body of its 'in' phrase, and reads 'owner' as a post", () => {
    const a = annotateText("Omar Fadil, a commander in Norway's Coastal Guard, and Rik Aalto, the former owner of the Riverside Holding company, were named.");
    const lines = roleLines(a);
    expect(lines).toContain("Omar Fadil | commander | Coastal Guard");
    expect(lines.some((l) => l.startsWith("Rik Aalto | former owner"))).toBe(true);
  });

  it("gives a plural post to each person it counts", () => {
    const a = annotateText("The list also names two former prime ministers, Anna Bergvall and Lars Holmqvist, and a banker.");
    const lines = roleLines(a);
    expect(lines).toContain("Anna Bergvall | former prime minister | -");
    expect(lines).toContain("Lars Holmqvist | former prime minister | -");
  });

  it("gives no post to a relative of its holder, and reads the post after 'and'", () => {
    const a = annotateText("The designations extended to Omar al-Harbi, the president's brother and head of the Fourth Division of the Velmorian Army, and Lina al-Harbi, the president's sister who lives abroad.");
    expect(roleLines(a)).toEqual(["Omar al-Harbi | head | Fourth Division of the Velmorian Army"]);
  });
});
