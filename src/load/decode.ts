import { error, START, type Diagnostic, type Position } from "../diagnostics/diagnostic.js";
import { t } from "../i18n/i18n.js";

/** Proposals are a few kilobytes; anything this large is a mistake (a PDF renamed, a log file). */
export const MAX_INPUT_BYTES = 2 * 1024 * 1024;

export type Decoded = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

/**
 * Turn the bytes of an input file into text, or say precisely why they are not UTF-8 text.
 * A hand-written scan finds the line and column of the first bad byte, because TextDecoder
 * only says *that* decoding failed, not where.
 */
export function decodeUtf8(file: string, bytes: Uint8Array): Decoded {
  const fail = (pos: Position, message: string): Decoded => ({ ok: false, diagnostic: error(file, pos, message) });
  if (bytes.length > MAX_INPUT_BYTES) {
    return fail(START, t("l.tooBig", { size: bytes.length, limit: MAX_INPUT_BYTES }));
  }
  // UTF-32 first: its little-endian BOM (FF FE 00 00) starts with the UTF-16 one.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) || (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff)) {
    return fail(START, t("l.utf32"));
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return fail(START, t("l.utf16"));
  }
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(body);
    const nul = text.indexOf("\u0000");
    if (nul >= 0) return fail(positionOf(text, nul), t("l.nul"));
    // Old Mac line endings (CR only, no LF anywhere): YAML counts a lone CR as a line break, the
    // yaml package does not, and would read the whole file as one line. CR → LF keeps every offset.
    return { ok: true, text: text.includes("\r") && !text.includes("\n") ? text.replace(/\r/g, "\n") : text };
  } catch {
    const bad = firstInvalidUtf8(body);
    const prefix = new TextDecoder("utf-8").decode(body.subarray(0, bad));
    return fail(
      positionOf(prefix, prefix.length),
      t("l.notUtf8", { byte: `0x${(body[bad] ?? 0).toString(16).padStart(2, "0")}` }),
    );
  }
}

/** 1-based line and column of a character offset in text. */
export function positionOf(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, col: offset - lineStart + 1 };
}

/** Index of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    const need = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const n = b[i + k];
      if (n === undefined || (n & 0xc0) !== 0x80) return i;
    }
    // Overlong and surrogate forms: let TextDecoder's verdict stand, point at the lead byte.
    if (need === 2 && ((c === 0xe0 && b[i + 1]! < 0xa0) || (c === 0xed && b[i + 1]! > 0x9f))) return i;
    if (need === 3 && ((c === 0xf0 && b[i + 1]! < 0x90) || (c === 0xf4 && b[i + 1]! > 0x8f))) return i;
    i += need + 1;
  }
  return b.length;
}
