// Small HTTP helpers shared by the handlers: bodies with a size limit, plain-text errors,
// CORS, ETags, authorisation of writes.
import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { HttpError } from "./http-error.ts";

export { HttpError };

/** Headers every response carries: any web page may query the endpoint (read-only by default). */
export const CORS_HEADERS: Record<string, string> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, HEAD, POST, PUT, DELETE, OPTIONS",
  "Access-Control-Allow-Headers": "Accept, Authorization, Content-Type, If-None-Match",
  "Access-Control-Expose-Headers": "ETag, Content-Type, Content-Length, Retry-After, Location",
  "Access-Control-Max-Age": "86400",
};

/** Reads the whole request body; 413 when it exceeds `limit` bytes. */
export async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers["content-length"] ?? NaN);
  if (declared > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > limit) throw tooLarge(limit);
      chunks.push(chunk);
    }
  } catch (e) {
    if (e instanceof HttpError) throw e;
    // The client went away (or was cut off by the request timeout) before its body arrived.
    throw new HttpError(400, "The request body did not arrive in full.");
  }
  return Buffer.concat(chunks).toString("utf8");
}

const tooLarge = (limit: number) => new HttpError(413, `The request body is larger than this server accepts (${limit} bytes).`);

/** The media type of a request body, without parameters. */
export const contentTypeOf = (req: IncomingMessage): string => (req.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();

export function send(res: ServerResponse, status: number, body: string | Uint8Array, headers: Record<string, string> = {}): void {
  const bytes = typeof body === "string" ? Buffer.from(body, "utf8") : body;
  res.writeHead(status, { ...headers, "Content-Length": String(bytes.byteLength) });
  res.end(bytes);
}

/** Errors go out as one short plain-text message; never a stack trace. */
export function sendError(res: ServerResponse, error: unknown): void {
  const known = error instanceof HttpError;
  const status = known ? error.status : 500;
  const message = known ? error.message : "Internal server error.";
  if (res.headersSent) {
    res.destroy();
    return;
  }
  // A body we refused to read is still arriving: close the connection after answering.
  if (status === 413) res.setHeader("Connection", "close");
  send(res, status, message + "\n", { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...(known ? error.headers : {}) });
}

export function methodNotAllowed(allowed: string[]): HttpError {
  return new HttpError(405, `Method not allowed here; use ${allowed.join(" or ")}.`, { Allow: allowed.join(", ") });
}

/** A strong ETag for a representation of the store at `revision`. */
export function etagFor(revision: string, ...variant: string[]): string {
  return `"${createHash("sha256").update([revision, ...variant].join("\u0000")).digest("base64url").slice(0, 22)}"`;
}

/** True when the client's cached copy (If-None-Match) is still current. */
export function isFresh(req: IncomingMessage, etag: string): boolean {
  const header = req.headers["if-none-match"];
  if (!header) return false;
  return header.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t === etag || t === `W/${etag}`;
  });
}

/** Headers of a cacheable read: revalidate every time, cheaply, against the store's revision. */
export const cacheHeaders = (etag: string): Record<string, string> => ({ ETag: etag, "Cache-Control": "no-cache", Vary: "Accept" });

/**
 * Writes need `Authorization: Bearer <token>`. No token configured: writes are off (403).
 * Token missing: 401. Token wrong: 403.
 */
export function authorizeWrite(req: IncomingMessage, token: string | undefined): void {
  if (!token) {
    throw new HttpError(403, "Updates are turned off on this server. Start it with --update-token TOKEN (or NEWSGRAPH_UPDATE_TOKEN) to allow them.");
  }
  const header = req.headers.authorization ?? "";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) {
    throw new HttpError(401, "Updates need an 'Authorization: Bearer <token>' header.", { "WWW-Authenticate": 'Bearer realm="newsgraph"' });
  }
  const digest = (s: string) => createHash("sha256").update(s).digest();
  if (!timingSafeEqual(digest(match[1]), digest(token))) {
    throw new HttpError(403, "The update token is not valid.");
  }
}
