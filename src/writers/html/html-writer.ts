import type { StyleSheet } from "../../style/style-sheet.js";
import type { Block, Cell, DocumentNode, Heading, Image, Inline, List, ListItem, ListStyle, Paragraph, Properties, Table, TableRow } from "../../tree/types.js";
import type { Handlers, Writer } from "../writer.js";
import { columnClass, houseCss, percentTenths } from "./css.js";

/**
 * One self-contained, accessible HTML file: semantic elements, an inline style sheet from the
 * house style, no scripts and no external requests. The running footer (page numbers) exists
 * only in print, as `@page` margin boxes; the running header is a `<header>` on screen and a
 * margin box in print. Output depends only on the tree and the style.
 */
export function writeHtml(tree: DocumentNode, style: StyleSheet): string {
  const cx: Cx = { columnWidths: new Set(), cellBlocks: false };
  // The body first: it collects the column widths the style sheet must define.
  const main = blocks(tree.children, cx);
  const css = houseCss(style, {
    header: tree.header,
    footer: tree.footer,
    columnWidths: [...cx.columnWidths].sort((a, b) => a - b),
    redline: tree.revisions !== undefined,
    cellBlocks: cx.cellBlocks,
  });
  const logo = tree.logo ? `${logoImg(tree.logo)}\n` : "";
  const text = tree.header.length > 0 ? `<p>${inline(tree.header)}</p>\n` : "";
  // A redline explains itself: what the marks mean, by whom and of when.
  const legend = tree.revisions
    ? `<p class="legend">Wijzigingen van ${htmlEscape(tree.revisions.author)}, ${htmlEscape(tree.revisions.date)}: <ins>ingevoegde tekst</ins> is onderstreept, <del>verwijderde tekst</del> is doorgehaald.</p>\n`
    : "";
  const header = logo || text ? `<header>\n${logo}${text}</header>\n` : "";
  return [
    "<!DOCTYPE html>\n",
    `<html lang="${htmlEscape(tree.properties.language)}">\n`,
    "<head>\n",
    head(tree.properties),
    `<style>\n${css}</style>\n`,
    "</head>\n",
    "<body>\n",
    header,
    `<main>\n${legend}${main}</main>\n`,
    "</body>\n",
    "</html>\n",
  ].join("");
}

export const htmlWriter: Writer = {
  format: "html",
  extension: ".html",
  // `opts.date` (SOURCE_DATE_EPOCH) replaces the stamped date, as in the .docx properties.
  write: async (tree, opts) => writeHtml(opts.date ? { ...tree, properties: { ...tree.properties, date: opts.date } } : tree, opts.style),
};

/** The logo, embedded as a data: URL (no external request), sized as on paper (96 px per inch). */
function logoImg(image: Image): string {
  const mime = image.format === "svg" ? "image/svg+xml" : "image/png";
  const px = (mm: number) => Math.round((mm / 25.4) * 96);
  const data = Buffer.from(image.data).toString("base64");
  return `<img class="logo" src="data:${mime};base64,${data}" alt="${htmlEscape(image.alt)}" width="${px(image.widthMm)}" height="${px(image.heightMm)}">`;
}

/** Escape text or an attribute value (double- or single-quoted): text never becomes markup. */
export function htmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

interface Cx {
  /** Table column widths seen, in tenths of a percent; each becomes a `col.w-…` rule. */
  readonly columnWidths: Set<number>;
  /** A table cell holds paragraphs or lists: the style sheet spaces them. */
  cellBlocks: boolean;
}

/** Optional properties as `<meta>`; Dublin Core names where HTML has no standard one. */
const META: readonly (readonly [Exclude<keyof Properties, "title" | "language">, string])[] = [
  ["author", "author"],
  ["description", "description"],
  ["keywords", "keywords"],
  ["subject", "dcterms.subject"],
  ["date", "dcterms.date"],
];

function head(p: Properties): string {
  const meta = META.filter(([key]) => p[key] !== undefined && p[key] !== "").map(
    ([key, name]) => `<meta name="${name}" content="${htmlEscape(p[key] ?? "")}">\n`,
  );
  return [
    '<meta charset="utf-8">\n',
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
    `<title>${htmlEscape(p.title)}</title>\n`,
    ...meta,
  ].join("");
}

function blocks(nodes: readonly Block[], cx: Cx): string {
  return nodes.map((b) => BLOCK[b.type](b as never, cx)).join("");
}

/** `deleted`: inside a redline's deleted text (see INLINE). */
function inline(nodes: readonly Inline[], deleted = false): string {
  return nodes.map((n) => INLINE[n.type](n as never, deleted)).join("");
}

const HEADING_TAG: Record<Heading["depth"], string> = { 1: "h2", 2: "h3", 3: "h4" };

const BLOCK: Handlers<Block, Cx, string> = {
  title: (n) => `<h1>${inline(n.children)}</h1>\n`,
  heading: (n) => `<${HEADING_TAG[n.depth]} id="${htmlEscape(n.id)}">${inline(n.children)}</${HEADING_TAG[n.depth]}>\n`,
  paragraph: (n) => `<p>${inline(n.children)}</p>\n`,
  list: (n, cx) => list(n, cx),
  table: (n, cx) => table(n, cx),
  metadata: (n) =>
    `<dl class="metadata">\n${n.entries.map((e) => `<div><dt>${inline(e.label)}</dt><dd>${inline(e.value)}</dd></div>\n`).join("")}</dl>\n`,
  // Print turns this into a page break (CSS `break-before` on the next element).
  pageBreak: () => '<hr class="page-break">\n',
};

/** Opening tag and element name per list style; `start` only when it is not 1. */
const LIST_TAG: Record<ListStyle, (start: number) => readonly [string, string]> = {
  bullet: () => ["<ul>", "ul"],
  decimal: (start) => [`<ol type="1"${startAttr(start)}>`, "ol"],
  "lower-alpha": (start) => [`<ol type="a"${startAttr(start)}>`, "ol"],
  "lower-roman": (start) => [`<ol type="i"${startAttr(start)}>`, "ol"],
};

const startAttr = (start: number): string => (start === 1 ? "" : ` start="${htmlEscape(String(start))}"`);

function list(n: List, cx: Cx): string {
  const [open, name] = LIST_TAG[n.style](n.start);
  return `${open}\n${n.children.map((item) => listItem(item, cx)).join("")}</${name}>\n`;
}

function listItem(n: ListItem, cx: Cx): string {
  const [only] = n.children;
  // A cross-reference target; a deleted item of a redline is none (see INLINE).
  const open = n.id !== undefined && n.revision !== "deleted" ? `<li id="${htmlEscape(n.id)}">` : "<li>";
  // A lone paragraph is the item's text itself: `<li>text</li>`, as the Markdown would give.
  if (n.children.length === 1 && only?.type === "paragraph") return `${open}${inline(only.children)}</li>\n`;
  return `${open}\n${n.children.map((c) => ITEM_CHILD[c.type](c as never, cx)).join("")}</li>\n`;
}

const ITEM_CHILD: Handlers<Paragraph | List, Cx, string> = {
  paragraph: (n, cx) => BLOCK.paragraph(n, cx),
  list: (n, cx) => list(n, cx),
};

function table(n: Table, cx: Cx): string {
  const widths = percentTenths(n.widths);
  for (const w of widths) cx.columnWidths.add(w);
  const caption = n.caption.length > 0 ? `<caption>${inline(n.caption)}</caption>\n` : "";
  const cols = `<colgroup>\n${widths.map((w) => `<col class="${columnClass(w)}">\n`).join("")}</colgroup>\n`;
  const thead = `<thead>\n${row(n.head, cx, (c) => `<th scope="col">${c}</th>`)}</thead>\n`;
  // An empty <tbody> says nothing; a table may be all header (e.g. no rows yet).
  const tbody = n.rows.length > 0 ? `<tbody>\n${n.rows.map((r) => row(r, cx, (c) => `<td>${c}</td>`)).join("")}</tbody>\n` : "";
  return `<table>\n${caption}${cols}${thead}${tbody}</table>\n`;
}

function row(r: TableRow, cx: Cx, cell: (content: string) => string): string {
  return `<tr>${r.cells.map((c) => cell(CELL[c.type](c as never, cx))).join("")}</tr>\n`;
}

/** A cell's content: its line of text, or its paragraphs and lists each on a line of their own. */
const CELL: Handlers<Cell, Cx, string> = {
  tableCell: (n) => inline(n.children),
  tableBlockCell: (n, cx) => {
    cx.cellBlocks = true;
    return `\n${n.children.map((c) => ITEM_CHILD[c.type](c as never, cx)).join("")}`;
  },
};

/**
 * Inline content; `deleted` inside a redline's deleted text, where a cross-reference target is
 * no target (its id belongs to the newer version's, which may be beside it) and a reference is
 * its text only (what it pointed at may be gone).
 */
const INLINE: Handlers<Inline, boolean, string> = {
  text: (n) => htmlEscape(n.value),
  strong: (n, deleted) => `<strong>${inline(n.children, deleted)}</strong>`,
  emphasis: (n, deleted) => `<em>${inline(n.children, deleted)}</em>`,
  link: (n, deleted) => `<a href="${htmlEscape(safeUrl(n.url))}">${inline(n.children, deleted)}</a>`,
  break: () => "<br>",
  target: (n, deleted) => (deleted ? inline(n.children, deleted) : `<span id="${htmlEscape(n.id)}">${inline(n.children, deleted)}</span>`),
  reference: (n, deleted) => (deleted ? inline(n.children, deleted) : `<a href="#${htmlEscape(n.target)}">${inline(n.children, deleted)}</a>`),
  // A redline: <ins> and <del> are underlined and struck through, not only coloured.
  insertion: (n, deleted) => `<ins>${inline(n.children, deleted)}</ins>`,
  deletion: (n) => `<del>${inline(n.children, true)}</del>`,
};

/**
 * The tree only admits these schemes (from-markup checks them); refuse anything else here too,
 * because in a browser a `javascript:` link would be script.
 */
function safeUrl(url: string): string {
  if (!/^(https?:|mailto:|#)/i.test(url)) throw new Error(`link target \`${url}\` must start with https://, http://, mailto: or #`);
  return url;
}
