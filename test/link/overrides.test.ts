import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { linkEntities } from "../../src/link/index.ts";
import { loadOverrides, type OverridesFile } from "../../src/link/overrides.ts";
import { corpus } from "./corpus.ts";
import { fixtureGazetteerFile } from "./fixture-gazetteer.ts";

const gazetteerFile = fixtureGazetteerFile();
function overridesFile(data: OverridesFile | string): string {
  const file = join(mkdtempSync(join(tmpdir(), "ng-ovr-")), "overrides.json");
  writeFileSync(file, typeof data === "string" ? data : JSON.stringify(data));
  return file;
}
const { resolution, extractions } = corpus([
  { id: "a1", entities: [
    { key: "p1", kind: "person", name: "John Harker" },
    { key: "p2", kind: "person", name: "Mary Harker" },
    { key: "p3", kind: "person", name: "Harker" },
    { key: "s", kind: "country", name: "Sylvania", iso3: "SYL" },
  ] },
]);

describe("overrides", () => {
  it("pins by entity id or label (method manual) and forbids one item or any link", async () => {
    const links = await linkEntities(resolution, extractions, {
      gazetteerFile,
      overridesFile: overridesFile({
        pin: [{ entity: "person/harker", qid: "Q900010" }, { label: "SYLVANIA", kind: "country", qid: "Q900099" }],
        forbid: [{ label: "John Harker", qid: "Q900010" }, { entity: "person/mary-harker" }],
      }),
    });
    expect(links.get("person/harker")).toEqual({ qid: "Q900010", score: 1, method: "manual", candidates: [] });
    expect(links.get("country/sylvania")).toMatchObject({ qid: "Q900099", method: "manual" });
    expect(links.get("person/john-harker")?.qid).toBeUndefined();
    expect(links.get("person/mary-harker")?.qid).toBeUndefined();
  });

  it("gives a place pinned to a located item that item's coordinates", async () => {
    const place = corpus([{ id: "a", entities: [{ key: "p", kind: "place", name: "Old Harbour" }] }]);
    const links = await linkEntities(place.resolution, place.extractions, {
      gazetteerFile, overridesFile: overridesFile({ pin: [{ label: "Old Harbour", kind: "place", qid: "Q900101" }] }),
    });
    expect(links.get("place/old-harbour")).toMatchObject({ qid: "Q900101", method: "manual", geo: { lat: 10.5, long: -20.25 } });
  });

  it("the shipped overrides file is valid and touches nothing by default", async () => {
    const overrides = await loadOverrides();
    for (const e of resolution.entities) expect(overrides.pinned(e)).toBeUndefined();
  });

  it("rejects a malformed file with a message naming it", async () => {
    const bad = overridesFile({ pin: [{ entity: "person/x", qid: "X1" }] });
    await expect(loadOverrides(bad)).rejects.toThrow(/overrides\.json.*not a Wikidata item id/);
    await expect(loadOverrides(overridesFile("{ nope"))).rejects.toThrow(/not valid JSON/);
  });
});
