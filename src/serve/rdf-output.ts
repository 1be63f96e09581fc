// RDF in a negotiated format, written by the project's exporter (src/store/export.ts): pretty
// Turtle/TriG with the project's prefixes, canonical N-Quads/N-Triples, Oxigraph's JSON-LD and
// RDF/XML. Triple formats merge the named graphs.
import oxigraph from "oxigraph";
import { EXPORT_FORMATS, FORMAT_INFO, exportStore, type ExportFormat } from "../store/export.ts";
import type { Format } from "./formats.ts";

function exportFormatOf(format: Format): ExportFormat {
  const found = EXPORT_FORMATS.find((f) => FORMAT_INFO[f].mediaType === format.mediaType);
  if (!found) throw new Error(`no exporter for ${format.mediaType}`);
  return found;
}

/** The whole store, or one named graph of it. */
export const serializeStore = (store: oxigraph.Store, format: Format, graph?: string): Promise<string> =>
  exportStore(store, { format: exportFormatOf(format), graph });

/** Any quads (query results, a resource's description). */
export const serializeQuads = (quads: Iterable<oxigraph.Quad>, format: Format): Promise<string> =>
  serializeStore(new oxigraph.Store([...quads]), format);
