// Post shapes read on unseen real pages (tenth session), written here as invented sentences in
// several variants: a party's member of parliament before the name ("Green Party TD X"); a post
// after "as" ("Speaking as Taoiseach, X", "X was elected as …", "X has served as …"); a second post
// owned by a named body after "and" ("X, First Minister and Green Party leader,").
import { describe, expect, it } from "vitest";
import { annotateText, roleLines } from "./annotate-helpers.ts";

const roles = (text: string) => roleLines(annotateText(text));

describe("a party's member of parliament before the name", () => {
  it.each([
    ["Local TD Anna Berg said the plan was flawed.", "Anna Berg | TD | -"],
    ["The plan was flawed, Green Party TD Anna Berg said.", "Anna Berg | TD | Green Party"],
    ["The plan was flawed, Freedom Party MP Anna Berg said.", "Anna Berg | MP | Freedom Party"],
    ["The plan was flawed, said Norland Party senator Anna Berg.", "Anna Berg | senator | Norland Party"],
  ])("reads the post and the party: %s", (text, line) => {
    expect(roles(text)).toContain(line);
  });

  it("keeps a party's own post whole", () => {
    expect(roles("The plan was flawed, Communist Party Secretary Anna Berg said.")).toEqual(["Anna Berg | Communist Party Secretary | -"]);
  });

  it("takes no bank called TD for a post", () => {
    expect(roles("The TD Bank said it would comply.")).toEqual([]);
  });
});

describe("a post after 'as'", () => {
  it.each([
    "As Taoiseach, Anna Berg said the plan was flawed.",
    "Speaking as Taoiseach, Anna Berg said the plan was flawed.",
    "Anna Berg, speaking as Taoiseach, said the plan was flawed.",
    "In her role as Taoiseach, Anna Berg said the plan was flawed.",
    "Anna Berg was elected as Taoiseach in 2020.",
    "Anna Berg was reappointed as Taoiseach on Tuesday.",
    "Anna Berg has served as Taoiseach since 2020.",
    "Anna Berg took office as Taoiseach in 2020.",
  ])("gives the post to the person: %s", (text) => {
    expect(roles(text)).toContain("Anna Berg | Taoiseach | -");
  });

  it.each(["Anna Berg has a lawyer in Oslo.", "Anna Berg took the floor as the debate began.", "Anna Berg has said the plan was flawed."])("reads no post where there is none: %s", (text) => {
    expect(roles(text)).toEqual([]);
  });
});

describe("a second post owned by a named body after 'and'", () => {
  it.each([
    ["Anna Berg, First Minister and Green Party leader, said the plan was flawed.", ["Anna Berg | First Minister | -", "Anna Berg | leader | Green Party"]],
    ["Anna Berg, the deputy minister and Green Party leader, said.", ["Anna Berg | deputy minister | -", "Anna Berg | leader | Green Party"]],
    ["Anna Berg, foreign minister and Norland Party chairman, said.", ["Anna Berg | foreign minister | -", "Anna Berg | chairman | Norland Party"]],
  ])("reads both posts: %s", (text, lines) => {
    expect(roles(text)).toEqual(lines);
  });

  it("leaves a post before another person's name to that person", () => {
    expect(roles("Anna Berg, the foreign minister and Norland Party spokesman Tom Lind met.")).toEqual(["Anna Berg | foreign minister | -", "Tom Lind | spokesman | Norland Party"]);
  });
});

describe("a region's name before a capitalised post", () => {
  it.each([
    "Anna Berg, the Northern Ireland First Minister, said the plan was flawed.",
    "Anna Berg, Northern Ireland First Minister, said the plan was flawed.",
    "Northern Ireland First Minister Anna Berg said the plan was flawed.",
  ])("leaves the region's first word out of the post: %s", (text) => {
    expect(roles(text)).toEqual(["Anna Berg | First Minister | -"]);
  });
});
