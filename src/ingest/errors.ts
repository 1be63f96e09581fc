/** A file that could not be read as an article; the message names the file. */
export class IngestError extends Error {
  constructor(readonly file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = "IngestError";
  }
}
