// A local stand-in for Wikidata's API: replays the Wikidata-format answers under
// test/fixtures/wikidata/ (wbsearchentities by search text, wbgetentities by id), and can
// answer 429 with Retry-After or drop every connection.
import { readFileSync, existsSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";

const FIXTURES = fileURLToPath(new URL("../fixtures/wikidata/", import.meta.url));

export interface ReplayOptions {
  /** Answer the first request for these search texts with 429 and `Retry-After: 1`. */
  throttleSearches?: string[];
  /** Destroy every connection without an answer. */
  dropConnections?: boolean;
}

export interface ReplayServer {
  url: string;
  requests: Array<{ path: string; userAgent: string; status: number }>;
  close: () => Promise<void>;
}

export async function startWikidataServer(options: ReplayOptions = {}): Promise<ReplayServer> {
  const throttled = new Set(options.throttleSearches ?? []);
  const requests: ReplayServer["requests"] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const log = (status: number) => requests.push({ path: url.pathname + url.search, userAgent: req.headers["user-agent"] ?? "", status });
    if (options.dropConnections) {
      log(0);
      req.socket.destroy();
      return;
    }
    const action = url.searchParams.get("action");
    const search = url.searchParams.get("search") ?? "";
    if (action === "wbsearchentities" && throttled.delete(search)) {
      log(429);
      res.writeHead(429, { "Retry-After": "1", "Content-Type": "text/plain" }).end("Too many requests");
      return;
    }
    let body: unknown;
    if (action === "wbsearchentities") {
      const file = `${FIXTURES}search/${search.toLowerCase().replace(/\s+/g, "-")}.json`;
      body = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : { searchinfo: { search }, search: [], success: 1 };
    } else if (action === "wbgetentities") {
      const entities: Record<string, unknown> = {};
      for (const id of (url.searchParams.get("ids") ?? "").split("|")) {
        const file = `${FIXTURES}entities/${id}.json`;
        entities[id] = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as { entities: Record<string, unknown> }).entities[id] : { id, missing: "" };
      }
      body = { entities, success: 1 };
    } else {
      log(400);
      res.writeHead(400).end();
      return;
    }
    log(200);
    res.writeHead(200, { "Content-Type": "application/json; charset=utf-8" }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
