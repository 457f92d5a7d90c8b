import { Inflate } from "fflate";
import { t } from "../i18n/i18n.js";

/**
 * Limits on what reading a .docx may cost. A board paper's parts are a few megabytes at most;
 * these are far above that and far below what would hurt the machine.
 */
export const ZIP_LIMITS = {
  /** Entries in the central directory (a .docx has a few dozen). */
  entries: 10_000,
  /** The inflated size of one part we read. */
  partBytes: 32 * 1024 * 1024,
  /** The inflated size of all parts we read together. */
  totalBytes: 64 * 1024 * 1024,
} as const;

/** A zip that cannot or may not be read: its message is for the user, one line. */
export class ZipPartsError extends Error {}

const u16 = (b: Uint8Array, o: number): number => {
  if (o < 0 || o + 2 > b.length) throw new ZipPartsError(t("zip.damaged"));
  return b[o]! | (b[o + 1]! << 8);
};
const u32 = (b: Uint8Array, o: number): number => {
  if (o < 0 || o + 4 > b.length) throw new ZipPartsError(t("zip.damaged"));
  return (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;
};

/**
 * Only the named parts of a zip archive, each inflated no further than the size its central
 * directory declares (and that size checked against the limits before anything is inflated), so
 * that large unused entries cost nothing and a zip bomb is refused rather than expanded.
 */
export function readZipParts(bytes: Uint8Array, wanted: ReadonlySet<string>, limits = ZIP_LIMITS): Map<string, Uint8Array> {
  // The end of central directory record: in the last 22 + 65535 (comment) bytes.
  let eocd = -1;
  for (let o = bytes.length - 22; o >= 0 && o >= bytes.length - 22 - 65535; o--) {
    if (bytes[o] === 0x50 && bytes[o + 1] === 0x4b && bytes[o + 2] === 0x05 && bytes[o + 3] === 0x06) {
      eocd = o;
      break;
    }
  }
  if (eocd < 0) throw new ZipPartsError(t("zip.noDirectory"));
  const count = u16(bytes, eocd + 10);
  let at = u32(bytes, eocd + 16);
  if (count === 0xffff || at === 0xffffffff) throw new ZipPartsError(t("zip.zip64"));
  if (count > limits.entries) throw new ZipPartsError(t("zip.tooManyEntries", { count, max: limits.entries }));
  const names = new TextDecoder();
  const found = new Map<string, { method: number; flags: number; size: number; originalSize: number; local: number }>();
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (u32(bytes, at) !== 0x02014b50) throw new ZipPartsError(t("zip.badDirectory"));
    const nameLength = u16(bytes, at + 28);
    const next = at + 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
    if (next > bytes.length) throw new ZipPartsError(t("zip.badDirectory"));
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (wanted.has(name) && !found.has(name)) {
      const entry = { flags: u16(bytes, at + 8), method: u16(bytes, at + 10), size: u32(bytes, at + 20), originalSize: u32(bytes, at + 24), local: u32(bytes, at + 42) };
      if (entry.flags & 1) throw new ZipPartsError(t("zip.encrypted", { name }));
      if (entry.originalSize > limits.partBytes) throw new ZipPartsError(t("zip.partTooLarge", { name, size: mb(entry.originalSize), max: mb(limits.partBytes) }));
      total += entry.originalSize;
      if (total > limits.totalBytes) throw new ZipPartsError(t("zip.totalTooLarge", { max: mb(limits.totalBytes) }));
      found.set(name, entry);
    }
    at = next;
  }
  const parts = new Map<string, Uint8Array>();
  for (const [name, e] of found) {
    if (u32(bytes, e.local) !== 0x04034b50) throw new ZipPartsError(t("zip.noLocalHeader", { name }));
    const start = e.local + 30 + u16(bytes, e.local + 26) + u16(bytes, e.local + 28);
    if (start + e.size > bytes.length) throw new ZipPartsError(t("zip.cutOff", { name }));
    const data = bytes.subarray(start, start + e.size);
    if (e.method === 0) {
      if (data.length !== e.originalSize) throw new ZipPartsError(t("zip.wrongSize", { name }));
      parts.set(name, data);
    } else if (e.method === 8) parts.set(name, inflateAtMost(data, e.originalSize, name));
    else throw new ZipPartsError(t("zip.method", { name, method: e.method }));
  }
  return parts;
}

/** Inflate, stopping as soon as the output would exceed the declared size. */
function inflateAtMost(data: Uint8Array, size: number, name: string): Uint8Array {
  const out = new Uint8Array(size);
  let length = 0;
  let done = false;
  const inflate = new Inflate((chunk, final) => {
    if (length + chunk.length > size) throw new ZipPartsError(t("zip.bomb", { name }));
    out.set(chunk, length);
    length += chunk.length;
    if (final) done = true;
  });
  const STEP = 16 * 1024;
  try {
    for (let o = 0; o < data.length; o += STEP) inflate.push(data.subarray(o, Math.min(o + STEP, data.length)), o + STEP >= data.length);
    if (data.length === 0) inflate.push(data, true);
  } catch (e) {
    if (e instanceof ZipPartsError) throw e;
    throw new ZipPartsError(t("zip.inflate", { name }));
  }
  if (!done || length !== size) throw new ZipPartsError(t("zip.wrongSize", { name }));
  return out;
}

const mb = (n: number): string => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
