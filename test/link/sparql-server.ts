// A second SPARQL endpoint for federation tests: the SPARQL 1.1 protocol (GET ?query=, POST
// form or application/sparql-query) over an Oxigraph store loaded with a fixture graph.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import oxigraph from "oxigraph";

export async function startSparqlServer(turtleFile: string): Promise<{ url: string; queries: string[]; close: () => Promise<void> }> {
  const store = new oxigraph.Store();
  store.load(readFileSync(turtleFile, "utf8"), { format: "text/turtle" });
  const queries: string[] = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    let body = "";
    for await (const chunk of req) body += String(chunk);
    const type = req.headers["content-type"] ?? "";
    const query = req.method === "GET" ? url.searchParams.get("query") : type.startsWith("application/sparql-query") ? body : new URLSearchParams(body).get("query");
    if (!query) return void res.writeHead(400).end("no query");
    queries.push(query);
    const graph = /\b(CONSTRUCT|DESCRIBE)\b/i.test(query);
    const media = graph ? "application/n-triples" : "application/sparql-results+json";
    try {
      const answer = store.query(query, { results_format: media }) as string;
      res.writeHead(200, { "Content-Type": media }).end(answer);
    } catch (e) {
      res.writeHead(400, { "Content-Type": "text/plain" }).end(String(e));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/sparql`,
    queries,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
