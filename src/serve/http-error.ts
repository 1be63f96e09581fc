/** A failure answered with `status` and `message` as they are (plain text, no stack trace). */
export class HttpError extends Error {
  constructor(readonly status: number, message: string, readonly headers: Record<string, string> = {}) {
    super(message);
  }
}
