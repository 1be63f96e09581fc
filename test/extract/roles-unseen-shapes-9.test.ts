// Post shapes read on unseen real pages (ninth session), written here as invented sentences in
// several variants: a description before "who now serves as" ("NAME, a longtime ally who now serves
// as the deputy chairman of X") leaves the post to the who-clause; "the head of Norway's largest oil
// producer, X Corporation" is X's post, not the state's; "NAME T.D." is the name without its letters.
import { describe, expect, it } from "vitest";
import { annotateText, roleLines } from "./annotate-helpers.ts";

const roles = (text: string) => roleLines(annotateText(text));

describe("a description, then the post in a who-clause", () => {
  it.each([
    ["Tom Berg, a longtime Reed ally who now serves as the deputy chairman of the Nordic Council, was more blunt.", "Tom Berg | deputy chairman | Nordic Council"],
    ["Tom Berg, a close friend of the family who is now the chairman of the Nordic Council, spoke first.", "Tom Berg | chairman | Nordic Council"],
    ["Anna Lind, an old rival who currently serves as the secretary general of the Nordic Council, said nothing.", "Anna Lind | secretary general | Nordic Council"],
  ])("reads the post of the who-clause: %s", (text, line) => {
    expect(roles(text)).toContain(line);
  });

  it("gives no post to a description that has none", () => {
    expect(roles("Tom Berg, a banker who lives in Oslo, was more blunt.")).toEqual([]);
  });
});

describe("a body described by a possessive state, then named", () => {
  it.each([
    ["Tom Berg, the president of Norway's largest oil company, Nordoil Corporation, on Thursday lashed out at the plan.", "Tom Berg | president | Nordoil Corporation"],
    ["The deals were signed with Tom Berg, the head of Norway's largest oil producer, Nordoil Corporation, the office said.", "Tom Berg | head | Nordoil Corporation"],
  ])("gives the post to the body named after the comma: %s", (text, line) => {
    expect(roles(text)).toContain(line);
  });

  it("still gives the state's own post to the state", () => {
    expect(roles("Tom Berg, the head of Norway's navy, spoke to the Nordic Council.")).toContain("Tom Berg | head | Norway");
  });
});

describe("dotted letters after a name", () => {
  it("keeps 'T.D.' out of the holder's name", () => {
    expect(roles("The Premier, Tom Berg T.D., has welcomed the agreement.")).toContain("Tom Berg | Premier | -");
  });
});
