import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

/** pdfinfo's fields (Title, Pages, Page size, …) by name. */
export function pdfInfo(pdf: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of execFileSync("pdfinfo", [pdf], { encoding: "utf8" }).split("\n")) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) out[m[1]!] = m[2]!;
  }
  return out;
}

/**
 * The document language in the PDF's catalog (/Lang), which pdfinfo does not show. LibreOffice
 * writes the catalog uncompressed, as one object: `<</Type/Catalog … /Lang(nl-NL) …>>`.
 */
export function pdfLang(pdf: string): string | undefined {
  const bytes = readFileSync(pdf).toString("latin1");
  const start = bytes.indexOf("/Type/Catalog");
  if (start < 0) return undefined;
  const catalog = bytes.slice(start, bytes.indexOf("endobj", start));
  return /\/Lang\s*\(([^)]*)\)/.exec(catalog)?.[1];
}

/** The PDF/A part the XMP metadata claims (`pdfaid:part`), as LibreOffice writes it. */
export function pdfaPart(pdf: string): string | undefined {
  const xmp = readFileSync(pdf).toString("latin1");
  return (/<pdfaid:part>(\d)<\/pdfaid:part>/.exec(xmp) ?? /pdfaid:part="(\d)"/.exec(xmp))?.[1];
}

export const pdfText = (pdf: string): string => execFileSync("pdftotext", ["-raw", pdf, "-"], { encoding: "utf8" });
