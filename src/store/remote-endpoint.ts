// HTTP access to a remote SPARQL 1.1 store: the query endpoint, the update endpoint (the query
// URL unless told otherwise) and, when given, a Graph Store Protocol endpoint.
//
// Credentials come from the environment only (NEWSGRAPH_STORE_USER + NEWSGRAPH_STORE_PASSWORD for
// HTTP Basic or Digest, whichever the server asks for; or NEWSGRAPH_STORE_TOKEN for a bearer
// token). A URL carrying a user or password is refused, so no secret ever reaches a message,
// a log line or a process listing. Messages name the endpoint by its URL without query string.
import { StoreError } from "./manifest.ts";
import type { Binding, Row } from "./select.ts";

export const STORE_USER_ENV = "NEWSGRAPH_STORE_USER";
export const STORE_PASSWORD_ENV = "NEWSGRAPH_STORE_PASSWORD";
export const STORE_TOKEN_ENV = "NEWSGRAPH_STORE_TOKEN";

/** Where a remote store answers. */
export interface RemoteConfig {
  /** SPARQL 1.1 query endpoint (--store URL). */
  queryUrl: string;
  /** SPARQL 1.1 update endpoint (--update-url; default: the query endpoint). */
  updateUrl?: string;
  /** Graph Store HTTP Protocol endpoint (--graph-store-url); without it graphs are written with SPARQL Update. */
  graphStoreUrl?: string;
}

/** A remote store that failed or refused a request; the message names the endpoint and what it answered. */
export class RemoteStoreError extends StoreError {
  constructor(message: string, readonly status?: number) {
    super(message);
  }
}

/** Is this --store value a remote store (an http or https URL)? */
export const isRemoteLocation = (location: string): boolean => /^https?:\/\//i.test(location);

/** Checks one endpoint URL; `flag` names the option in the message. */
export function checkEndpointUrl(value: string, flag: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new StoreError(`${flag} ${value}: not a valid URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new StoreError(`${flag} ${value}: give an http:// or https:// URL`);
  if (url.username || url.password) {
    // The value itself is not repeated: it holds a secret.
    throw new StoreError(`${flag}: the URL carries a user name or password; give the URL without them and set ${STORE_USER_ENV} and ${STORE_PASSWORD_ENV} (or ${STORE_TOKEN_ENV}) in the environment`);
  }
  return url;
}

/** A URL for messages: no query string (it may hold a query or a graph name), never credentials. */
const shown = (url: URL): string => `${url.origin}${url.pathname}`;

interface Credentials {
  user?: string;
  password?: string;
  token?: string;
}

export interface RequestOptions {
  /** Gives up after this long (the remote may go on working). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

const DEFAULT_TIMEOUT_MS = 300_000;
/** Transient failures (connection reset, 502/503/504) are tried again this many times. */
const RETRIES = 3;
/**
 * A store that aborts a transaction on a deadlock (Virtuoso: "SR172: Transaction deadlocked", SQL
 * state 40001) has rolled it back whole, so the request is tried again: writers of two shards at
 * once meet such deadlocks in normal work. Random delays keep the two from meeting again.
 */
const DEADLOCK_RETRIES = 8;
const DEADLOCK = /\b40001\b|SR172|deadlock/i;

export class RemoteEndpoint {
  readonly queryUrl: URL;
  readonly updateUrl: URL;
  readonly graphStoreUrl: URL | undefined;
  private readonly credentials: Credentials;
  /** The last Digest challenge per origin+path, so later requests answer it at once. */
  private readonly challenges = new Map<string, string>();

  constructor(config: RemoteConfig, env: NodeJS.ProcessEnv = process.env) {
    this.queryUrl = checkEndpointUrl(config.queryUrl, "--store");
    this.updateUrl = config.updateUrl ? checkEndpointUrl(config.updateUrl, "--update-url") : this.queryUrl;
    this.graphStoreUrl = config.graphStoreUrl ? checkEndpointUrl(config.graphStoreUrl, "--graph-store-url") : undefined;
    this.credentials = { user: env[STORE_USER_ENV] || undefined, password: env[STORE_PASSWORD_ENV] ?? "", token: env[STORE_TOKEN_ENV] || undefined };
  }

  /** The query endpoint, for messages. */
  get location(): string {
    return shown(this.queryUrl);
  }

  // ---------- SPARQL 1.1 Protocol ----------

  /** A SELECT's rows (SPARQL JSON results, literals normalised to RDF 1.1). */
  async select(query: string, options: RequestOptions = {}): Promise<Row[]> {
    const text = await this.queryText(query, "application/sparql-results+json", options);
    return rowsOf(text, this.location);
  }

  async ask(query: string, options: RequestOptions = {}): Promise<boolean> {
    const text = await this.queryText(query, "application/sparql-results+json", options);
    try {
      return (JSON.parse(text) as { boolean: boolean }).boolean === true;
    } catch {
      throw new RemoteStoreError(`${this.location}: the answer to an ASK query is not SPARQL JSON results`);
    }
  }

  /** Any query's answer as text in the media type asked for. */
  async queryText(query: string, accept: string, options: RequestOptions = {}, params?: URLSearchParams): Promise<string> {
    const res = await this.query(query, accept, options, params);
    return res.text();
  }

  /** A query's answer as a Response (the caller reads or streams the body); throws RemoteStoreError for an error status. */
  async query(query: string, accept: string, options: RequestOptions = {}, params?: URLSearchParams): Promise<Response> {
    const body = new URLSearchParams(params);
    body.set("query", query);
    return this.request(this.queryUrl, "query", { method: "POST", headers: { Accept: accept, "Content-Type": "application/x-www-form-urlencoded" }, body: body.toString() }, options);
  }

  /** Runs a SPARQL 1.1 Update. */
  async update(update: string, options: RequestOptions = {}): Promise<void> {
    const body = new URLSearchParams({ update }).toString();
    const res = await this.request(this.updateUrl, "update", { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "*/*" }, body }, options);
    await res.arrayBuffer();
  }

  // ---------- Graph Store HTTP Protocol (or SPARQL Update without it) ----------

  /** Replaces a named graph with N-Triples (GSP PUT; or DROP + INSERT DATA in one update). */
  async putGraph(iri: string, ntriples: string, options: RequestOptions = {}): Promise<void> {
    if (!this.graphStoreUrl) {
      await this.update(`DROP SILENT GRAPH <${iri}> ;\n${insertTriples(iri, ntriples)}`, options);
      return;
    }
    const res = await this.request(this.graphUrl(iri), "graph store PUT", { method: "PUT", headers: { "Content-Type": "application/n-triples; charset=utf-8" }, body: ntriples }, options);
    await res.arrayBuffer();
  }

  /** Drops a named graph (GSP DELETE; a graph that is not there is fine). */
  async deleteGraph(iri: string, options: RequestOptions = {}): Promise<void> {
    if (!this.graphStoreUrl) return this.update(`DROP SILENT GRAPH <${iri}>`, options);
    const res = await this.request(this.graphUrl(iri), "graph store DELETE", { method: "DELETE" }, options, [404]);
    await res.arrayBuffer();
  }

  /** A named graph as N-Triples (GSP GET; or a CONSTRUCT); "" when it is empty or absent. */
  async getGraph(iri: string, options: RequestOptions = {}): Promise<string> {
    if (!this.graphStoreUrl) return this.queryText(`CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <${iri}> { ?s ?p ?o } }`, "application/n-triples", options);
    const res = await this.request(this.graphUrl(iri), "graph store GET", { method: "GET", headers: { Accept: "application/n-triples" } }, options, [404]);
    return res.status === 404 ? (await res.arrayBuffer(), "") : res.text();
  }

  private graphUrl(iri: string): URL {
    const url = new URL(this.graphStoreUrl!);
    url.searchParams.set("graph", iri);
    return url;
  }

  // ---------- HTTP ----------

  /**
   * One request with authentication (Basic/Digest as challenged, or a bearer token), a time limit,
   * and a few tries on transient failures. `allowed` are error statuses the caller handles itself.
   */
  private async request(url: URL, what: string, init: RequestInit & { headers?: Record<string, string> }, options: RequestOptions, allowed: number[] = []): Promise<Response> {
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    for (let attempt = 0; ; attempt++) {
      const signals = [AbortSignal.timeout(timeoutMs), ...(options.signal ? [options.signal] : [])];
      const signal = AbortSignal.any(signals);
      let res: Response;
      try {
        res = await this.authorizedFetch(url, { ...init, signal });
      } catch (e) {
        if (options.signal?.aborted) throw options.signal.reason ?? e;
        const reason = (e as Error).name === "TimeoutError" ? `no answer within ${Math.round(timeoutMs / 1000)} s` : `cannot reach it (${causeOf(e)})`;
        if (attempt < RETRIES && (e as Error).name !== "TimeoutError") {
          await sleep(200 * 2 ** attempt);
          continue;
        }
        throw new RemoteStoreError(`${shown(url)}: ${what} failed: ${reason}`);
      }
      if (res.ok) {
        if (attempt < DEADLOCK_RETRIES && DEADLOCK.test(`${res.headers.get("x-sql-state") ?? ""} ${res.headers.get("x-sql-message") ?? ""}`)) {
          await res.body?.cancel();
          await sleep(deadlockDelay(attempt));
          continue;
        }
        checkWhole(res, shown(url), what);
        return res;
      }
      if (allowed.includes(res.status)) return res;
      const detail = await errorText(res);
      if (attempt < RETRIES && [502, 503, 504].includes(res.status)) {
        await sleep(200 * 2 ** attempt);
        continue;
      }
      if (attempt < DEADLOCK_RETRIES && DEADLOCK.test(detail)) {
        await sleep(deadlockDelay(attempt));
        continue;
      }
      const hint = res.status === 401 || res.status === 403 ? ` (set ${STORE_USER_ENV}/${STORE_PASSWORD_ENV} or ${STORE_TOKEN_ENV} for a store that needs them)` : "";
      throw new RemoteStoreError(`${shown(url)}: ${what} failed: HTTP ${res.status}${detail ? `: ${detail}` : ""}${hint}`, res.status);
    }
  }

  private async authorizedFetch(url: URL, init: RequestInit & { headers?: Record<string, string> }): Promise<Response> {
    const { user, password, token } = this.credentials;
    const headers: Record<string, string> = { ...init.headers };
    if (token) headers.Authorization = `Bearer ${token}`;
    const key = `${url.origin}${url.pathname}`;
    const challenge = this.challenges.get(key);
    if (user && challenge) headers.Authorization = (await digest())(init.method ?? "GET", url.pathname + url.search, challenge, `${user}:${password}`);
    let res = await fetch(url, { ...init, headers });
    if (res.status !== 401 || !user) return res;
    // Challenged: answer with what the server asks for (Digest, else Basic), once.
    const asked = res.headers.get("www-authenticate") ?? "";
    await res.arrayBuffer().catch(() => undefined);
    if (/^\s*digest/i.test(asked)) {
      this.challenges.set(key, asked);
      headers.Authorization = (await digest())(init.method ?? "GET", url.pathname + url.search, asked, `${user}:${password}`);
    } else {
      headers.Authorization = `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
    }
    res = await fetch(url, { ...init, headers });
    return res;
  }
}

const INTEGRAL_DECIMAL = /"(-?\d+)"\^\^<http:\/\/www\.w3\.org\/2001\/XMLSchema#decimal>/g;

/**
 * An update inserting N-Triples into a graph. An xsd:decimal with an integral value ("1") is
 * bound with STRDT rather than written as a constant: some stores (Virtuoso 7) read such a
 * constant in update text as an xsd:integer, which changes the data.
 */
export function insertTriples(graphIri: string, ntriples: string): string {
  const vars = new Map<string, string>();
  const body = ntriples.replace(INTEGRAL_DECIMAL, (_, n: string) => {
    let v = vars.get(n);
    if (!v) vars.set(n, (v = `?decimal${vars.size}`));
    return v;
  });
  if (!vars.size) return `INSERT DATA { GRAPH <${graphIri}> {\n${ntriples}} }`;
  const binds = [...vars].map(([n, v]) => `BIND(STRDT("${n}", <http://www.w3.org/2001/XMLSchema#decimal>) AS ${v})`).join(" ");
  return `INSERT { GRAPH <${graphIri}> {\n${body}} } WHERE { ${binds} }`;
}

/**
 * A store that cut its answer short says so in headers (Virtuoso: X-SPARQL-MaxRows when it hit
 * ResultSetMaxRows, X-SQL-State for an "anytime" answer cut at its time limit). newsgraph needs
 * whole answers: a cut one is an error, never data.
 */
function checkWhole(res: Response, where: string, what: string): void {
  const maxRows = res.headers.get("x-sparql-maxrows");
  if (maxRows) {
    void res.body?.cancel();
    throw new RemoteStoreError(`${where}: ${what} failed: the store cut its answer at ${maxRows} rows (Virtuoso: raise ResultSetMaxRows in the [SPARQL] section of virtuoso.ini); newsgraph needs whole answers`);
  }
  const state = res.headers.get("x-sql-state");
  if (state) {
    void res.body?.cancel();
    const message = res.headers.get("x-sql-message") ?? "";
    if (DEADLOCK.test(`${state} ${message}`)) throw new RemoteStoreError(`${where}: ${what} failed: the store aborted it on a deadlock ${DEADLOCK_RETRIES + 1} times (${state}: ${message}); another writer holds the same data`);
    throw new RemoteStoreError(`${where}: ${what} failed: the store gave a partial answer (${state}: ${res.headers.get("x-sql-message") ?? "time limit"}); raise its query time limit`);
  }
}

/** The first line of an error body, without markup, short. */
async function errorText(res: Response): Promise<string> {
  const text = await res.text().catch(() => "");
  return text
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 300);
}

function causeOf(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (e as Error).message;
}

/** HTTP Digest, loaded only for a store that asks for it. */
const digest = async () => (await import("digest-header")).default;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** 50 ms doubling to 1.6 s at most, each scaled by a random factor so two writers part. */
const deadlockDelay = (attempt: number) => Math.min(50 * 2 ** attempt, 1600) * (0.5 + Math.random());

interface JsonBinding {
  type: string;
  value: string;
  datatype?: string;
  "xml:lang"?: string;
}

/** SPARQL JSON results → rows; the legacy "typed-literal" (Virtuoso) is a literal, xsd:string is a plain one. */
export function rowsOf(text: string, location: string): Row[] {
  let parsed: { results?: { bindings: Record<string, JsonBinding>[] } };
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new RemoteStoreError(`${location}: the answer is not SPARQL JSON results`);
  }
  if (!parsed.results) throw new RemoteStoreError(`${location}: expected SELECT results`);
  return parsed.results.bindings.map((b) => {
    const row: Row = {};
    for (const [name, term] of Object.entries(b)) row[name] = normaliseBinding(term);
    return row;
  });
}

const XSD_STRING = "http://www.w3.org/2001/XMLSchema#string";
const RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";

export function normaliseBinding(term: JsonBinding): Binding {
  if (term.type === "typed-literal" || term.type === "literal") {
    const out: Binding = { type: "literal", value: term.value };
    if (term["xml:lang"]) out["xml:lang"] = term["xml:lang"];
    else if (term.datatype && term.datatype !== XSD_STRING && term.datatype !== RDF_LANG_STRING) out.datatype = term.datatype;
    return out;
  }
  if (term.type === "bnode") return { type: "bnode", value: term.value.replace(/^nodeID:\/\//, "") };
  return { type: term.type as Binding["type"], value: term.value };
}
