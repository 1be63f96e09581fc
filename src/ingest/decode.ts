// Bytes → text, strictly: an article that is not clean UTF-8 text is rejected with the reason,
// never silently repaired (offsets into a repaired text would not match the file).
import { IngestError } from "./errors.ts";

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Share of control characters above which a file is taken for binary data. */
const MAX_CONTROL_SHARE = 0.05;

/**
 * Decodes a file's bytes as UTF-8. A BOM is kept as the first character of the text (so offsets
 * still count from the file's first character); callers skip it by offset.
 */
export function decodeArticle(file: string, bytes: Uint8Array): string {
  if (bytes.length === 0) throw new IngestError(file, "empty file");
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    throw new IngestError(file, "UTF-16 encoded; save the article as UTF-8");
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new IngestError(file, `binary file (NUL byte at byte offset ${nul}, ${lineOf(bytes, nul)})`);
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    throw new IngestError(file, `not valid UTF-8 (invalid byte 0x${bytes[at].toString(16).padStart(2, "0")} at byte offset ${at}, ${lineOf(bytes, at)})`);
  }
  if (!/[^\s\ufeff]/.test(text)) throw new IngestError(file, "empty file (whitespace only)");
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || c === 0x7f) controls++;
  }
  if (controls > MAX_CONTROL_SHARE * text.length) throw new IngestError(file, "binary file (mostly control characters, not text)");
  return text;
}

/** "line N" (1-based) of a byte offset. */
function lineOf(bytes: Uint8Array, offset: number): string {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return `line ${line}`;
}

/** Byte offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let need: number, min: number;
    if (b < 0x80) { i++; continue; }
    if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}
