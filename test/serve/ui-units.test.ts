// The pieces behind the views, on invented data: marks over a text, finding names, the search
// index, and the network's SPARQL filters.
import { describe, expect, it } from "vitest";
import { annotate, findNames, findWithin } from "../../src/serve/ui/annotate.ts";
import { SearchIndex, fold } from "../../src/serve/ui/search.ts";
import { articleFilter, namesIn, typeFilter, type EntityInfo } from "../../src/store/network.ts";

const strip = (html: string) => html.replace(/<[^>]+>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");

describe("marks over a text", () => {
  const mark = (start: number, end: number, name: string, layer = 0) => ({ start, end, layer, open: `<${name}>`, close: `</${name}>` });

  it("nests marks that nest, and keeps the text unchanged (escaped)", () => {
    const text = 'A said "x < y" today';
    const out = annotate(text, [mark(7, 14, "q"), mark(0, 1, "p", 1), mark(8, 13, "i", 1)]);
    expect(out).toBe('<p>A</p> said <q>&quot;<i>x &lt; y</i>&quot;</q> today');
    expect(strip(out)).toBe(text);
  });

  it("splits the inner of two crossing marks so the markup stays well-nested", () => {
    const out = annotate("abcdefgh", [mark(0, 5, "a"), mark(3, 8, "b")]);
    expect(out).toBe("<a>abc<b>de</b></a><b>fgh</b>");
  });

  it("ignores marks outside the text or empty", () => {
    expect(annotate("abc", [mark(2, 9, "x"), mark(1, 1, "y"), mark(-1, 2, "z")])).toBe("abc");
  });

  it("finds names as whole words, longest first, and phrases inside a span", () => {
    const text = "Minister Anna Berg met Berg's rival Bergman in Nordland.";
    const found = findNames(text, [{ iri: "p1", names: ["Anna Berg", "Berg"] }, { iri: "c1", names: ["Nordland"] }]);
    expect(found.map((f) => text.slice(f.start, f.end))).toEqual(["Anna Berg", "Berg", "Nordland"]);
    expect(findWithin(text, "anna berg", 0, 20)).toEqual({ start: 9, end: 18 });
    expect(findWithin(text, "Nordland", 0, 20)).toBeUndefined();
    expect(namesIn("Talks with Nordlanders", "Nordland")).toBe(false);
    expect(namesIn("Talks with Nordland.", "Nordland")).toBe(true);
  });
});

describe("the search index", () => {
  const entity = (iri: string, label: string, type: EntityInfo["type"], articles: number, names: string[] = []): EntityInfo => ({ iri, label, type, articles, names });
  const index = new SearchIndex([
    entity("p1", "Anna Bergström", "person", 3, ["Bergström", "Anna Bergstrom"]),
    entity("p2", "Annika Berg", "person", 1),
    entity("c1", "Nordland", "country", 9, ["the Nordlandic Republic"]),
    entity("o1", "Bergen Shipping Company", "organisation", 2),
  ]);

  it("folds case and accents", () => {
    expect(fold("Ségolène O'Brien")).toBe("segolene obrien");
  });

  it("matches names by prefix and with typos, and says which other name matched", () => {
    expect(index.search("bergstrom")[0]).toMatchObject({ iri: "p1", type: "person", articles: 3 });
    expect(index.search("BERGSTRÖM")[0].iri).toBe("p1");
    expect(index.search("bergstrim")[0].iri).toBe("p1"); // one letter wrong
    expect(index.search("nordlandic")[0]).toMatchObject({ iri: "c1", matched: "the Nordlandic Republic" });
    expect(index.search("anna berg").map((h) => h.iri)).toContain("p1");
    expect(index.search("shipping", { types: ["person"] })).toEqual([]);
    expect(index.search("   ")).toEqual([]);
  });
});

describe("network filters as SPARQL", () => {
  it("writes the type test so a state is not taken for an organisation", () => {
    expect(typeFilter("e", undefined)).toBe("");
    const orgs = typeFilter("e", ["organisation"]);
    expect(orgs).toContain("EXISTS { ?e a ng:Organisation } && NOT EXISTS { ?e a ng:Country }");
  });

  it("escapes publishers and checks article IRIs", () => {
    expect(articleFilter({ publishers: ['The "Daily"\n'] })).toContain('FILTER(?publisher IN ("The \\"Daily\\"\\n"))');
    expect(() => articleFilter({ articles: ["http://x/> } DROP ALL #"] })).toThrow(/not an absolute IRI/);
  });
});
