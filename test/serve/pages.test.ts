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

  it("show the queries an entity page ran, each one answering the same facts when opened in the editor", async () => {
    const page = await (await html("resource/person/sergey-lavrov")).text();
    expect(page).toContain('<details class="show-query">');
    const links = [...page.matchAll(/<a class="open-in-editor" href="\/\?query=([^"]+)">/g)].map((m) => decodeURIComponent(m[1].replace(/&amp;/g, "&")));
    expect(links.length).toBeGreaterThanOrEqual(4);
    const facts = links.find((q) => q.includes("SELECT DISTINCT ?f"))!;
    expect(facts).toContain("<https://w3id.org/newsgraph/resource/person/sergey-lavrov>");
    const res = await fetch(base + "sparql", { method: "POST", headers: { "Content-Type": "application/sparql-query", Accept: "application/sparql-results+json" }, body: facts });
    expect(res.status).toBe(200);
    const rows = ((await res.json()) as { results: { bindings: unknown[] } }).results.bindings;
    expect(rows.length).toBeGreaterThanOrEqual(2); // his post and his statement
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

  it("show an article as its text with every fact marked at its offsets, the facts beside, entities linked", async () => {
    const page = await (await html("resource/article/a1")).text();
    expect(page).toContain("Lavrov meets Wang Yi in Moscow");
    expect(page).toContain("Example News · 2024-03-23 · a1.txt");
    const text = /<div class="article-text" id="article-text">([\s\S]*?)<\/div>/.exec(page)![1];
    // the quotation is a <mark> at its own offsets, escaped, with its sentence's offsets for hovering
    expect(text).toMatch(/<mark class="fact fact-statement part-quote" data-fact="fact-s1" data-kind="statement" data-part="quote" data-start="127" data-end="179" data-evidence-start="126" data-evidence-end="204" id="fact-s1" title="Statement by Sergey Lavrov">Unilateral sanctions are illegitimate &amp; &lt;never&gt; work<\/mark>/);
    // both posts mark the title in their sentence; names link to the entities' pages (longest name first)
    expect(text).toContain('data-fact="fact-r1"');
    expect(text).toContain('data-fact="fact-r2"');
    expect(text).toContain('<a class="entity entity-person" href="/resource/person/sergey-lavrov" data-entity="https://w3id.org/newsgraph/resource/person/sergey-lavrov" title="Sergey Lavrov (person)">Sergey Lavrov</a>');
    expect(text).toContain('>Lavrov</a> told reporters');
    expect(text).toContain('<a class="entity entity-place" href="/resource/place/moscow"');
    // the text comes out unchanged: strip the markup and it is the stored text
    const plain = text.replace(/<[^>]+>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");
    expect(plain).toBe('Lavrov meets Wang Yi in Moscow\n\nMOSCOW \nRussian Foreign Minister Sergey Lavrov met his Chinese counterpart Wang Yi in Moscow.\n"Unilateral sanctions are illegitimate & <never> work," Lavrov told reporters.\n');
    // the side list, and the queries that made the page
    expect(page).toMatch(/<li class="fact-item fact-statement" data-fact="fact-s1" data-evidence-start="126" data-evidence-end="204"/);
    expect(page).toContain('<details class="show-query">');
    expect(page).toMatch(/<a class="open-in-editor" href="\/\?query=[^"]+">Open in the editor<\/a>/);
    expect(page).toContain("ng:evidenceStart ?start");
    const fact = await (await html("resource/role/r1")).text();
    expect(fact).toContain("Foreign Minister");
    expect(fact).toContain('<a href="/resource/person/sergey-lavrov">Sergey Lavrov</a>');
  });

  it("mark a sanction's target and reason inside its sentence", async () => {
    const page = await (await html("resource/article/a2")).text();
    expect(page).toMatch(/<mark class="fact fact-sanction part-target" data-fact="fact-x1"[^>]*data-start="39" data-end="60"[^>]*>Russian trading firms<\/mark>/);
    expect(page).toMatch(/<mark class="fact fact-sanction part-reason" data-fact="fact-x1"[^>]*>support for the war in Ukraine<\/mark>/);
    expect(page).toContain('<a class="entity entity-country" href="/resource/country/united-states"');
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

describe("search", { timeout: 60_000 }, () => {
  const search = async (q: string, extra = "") => (await (await fetch(`${base}api/search?q=${encodeURIComponent(q)}${extra}`)).json()) as { results: { iri: string; label: string; type: string; articles: number; matched?: string; href: string }[]; indexed: number };

  it("finds entities by any name, case- and accent-insensitive, by prefix and with typos, with type and article count", async () => {
    for (const q of ["lavrov", "LAVROV", "Sergey Lavrov", "sergei lavrov", "Lavrof", "lavr", "Lávrov"]) {
      const { results } = await search(q);
      expect(results[0]?.iri, q).toBe(`${R}person/sergey-lavrov`);
    }
    const [hit] = (await search("Sergei Lavrov")).results;
    expect(hit).toMatchObject({ label: "Sergey Lavrov", type: "person", articles: 2, matched: "Sergei Lavrov", href: "/resource/person/sergey-lavrov" });
    expect((await search("washington")).results[0]).toMatchObject({ label: "United States", type: "country", matched: "Washington" });
    expect((await search("zzzzqqq")).results).toEqual([]);
    expect((await search("")).results).toEqual([]);
    expect((await search("a", "&type=place")).results.every((r) => r.type === "place")).toBe(true);
    expect((await fetch(`${base}api/search?q=x&type=planet`)).status).toBe(400);
  });

  it("has a results page, and a search box on every page", async () => {
    const page = await (await html("search?q=lavrof")).text();
    expect(page).toContain('<a href="/resource/person/sergey-lavrov" class="hit-label">Sergey Lavrov</a>');
    expect(page).toContain('value="lavrof"');
    for (const path of ["", "resource/person/sergey-lavrov", "resource/article/a1", "explore"]) {
      const other = await (await html(path)).text();
      expect(other, path).toContain('<form class="search" action="/search" method="get" role="search"');
      expect(other, path).toContain('<script src="/assets/ui/ui.js"></script>');
    }
    expect((await fetch(base + "assets/ui/ui.js")).status).toBe(200);
  });
});

describe("the network, timeline and exports API", { timeout: 120_000 }, () => {
  const get = async (path: string) => {
    const res = await fetch(base + path);
    expect(res.status, `${path}: ${res.status === 200 ? "" : await res.clone().text()}`).toBe(200);
    return res.json();
  };
  type Edge = { source: string; target: string; kind: string; weight: number; details: string[]; firstDate?: string };

  it("gives nodes sized by articles and edges for posts, sanctions, statements and co-mentions, with the queries", async () => {
    const network = await get("api/network");
    const node = (iri: string) => network.nodes.find((n: { id: string }) => n.id === R + iri);
    expect(node("person/sergey-lavrov")).toMatchObject({ label: "Sergey Lavrov", type: "person", articles: 2, wikidata: "http://www.wikidata.org/entity/Q4574" });
    expect(node("country/russia")).toMatchObject({ type: "country", articles: 2 });
    const edge = (kind: string, s: string, t: string) => network.edges.find((e: Edge) => e.kind === kind && e.source === R + s && e.target === R + t);
    expect(edge("post", "person/sergey-lavrov", "country/russia")).toMatchObject({ weight: 1, details: ["Foreign Minister"], firstDate: "2024-03-23" });
    expect(edge("sanction", "country/united-states", "organisation/acme-trading")).toMatchObject({ details: ["support for the war in Ukraine"], firstDate: "2024-04-01" });
    // a statement points at the entities its quote or sentence names: none here but the speaker
    expect(network.edges.filter((e: Edge) => e.kind === "statement")).toEqual([]);
    const co = network.edges.find((e: Edge) => e.kind === "co-mention" && [e.source, e.target].sort().join() === [R + "country/russia", R + "person/sergey-lavrov"].sort().join());
    expect(co.weight).toBe(2);
    expect(network.queries.map((q: { query: string }) => q.query).join("\n")).toContain("ng:mentionedIn");
  });

  it("filters by type, date, publisher and article, and by kind of link", async () => {
    const persons = await get("api/network?type=person&type=country");
    expect(new Set(persons.nodes.map((n: { type: string }) => n.type))).toEqual(new Set(["person", "country"]));
    const april = await get("api/network?from=2024-04-01&to=2024-04-30");
    expect(april.nodes.map((n: { id: string }) => n.id).sort()).toEqual([R + "country/russia", R + "country/united-states", R + "organisation/acme-trading", R + "person/sergey-lavrov"]);
    expect(april.edges.some((e: Edge) => e.kind === "post")).toBe(false);
    const wire = await get("api/network?publisher=" + encodeURIComponent("Example News"));
    expect(wire.nodes.some((n: { id: string }) => n.id === R + "organisation/acme-trading")).toBe(false);
    const one = await get("api/network?article=" + encodeURIComponent(R + "article/a2") + "&edge=sanction");
    expect(new Set(one.edges.map((e: Edge) => e.kind))).toEqual(new Set(["sanction"]));
    for (const bad of ["from=yesterday", "type=planet", "edge=friendship", "article=not%20an%20iri", "minShared=0"]) {
      const res = await fetch(`${base}api/network?${bad}`);
      expect(res.status, bad).toBe(400);
      expect(await res.text()).toMatch(/^(from|type|edge|minShared|not an absolute IRI)/);
    }
  });

  it("lists statements and sanctions by date for the timeline, with a fact's own date before its article's", async () => {
    const timeline = await get("api/timeline");
    expect(timeline.items.map((i: { fact: string; date: string; dateOf: string }) => [i.fact.replace(R, ""), i.date, i.dateOf])).toEqual([
      ["statement/s2", "2024-04-02", "article"],
      ["sanction/x1", "2024-04-01", "fact"],
      ["statement/s1", "2024-03-23", "article"],
    ]);
    expect(timeline.months).toEqual([
      { month: "2024-03", statement: 1, sanction: 0 },
      { month: "2024-04", statement: 1, sanction: 1 },
    ]);
    expect(timeline.names[R + "country/united-states"]).toEqual({ label: "United States", type: "country" });
    const march = await get("api/timeline?to=2024-03-31&kind=statement");
    expect(march.items.map((i: { fact: string }) => i.fact)).toEqual([R + "statement/s1"]);
  });

  it("describes one entity for the network's panel: names, Wikidata, posts, statements, sanctions", async () => {
    const panel = await get("api/entity?iri=" + encodeURIComponent(R + "country/united-states"));
    expect(panel.entity).toMatchObject({ label: "United States", names: ["US", "Washington"], wikidata: "http://www.wikidata.org/entity/Q30" });
    expect(panel.facts.map((f: { role: string }) => f.role)).toEqual(["imposed"]);
    expect(panel.facts[0]).toMatchObject({ targetText: "Russian trading firms", reason: "support for the war in Ukraine", date: "2024-04-01" });
    const lavrov = await get("api/entity?iri=" + encodeURIComponent(R + "person/sergey-lavrov"));
    expect(lavrov.facts.filter((f: { role: string }) => f.role === "said").map((f: { quote: string }) => f.quote)).toEqual(["We will respond", "Unilateral sanctions are illegitimate & <never> work"]);
    expect(lavrov.facts.find((f: { role: string }) => f.role === "post")).toMatchObject({ title: "Foreign Minister", others: [R + "country/russia"] });
    expect((await fetch(base + "api/entity?iri=" + encodeURIComponent(R + "person/nobody"))).status).toBe(404);
  });

  it("downloads the filtered network as GraphML, GEXF and CSV", async () => {
    const graphml = await fetch(base + "api/export?format=graphml&type=person&type=country");
    expect(graphml.headers.get("content-disposition")).toBe('attachment; filename="newsgraph.graphml"');
    const text = await graphml.text();
    expect(text).toContain('<graphml xmlns="http://graphml.graphdrawing.org/xmlns"');
    expect(text).not.toContain("acme-trading");
    expect(await (await fetch(base + "api/export?format=gexf")).text()).toContain("<gexf");
    const edges = await (await fetch(base + "api/export?format=edges.csv&edge=post")).text();
    expect(edges.split("\n")[0]).toBe("source,target,relation,weight,details,first_date,last_date");
    expect(edges).toContain(`${R}person/sergey-lavrov,${R}country/russia,post,1,Foreign Minister,2024-03-23,2024-03-23`);
    expect((await fetch(base + "api/export?format=pdf")).status).toBe(400);
  });

  it("serves the network page and its script bundled from node_modules (no CDN)", async () => {
    const page = await (await html("explore")).text();
    expect(page).toContain('<script src="/assets/ui/explore.js"></script>');
    expect(page).not.toMatch(/https?:\/\/(cdn|unpkg)/);
    const script = await fetch(base + "assets/ui/explore.js", { headers: { "Accept-Encoding": "gzip" } });
    expect(script.status).toBe(200);
    expect(script.headers.get("content-encoding")).toBe("gzip");
    expect((await script.text()).length).toBeGreaterThan(50_000);
    const timeline = await fetch(base + "timeline?from=2024-01-01", { redirect: "manual" });
    expect(timeline.status).toBe(302);
    expect(timeline.headers.get("location")).toBe("/explore?from=2024-01-01&view=timeline");
  });
});
