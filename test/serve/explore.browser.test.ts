// The exploration interface in a real browser (Debian's chromium, headless, WebGL by
// SwiftShader), on the graph built from the sample articles: search, an entity's page, the
// article view with its marks checked against the graph's offsets, the network (through
// sigma's graph model), filters, a node's panel, the timeline and "open in the editor".
// What to expect is asked of /sparql, never written here. Screenshots go to test/artifacts/.
import { mkdir, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser, type Page } from "playwright-core";
import { buildGraph } from "../../src/pipeline/index.ts";
import { NG, query, startTestServer, type TestServer } from "./helpers.ts";

const ROOT = new URL("../../", import.meta.url).pathname;
const ARTIFACTS = new URL("../artifacts/", import.meta.url).pathname;
// SwiftShader gives headless chromium the WebGL that sigma draws with.
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--no-first-run", "--disable-component-update", "--disable-sync", "--enable-unsafe-swiftshader", "--use-angle=swiftshader"];
const PREFIXES = `PREFIX ng: <${NG}> PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>`;

let server: TestServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const foreignRequests: string[] = [];

async function select(text: string): Promise<Record<string, string>[]> {
  const res = await query(server.url, `${PREFIXES}\n${text}`);
  expect(res.status).toBe(200);
  const json = (await res.json()) as { results: { bindings: Record<string, { value: string }>[] } };
  return json.results.bindings.map((b) => Object.fromEntries(Object.entries(b).map(([k, v]) => [k, v.value])));
}

beforeAll(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  const storeDir = await mkdtemp(join(tmpdir(), "newsgraph-explore-"));
  await buildGraph({ inputs: [join(ROOT, "data/articles")], storeDir });
  server = await startTestServer({ storeDir, queriesDir: join(ROOT, "queries") });
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS, headless: true });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on("pageerror", (e) => pageErrors.push(e.message));
  page.on("request", (r) => {
    if (!r.url().startsWith(server.url) && !/^(data|blob):/.test(r.url())) foreignRequests.push(r.url());
  });
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

let person = ""; // the IRI search found
let article = ""; // an article where the person is quoted
let personLabel = "";

describe("exploring the sample graph in a browser", { timeout: 180_000 }, () => {
  it("the search box suggests the person with type and article count, and opens the page", async () => {
    await page.goto(server.url + "explore");
    await page.locator("form.search input").fill("lavrov");
    const first = page.locator(".suggestions .suggestion").first();
    await first.waitFor();
    const suggestion = await first.innerText();
    expect(suggestion).toMatch(/Lavrov/);
    expect(suggestion).toMatch(/Person/i);
    expect(suggestion).toMatch(/\d+ articles?/);
    await page.screenshot({ path: `${ARTIFACTS}explore-search.png` });
    await page.locator("form.search input").press("ArrowDown");
    await page.locator("form.search input").press("Enter");
    await page.waitForURL(/\/resource\/person\//);
    person = "https://w3id.org/newsgraph/resource/" + new URL(page.url()).pathname.slice("/resource/".length);
    personLabel = (await select(`SELECT ?l WHERE { <${person}> rdfs:label ?l }`))[0].l;
    expect(personLabel).toMatch(/Lavrov/);
    expect(await page.locator("h1").innerText()).toContain(personLabel);
  });

  it("the article view marks each of the person's quotations at the graph's offsets, and hovering shows the sentence", async () => {
    const quoted = await select(`SELECT ?article (COUNT(?s) AS ?n) WHERE { ?s ng:speaker <${person}> ; prov:wasDerivedFrom ?article } GROUP BY ?article ORDER BY DESC(?n) ?article LIMIT 1`);
    article = quoted[0].article;
    // open it from the person's page, as a reader would
    await page.locator(`#statements a[href="/resource/${article.slice(article.indexOf("article/"))}"]`).first().click();
    await page.waitForURL(/\/resource\/article\//);
    await page.locator("#article-text").waitFor();
    const statements = await select(`SELECT ?s ?quote ?qs ?qe ?es ?ee WHERE { ?s ng:speaker <${person}> ; ng:quote ?quote ; ng:quoteStart ?qs ; ng:quoteEnd ?qe ;
      ng:evidenceStart ?es ; ng:evidenceEnd ?ee ; prov:wasDerivedFrom <${article}> }`);
    expect(statements.length).toBeGreaterThan(0);
    const text = (await select(`SELECT ?t WHERE { <${article}> ng:text ?t }`))[0].t;
    for (const s of statements) {
      const id = "fact-" + s.s.replace(/^.*\//, "");
      // Where the mark sits in the page's text, counted from the start of the article's text.
      const seen = await page.evaluate((factId) => {
        const marks = [...document.querySelectorAll(`mark[data-fact="${factId}"][data-part="quote"]`)];
        if (marks.length === 0) return null;
        const text = document.getElementById("article-text")!;
        const before = document.createRange();
        before.setStart(text, 0);
        before.setEndBefore(marks[0]);
        return { offset: before.toString().length, text: marks.map((m) => m.textContent).join(""), start: marks[0].getAttribute("data-start"), end: marks[0].getAttribute("data-end") };
      }, id);
      expect(seen, `${s.quote} is marked`).not.toBeNull();
      expect(seen!.offset).toBe(Number(s.qs));
      expect([seen!.start, seen!.end]).toEqual([s.qs, s.qe]);
      expect(seen!.text).toBe(text.slice(Number(s.qs), Number(s.qe)));
      expect(seen!.text).toContain(s.quote);
    }
    // hovering a fact in the list lights up its sentence (the CSS highlight covers exactly the evidence)
    const first = statements[0];
    await page.locator(`.fact-item[data-fact="fact-${first.s.replace(/^.*\//, "")}"]`).hover();
    const lit = await page.evaluate(() => {
      const h = CSS.highlights.get("evidence");
      return h ? [...h][0].toString() : null;
    });
    const evidence = await select(`SELECT ?t WHERE { <${first.s}> ng:evidenceText ?t }`);
    expect(lit).toBe(evidence[0].t);
    expect(await page.locator(`mark.active[data-fact="fact-${first.s.replace(/^.*\//, "")}"]`).count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${ARTIFACTS}article-view.png` });
  });

  it("the network draws every entity and the expected posts and sanctions", async () => {
    await page.goto(server.url + "explore");
    await page.locator('#network-status[data-state="ready"]').waitFor();
    const drawn = await page.evaluate(() => {
      const { graph, renderer } = (window as unknown as { newsgraph: { graph: any; renderer: any } }).newsgraph;
      return {
        nodes: graph.nodes() as string[],
        edges: graph.mapEdges((_e: string, a: { kind: string }, s: string, t: string) => `${a.kind} ${s} ${t}`) as string[],
        displayed: graph.nodes().filter((n: string) => renderer.getNodeDisplayData(n)).length as number,
      };
    });
    const entities = await select(`SELECT DISTINCT ?e WHERE { ?e ng:mentionedIn ?a ; a ?c VALUES ?c { ng:Person ng:Organisation ng:Place } }`);
    expect(new Set(drawn.nodes)).toEqual(new Set(entities.map((r) => r.e)));
    expect(drawn.displayed).toBe(drawn.nodes.length);
    const posts = await select(`SELECT DISTINCT ?h ?o WHERE { ?r a ng:RoleAssignment ; ng:holder ?h ; ng:organisation ?o }`);
    const sanctions = await select(`SELECT DISTINCT ?i ?t WHERE { ?s a ng:Sanction ; ng:imposedBy ?i ; ng:target ?t FILTER(?i != ?t) }`);
    expect(posts.length + sanctions.length).toBeGreaterThan(0);
    for (const p of posts) expect(drawn.edges).toContain(`post ${p.h} ${p.o}`);
    for (const s of sanctions) expect(drawn.edges).toContain(`sanction ${s.i} ${s.t}`);
    expect(drawn.edges.some((e) => e.startsWith(`statement ${person} `))).toBe(true);
    await page.locator('#network-status[data-layout="done"]').waitFor({ timeout: 60_000 });
    await page.screenshot({ path: `${ARTIFACTS}explore-network.png` });
  });

  it("filters by date: only entities of the articles of that day remain", async () => {
    const day = (await select(`SELECT ?d WHERE { <${article}> ng:datePublished ?d }`))[0]?.d;
    expect(day).toBeTruthy();
    await page.locator('input[name="from"]').fill(day);
    await page.locator('input[name="to"]').fill(day);
    await page.getByRole("button", { name: "Apply" }).click();
    await page.waitForFunction((d) => location.search.includes(`from=${d}`) && document.querySelector("#network-status")?.getAttribute("data-state") === "ready", day);
    const nodes = await page.evaluate(() => (window as unknown as { newsgraph: { graph: { nodes(): string[] } } }).newsgraph.graph.nodes());
    const expected = await select(`SELECT DISTINCT ?e WHERE { ?e ng:mentionedIn ?a ; a ?c . ?a ng:datePublished "${day}"^^<http://www.w3.org/2001/XMLSchema#date> VALUES ?c { ng:Person ng:Organisation ng:Place } }`);
    expect(new Set(nodes)).toEqual(new Set(expected.map((r) => r.e)));
    expect(nodes).toContain(person);
    await page.locator('#network-status[data-layout="done"]').waitFor({ timeout: 60_000 });
    await page.screenshot({ path: `${ARTIFACTS}explore-filtered.png` });
  });

  it("clicking a node opens its panel: names, Wikidata, statements with sentences, a link to its page", async () => {
    const point = await page.evaluate((node) => {
      const { renderer, graph } = (window as unknown as { newsgraph: { renderer: any; graph: any } }).newsgraph;
      const p = renderer.graphToViewport(graph.getNodeAttributes(node));
      const box = renderer.getContainer().getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    }, person);
    await page.mouse.click(point.x, point.y);
    const panel = page.locator("#panel");
    await panel.locator("h2").waitFor();
    await panel.locator(".page-link").waitFor();
    expect(await panel.locator("h2").innerText()).toContain(personLabel);
    const sameAs = await select(`SELECT ?q WHERE { <${person}> <http://www.w3.org/2002/07/owl#sameAs> ?q }`);
    if (sameAs.length) expect(await panel.locator("a.wikidata").getAttribute("href")).toBe(`https://www.wikidata.org/wiki/${sameAs[0].q.replace(/^.*\//, "")}`);
    const said = await select(`SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ng:speaker <${person}> }`);
    expect(await panel.locator(".panel-said li").count()).toBe(Number(said[0].n));
    expect(await panel.locator(".panel-said li .evidence").count()).toBe(Number(said[0].n));
    expect(await panel.locator(".page-link").getAttribute("href")).toBe("/resource/" + person.slice("https://w3id.org/newsgraph/resource/".length));
    await page.screenshot({ path: `${ARTIFACTS}explore-panel.png` });
  });

  it("switches to the timeline, with the same filters, each item linking to its article view", async () => {
    await page.getByRole("tab", { name: "Timeline" }).click();
    await page.locator('#timeline-status[data-state="ready"]').waitFor();
    const items = page.locator("#timeline .tl-item");
    expect(await items.count()).toBeGreaterThan(0);
    const day = new URL(page.url()).searchParams.get("from");
    expect(new URL(page.url()).searchParams.get("view")).toBe("timeline");
    const expected = await select(`SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE { ?f a ?c ; prov:wasDerivedFrom ?a . VALUES ?c { ng:Statement ng:Sanction }
      OPTIONAL { ?f ng:date ?own } ?a ng:datePublished ?pub . BIND(COALESCE(?own, ?pub) AS ?d) FILTER(STR(?d) = "${day}") }`);
    expect(await items.count()).toBe(Number(expected[0].n));
    expect(await page.locator("#timeline .tl-item a[href*='/resource/article/']").count()).toBe(Number(expected[0].n));
    await page.screenshot({ path: `${ARTIFACTS}timeline.png` });
  });

  it("shows the query it ran, and opens it in the editor, where it runs", async () => {
    await page.locator("#queries details.show-query summary").click();
    const shown = await page.locator("#queries figure.sparql pre").first().innerText();
    expect(shown).toContain("SELECT");
    await page.locator("#queries a.open-in-editor").first().click();
    await page.waitForURL((u) => u.pathname === "/");
    await page.locator(".yasr").getByText(/\d+ results? in/).filter({ visible: true }).waitFor({ timeout: 60_000 });
    expect(await page.locator(".yasqe .CodeMirror").filter({ visible: true }).innerText()).toContain(shown.split("\n").find((line) => line.startsWith("SELECT"))!.trim());
  });

  it("loaded everything from this server and ran without script errors", () => {
    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
