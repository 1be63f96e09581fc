// The media types the endpoint serves, and content negotiation over them (negotiator).
import Negotiator from "negotiator";
import { HttpError } from "./http-error.ts";

export interface Format {
  /** The Content-Type sent back. */
  mediaType: string;
  /** Media types a client may ask for to get this format (first one is the canonical one). */
  accepts: string[];
  /** For RDF formats: can it carry named graphs? */
  quads?: boolean;
  /** Written by n3's Writer with the project's prefixes instead of Oxigraph (which writes none). */
  pretty?: boolean;
}

/** SELECT and ASK results. JSON first: it is the default when the client states no preference. */
export const RESULT_FORMATS: Format[] = [
  { mediaType: "application/sparql-results+json", accepts: ["application/sparql-results+json", "application/json"] },
  { mediaType: "application/sparql-results+xml", accepts: ["application/sparql-results+xml", "application/xml", "text/xml"] },
  { mediaType: "text/csv", accepts: ["text/csv"] },
  { mediaType: "text/tab-separated-values", accepts: ["text/tab-separated-values"] },
];

/** RDF graphs and datasets (CONSTRUCT, DESCRIBE, graph store, resource descriptions). Turtle first. */
export const RDF_FORMATS: Format[] = [
  { mediaType: "text/turtle", accepts: ["text/turtle", "application/x-turtle"], pretty: true },
  { mediaType: "application/n-triples", accepts: ["application/n-triples", "text/plain"] },
  { mediaType: "application/n-quads", accepts: ["application/n-quads", "text/x-nquads"], quads: true },
  { mediaType: "application/trig", accepts: ["application/trig"], quads: true, pretty: true },
  { mediaType: "application/ld+json", accepts: ["application/ld+json", "application/json"], quads: true },
  { mediaType: "application/rdf+xml", accepts: ["application/rdf+xml"] },
];

export const HTML = "text/html";

/**
 * The format the client prefers among `formats` (or one of the `alsoOffered` media types,
 * preferred on a tie), or undefined when it accepts none of them (the caller answers 406).
 * No Accept header means "anything".
 */
export function negotiate(accept: string | undefined, formats: Format[], alsoOffered: string[] = []): Format | string | undefined {
  const offered = [...alsoOffered, ...formats.flatMap((f) => f.accepts)];
  const chosen = new Negotiator({ headers: { accept: accept?.trim() ? accept : "*/*" } }).mediaType(offered);
  if (chosen === undefined) return undefined;
  return alsoOffered.includes(chosen) ? chosen : formats.find((f) => f.accepts.includes(chosen));
}

/** Negotiates among formats only; 406 when none fits. */
export function negotiateFormat(accept: string | undefined, formats: Format[]): Format {
  const chosen = negotiate(accept, formats);
  if (chosen === undefined || typeof chosen === "string") throw notAcceptable(formats);
  return chosen;
}

export const notAcceptable = (formats: Format[], alsoOffered: string[] = []): HttpError =>
  new HttpError(406, `None of the media types in the Accept header can be served here. Available: ${[...alsoOffered, ...formats.map((f) => f.mediaType)].join(", ")}.`);

/** The RDF format for a request body's Content-Type (graph store uploads). */
export function rdfFormatOfContentType(contentType: string | undefined): Format | undefined {
  const mediaType = contentType?.split(";")[0].trim().toLowerCase();
  if (!mediaType) return undefined;
  return RDF_FORMATS.find((f) => f.accepts.includes(mediaType));
}

/** A whole dataset: formats that keep the named graphs come first, readable TriG by default. */
const QUAD_FORMAT_ORDER = ["application/trig", "application/n-quads", "application/ld+json"];
export const DATASET_FORMATS: Format[] = [
  ...QUAD_FORMAT_ORDER.map((type) => RDF_FORMATS.find((f) => f.mediaType === type)!),
  ...RDF_FORMATS.filter((f) => !f.quads),
];
