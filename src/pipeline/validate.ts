// Validation of a saved store against the SHACL shapes (what `newsgraph validate` runs).
import { readFile } from "node:fs/promises";
import { Parser } from "n3";
import { validateQuads, type ValidationReport } from "../graph/index.ts";
import { StoreError, readManifest, storeFile } from "../store/index.ts";
import { ValidationMemo } from "./validation-memo.ts";

export async function validateStore(dir: string): Promise<ValidationReport> {
  const manifest = await readManifest(dir); // same format checks and messages as loading
  if (!manifest) throw new StoreError(`${dir}: no store here (no ${storeFile(dir)}); run 'newsgraph build' first`);
  const text = await readFile(storeFile(dir), "utf8");
  let quads;
  try {
    quads = new Parser({ format: "N-Quads" }).parse(text);
  } catch (e) {
    throw new StoreError(`${storeFile(dir)}: the store file is damaged (${e instanceof Error ? e.message : e})`);
  }
  // Parts of the graph already found conforming (same content, same shapes) are not checked again.
  const memo = await new ValidationMemo(dir).load();
  const report = await validateQuads(quads, { cache: memo });
  if (report.conforms) await memo.save().catch(() => undefined); // a read-only store directory is fine
  return report;
}
