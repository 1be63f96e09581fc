// `newsgraph export --format graphml|gexf|csv`: what it writes is read back by an independent
// parser (networkx, Debian's python3-networkx), with the nodes, edges and attributes expected.
import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildNetwork, loadEntities } from "../../src/store/network.ts";
import { networkToGraphml } from "../../src/store/network-export.ts";
import { fixtureStore, R } from "../serve/helpers.ts";

const ROOT = new URL("../../", import.meta.url).pathname;
let storeDir: string;
let out: string;

beforeAll(async () => {
  storeDir = await fixtureStore();
  out = await mkdtemp(join(tmpdir(), "newsgraph-network-"));
});
afterAll(async () => {
  await rm(storeDir, { recursive: true, force: true });
  await rm(out, { recursive: true, force: true });
});

const newsgraph = (...args: string[]) => execFileSync(process.execPath, [join(ROOT, "bin/newsgraph.js"), ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

/** Reads a file with networkx and prints what it holds as JSON. */
function networkx(reader: "read_graphml" | "read_gexf", file: string): { nodes: [string, Record<string, unknown>][]; edges: [string, string, Record<string, unknown>][]; multi: boolean; directed: boolean } {
  const script = `
import json, sys, networkx as nx
g = nx.${reader}(sys.argv[1])
print(json.dumps({"nodes": [[n, d] for n, d in g.nodes(data=True)], "edges": [[s, t, d] for s, t, d in g.edges(data=True)],
                  "multi": g.is_multigraph(), "directed": g.is_directed()}))`;
  return JSON.parse(execFileSync("/usr/bin/python3", ["-c", script, file], { encoding: "utf8" }));
}

describe("network exports", { timeout: 120_000 }, () => {
  it("GraphML: networkx reads every node and edge with their attributes", () => {
    const file = join(out, "g.graphml");
    newsgraph("export", "--store", storeDir, "--format", "graphml", "--out", file);
    const g = networkx("read_graphml", file);
    expect(g.directed).toBe(true);
    expect(g.nodes.length).toBe(7);
    const lavrov = g.nodes.find(([id]) => id === R + "person/sergey-lavrov")![1];
    expect(lavrov).toEqual({ label: "Sergey Lavrov", type: "person", articles: 2, wikidata: "http://www.wikidata.org/entity/Q4574" });
    const acme = g.nodes.find(([id]) => id === R + "organisation/acme-trading")![1];
    expect(acme.label).toBe("<script>alert('x')</script> Acme & Trading"); // escaped in, read back whole
    const post = g.edges.find(([s, t, d]) => s === R + "person/sergey-lavrov" && t === R + "country/russia" && d.relation === "post")!;
    expect(post[2]).toMatchObject({ weight: 1, details: "Foreign Minister", first_date: "2024-03-23" });
    const sanctions = g.edges.filter(([, , d]) => d.relation === "sanction").map(([s, t]) => `${s.replace(R, "")} → ${t.replace(R, "")}`).sort();
    expect(sanctions).toEqual(["country/united-states → country/russia", "country/united-states → organisation/acme-trading"]);
    expect(g.edges.filter(([, , d]) => d.relation === "co-mention").length).toBeGreaterThan(5);
  });

  it("GEXF: networkx reads the same nodes and edges", () => {
    const file = join(out, "g.gexf");
    newsgraph("export", "--store", storeDir, "--format", "gexf", "--out", file);
    const gexf = networkx("read_gexf", file);
    const graphml = networkx("read_graphml", join(out, "g.graphml"));
    expect(gexf.nodes.map(([id]) => id).sort()).toEqual(graphml.nodes.map(([id]) => id).sort());
    const key = (e: [string, string, Record<string, unknown>]) => `${e[0]} ${e[1]} ${e[2].relation} ${Number(e[2].weight)}`;
    expect(gexf.edges.map(key).sort()).toEqual(graphml.edges.map(key).sort());
    expect(gexf.nodes.find(([id]) => id === R + "country/china")![1]).toMatchObject({ label: "China", type: "country" });
  });

  it("CSV: a nodes table and an edges table that agree with each other, filtered as asked", async () => {
    const dir = join(out, "csv");
    newsgraph("export", "--store", storeDir, "--format", "csv", "--out", dir, "--from", "2024-04-01", "--types", "country,organisation");
    const script = `
import csv, json, sys
nodes = list(csv.DictReader(open(sys.argv[1] + "/nodes.csv", newline="")))
edges = list(csv.DictReader(open(sys.argv[1] + "/edges.csv", newline="")))
print(json.dumps({"nodes": nodes, "edges": edges}))`;
    const { nodes, edges } = JSON.parse(execFileSync("/usr/bin/python3", ["-c", script, dir], { encoding: "utf8" }));
    expect(nodes.map((n: { id: string }) => n.id).sort()).toEqual([R + "country/russia", R + "country/united-states", R + "organisation/acme-trading"]);
    expect(nodes.find((n: { id: string }) => n.id === R + "organisation/acme-trading").label).toBe("<script>alert('x')</script> Acme & Trading");
    const ids = new Set(nodes.map((n: { id: string }) => n.id));
    expect(edges.every((e: { source: string; target: string }) => ids.has(e.source) && ids.has(e.target))).toBe(true);
    expect(edges.find((e: { relation: string; target: string }) => e.relation === "sanction" && e.target === R + "organisation/acme-trading")).toMatchObject({ details: "support for the war in Ukraine", first_date: "2024-04-01" });
    expect((await readFile(join(dir, "edges.csv"), "utf8")).split("\n")[0]).toBe("source,target,relation,weight,details,first_date,last_date");
  });

  it("says what is wrong with a bad filter or a CSV export without a folder, and exits non-zero", () => {
    expect(() => newsgraph("export", "--store", storeDir, "--format", "csv")).toThrow(/--format csv writes two tables .*--out DIR/);
    expect(() => newsgraph("export", "--store", storeDir, "--format", "graphml", "--from", "March")).toThrow(/from: expected a date as YYYY-MM-DD, got "March"/);
    expect(() => newsgraph("export", "--store", storeDir, "--format", "graphml", "--types", "planet")).toThrow(/type: expected one of person, organisation, country, place/);
  });

  it("keeps characters XML cannot carry out of GraphML, so the file still parses", async () => {
    const network = { nodes: [{ id: "urn:x:a", label: "bad\u0001name\uD800", type: "person" as const, articles: 1 }], edges: [], matched: { nodes: 1, edges: 0 }, truncated: false, queries: [] };
    const file = join(out, "odd.graphml");
    await import("node:fs/promises").then((fs) => fs.writeFile(file, networkToGraphml(network)));
    expect(networkx("read_graphml", file).nodes[0][1].label).toBe("bad\uFFFDname\uFFFD");
  });

  it("is the same network the views draw (the model is shared)", async () => {
    const oxigraph = (await import("oxigraph")).default;
    const { loadStore } = await import("../../src/store/index.ts");
    const { storeSelect } = await import("../../src/store/select.ts");
    const { store } = await loadStore(storeDir);
    expect(store).toBeInstanceOf(oxigraph.Store);
    const select = storeSelect(store);
    const network = await buildNetwork(select, await loadEntities(select), { types: ["person"] });
    expect(network.nodes.map((n) => n.label).sort()).toEqual(["Sergey Lavrov", "Wang Yi"]);
    expect(network.edges.map((e) => e.kind)).toEqual(["co-mention"]);
  });
});
