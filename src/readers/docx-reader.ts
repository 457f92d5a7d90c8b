import { strFromU8 } from "fflate";
import type { ChildNode, Document, Element } from "domhandler";
import { DomHandler, Parser } from "htmlparser2";
import { elements, find } from "./dom.js";
import { readZipParts, ZipPartsError } from "./zip-parts.js";
import { mergeTexts } from "../tree/inline.js";
import { cellListIndent, listIndent } from "../writers/docx/numbering.js";
import type { Block, Cell, DocumentNode, Inline, List, ListItem, ListStyle, MetadataEntry, Paragraph, TableRow } from "../tree/types.js";
import { t } from "../i18n/i18n.js";

/**
 * Read a .docx that boardpaper wrote back into a document tree (text and structure, not
 * formatting): its named styles say what each paragraph is (Title, Heading 1–3, List Number…),
 * its numbering part what each list counts in, its Metadata paragraphs (or, in older files,
 * the BoardpaperMetadata table) the metadata block. The canonical text of the result equals
 * that of the tree it was written from, which is what `boardpaper text` and `git diff`
 * (through textconv) show. Other .docx files are read as well as their styles allow.
 */
export function readDocx(bytes: Uint8Array): DocumentNode {
  const parts = openDocx(bytes, PARTS);
  const part = (p: string) => {
    const data = parts.get(p);
    return data ? strFromU8(data) : undefined;
  };
  const document = part("word/document.xml");
  if (!document) throw new DocxReadError(t("docx.noDocument"));
  const formats = numberingFormats(part("word/numbering.xml"));
  // htmlparser2 decodes the XML entities of text and attributes.
  const root = find(parseXml(document).children, "w:document");
  const body = root && find(root.children, "w:body");
  const core = part("docProps/core.xml") ?? "";
  const title = /<dc:title>([^<]*)<\/dc:title>/.exec(core)?.[1] ?? "";
  const children = body ? readBody(body, formats) : [];
  return { type: "document", properties: { title: unescapeXml(title), language: "nl-NL", date: "" }, header: [], footer: [], children };
}

export class DocxReadError extends Error {}

/**
 * The named parts of a .docx, read under the limits of zip-parts.ts; a file that is no .docx (an
 * encrypted or old .doc file, not a zip, a damaged or hostile zip) is a DocxReadError of one line.
 */
export function openDocx(bytes: Uint8Array, names: ReadonlySet<string>): Map<string, Uint8Array> {
  if (OLE.every((b, i) => bytes[i] === b)) {
    throw new DocxReadError(t("docx.encrypted"));
  }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new DocxReadError(t("docx.notZip"));
  try {
    // Only the parts asked for, each checked against a size limit before it is inflated.
    return readZipParts(bytes, names);
  } catch (e) {
    if (e instanceof ZipPartsError) throw new DocxReadError(t("docx.unreadable", { why: e.message }));
    throw new DocxReadError(t("docx.notZip"));
  }
}

/** The parts read; every other entry of the zip is left compressed. */
const PARTS = new Set(["word/document.xml", "word/numbering.xml", "docProps/core.xml"]);
/** An OLE compound file: what Word makes of a password-protected .docx (and an old .doc). */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** Far beyond any real document, far below what would exhaust the stack or the memory. */
export const XML_LIMITS = { depth: 256, elements: 1_000_000 } as const;

/** Parse XML into a DOM, refusing nesting deeper or elements more than XML_LIMITS allow. */
export function parseXml(xml: string): Document {
  const handler = new DomHandler(undefined, { xmlMode: true });
  let depth = 0;
  let count = 0;
  const open = handler.onopentag.bind(handler);
  const close = handler.onclosetag.bind(handler);
  handler.onopentag = (name, attribs) => {
    if (++depth > XML_LIMITS.depth) throw new DocxReadError(t("docx.tooDeep", { max: XML_LIMITS.depth }));
    if (++count > XML_LIMITS.elements) throw new DocxReadError(t("docx.tooMany", { max: XML_LIMITS.elements }));
    open(name, attribs);
  };
  handler.onclosetag = () => {
    depth--;
    close();
  };
  new Parser(handler, { xmlMode: true }).end(xml);
  return handler.root;
}

type Formats = Map<string, { style: ListStyle; start: number }[]>;

function readBody(body: Element, formats: Formats): Block[] {
  const blocks: Block[] = [];
  let caption: Inline[] | undefined;
  const lists = new ListReader(formats);

  for (const el of elements(body.children)) {
    if (el.name === "w:tbl") {
      lists.close();
      blocks.push(readTable(el, caption ?? [], formats));
      caption = undefined;
      continue;
    }
    if (el.name !== "w:p") continue;
    const style = paragraphStyle(el);
    const content = inlines(el.children);
    if (find(find(el.children, "w:pPr")?.children ?? [], "w:pageBreakBefore")) blocks.push({ type: "pageBreak" });
    const taken = lists.take(el, style, content);
    if (taken) {
      if (taken !== true) blocks.push(taken);
      continue;
    }
    lists.close();
    if (style === "Caption") {
      caption = content;
      continue;
    }
    if (content.length === 0) continue;
    // The metadata block: one Metadata paragraph per entry, "label<tab>value".
    if (style === "Metadata") {
      const [label, value] = splitAtTab(content);
      const prev = blocks[blocks.length - 1];
      const entry: MetadataEntry = { type: "metadataEntry", label, value };
      if (prev?.type === "metadata") prev.entries.push(entry);
      else blocks.push({ type: "metadata", entries: [entry] });
      continue;
    }
    const heading = /^Heading([123])$/.exec(style);
    if (style === "Title") blocks.push({ type: "title", children: content });
    else if (heading) blocks.push({ type: "heading", depth: Number(heading[1]) as 1 | 2 | 3, id: "", children: content });
    else blocks.push({ type: "paragraph", children: content });
  }
  return blocks;
}

const paragraphStyle = (p: Element): string => attr(find(find(p.children, "w:pPr")?.children ?? [], "w:pStyle"), "w:val") ?? "";
const numbered = (p: Element): boolean => find(find(p.children, "w:pPr")?.children ?? [], "w:numPr") !== undefined;

/**
 * Numbered paragraphs (and List Continue ones after them) → nested lists, in the body and in a
 * table cell alike: the paragraph's level and numbering instance say which list it is in.
 */
class ListReader {
  /** Open lists, innermost last: the list, its level and numbering instance. */
  private open: { list: List & { children: ListItem[] }; level: number; numId: string }[] = [];

  /** `indent`: the left indent of a list level's text (smaller in a table cell). */
  constructor(
    private readonly formats: Formats,
    private readonly indent: (level: number) => number = listIndent,
  ) {}

  close(): void {
    this.open = [];
  }

  /**
   * A paragraph that belongs to a list: `true` when it went into an open list, the new list when
   * it starts one at the outer level (for the caller to place), undefined when it is no list's.
   */
  take(el: Element, style: string, content: Inline[]): List | true | undefined {
    const open = this.open;
    const numPr = find(find(el.children, "w:pPr")?.children ?? [], "w:numPr");
    if (numPr) {
      // Word has levels 0–8; clamping keeps a hostile file from nesting lists without end.
      const level = Math.min(8, Math.max(0, Math.trunc(Number(attr(find(numPr.children, "w:ilvl"), "w:val") ?? "0")) || 0));
      const numId = attr(find(numPr.children, "w:numId"), "w:val") ?? "";
      while (open.length && open[open.length - 1]!.level > level) open.pop();
      const top = open[open.length - 1];
      const item: ListItem = { type: "listItem", children: [{ type: "paragraph", children: content }] };
      if (top && top.level === level && top.numId === numId) {
        top.list.children.push(item);
        return true;
      }
      if (top && top.level === level) open.pop();
      const fmt = this.formats.get(numId)?.[level] ?? { style: "decimal" as const, start: 1 };
      const list = { type: "list" as const, style: fmt.style, start: fmt.start, children: [item] };
      const parent = open[open.length - 1];
      open.push({ list, level, numId });
      if (!parent) return list;
      (parent.list.children[parent.list.children.length - 1]!.children as (Paragraph | List)[]).push(list);
      return true;
    }
    if (style === "ListContinue" && open.length) {
      // Indented as the item it continues (text after a sub-list belongs to the item above it).
      const left = Number(attr(find(find(el.children, "w:pPr")?.children ?? [], "w:ind"), "w:left") ?? NaN);
      while (open.length > 1 && this.indent(open[open.length - 1]!.level) > left) open.pop();
      const top = open[open.length - 1]!;
      (top.list.children[top.list.children.length - 1]!.children as (Paragraph | List)[]).push({ type: "paragraph", children: content });
      return true;
    }
    return undefined;
  }
}

function readTable(tbl: Element, caption: Inline[], formats: Formats): Block {
  const style = attr(find(find(tbl.children, "w:tblPr")?.children ?? [], "w:tblStyle"), "w:val");
  const cellsOf = (r: Element) => elements(r.children).filter((c) => c.name === "w:tc").map((c) => elements(c.children).filter((p) => p.name === "w:p"));
  const trs = elements(tbl.children).filter((r) => r.name === "w:tr");
  if (style === "BoardpaperMetadata") {
    const entries: MetadataEntry[] = trs.map(cellsOf).map((cells) => ({ type: "metadataEntry", label: joinParagraphs(cells[0] ?? []), value: joinParagraphs(cells[1] ?? []) }));
    return { type: "metadata", entries };
  }
  const rows: TableRow[] = trs.map((r) => ({ type: "tableRow", cells: cellsOf(r).map((ps) => readCell(ps, formats)) }));
  const [head, ...body] = rows;
  return { type: "table", caption, widths: (head?.cells ?? []).map(() => 1), head: head ?? { type: "tableRow", cells: [] }, rows: body };
}

/**
 * A table cell: one paragraph is a line of inline content (what we write for one); several, or
 * list paragraphs, are a cell of paragraphs and lists.
 */
function readCell(ps: Element[], formats: Formats): Cell {
  if (ps.length <= 1 && !ps.some(numbered)) return { type: "tableCell", children: joinParagraphs(ps) };
  const children: (Paragraph | List)[] = [];
  const lists = new ListReader(formats, cellListIndent);
  for (const p of ps) {
    const content = inlines(p.children);
    const taken = lists.take(p, paragraphStyle(p), content);
    if (taken) {
      if (taken !== true) children.push(taken);
      continue;
    }
    lists.close();
    children.push({ type: "paragraph", children: content });
  }
  return { type: "tableBlockCell", children };
}

/** Inline content split at its first tab (inside an insertion or deletion too). */
function splitAtTab(nodes: readonly Inline[]): [Inline[], Inline[]] {
  return tabSplit(nodes) ?? [[...nodes], []];
}

function tabSplit(nodes: readonly Inline[]): [Inline[], Inline[]] | undefined {
  for (const [i, n] of nodes.entries()) {
    if (n.type === "text" && n.value.includes("\t")) {
      const at = n.value.indexOf("\t");
      const text = (value: string): Inline[] => (value ? [{ type: "text", value }] : []);
      return [[...nodes.slice(0, i), ...text(n.value.slice(0, at))], [...text(n.value.slice(at + 1)), ...nodes.slice(i + 1)]];
    }
    if (n.type === "insertion" || n.type === "deletion") {
      const inner = tabSplit(n.children);
      if (!inner) continue;
      const wrap = (children: Inline[]): Inline[] => (children.length ? [{ type: n.type, children }] : []);
      return [[...nodes.slice(0, i), ...wrap(inner[0])], [...wrap(inner[1]), ...nodes.slice(i + 1)]];
    }
  }
  return undefined;
}

/** The paragraphs of a table cell as one line of inline content, separated by line breaks. */
function joinParagraphs(ps: Element[]): Inline[] {
  return ps.flatMap((p, i) => [...(i > 0 ? [{ type: "break" } as Inline] : []), ...inlines(p.children)]);
}

/**
 * Runs (in hyperlinks, bookmarks, insertions and deletions too) → inline nodes. A complex field
 * (a cross-reference's REF) is read as its result: its field characters and instruction
 * (`w:fldChar`, `w:instrText`) are no text, its result runs are; bookmarks (cross-reference
 * targets) are skipped, their content read.
 */
function inlines(nodes: readonly ChildNode[]): Inline[] {
  const out: Inline[] = [];
  for (const el of elements(nodes)) {
    if (el.name === "w:r") {
      for (const c of elements(el.children)) {
        if (c.name === "w:t" || c.name === "w:delText") out.push({ type: "text", value: textOf(c) });
        else if (c.name === "w:br") out.push({ type: "break" });
        else if (c.name === "w:tab") out.push({ type: "text", value: "\t" });
      }
    } else if (el.name === "w:ins" || el.name === "w:del") {
      // A change without text (an inserted field's characters, each in a w:ins of its own) is none.
      const children = inlines(el.children);
      if (children.length > 0) out.push({ type: el.name === "w:ins" ? "insertion" : "deletion", children });
    }
    else if (el.name === "w:hyperlink" || el.name === "w:smartTag" || el.name === "w:fldSimple") out.push(...inlines(el.children));
  }
  return mergeTexts(out);
}


const FORMAT: Record<string, ListStyle> = { decimal: "decimal", lowerLetter: "lower-alpha", lowerRoman: "lower-roman", bullet: "bullet" };

/** numId → per level, the list style and start number. */
function numberingFormats(xml: string | undefined): Formats {
  const out: Formats = new Map();
  if (!xml) return out;
  const root = parseXml(xml);
  const numbering = find(root.children, "w:numbering");
  if (!numbering) return out;
  const abstract = new Map<string, { style: ListStyle; start: number }[]>();
  for (const a of elements(numbering.children).filter((e) => e.name === "w:abstractNum")) {
    const levels = elements(a.children)
      .filter((l) => l.name === "w:lvl")
      .map((l) => ({
        style: FORMAT[attr(find(l.children, "w:numFmt"), "w:val") ?? "decimal"] ?? "decimal",
        start: Number(attr(find(l.children, "w:start"), "w:val") ?? "1"),
      }));
    abstract.set(attr(a, "w:abstractNumId") ?? "", levels);
  }
  for (const n of elements(numbering.children).filter((e) => e.name === "w:num")) {
    out.set(attr(n, "w:numId") ?? "", abstract.get(attr(find(n.children, "w:abstractNumId"), "w:val") ?? "") ?? []);
  }
  return out;
}

const attr = (el: Element | undefined, name: string): string | undefined => el?.attribs[name];
const textOf = (el: Element): string => el.children.map((c) => (c.type === "text" ? c.data : "")).join("");

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-fA-F]+);/g, (m, e: string) => {
    const named: Record<string, string> = { lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" };
    if (named[e]) return named[e];
    const code = e.startsWith("#x") ? parseInt(e.slice(2), 16) : Number(e.slice(1));
    // Outside Unicode (or a lone surrogate, or NUL): the replacement character, as XML parsers do.
    if (!(code > 0 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff)) return "\ufffd";
    return String.fromCodePoint(code);
  });
}
