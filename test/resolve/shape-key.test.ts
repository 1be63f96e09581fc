// Local entities that read the same (an incremental build parses a much-mentioned entity's members
// one by one: they differ in their key only) share their connecting keys, made once per shape
// (src/resolve/groups.ts shapeKey). A shape must tell apart whatever the keys depend on.
import { describe, expect, it } from "vitest";
import type { LocalEntity } from "../../src/model.ts";
import { connectingKeys, groupEntities, shapeKey } from "../../src/resolve/groups.ts";

// Invented names.
const base: LocalEntity = { key: "o1", kind: "organisation", name: "Centre for Trade Studies", names: ["Centre for Trade Studies", "CTS"], orgType: "academic" };

describe("shapeKey", () => {
  it("is the same for local entities that differ in their key or kind of organisation only", () => {
    expect(shapeKey({ ...base, key: "o7", orgType: "government" })).toBe(shapeKey(base));
  });

  it("differs where the connecting keys may differ: kind, ISO code, name, names and their split", () => {
    const variants: LocalEntity[] = [
      { ...base, kind: "place" },
      { ...base, iso3: "NRL" },
      { ...base, name: "Centre for Trade" },
      { ...base, names: ["Centre for Trade Studies"] },
      { ...base, names: ["Centre for Trade Studies", "CTS", "CTS"] },
      { ...base, names: [] },
    ];
    const shapes = new Set([base, ...variants].map(shapeKey));
    expect(shapes.size).toBe(variants.length + 1);
  });

  it("is none for a name holding its separator (its keys are made for it alone)", () => {
    expect(shapeKey({ ...base, names: ["Centre\0for"] })).toBeUndefined();
    expect(shapeKey({ ...base, name: "a\0b" })).toBeUndefined();
  });

  it("grouping members parsed one by one gives the groups of shared objects", () => {
    const person = (key: string, name: string): LocalEntity => ({ key, kind: "person", name, names: [name, name.split(" ")[1]] });
    const refs = ["d1", "d2", "d3"].flatMap((doc, i) => [
      { doc, entity: person(`p${i}`, "Lena Kovar") },
      { doc, entity: { ...base, key: `o${i}` } },
      { doc, entity: person(`q${i}`, "Tomas Ferre") },
    ]);
    const shared = new Map<string, LocalEntity>();
    const sharedRefs = refs.map((r) => ({ doc: r.doc, entity: shared.get(shapeKey(r.entity)!) ?? (shared.set(shapeKey(r.entity)!, r.entity), r.entity) }));
    expect(groupEntities(refs)).toEqual(groupEntities(sharedRefs));
    expect(connectingKeys(refs[0].entity)).toEqual(connectingKeys(refs[3].entity));
  });
});
