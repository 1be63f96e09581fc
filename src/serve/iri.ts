// IRIs taken from requests end up inside SPARQL text (`<iri>`), so only well-formed absolute
// IRIs pass: no spaces, angle brackets, quotes or other characters IRIREF forbids.
const IRI = /^[A-Za-z][A-Za-z0-9+.-]*:[^<>"{}|^`\\\x00-\x20]*$/;

export const isAbsoluteIri = (value: string): boolean => IRI.test(value);
