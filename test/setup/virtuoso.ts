// Starts a throwaway Virtuoso (Debian's virtuoso-opensource 7) on loopback for a test file or a
// benchmark, and stops it. One server per test file: its database lives in a temporary folder
// and is deleted on stop. SPARQL updates are allowed on /sparql for the anonymous SPARQL user
// (grant SPARQL_UPDATE), which also opens the Graph Store Protocol at /sparql-graph-crud;
// /sparql-graph-crud-auth asks for HTTP Digest (dba:dba).
//
// Settings that matter for newsgraph (what any remote store must provide): no cap on the rows of
// an answer (Virtuoso's default ResultSetMaxRows of 10,000 silently cuts results), and a query
// time limit well above newsgraph's own.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface Virtuoso {
  /** SPARQL 1.1 query (and update) endpoint. */
  queryUrl: string;
  /** Graph Store Protocol, no authentication (with the grant above). */
  graphStoreUrl: string;
  /** Graph Store Protocol with HTTP Digest (user dba, password dba). */
  authGraphStoreUrl: string;
  /** SPARQL endpoint with HTTP Digest (dba:dba). */
  authQueryUrl: string;
  dir: string;
  sqlPort: number;
  /** The server process (benchmarks read its CPU time). */
  pid: number;
  /** Runs SQL through isql-vt as dba. */
  isql(sql: string): string;
  stop(): Promise<void>;
}

export interface VirtuosoOptions {
  /** 8 KB pages of cache (default 20,000 = 160 MB); the benchmark gives more. */
  buffers?: number;
  /** HTTP server threads (default 10). */
  threads?: number;
}

const INI = "/etc/virtuoso-opensource-7/virtuoso.ini";

export const hasVirtuoso = (): boolean => spawnSync("sh", ["-c", "command -v virtuoso-t && command -v isql-vt"], { stdio: "ignore" }).status === 0;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The Debian configuration with our folder, loopback ports and settings. */
function configure(dir: string, http: number, sql: number, options: VirtuosoOptions): string {
  const buffers = options.buffers ?? 20_000;
  const threads = options.threads ?? 10;
  let section = "";
  const out: string[] = [];
  for (const line of readFileSync(INI, "utf8").split("\n")) {
    if (/^\[/.test(line)) section = line.trim();
    const key = /^\s*([A-Za-z_]+)\s*=/.exec(line)?.[1];
    const set = (value: string | number) => out.push(`${key} = ${value}`);
    if (key === "DatabaseFile") set(join(dir, section === "[TempDatabase]" ? "temp.db" : "virtuoso.db"));
    else if (key === "TransactionFile") set(join(dir, section === "[TempDatabase]" ? "temp.trx" : "virtuoso.trx"));
    else if (key === "ErrorLogFile") set(join(dir, "virtuoso.log"));
    else if (key === "LockFile") set(join(dir, "virtuoso.lck"));
    else if (key === "xa_persistent_file") set(join(dir, "virtuoso.pxa"));
    else if (key === "ServerPort") set(`127.0.0.1:${section === "[HTTPServer]" ? http : sql}`);
    else if (key === "DirsAllowed") set(`., ${dir}, /usr/share/virtuoso-opensource-7/vad`);
    else if (key === "NumberOfBuffers") set(buffers);
    else if (key === "MaxDirtyBuffers") set(Math.round(buffers * 0.75));
    else if (key === "ResultSetMaxRows") set(100_000_000);
    else if (key === "MaxQueryExecutionTime") set(600);
    else if (key === "MaxQueryCostEstimationTime") set(0);
    else if (key === "ServerThreads" && section === "[HTTPServer]") set(threads);
    else if (key === "MaxClientConnections") set(Math.max(threads, 10));
    else out.push(line);
  }
  return out.join("\n");
}

export async function startVirtuoso(options: VirtuosoOptions = {}): Promise<Virtuoso> {
  if (!hasVirtuoso()) throw new Error("virtuoso-t / isql-vt not found: apt-get install -y virtuoso-opensource (the test global setup does this as root)");
  const dir = mkdtempSync(join(tmpdir(), "ng-virtuoso-"));
  const http = await freePort();
  const sql = await freePort();
  writeFileSync(join(dir, "virtuoso.ini"), configure(dir, http, sql, options));
  const child: ChildProcess = spawn("virtuoso-t", ["-f", "-c", join(dir, "virtuoso.ini")], { cwd: dir, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const base = `http://127.0.0.1:${http}`;
  const isql = (statement: string): string => {
    const r = spawnSync("isql-vt", [String(sql), "dba", "dba", `exec=${statement}`], { encoding: "utf8", timeout: 120_000 });
    if (r.status !== 0 || /\*\*\* Error/.test(r.stdout + r.stderr)) throw new Error(`isql-vt: ${statement}: ${(r.stdout + r.stderr).trim().slice(0, 500)}`);
    return r.stdout;
  };
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), 20_000);
      await exited;
      clearTimeout(killer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // The first start creates the database: tens of seconds on a loaded machine.
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`Virtuoso exited while starting: ${stderr.trim().slice(-1000)}`);
    }
    const ok = await fetch(`${base}/sparql?query=ASK%7B%7D`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error("Virtuoso did not answer within 180 s");
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  try {
    isql(`grant SPARQL_UPDATE to "SPARQL";`);
  } catch (e) {
    await stop();
    throw e;
  }
  return {
    queryUrl: `${base}/sparql`,
    graphStoreUrl: `${base}/sparql-graph-crud`,
    authGraphStoreUrl: `${base}/sparql-graph-crud-auth`,
    authQueryUrl: `${base}/sparql-auth`,
    dir,
    sqlPort: sql,
    pid: child.pid!,
    isql,
    stop,
  };
}
