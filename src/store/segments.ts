// Segments: append-only files of pieces (an article's graph as canonical N-Quads, a builder's
// JSON record). A change appends its new pieces to one new segment, fsyncs it, and only then
// commits a manifest naming them; pieces are never modified, so the previous manifest still
// reads its own pieces until it is replaced. Segments no manifest names are garbage.
import { createHash, randomBytes } from "node:crypto";
import { open, type FileHandle } from "node:fs/promises";
import { join } from "node:path";
import { StoreError, type PieceRef } from "./manifest.ts";

export const SEGMENTS_DIR = "segments";

export const pieceHash = (bytes: Buffer | string): string => createHash("sha256").update(bytes).digest("hex").slice(0, 24);

/** Test hook: fail writes with ENOSPC once this many bytes were written (a full disk, on demand). */
const faultAfterBytes = Number(process.env.NEWSGRAPH_TEST_ENOSPC_AFTER_BYTES ?? NaN);

/** Appends pieces to a new segment file; nothing it writes is visible until a manifest names it. */
export class SegmentWriter {
  readonly name = `${Date.now().toString(36)}-${process.pid}-${randomBytes(4).toString("hex")}.seg`;
  private fh: FileHandle | undefined;
  private offset = 0;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private written = 0;

  constructor(private readonly dir: string) {}

  get path(): string {
    return join(this.dir, SEGMENTS_DIR, this.name);
  }

  /** Bytes appended so far (also those not yet flushed). */
  get size(): number {
    return this.offset;
  }

  /** Appends one piece and returns where it is (writes go out in the background, in order). */
  async append(piece: string | Buffer): Promise<PieceRef> {
    const bytes = typeof piece === "string" ? Buffer.from(piece, "utf8") : piece;
    const ref: PieceRef = { seg: this.name, off: this.offset, len: bytes.length, hash: pieceHash(bytes) };
    this.offset += bytes.length;
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    if (this.pendingBytes >= 4 << 20) this.flush();
    await this.writing;
    return ref;
  }

  private writing: Promise<void> = Promise.resolve();
  private flushedTo = 0;

  /** Hands what is buffered to the chain of writes (each at its own position, so order cannot mix). */
  private flush(): void {
    if (!this.pendingBytes) return;
    const data = Buffer.concat(this.pending, this.pendingBytes);
    const position = this.flushedTo;
    this.flushedTo += data.length;
    this.pending = [];
    this.pendingBytes = 0;
    this.writing = this.writing.then(async () => {
      this.fh ??= await open(this.path, "wx");
      if (this.written + data.length > faultAfterBytes) {
        throw Object.assign(new Error("ENOSPC: no space left on device, write (test hook)"), { code: "ENOSPC" });
      }
      let done = 0;
      while (done < data.length) done += (await this.fh.write(data, done, data.length - done, position + done)).bytesWritten;
      this.written += data.length;
    });
  }

  /** Writes what is buffered and makes it durable; true when the segment holds anything. */
  async finish(): Promise<boolean> {
    this.flush();
    await this.writing;
    if (!this.fh) return false;
    await this.fh.sync();
    await this.fh.close();
    this.fh = undefined;
    return true;
  }

  /** Closes without caring for the content (the caller removes the file). */
  async abandon(): Promise<void> {
    await this.writing.catch(() => undefined);
    await this.fh?.close().catch(() => undefined);
    this.fh = undefined;
    this.pending = [];
  }
}

/**
 * Reads pieces, grouped by segment: a segment mostly needed is read whole, otherwise piece by piece.
 * Throws StoreError naming the segment when one is missing or shorter than the manifest says.
 */
export async function readPieces(dir: string, refs: PieceRef[]): Promise<Buffer[]> {
  const bySeg = new Map<string, number[]>();
  refs.forEach((r, i) => {
    const list = bySeg.get(r.seg);
    if (list) list.push(i);
    else bySeg.set(r.seg, [i]);
  });
  const out: Buffer[] = new Array(refs.length);
  await Promise.all(
    [...bySeg].map(async ([seg, indexes]) => {
      const path = join(dir, SEGMENTS_DIR, seg);
      let fh: FileHandle;
      try {
        fh = await open(path, "r");
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        throw Object.assign(new StoreError(`${path}: a segment the manifest names cannot be read (${code ?? (e as Error).message})`), { code });
      }
      try {
        const size = (await fh.stat()).size;
        const needed = indexes.reduce((n, i) => n + refs[i].len, 0);
        const whole = needed * 2 >= size ? await fh.readFile() : undefined;
        for (const i of indexes) {
          const r = refs[i];
          if (r.off + r.len > size) throw new StoreError(`${path}: the segment is shorter than the manifest says; the store is damaged, rebuild it with 'newsgraph build'`);
          if (whole) out[i] = whole.subarray(r.off, r.off + r.len);
          else {
            const buf = Buffer.allocUnsafe(r.len);
            let done = 0;
            while (done < r.len) done += (await fh.read(buf, done, r.len - done, r.off + done)).bytesRead;
            out[i] = buf;
          }
        }
      } finally {
        await fh.close();
      }
    }),
  );
  return out;
}
