// Pages for people and linked data: the query page, its assets, entity pages (HTML with every
// value escaped) and entity descriptions in RDF.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import oxigraph from "oxigraph";
import { NG, R, startTestServer, type TestServer } from "./helpers.ts";

let server: TestServer;
let base: string;

beforeAll(async () => {
  server = await startTestServer();
  base = server.url;
});
afterAll(() => server?.stop());

const html = (path: string) => fetch(base + path, { headers: { Accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" } });

describe("the query page", { timeout: 60_000 }, () => {
  it("serves YASGUI from the package's own assets, pointed at /sparql, with the example queries", async () => {
    const res = await html("");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const page = await res.text();
    expect(page).toContain('<script src="/assets/yasgui/yasgui.min.js"></script>');
    expect(page).not.toMatch(/https?:\/\/(cdn|unpkg)/);
    expect(page).toContain(">Who holds which post</button>");
    expect(page).toContain(">Who sanctioned whom, why and when</button>");
    const examples = JSON.parse(/<script type="application\/json" id="examples">([\s\S]*?)<\/script>/.exec(page)![1]);
    expect(examples.map((e: { title: string }) => e.title)).toEqual(["Who sanctioned whom, why and when", "Who holds which post"]);
    expect(examples[1].query).toContain("ng:RoleAssignment");
    const script = await (await fetch(base + "assets/query-page.js")).text();
    expect(script).toContain('new URL("/sparql", window.location.href)');
  });

  it("serves the YASGUI build and the stylesheet, gzipped when asked, with validators", async () => {
    const js = await fetch(base + "assets/yasgui/yasgui.min.js");
    expect(js.status).toBe(200);
    expect(js.headers.get("content-type")).toMatch(/javascript/);
    expect((await js.text()).length).toBeGreaterThan(100_000);
    const css = await fetch(base + "assets/yasgui/yasgui.min.css", { headers: { "Accept-Encoding": "gzip" } });
    expect(css.headers.get("content-encoding")).toBe("gzip");
    expect(await css.text()).toContain(".yasgui"); // fetch decodes gzip
    const etag = css.headers.get("etag")!;
    expect((await fetch(base + "assets/yasgui/yasgui.min.css", { headers: { "If-None-Match": etag } })).status).toBe(304);
    expect((await fetch(base + "assets/newsgraph.css")).status).toBe(200);
    expect((await fetch(base + "assets/../package.json")).status).toBe(404);
  });
});

describe("entity pages", { timeout: 60_000 }, () => {
  it("show a person: label, type, Wikidata link, posts, statements with source and sentence, co-mentions", async () => {
    const res = await html("resource/person/sergey-lavrov");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const page = await res.text();
    expect(page).toContain("<title>Sergey Lavrov · newsgraph</title>");
    expect(page).toMatch(/<h1>Sergey Lavrov <span class="badge badge-person">Person<\/span><\/h1>/);
    expect(page).toContain('<a href="https://www.wikidata.org/wiki/Q4574" rel="external">Q4574</a>');
    expect(page).toContain("Also called: Lavrov · Sergei Lavrov");
    expect(page).toMatch(/<td>Foreign Minister<\/td><td><a href="\/resource\/country\/russia">Russia<\/a><\/td>/);
    // the quote and its evidence are escaped, and linked to the source article
    expect(page).toContain("<blockquote>Unilateral sanctions are illegitimate &amp; &lt;never&gt; work</blockquote>");
    expect(page).toContain('<a href="/resource/article/a1">Lavrov meets Wang Yi in Moscow</a>');
    expect(page).toContain("&quot;We will respond,&quot; Lavrov said.");
    expect(page).toContain('<a href="/resource/place/moscow">Moscow</a>');
    expect(page).toContain('<a href="/resource/article/a2">Washington widens sanctions on Russia</a>');
  });

  it("show the sanctions involving a country, and escape every label", async () => {
    const page = await (await html("resource/country/united-states")).text();
    expect(page).toContain('<section id="sanctions"><h2>Sanctions</h2>');
    expect(page).toContain("support for the war in Ukraine");
    expect(page).toContain("2024-04-01");
    expect(page).toContain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Acme &amp; Trading");
    expect(page).not.toContain("<script>alert");
    const target = await (await html("resource/organisation/acme-trading")).text();
    expect(target).toContain("<title>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Acme &amp; Trading · newsgraph</title>");
    expect(target).toContain("Russian trading firms");
  });

  it("show articles (facts and mentions) and other resources (a table of statements)", async () => {
    const page = await (await html("resource/article/a1")).text();
    expect(page).toContain("Lavrov meets Wang Yi in Moscow");
    expect(page).toContain("Example News");
    expect(page).toContain("Example News · 2024-03-23 · a1.txt");
    // an article page lists the facts taken from it and the entities it mentions
    expect(page).toContain('<section id="posts">');
    expect(page).toContain("<blockquote>Unilateral sanctions are illegitimate &amp; &lt;never&gt; work</blockquote>");
    expect(page).toMatch(/<section id="mentions"><h2>Entities mentioned<\/h2>[\s\S]*<a href="\/resource\/place\/moscow">Moscow<\/a>/);
    const fact = await (await html("resource/role/r1")).text();
    expect(fact).toContain("Foreign Minister");
    expect(fact).toContain('<a href="/resource/person/sergey-lavrov">Sergey Lavrov</a>');
  });

  it("answer 404 for an unknown resource", async () => {
    const res = await html("resource/person/nobody-at-all");
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("Nothing is known about");
    expect((await fetch(base + "resource/person/nobody-at-all", { headers: { Accept: "text/turtle" } })).status).toBe(404);
  });

  it("return the entity's description in the RDF format asked for", async () => {
    for (const [accept, format] of [
      ["text/turtle", "text/turtle"],
      ["application/n-triples", "application/n-triples"],
      ["application/ld+json", "application/ld+json"],
    ]) {
      const res = await fetch(base + "resource/person/sergey-lavrov", { headers: { Accept: accept } });
      expect(res.status, accept).toBe(200);
      expect(res.headers.get("content-type")).toMatch(new RegExp("^" + accept.replace("+", "\\+")));
      const quads = oxigraph.parse(await res.text(), { format, base_iri: base });
      const lavrov = `${R}person/sergey-lavrov`;
      expect(quads.some((q) => q.subject.value === lavrov && q.object.value === "Sergey Lavrov")).toBe(true);
      expect(quads.some((q) => q.predicate.value === `${NG}holder` && q.object.value === lavrov)).toBe(true);
    }
    const nquads = await fetch(base + "resource/person/sergey-lavrov", { headers: { Accept: "application/n-quads" } });
    const graphs = new Set(oxigraph.parse(await nquads.text(), { format: "application/n-quads" }).map((q) => q.graph.value));
    expect(graphs).toEqual(new Set([`${R}graph/entities`, `${R}graph/article/a1`, `${R}graph/article/a2`]));
    expect((await fetch(base + "resource/person/sergey-lavrov", { headers: { Accept: "image/png" } })).status).toBe(406);
  });
});
