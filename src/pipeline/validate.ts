// Validation of a saved store against the SHACL shapes (what `newsgraph validate` runs).
import { readFile } from "node:fs/promises";
import { Parser } from "n3";
import type { Quad } from "@rdfjs/types";
import { validateQuads, type ValidationReport } from "../graph/index.ts";
import { StoreError, legacyFile, openStore, readManifest, storeFile } from "../store/index.ts";
import { graphPieces } from "../store/manifest.ts";
import { ValidationMemo } from "./validation-memo.ts";

export async function validateStore(dir: string): Promise<ValidationReport> {
  const manifest = await readManifest(dir); // same format checks and messages as loading
  if (!manifest) throw new StoreError(`${dir}: no store here (no ${storeFile(dir)}); run 'newsgraph build' first`);
  const texts = manifest.version === 1 ? [await readFile(legacyFile(dir), "utf8")] : await openStore(dir).readRecords(graphPieces(manifest));
  const quads: Quad[] = [];
  try {
    for (const text of texts) for (const q of new Parser({ format: "N-Quads" }).parse(text)) quads.push(q);
  } catch (e) {
    throw new StoreError(`${dir}: the store is damaged (${e instanceof Error ? e.message : e}); rebuild it with 'newsgraph build'`);
  }
  // Parts of the graph already found conforming (same content, same shapes) are not checked again.
  const memo = await new ValidationMemo(dir).load();
  const report = await validateQuads(quads, { cache: memo });
  if (report.conforms) await memo.save().catch(() => undefined); // a read-only store directory is fine
  return report;
}
