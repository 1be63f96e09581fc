// Writing a file so that readers see the old content or the new, never a part: the data goes to a
// temporary file beside it (a name no other writer uses, even in the same process) that is then
// renamed over it. Not fsynced: every file written this way is a cache or a memo that can be made
// again; the store's commit (store/local.ts) syncs on its own. Not write-file-atomic: on this
// machine its synchronous path cost 2–3× as much CPU per small file (realpath, chown, exit hooks),
// and the build writes one file per article from its worker threads.
import { renameSync, rmSync, writeFileSync } from "node:fs";
import { rename, rm, writeFile } from "node:fs/promises";

let written = 0;

/** A temporary name beside `file` that no other process, thread or call uses. */
function temporaryNameFor(file: string): string {
  return `${file}.${process.pid}.${(written++).toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`;
}

/** Replaces `file` with `data` whole; on failure the temporary file is removed and the error thrown. */
export async function replaceFile(file: string, data: string | Uint8Array): Promise<void> {
  const tmp = temporaryNameFor(file);
  try {
    await writeFile(tmp, data);
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
}

/** replaceFile, synchronously (for worker threads writing many small files: see the header). */
export function replaceFileSync(file: string, data: string | Uint8Array): void {
  const tmp = temporaryNameFor(file);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, file);
  } catch (e) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // the folder itself is gone: nothing left behind
    }
    throw e;
  }
}
