// Which parts of the graph conformed to the SHACL shapes in earlier runs (see validateQuads),
// kept under the store directory so rebuilds and `newsgraph validate` check only what changed.
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { replaceFile } from "../replace-file.ts";

/** Parts of the graph that conformed to the shapes in earlier builds (see validateQuads). */
export class ValidationMemo {
  private readonly file: string;
  private known = new Set<string>();
  private readonly used = new Set<string>();

  constructor(storeDir: string) {
    this.file = join(storeDir, "cache", "shacl-conforming.txt");
  }

  async load(): Promise<this> {
    const text = await readFile(this.file, "utf8").catch(() => "");
    this.known = new Set(text.split("\n").filter(Boolean));
    return this;
  }

  has(key: string): boolean {
    if (!this.known.has(key)) return false;
    this.used.add(key);
    return true;
  }

  add(key: string): void {
    this.used.add(key);
  }

  /** Keeps only what this build used, so the file does not grow without end. */
  async save(): Promise<void> {
    await mkdir(join(this.file, ".."), { recursive: true });
    await replaceFile(this.file, [...this.used].sort().join("\n") + "\n");
  }
}
