// A polite Wikidata API client: wikibase-sdk builds the URLs; answers come from the cache
// first; requests go out one at a time with a pause between them, a descriptive User-Agent,
// and `maxlag`; 429/503 and maxlag answers are retried after their Retry-After; a network
// error switches the client to offline (cache only) for the rest of the run, with a warning.
import { setTimeout as sleep } from "node:timers/promises";
import { WBK, type Wbk } from "wikibase-sdk";
import { AnswerCache } from "./cache.ts";

export const DEFAULT_WIKIDATA_URL = "https://www.wikidata.org";
export const WIKIDATA_URL_ENV = "NEWSGRAPH_WIKIDATA_URL";
const VERSION = "0.1.0";
export const USER_AGENT =
  `newsgraph/${VERSION} (knowledge graph of news articles; entity linking; ` +
  `contact: ${process.env.NEWSGRAPH_CONTACT ?? "see https://w3id.org/newsgraph"}) Node.js/${process.versions.node}`;

export interface ClientOptions {
  /** Base URL of the Wikibase host; else $NEWSGRAPH_WIKIDATA_URL; else www.wikidata.org. */
  baseUrl?: string;
  /** Where answers are cached; none: nothing is cached. */
  cacheDir?: string;
  /** false: answer from the cache only. */
  network: boolean;
  /** Pause between two requests (ms). */
  minIntervalMs?: number;
  maxRetries?: number;
  /** A Retry-After longer than this gives up on the network for this run (ms). */
  maxRetryWaitMs?: number;
  timeoutMs?: number;
  warn?: (message: string) => void;
}

export class WikidataClient {
  readonly wbk: Wbk;
  private readonly cache?: AnswerCache;
  private online: boolean;
  private lastRequest = 0;
  private readonly opts: Required<Omit<ClientOptions, "baseUrl" | "cacheDir">>;
  /** Requests that went over the network (for tests and the summary line). */
  requests = 0;

  constructor(options: ClientOptions) {
    const baseUrl = (options.baseUrl ?? process.env[WIKIDATA_URL_ENV] ?? DEFAULT_WIKIDATA_URL).replace(/\/+$/, "");
    this.wbk = WBK({ instance: baseUrl, userAgent: USER_AGENT });
    this.cache = options.cacheDir ? new AnswerCache(options.cacheDir) : undefined;
    this.online = options.network;
    this.opts = {
      network: options.network,
      minIntervalMs: options.minIntervalMs ?? 200,
      maxRetries: options.maxRetries ?? 3,
      maxRetryWaitMs: options.maxRetryWaitMs ?? 60_000,
      timeoutMs: options.timeoutMs ?? 20_000,
      warn: options.warn ?? ((m) => console.warn(`newsgraph: ${m}`)),
    };
  }

  get isOnline(): boolean {
    return this.online;
  }

  /** The JSON answer for an API URL: from the cache, else the network (when online), else undefined. */
  async getJson(url: string): Promise<unknown | undefined> {
    const cached = await this.cache?.get(url);
    if (cached !== undefined || !this.online) return cached;
    const body = await this.fetchWithRetries(url);
    if (body !== undefined) await this.cache?.put(url, body);
    return body;
  }

  private async fetchWithRetries(url: string): Promise<unknown | undefined> {
    for (let attempt = 0; ; attempt++) {
      await this.pace();
      let res: Response;
      try {
        this.requests++;
        res = await fetch(url, { headers: { "User-Agent": USER_AGENT, Accept: "application/json" }, signal: AbortSignal.timeout(this.opts.timeoutMs) });
      } catch (e) {
        if (attempt < 1) continue; // one quick retry: a single dropped connection is common
        return this.goOffline(`Wikidata unreachable (${describe(e)}); linking offline from here on`);
      }
      const text = await res.text().catch(() => undefined);
      const body = res.ok && text !== undefined ? parseJson(text) : undefined;
      const lagged = (body as { error?: { code?: string } } | undefined)?.error?.code === "maxlag";
      if (res.status === 429 || res.status === 503 || lagged) {
        const wait = retryAfterMs(res.headers.get("retry-after")) ?? 1000 * 2 ** attempt;
        if (attempt >= this.opts.maxRetries || wait > this.opts.maxRetryWaitMs) {
          return this.goOffline(`Wikidata asks to slow down (HTTP ${res.status}, Retry-After ${res.headers.get("retry-after") ?? "-"}); linking offline from here on`);
        }
        await sleep(wait);
        continue;
      }
      if (!res.ok || body === undefined) {
        this.opts.warn(`Wikidata answered HTTP ${res.status} to ${new URL(url).search.slice(0, 120)}; skipped`);
        return undefined;
      }
      return body;
    }
  }

  private goOffline(message: string): undefined {
    if (this.online) this.opts.warn(message);
    this.online = false;
    return undefined;
  }

  private async pace(): Promise<void> {
    const wait = this.lastRequest + this.opts.minIntervalMs - Date.now();
    if (wait > 0) await sleep(wait);
    this.lastRequest = Date.now();
  }

  /** wbsearchentities: item ids whose label or alias matches `name`, best first. */
  async search(name: string, limit = 7): Promise<string[]> {
    const url = withMaxlag(this.wbk.searchEntities({ search: name, language: "en", uselang: "en", limit, type: "item" }));
    const body = (await this.getJson(url)) as { search?: Array<{ id: string }> } | undefined;
    return (body?.search ?? []).map((s) => s.id).filter((id) => /^Q\d+$/.test(id));
  }

  /** wbgetentities: the raw items (labels, aliases, descriptions, claims), in English. */
  async getItems(ids: string[], props: Array<"labels" | "aliases" | "descriptions" | "claims"> = ["labels", "aliases", "descriptions", "claims"]): Promise<Record<string, RawItem>> {
    const out: Record<string, RawItem> = {};
    const sorted = [...new Set(ids)].sort();
    for (let i = 0; i < sorted.length; i += 50) {
      const url = withMaxlag(this.wbk.getEntities({ ids: sorted.slice(i, i + 50) as `Q${number}`[], languages: ["en"], props }));
      const body = (await this.getJson(url)) as { entities?: Record<string, RawItem> } | undefined;
      Object.assign(out, body?.entities ?? {});
    }
    return out;
  }
}

/** The parts of a wbgetentities item the linker reads (Wikidata's JSON shape). */
export interface RawItem {
  id: string;
  type?: string;
  missing?: string;
  labels?: Record<string, { language: string; value: string }>;
  aliases?: Record<string, Array<{ language: string; value: string }>>;
  descriptions?: Record<string, { language: string; value: string }>;
  claims?: Record<string, Array<{ rank?: string; mainsnak: { snaktype: string; datavalue?: { value: unknown; type: string } } }>>;
}

const withMaxlag = (url: string): string => `${url}&maxlag=5`;

/** Retry-After is either seconds or an HTTP date. */
export function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

function parseJson(text: string): unknown | undefined {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function describe(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (e instanceof Error ? e.message : String(e));
}
