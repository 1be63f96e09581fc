import { readFileSync } from "node:fs";
import { Parser } from "n3";
import { describe, expect, it } from "vitest";
import { SHAPES_FILE } from "../../src/graph/shacl.ts";
import { NG } from "../../src/graph/vocab.ts";

const SH = "http://www.w3.org/ns/shacl#";
const MENTIONED_IN = NG + "mentionedIn";

describe("what the build's entity validation relies on", () => {
  // build.ts validateEntities gives each entity ONE ng:mentionedIn (its first article, typed
  // ng:Article) instead of one per article: the same answer only while the shapes ask no more of
  // ng:mentionedIn than "at least one, each an ng:Article". A shape that asks more (a maxCount, a
  // pattern, a shape on the articles) must come with all of an entity's articles in validateEntities.
  it("the shapes constrain ng:mentionedIn only by minCount 1 and class ng:Article", () => {
    const quads = new Parser({ baseIRI: "https://w3id.org/newsgraph/shapes" }).parse(readFileSync(SHAPES_FILE, "utf8"));
    const holders = quads.filter((q) => q.predicate.value === SH + "path" && q.object.value === MENTIONED_IN).map((q) => q.subject.value);
    expect(holders.length).toBeGreaterThan(0);
    const constraints = quads
      .filter((q) => holders.includes(q.subject.value) && q.predicate.value !== SH + "path" && q.predicate.value !== SH + "message")
      .map((q) => `${q.predicate.value.replace(SH, "sh:")} ${q.object.value.replace(/^.*[#/]/, "")}`)
      .sort();
    expect(constraints).toEqual(["sh:class Article", "sh:minCount 1"]);
    // and nothing else reaches the path (no sh:path of a sequence or inverse naming it)
    expect(quads.filter((q) => q.object.value === MENTIONED_IN && q.predicate.value !== SH + "path")).toEqual([]);
  });
});
