import { tmpdir } from "node:os";
import { join } from "node:path";
import oxigraph from "oxigraph";
import { describe, expect, it } from "vitest";
import { canonicalNQuads, entityQuads } from "../../src/graph/index.ts";
import { linkEntities } from "../../src/link/index.ts";
import { formatReview, reviewLinks } from "../../src/link/review.ts";
import { corpus } from "./corpus.ts";
import { fixtureGazetteerFile } from "./fixture-gazetteer.ts";

describe("link --review", () => {
  it("lists unlinked entities with candidates and weak links, read back from the graph", async () => {
    const { resolution, extractions } = corpus([
      { id: "a1", entities: [
        { key: "p1", kind: "person", name: "Li Wei" },
        { key: "p2", kind: "person", name: "John Harker" },
        { key: "f", kind: "country", name: "Freedonia", iso3: "FRD" },
      ], roles: [["p2", "Prime Minister", "f"]] },
    ]);
    const links = await linkEntities(resolution, extractions, { gazetteerFile: fixtureGazetteerFile(), overridesFile: join(tmpdir(), "ng-no-overrides.json") });
    const store = new oxigraph.Store();
    store.load(await canonicalNQuads(entityQuads(resolution, links)), { format: "application/n-quads" });

    const items = reviewLinks(store);
    expect(items.map((i) => i.label)).toEqual(["Li Wei"]);
    expect(items[0].item).toBeUndefined();
    expect(items[0].candidates.map((c) => c.item.replace("http://www.wikidata.org/entity/", "")).sort()).toEqual(["Q900020", "Q900021", "Q900022"]);
    expect(items[0].candidates[0].label).toMatch(/^Li Wei \(politician: /);
    // a stricter mark also lists the confident links
    expect(reviewLinks(store, 1.01).map((i) => i.label)).toEqual(["Freedonia", "John Harker", "Li Wei"]);
    expect(formatReview(items)).toMatch(/Li Wei .* not linked\n {4}candidate wd:Q9000\d\d/);
  });
});
