// A full build keeps each article's facts (its local entities, roles and what linking reads, as
// the JSON text its record will hold) from its extraction until its record is written, which is
// after every article was extracted and resolved. Held in memory that grows with the corpus (~2 KB
// an article); so the build keeps them in one temporary file instead, appended as extractions
// arrive and read back by position where they are needed: to resolve (the entities), to link (the
// articles a decision reads), to write the record.
//
// The file lives in the store's cache folder (the same disk as the store) and is unlinked as soon
// as it is opened where the system allows it, so a killed build leaves nothing behind. When it
// cannot be made or written (a read-only or full disk), the facts stay in memory: the build then
// fails or succeeds on the store's own writes, with their messages, as it would without this file.
import { randomBytes } from "node:crypto";
import { closeSync, mkdirSync, openSync, readSync, unlinkSync, writeSync } from "node:fs";
import { join } from "node:path";
import type { ArticleFacts } from "./article-task.ts";

/** An article's facts as its record's JSON text holds them. */
export interface FactsText {
  /** Its local entities, as JSON. */
  entities: string;
  /** `"roles":[…],"linkFacts":{…}`: the rest of its facts, as they stand in its record. */
  rest: string;
}

/** The text of an article's facts (made where it is extracted: a worker sends text, cheaper to pass than objects). */
export const factsText = (f: ArticleFacts): FactsText => ({
  entities: JSON.stringify(f.entities),
  rest: `"roles":${JSON.stringify(f.roles)},"linkFacts":${JSON.stringify(f.linkFacts)}`,
});

/** Where an article's facts lie in the file: offset, then the byte lengths of the two parts (or the facts themselves, kept in memory). */
export interface FactsRef {
  off: number;
  entities: number;
  rest: number;
  kept?: FactsText;
}

export class FactsSpill {
  private fd: number | undefined;
  private size = 0;
  /** The file's path while it is still linked (systems that cannot unlink an open file). */
  private path: string | undefined;

  constructor(private readonly dir: string) {}

  private open(): number {
    if (this.fd !== undefined) return this.fd;
    mkdirSync(this.dir, { recursive: true });
    const path = join(this.dir, `build-facts-${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
    this.fd = openSync(path, "w+");
    try {
      unlinkSync(path);
    } catch {
      this.path = path; // removed by close()
    }
    return this.fd;
  }

  /** The file cannot be used: facts are kept in memory from then on. */
  private broken = false;

  put(facts: FactsText): FactsRef {
    if (!this.broken) {
      try {
        return this.append(facts);
      } catch {
        this.broken = true;
      }
    }
    return { off: -1, entities: 0, rest: 0, kept: facts };
  }

  private append(facts: FactsText): FactsRef {
    const fd = this.open();
    const bytes = Buffer.from(facts.entities + facts.rest, "utf8");
    const ref: FactsRef = { off: this.size, entities: Buffer.byteLength(facts.entities, "utf8"), rest: 0 };
    ref.rest = bytes.length - ref.entities;
    let done = 0;
    while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done, this.size + done);
    this.size += bytes.length;
    return ref;
  }

  get(ref: FactsRef): FactsText {
    if (ref.kept) return ref.kept;
    const bytes = this.read(ref.off, ref.entities + ref.rest);
    return { entities: bytes.toString("utf8", 0, ref.entities), rest: bytes.toString("utf8", ref.entities) };
  }

  /** Only the local entities' JSON. */
  entities(ref: FactsRef): string {
    if (ref.kept) return ref.kept.entities;
    return this.read(ref.off, ref.entities).toString("utf8");
  }

  private read(off: number, len: number): Buffer {
    const buf = Buffer.allocUnsafe(len);
    let done = 0;
    while (done < len) {
      const n = readSync(this.fd!, buf, done, len - done, off + done);
      if (n === 0) throw new Error(`the build's facts file ended early (${off + done} of ${off + len} bytes)`);
      done += n;
    }
    return buf;
  }

  close(): void {
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
    if (this.path) {
      try {
        unlinkSync(this.path);
      } catch {
        // already gone
      }
    }
  }
}
