// Static files under /assets/: YASGUI's own build from node_modules (no CDN: the machine
// may be offline) and this server's stylesheet, script and icon. Gzipped when accepted.
import { readFile, stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { HttpError, etagFor, isFresh, methodNotAllowed, send } from "./http.ts";

const yasguiBuild = join(dirname(createRequire(import.meta.url).resolve("@zazuko/yasgui/package.json")), "build");
const own = join(dirname(fileURLToPath(import.meta.url)), "assets");

const ASSETS: Record<string, { file: string; type: string }> = {
  "/assets/yasgui/yasgui.min.js": { file: join(yasguiBuild, "yasgui.min.js"), type: "text/javascript; charset=utf-8" },
  "/assets/yasgui/yasgui.min.css": { file: join(yasguiBuild, "yasgui.min.css"), type: "text/css; charset=utf-8" },
  "/assets/newsgraph.css": { file: join(own, "newsgraph.css"), type: "text/css; charset=utf-8" },
  "/assets/query-page.js": { file: join(own, "query-page.js"), type: "text/javascript; charset=utf-8" },
  "/assets/favicon.svg": { file: join(own, "favicon.svg"), type: "image/svg+xml" },
};

interface Loaded {
  etag: string;
  plain: Buffer;
  gzip: Buffer;
}
const cache = new Map<string, Loaded>();

async function load(path: string): Promise<Loaded> {
  const { file } = ASSETS[path];
  const info = await stat(file);
  const etag = etagFor(`${info.size}-${info.mtimeMs}`, path);
  const cached = cache.get(path);
  if (cached?.etag === etag) return cached;
  const plain = await readFile(file);
  const loaded = { etag, plain, gzip: gzipSync(plain) };
  cache.set(path, loaded);
  return loaded;
}

export const isAsset = (path: string): boolean => path in ASSETS;

export async function handleAsset(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  if (req.method !== "GET" && req.method !== "HEAD") throw methodNotAllowed(["GET"]);
  if (!isAsset(path)) throw new HttpError(404, `No such file: ${path}`);
  const asset = await load(path);
  const headers = { "Content-Type": ASSETS[path].type, ETag: asset.etag, "Cache-Control": "public, max-age=3600", Vary: "Accept-Encoding" };
  if (isFresh(req, asset.etag)) return send(res, 304, "", headers);
  const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
  send(res, 200, gzip ? asset.gzip : asset.plain, gzip ? { ...headers, "Content-Encoding": "gzip" } : headers);
}
