// One writer at a time on a remote store, with nothing but SPARQL: a lease kept in the store's
// bookkeeping graph.
//
// To take it, a writer inserts its own claim (a fresh token with an expiry time), then reads
// every claim. It holds the lease when no other live claim is there; otherwise it withdraws its
// claim and tries again a little later. This is safe on any store whose committed updates are
// seen by every query that starts after them (read-your-writes across clients): of two writers,
// the one that reads second sees the other's claim, so at most one of them goes on (both may
// withdraw, and retry after random delays). No conditional update is needed for it.
//
// A claim expires unless renewed (every quarter of the lease), so a writer that died leaves a
// lock that the next one takes over once it has expired. A writer that could not renew in time
// stops writing (check()), and its commit is conditional on its claim still being there.
import { randomBytes } from "node:crypto";
import type { RemoteEndpoint } from "./remote-endpoint.ts";
import { RemoteStoreError } from "./remote-endpoint.ts";
import { STORE_NS, META_GRAPH } from "./remote-layout.ts";

const EXPIRES = `${STORE_NS}expires`;
export const claimIri = (token: string): string => `${STORE_NS}claim/${token}`;

export interface LeaseOptions {
  /** How long a claim lives without renewal (default 10 minutes). */
  leaseMs?: number;
  /** Gives up waiting for another writer after this long (default 60 minutes). */
  waitMs?: number;
  /** Called once when another writer holds the lease and this one waits. */
  onWait?: (message: string) => void;
}

export class Lease {
  private timer: NodeJS.Timeout | undefined;
  private renewedAt: number;
  private lost = false;
  private renewing: Promise<void> = Promise.resolve();

  private constructor(private readonly endpoint: RemoteEndpoint, readonly token: string, private readonly leaseMs: number) {
    this.renewedAt = Date.now();
    this.timer = setInterval(() => {
      this.renewing = this.renew().catch(() => undefined);
    }, Math.max(1000, leaseMs / 4));
    this.timer.unref();
  }

  /** The claim's subject, for updates that must only apply while the lease is held. */
  get claim(): string {
    return claimIri(this.token);
  }

  /** A graph pattern that matches only while this lease's claim is in the store. */
  get heldPattern(): string {
    return `GRAPH <${META_GRAPH}> { <${this.claim}> <${EXPIRES}> ?leaseExpires }`;
  }

  static async acquire(endpoint: RemoteEndpoint, options: LeaseOptions = {}): Promise<Lease> {
    const leaseMs = options.leaseMs ?? 10 * 60_000;
    const waitMs = options.waitMs ?? 60 * 60_000;
    const started = Date.now();
    let told = false;
    for (let attempt = 0; ; attempt++) {
      const token = `${Date.now().toString(36)}-${process.pid}-${randomBytes(8).toString("hex")}`;
      await endpoint.update(`INSERT DATA { GRAPH <${META_GRAPH}> { <${claimIri(token)}> <${EXPIRES}> "${Date.now() + leaseMs}" } }`);
      const claims = await readClaims(endpoint);
      const now = Date.now();
      const others = claims.filter((c) => c.token !== token);
      const live = others.filter((c) => c.expires > now);
      const dead = others.filter((c) => c.expires <= now);
      if (dead.length) await removeClaims(endpoint, dead.map((c) => c.token));
      if (!live.length) return new Lease(endpoint, token, leaseMs);
      await removeClaims(endpoint, [token]);
      if (Date.now() - started > waitMs) {
        throw new RemoteStoreError(`${endpoint.location}: another newsgraph process has been writing this store for over ${Math.round(waitMs / 60000)} minutes; try again later (its claim expires ${new Date(Math.max(...live.map((c) => c.expires))).toISOString()})`);
      }
      if (!told) {
        told = true;
        options.onWait?.(`${endpoint.location}: another newsgraph process is writing this store; waiting for it to finish`);
      }
      // Random backoff, so two writers that saw each other do not meet again.
      await new Promise((r) => setTimeout(r, 150 + Math.random() * Math.min(3000, 300 * 2 ** Math.min(attempt, 4))));
    }
  }

  /** Throws when the lease may have passed to another writer: writing on would mix two changes. */
  check(): void {
    if (this.lost || Date.now() - this.renewedAt > this.leaseMs * 0.8) {
      throw new RemoteStoreError(`${this.endpoint.location}: this build lost the store's write lease (it could not renew it in time); nothing more was written, build again`);
    }
  }

  private async renew(): Promise<void> {
    if (this.lost) return;
    const expires = Date.now() + this.leaseMs;
    const at = Date.now();
    await this.endpoint.update(
      `DELETE { GRAPH <${META_GRAPH}> { <${this.claim}> <${EXPIRES}> ?e } } INSERT { GRAPH <${META_GRAPH}> { <${this.claim}> <${EXPIRES}> "${expires}" } } WHERE { GRAPH <${META_GRAPH}> { <${this.claim}> <${EXPIRES}> ?e } }`,
    );
    const still = await this.endpoint.ask(`ASK { GRAPH <${META_GRAPH}> { <${this.claim}> <${EXPIRES}> "${expires}" } }`);
    if (still) this.renewedAt = at;
    else this.lost = true;
  }

  /** Ends the lease (its claim is removed). */
  async release(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.renewing;
    await removeClaims(this.endpoint, [this.token]).catch(() => undefined); // else it expires
  }
}

async function readClaims(endpoint: RemoteEndpoint): Promise<{ token: string; expires: number }[]> {
  const rows = await endpoint.select(`SELECT ?c ?e WHERE { GRAPH <${META_GRAPH}> { ?c <${EXPIRES}> ?e } }`);
  const prefix = claimIri("");
  return rows
    .filter((r) => r.c?.value.startsWith(prefix))
    .map((r) => ({ token: r.c!.value.slice(prefix.length), expires: Number(r.e?.value) || 0 }));
}

async function removeClaims(endpoint: RemoteEndpoint, tokens: string[]): Promise<void> {
  if (!tokens.length) return;
  const subjects = tokens.map((t) => `<${claimIri(t)}>`).join(" ");
  await endpoint.update(`DELETE { GRAPH <${META_GRAPH}> { ?c <${EXPIRES}> ?e } } WHERE { GRAPH <${META_GRAPH}> { ?c <${EXPIRES}> ?e } VALUES ?c { ${subjects} } }`);
}
