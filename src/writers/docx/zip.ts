import { crc32 } from "node:zlib";
import { deflateSync, Zip, type ZipInputFile } from "fflate";
import { sameBytes } from "../../util/bytes.js";

/** A part once deflated: what the zip needs to store it again without compressing it again. */
interface Deflated {
  source: Uint8Array;
  deflated: Uint8Array<ArrayBuffer>;
  crc: number;
}

/**
 * The last deflated form of each part path. Most parts of a .docx (styles, theme, settings, font
 * table, notes, pictures of the logo, …) are the same for every document of one house style, and
 * compressing them is most of the packing time; a part whose bytes equal the last ones
 * seen under its path is stored from here. One entry per path, so the memory stays small.
 */
const lastDeflated = new Map<string, Deflated>();

function deflated(path: string, source: Uint8Array): Deflated {
  const last = lastDeflated.get(path);
  if (last && sameBytes(last.source, source)) return last;
  // fflate rather than node:zlib: its output depends only on its own (pinned) code, while the
  // zlib in Node may differ by version and CPU, and the same input must give the same bytes.
  const fresh = { source, deflated: deflateSync(source, { level: 6 }), crc: crc32(source) >>> 0 };
  lastDeflated.set(path, fresh);
  return fresh;
}

/** A part's deflated form as text: what the start-up bundle holds (bytes in base64). */
export interface DeflatedPart {
  readonly source: string;
  readonly deflated: string;
  readonly crc: number;
}

/** Parts that belong to one document (its text, its properties): not worth keeping ahead. */
const DOCUMENT_OWN = new Set(["word/document.xml", "docProps/core.xml"]);

/** The parts deflated so far in this process (but a document's own), by path. */
export function deflatedParts(): Record<string, DeflatedPart> {
  const b64 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
  const parts = [...lastDeflated].filter(([path]) => !DOCUMENT_OWN.has(path));
  return Object.fromEntries(parts.map(([path, d]) => [path, { source: b64(d.source), deflated: b64(d.deflated), crc: d.crc }]));
}

/** Parts deflated ahead (by the start-up bundle's warm-up), taken as the last ones seen under their paths. */
export function installDeflatedParts(parts: Readonly<Record<string, DeflatedPart>>): void {
  for (const [path, a] of Object.entries(parts)) {
    lastDeflated.set(path, { source: Buffer.from(a.source, "base64"), deflated: new Uint8Array(Buffer.from(a.deflated, "base64")), crc: a.crc });
  }
}

/**
 * Zip the parts, in the given order, deflated, every entry stamped with `mtime`. Uses fflate's
 * streaming Zip with inputs we compress ourselves (so unchanged parts are not compressed again);
 * it writes sizes after each entry's data (a data descriptor), which every zip reader handles.
 */
export function zipParts(parts: Record<string, Uint8Array>, mtime: Date): Uint8Array {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failure ??= err;
    else chunks.push(chunk);
  });
  for (const [path, source] of Object.entries(parts)) {
    const d = deflated(path, source);
    const entry: ZipInputFile = { filename: path, size: source.byteLength, crc: d.crc, compression: 8, mtime };
    zip.add(entry);
    entry.ondata!(null, d.deflated, true);
  }
  zip.end();
  if (failure) throw failure;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/**
 * The zip time for a document's date. fflate writes zip times (DOS format, no zone) from a
 * Date's *local* fields: building the Date from local parts makes those the intended ones
 * whatever TZ is; noon avoids the hour that does not exist on a daylight-saving day. DOS times
 * only reach 1980–2099, so a date outside is stored as the nearest end (core.xml keeps it).
 */
export function zipTime(date: string): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  if (y < 1980) return new Date(1980, 0, 1, 12, 0, 0);
  if (y > 2099) return new Date(2099, 11, 31, 12, 0, 0);
  return new Date(y, m - 1, d, 12, 0, 0);
}
