import { Packer, type Document } from "docx";
import { strFromU8, strToU8, unzipSync } from "fflate";
import type { Properties } from "../../tree/types.js";
import { zipParts, zipTime } from "./zip.js";

/** A .docx's parts by path: XML as text, pictures as bytes. */
export type Parts = Map<string, string | Uint8Array>;

/**
 * How the parts come out of the docx package: through its compiler, the step before zipping
 * (reachable on Packer though not typed), or by unzipping what Packer zips, which compresses
 * every part once more. Both give the same parts (test/optimisations.test.ts); the compiler is
 * taken when this docx version has it.
 */
export type PartsVia = "compiler" | "packer";

type Compiler = { compile(file: Document, prettify: undefined, overrides: readonly { path: string; data: string }[]): Parts };
const compiler = (Packer as unknown as { compiler?: Compiler }).compiler;

/**
 * The parts of a docx Document, with core.xml written by us. The docx package stamps the
 * current time into docProps/core.xml; ours is dated from the document, so that the same input
 * gives the same bytes at any time, in any time zone.
 */
export async function compileParts(doc: Document, props: Properties, date: string, via: PartsVia = compiler ? "compiler" : "packer"): Promise<Parts> {
  const overrides = [{ path: "docProps/core.xml", data: coreXml(props, date) }];
  if (via === "compiler" && compiler) return compiler.compile(doc, undefined, overrides);
  const unzipped = unzipSync(new Uint8Array(await Packer.toBuffer(doc, undefined, overrides)));
  return new Map(Object.entries(unzipped).map(([path, data]) => [path, /\.(xml|rels)$/.test(path) ? strFromU8(data) : data]));
}

/** Zip the parts deterministically: ids renumbered, every entry dated from the document. */
export function packParts(parts: Parts, date: string): Uint8Array {
  return zipParts(renumberIds(Object.fromEntries(parts)), zipTime(date));
}

/** The parts that can hold hyperlink relationships, bookmarks or drawings. */
const IDS_IN = /^word\/(document|header\d*|footer\d*)\.xml$|^word\/_rels\/(document|header\d*|footer\d*)\.xml\.rels$/;

/**
 * docx gives hyperlink relationships random ids and numbers bookmarks and drawings from
 * counters shared by every document made in the process, so the same document would differ
 * from run to run and with its place in a batch. Renumber them in order of appearance; only
 * the parts that hold them are looked at. Returns every part as bytes.
 */
function renumberIds(entries: Record<string, string | Uint8Array>): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  // One map for all parts: a relationship id appears in a .rels part and in the part it serves.
  const rels = new Map<string, string>();
  for (const [path, data] of Object.entries(entries)) {
    if (typeof data !== "string") {
      out[path] = data;
      continue;
    }
    if (!IDS_IN.test(path)) {
      out[path] = strToU8(data);
      continue;
    }
    const bookmarks = new Map<string, string>();
    const drawings = new Map<string, string>();
    const fixed = data
      .replace(/"(rId[A-Za-z0-9_-]{12,})"/g, (_m, id: string) => {
        if (!rels.has(id)) rels.set(id, `rIdLink${rels.size + 1}`);
        return `"${rels.get(id)}"`;
      })
      .replace(/(<w:bookmark(?:Start|End)\b[^>]*?\bw:id=")(\d+)"/g, (_m, head: string, id: string) => {
        if (!bookmarks.has(id)) bookmarks.set(id, String(bookmarks.size + 1));
        return `${head}${bookmarks.get(id)}"`;
      })
      // Drawing ids (the logo) come from another process-wide counter.
      .replace(/(<(?:wp:docPr|pic:cNvPr)\b[^>]*?\bid=")(\d+)"/g, (_m, head: string, id: string) => {
        if (!drawings.has(id)) drawings.set(id, String(drawings.size + 1));
        return `${head}${drawings.get(id)}"`;
      });
    out[path] = strToU8(fixed);
  }
  return out;
}

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** OPC core properties (title, subject, author, language, dates), the same as Word writes. */
export function coreXml(p: Properties, date: string): string {
  const el = (name: string, value: string | undefined) => (value ? `<${name}>${esc(value)}</${name}>` : "");
  const stamp = `${date}T00:00:00Z`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    `xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
    `xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    el("dc:title", p.title) +
    el("dc:subject", p.subject) +
    el("dc:creator", p.author) +
    el("cp:keywords", p.keywords) +
    el("dc:description", p.description) +
    el("dc:language", p.language) +
    el("cp:lastModifiedBy", p.author) +
    `<cp:revision>1</cp:revision>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
    `</cp:coreProperties>`
  );
}
