// A raw HTTP/1.1 client for tests that must send what fetch() refuses to: invalid UTF-8 and
// percent-encoding in the request line, odd headers, bodies trickled byte by byte.
import { connect, type Socket } from "node:net";

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** Sends `request` (the whole message, bytes as given) and reads the response until the server closes. */
export function rawRequest(port: number, request: Buffer | string, timeoutMs = 60_000): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no complete response within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on("data", (d) => chunks.push(d));
    socket.on("error", (e) => {
      clearTimeout(timer);
      // The server may answer and close before it has read all we sent (413, 431, 408).
      if (chunks.length > 0) resolve(parseResponse(Buffer.concat(chunks)));
      else reject(e);
    });
    socket.on("close", () => {
      clearTimeout(timer);
      resolve(parseResponse(Buffer.concat(chunks)));
    });
    socket.write(request); // not end(): a half-closed connection may be dropped before the answer
  });
}

export function parseResponse(raw: Buffer): RawResponse {
  const end = raw.indexOf("\r\n\r\n");
  if (end < 0) return { status: 0, headers: {}, body: raw };
  const [statusLine, ...lines] = raw.subarray(0, end).toString("latin1").split("\r\n");
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const i = line.indexOf(":");
    headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  let body = raw.subarray(end + 4);
  if (headers["transfer-encoding"] === "chunked") body = dechunk(body);
  else if (headers["content-length"]) body = body.subarray(0, Number(headers["content-length"]));
  return { status: Number(statusLine.split(" ")[1] ?? 0), headers, body };
}

function dechunk(data: Buffer): Buffer {
  const out: Buffer[] = [];
  let pos = 0;
  while (pos < data.length) {
    const lineEnd = data.indexOf("\r\n", pos);
    const size = parseInt(data.subarray(pos, lineEnd).toString(), 16);
    if (!size) break;
    out.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
    pos = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(out);
}

/** Opens a connection and leaves it open (for idle-socket tests); resolves once connected. */
export function openSocket(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => resolve(socket));
    socket.on("error", reject);
  });
}
