import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadGazetteer } from "../../src/link/gazetteer.ts";
import { linkEntities, type LinkOptions } from "../../src/link/index.ts";
import { recordsFromCache } from "../../src/link/online.ts";
import { USER_AGENT } from "../../src/link/wikidata-client.ts";
import { corpus } from "./corpus.ts";
import { type ReplayServer, startWikidataServer } from "./wikidata-server.ts";

const NO_OVERRIDES = join(tmpdir(), "ng-no-overrides.json");
let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** An article about people and bodies the shipped gazetteer does not know. */
const article = corpus([
  {
    id: "a1",
    entities: [
      { key: "p1", kind: "person", name: "Amara Odhiambo", names: ["Amara Odhiambo", "Odhiambo"] },
      { key: "k", kind: "country", name: "Kenya", iso3: "KEN" },
      { key: "o", kind: "organisation", name: "Lakeside Policy Institute", orgType: "academic" },
      { key: "p2", kind: "person", name: "Daniel Okafor" },
      { key: "n", kind: "country", name: "Nigeria", iso3: "NGA" },
    ],
    roles: [["p1", "Foreign Affairs Cabinet Secretary", "k"], ["p2", "senator", "n"]],
  },
]);
const vague = corpus([{ id: "a2", entities: [{ key: "p", kind: "person", name: "Daniel Okafor" }] }]);

function options(extra: Partial<LinkOptions> & { warnings?: string[] } = {}): LinkOptions {
  const warnings = extra.warnings ?? [];
  return {
    overridesFile: NO_OVERRIDES,
    cacheDir: mkdtempSync(join(tmpdir(), "ng-wd-cache-")),
    client: { minIntervalMs: 0, warn: (m) => warnings.push(m), timeoutMs: 5000 },
    ...extra,
  };
}

describe("online linking against a replaying Wikidata", () => {
  it("links persons and an organisation after checking type, posts and citizenship, with a descriptive User-Agent", async () => {
    server = await startWikidataServer();
    const links = await linkEntities(article.resolution, article.extractions, options({ online: true, wikidataUrl: server.url }));
    expect(links.get("person/amara-odhiambo")).toMatchObject({ qid: "Q999000101", method: "online" });
    expect(links.get("organisation/lakeside-policy-institute")).toMatchObject({ qid: "Q999000102", method: "online" });
    // two people of this name: the senator, not the footballer
    expect(links.get("person/daniel-okafor")).toMatchObject({ qid: "Q999000104", method: "online" });
    expect(links.get("person/daniel-okafor")!.candidates.map((c) => c.qid)).toContain("Q999000103");
    // states come from the gazetteer without asking
    expect(links.get("country/kenya")).toMatchObject({ qid: "Q114", method: "gazetteer" });
    expect(server.requests.some((r) => r.path.includes("search=Kenya"))).toBe(false);
    expect(server.requests.length).toBeGreaterThan(0);
    for (const r of server.requests) expect(r.userAgent).toBe(USER_AGENT);
    expect(USER_AGENT).toMatch(/^newsgraph\/\S+ \(.+\)/);
  });

  it("leaves an ambiguous name unlinked when the text gives no post, keeping both candidates", async () => {
    server = await startWikidataServer();
    const links = await linkEntities(vague.resolution, vague.extractions, options({ online: true, wikidataUrl: server.url }));
    const l = links.get("person/daniel-okafor")!;
    expect(l.qid).toBeUndefined();
    expect(l.candidates.map((c) => c.qid).sort()).toEqual(["Q999000103", "Q999000104"]);
  });

  it("waits for Retry-After on 429 and tries again", async () => {
    server = await startWikidataServer({ throttleSearches: ["Lakeside Policy Institute"] });
    const links = await linkEntities(article.resolution, article.extractions, options({ online: true, wikidataUrl: server.url }));
    expect(links.get("organisation/lakeside-policy-institute")?.qid).toBe("Q999000102");
    const asked = server.requests.filter((r) => r.path.includes("search=Lakeside")).map((r) => r.status);
    expect(asked).toEqual([429, 200]);
  });

  it("falls back to offline on a dropped connection, with a warning", async () => {
    server = await startWikidataServer({ dropConnections: true });
    const warnings: string[] = [];
    const links = await linkEntities(article.resolution, article.extractions, options({ online: true, wikidataUrl: server.url, warnings }));
    expect(links.get("country/kenya")?.qid).toBe("Q114");
    expect(links.get("person/amara-odhiambo")?.qid).toBeUndefined();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/unreachable.*offline/);
    // one retry, then no more requests for the rest of the run
    expect(server.requests.length).toBe(2);
  });

  it("caches every answer, so the next run links the same offline", async () => {
    server = await startWikidataServer();
    const opts = options({ online: true, wikidataUrl: server.url });
    const first = await linkEntities(article.resolution, article.extractions, opts);
    const asked = server.requests.length;
    await server.close();
    server = undefined;
    const second = await linkEntities(article.resolution, article.extractions, { ...opts, online: false, wikidataUrl: "http://127.0.0.1:9" });
    expect(second).toEqual(first);
    expect(second.get("person/amara-odhiambo")).toMatchObject({ qid: "Q999000101", method: "online" });
    expect(asked).toBeGreaterThan(0);

    // the build script folds the cached items into the shipped gazetteer the same way
    const records = await recordsFromCache(opts.cacheDir!, await loadGazetteer());
    const amara = records.find((r) => r.qid === "Q999000101");
    expect(amara).toMatchObject({ type: "person", label: "Amara Odhiambo", countries: ["KEN"], origin: "online" });
    expect(amara!.posts).toContain("Cabinet Secretary for Foreign Affairs of Kenya");
    expect(records.find((r) => r.qid === "Q999000102")?.type).toBe("organisation");
  });
});
