import type { ChildNode, Element } from "domhandler";
import { parseDocument } from "htmlparser2";
import type { Position } from "../diagnostics/diagnostic.js";
import { templateError } from "../diagnostics/template-error.js";
import type {
  Block,
  Cell,
  DocumentNode,
  FooterInline,
  Inline,
  List,
  ListItem,
  ListStyle,
  MetadataEntry,
  Paragraph,
  Properties,
  Table,
  TableRow,
} from "./types.js";
import { mergeTexts } from "./inline.js";
import { CROSS_REFERENCE_ID, META_NAMES, SOURCE_ATTRIBUTE } from "./vocabulary.js";
import { t } from "../i18n/i18n.js";

/**
 * Parse the markup a template produced into the document tree. Each element is handled by a
 * small function in a table per context (top level, list item, inline); an element outside
 * its context is an error at the template line it came from (its `data-src`).
 */
export function treeFromMarkup(markup: string, templateFiles: readonly string[]): DocumentNode {
  const root = parseDocument(markup, { decodeEntities: true, recognizeSelfClosing: true });
  const cx: Cx = { files: templateFiles, ids: new Set(), meta: {}, header: undefined, footer: undefined };
  reserveCrossReferenceIds(root.children, cx);
  const children = blocks(root.children, cx, TOP, t("tpl.topLevel"));
  // Said of the template that was rendered: the one the first element came from.
  const first = root.children.find((n): n is Element => isElement(n) && n.attribs[SOURCE_ATTRIBUTE] !== undefined);
  const id = Number(first?.attribs[SOURCE_ATTRIBUTE]?.split(":")[0] ?? NaN);
  const where = { file: templateFiles[id] ?? templateFiles[templateFiles.length - 1] ?? "template", pos: { line: 1, col: 1 } };
  for (const required of ["title", "language", "date"] as const) {
    if (!cx.meta[required]) throw templateError(where.file, where.pos, t("tpl.metaRequired", { name: required }));
  }
  const { title = "", language = "", date = "", ...optional } = cx.meta;
  const properties: Properties = { title, language, date, ...optional };
  return { type: "document", properties, header: cx.header ?? [], footer: cx.footer ?? [], children };
}

interface Cx {
  readonly files: readonly string[];
  /** Anchors given out so far: every cross-reference id first, then heading anchors as they come. */
  readonly ids: Set<string>;
  readonly meta: Record<string, string>;
  header: Inline[] | undefined;
  footer: FooterInline[] | undefined;
}

type BlockHandler = (el: Element, cx: Cx) => Block[];
type InlineHandler = (el: Element, cx: Cx) => FooterInline[];

function fail(el: Element, cx: Cx, message: string): never {
  const { file, pos } = sourceOf(el, cx);
  throw templateError(file, pos, message);
}

/** The template file and position an element came from: its own `data-src`, or its nearest ancestor's. */
function sourceOf(el: Element, cx: Cx): { file: string; pos: Position } {
  let node: Element | null = el;
  while (node && !node.attribs?.[SOURCE_ATTRIBUTE]) node = node.parent as Element | null;
  const [id, line, col] = (node?.attribs[SOURCE_ATTRIBUTE] ?? "0:1:1").split(":").map(Number) as [number, number, number];
  return { file: cx.files[id] ?? "template", pos: { line, col } };
}

const isElement = (n: ChildNode): n is Element => n.type === "tag" || n.type === "script" || n.type === "style";
const isBlank = (n: ChildNode): boolean => n.type === "comment" || (n.type === "text" && n.data.trim() === "");

/** Children that must be blocks: whitespace between them is ignored, other text is an error. */
function blocks(nodes: readonly ChildNode[], cx: Cx, table: Record<string, BlockHandler>, context: string): Block[] {
  const out: Block[] = [];
  for (const n of nodes) {
    if (isBlank(n)) continue;
    if (!isElement(n)) {
      const parent = n.parent as Element | null;
      if (parent && isElement(parent)) fail(parent, cx, t("tpl.textOutsideBlockIn", { text: textOf(n).trim().slice(0, 30), context }));
      throw templateError(cx.files[cx.files.length - 1] ?? "template", { line: 1, col: 1 }, t("tpl.textOutsideBlock", { text: textOf(n).trim().slice(0, 30) }));
    }
    const handler = table[n.name];
    if (!handler) fail(n, cx, t("tpl.cannotAppearAt", { name: n.name, context }));
    out.push(...handler(n, cx));
  }
  return out;
}

function textOf(n: ChildNode): string {
  if (n.type === "text") return n.data;
  if (isElement(n)) return n.children.map(textOf).join("");
  return "";
}

/**
 * Cross-reference ids, checked before anything is parsed: each `<target id>` and `<li id>` is a
 * valid id (CROSS_REFERENCE_ID) given once in the document, and each `<ref to>` names one of
 * them. They are reserved in `cx.ids` first, so that the anchors made up for headings (and a
 * heading's anchor and a target's id are both an HTML id) stay clear of them.
 */
function reserveCrossReferenceIds(nodes: readonly ChildNode[], cx: Cx): void {
  const given = new Map<string, Element>();
  const refs: Element[] = [];
  const visit = (list: readonly ChildNode[]) => {
    for (const n of list) {
      if (!isElement(n)) continue;
      if (n.name === "target" || (n.name === "li" && n.attribs.id !== undefined)) {
        const id = n.attribs.id;
        if (id === undefined) fail(n, cx, t("tpl.targetNeedsId"));
        if (!CROSS_REFERENCE_ID.test(id)) fail(n, cx, t("tpl.badId", { name: n.name, id }));
        const first = given.get(id);
        if (first) {
          const { file, pos } = sourceOf(first, cx);
          fail(n, cx, t("tpl.idTwice", { id, first: first.name, file, line: pos.line }));
        }
        given.set(id, n);
      } else if (n.name === "ref") {
        refs.push(n);
      }
      visit(n.children);
    }
  };
  visit(nodes);
  for (const r of refs) {
    const to = r.attribs.to;
    if (to === undefined) fail(r, cx, t("tpl.refNeedsTo"));
    if (!given.has(to)) fail(r, cx, t("tpl.refToNothing", { to }));
  }
  for (const id of given.keys()) cx.ids.add(id);
}

/** The nearest enclosing element named one of `names`, if any. */
function enclosing(el: Element, names: readonly string[]): Element | undefined {
  for (let p = el.parent; p && isElement(p as ChildNode); p = p.parent) {
    if (names.includes((p as Element).name)) return p as Element;
  }
  return undefined;
}

/** The first element inside `el` (at any depth) not named one of `names`. */
function firstOther(el: Element, names: readonly string[]): Element | undefined {
  for (const n of el.children) {
    if (!isElement(n)) continue;
    if (!names.includes(n.name)) return n;
    const inner = firstOther(n, names);
    if (inner) return inner;
  }
  return undefined;
}

const TOP: Record<string, BlockHandler> = {
  meta(el, cx) {
    const name = el.attribs.name ?? "";
    if (!(META_NAMES as readonly string[]).includes(name)) fail(el, cx, t("tpl.metaUnknown", { name, names: META_NAMES.join(", ") }));
    if (cx.meta[name] !== undefined) fail(el, cx, t("tpl.metaTwice", { name }));
    cx.meta[name] = (el.attribs.content ?? "").replace(/\s+/g, " ").trim();
    return [];
  },
  header(el, cx) {
    if (cx.header) fail(el, cx, t("tpl.twice", { name: "header" }));
    cx.header = inlines(el, cx, HEADER_INLINE) as Inline[];
    return [];
  },
  footer(el, cx) {
    if (cx.footer) fail(el, cx, t("tpl.twice", { name: "footer" }));
    cx.footer = inlines(el, cx, FOOTER_INLINE);
    return [];
  },
  h1: (el, cx) => [{ type: "title", children: inlines(el, cx, INLINE) as Inline[] }],
  h2: (el, cx) => [heading(el, cx, 1)],
  h3: (el, cx) => [heading(el, cx, 2)],
  h4: (el, cx) => [heading(el, cx, 3)],
  p: (el, cx) => [paragraph(el, cx)],
  ul: (el, cx) => [list(el, cx)],
  ol: (el, cx) => [list(el, cx)],
  table: (el, cx) => [table(el, cx)],
  dl: (el, cx) => [{ type: "metadata", entries: metadataEntries(el, cx) }],
  hr: () => [{ type: "pageBreak" }],
};

function heading(el: Element, cx: Cx, depth: 1 | 2 | 3): Block {
  const children = inlines(el, cx, INLINE) as Inline[];
  return { type: "heading", depth, id: uniqueId(cx, plain(children)), children };
}

function paragraph(el: Element, cx: Cx): Paragraph {
  return { type: "paragraph", children: inlines(el, cx, INLINE) as Inline[] };
}

const OL_STYLES: Record<string, ListStyle> = { "1": "decimal", a: "lower-alpha", i: "lower-roman" };

function list(el: Element, cx: Cx): List {
  let style: ListStyle = "bullet";
  if (el.name === "ol") {
    const type = el.attribs.type ?? "1";
    const s = OL_STYLES[type];
    if (!s) fail(el, cx, t("tpl.olType", { type }));
    style = s;
  }
  const start = el.attribs.start === undefined ? 1 : Number(el.attribs.start);
  if (!Number.isInteger(start) || start < 0) fail(el, cx, t("tpl.start", { name: el.name, start: el.attribs.start ?? "" }));
  const children = el.children.filter((n) => !isBlank(n)).map((n): ListItem => {
    if (!isElement(n) || n.name !== "li") fail(isElement(n) ? n : el, cx, t("tpl.onlyLi", { name: el.name }));
    return listItem(n, cx);
  });
  if (children.length === 0) fail(el, cx, t("tpl.noItems", { name: el.name }));
  return { type: "list", style, start, children };
}

/** A list item: runs of inline content become paragraphs; <p> and nested lists are kept. */
function listItem(el: Element, cx: Cx): ListItem {
  const children: (Paragraph | List)[] = [];
  let run: ChildNode[] = [];
  const flush = () => {
    if (run.some((n) => !isBlank(n))) children.push({ type: "paragraph", children: normalize(run.flatMap((n) => inline(n, cx, INLINE))) as Inline[] });
    run = [];
  };
  for (const n of el.children) {
    if (isElement(n) && (n.name === "p" || n.name === "ul" || n.name === "ol")) {
      flush();
      children.push(n.name === "p" ? paragraph(n, cx) : list(n, cx));
    } else {
      run.push(n);
    }
  }
  flush();
  // An empty item ("- " in Markdown) or one that opens with a sub-list still gets its number.
  if (children[0]?.type !== "paragraph") children.unshift({ type: "paragraph", children: [] });
  // A cross-reference target (checked in reserveCrossReferenceIds).
  const id = el.attribs.id;
  return { type: "listItem", ...(id !== undefined ? { id } : {}), children };
}

function table(el: Element, cx: Cx): Table {
  const parts = el.children.filter((n) => !isBlank(n));
  const part = (name: string) => parts.find((n): n is Element => isElement(n) && n.name === name);
  for (const n of parts) {
    if (!isElement(n) || !["caption", "thead", "tbody"].includes(n.name)) {
      fail(isElement(n) ? n : el, cx, t("tpl.tableParts"));
    }
  }
  const caption = part("caption");
  const thead = part("thead");
  const tbody = part("tbody");
  if (!caption) fail(el, cx, t("tpl.tableCaption"));
  if (!thead) fail(el, cx, t("tpl.tableThead"));
  const headRows = rows(thead, cx, "th");
  if (headRows.length !== 1) fail(thead, cx, t("tpl.theadOneRow"));
  const head = headRows[0]!;
  const body = tbody ? rows(tbody, cx, "td") : [];
  const columns = head.cells.length;
  const widths = el.attribs["data-widths"]?.trim() ? el.attribs["data-widths"].trim().split(/\s+/).map(Number) : Array<number>(columns).fill(1);
  if (widths.length !== columns || widths.some((w) => !(w > 0))) {
    fail(el, cx, t("tpl.widths", { widths: el.attribs["data-widths"] ?? "", columns }));
  }
  body.forEach((r, i) => {
    if (r.cells.length !== columns) fail(tbody!, cx, t("tpl.rowCells", { row: i + 1, cells: r.cells.length, columns }));
  });
  return { type: "table", caption: inlines(caption, cx, INLINE) as Inline[], widths, head, rows: body };
}

function rows(section: Element, cx: Cx, cellName: "th" | "td"): TableRow[] {
  return section.children.filter((n) => !isBlank(n)).map((tr): TableRow => {
    if (!isElement(tr) || tr.name !== "tr") fail(isElement(tr) ? tr : section, cx, t("tpl.onlyTr", { name: section.name }));
    const cells = tr.children.filter((n) => !isBlank(n)).map((c): Cell => {
      if (!isElement(c) || c.name !== cellName) fail(isElement(c) ? c : tr, cx, t("tpl.rowOnly", { section: section.name, cell: cellName }));
      return cell(c, cx);
    });
    return { type: "tableRow", cells };
  });
}

/** The blocks a table cell may hold instead of inline content: what the `md` helper writes. */
const CELL_BLOCKS: Readonly<Record<string, (el: Element, cx: Cx) => Paragraph | List>> = { p: paragraph, ul: list, ol: list };

/**
 * A table cell: a line of inline content (as it always was); or, when it holds a <p>, <ul> or
 * <ol>, paragraphs and lists only. Loose text or inline markup beside those blocks would belong
 * to no paragraph: an error, as is any other block.
 */
function cell(el: Element, cx: Cx): Cell {
  if (!el.children.some((n) => isElement(n) && Object.hasOwn(CELL_BLOCKS, n.name))) return { type: "tableCell", children: inlines(el, cx, INLINE) as Inline[] };
  const children = el.children.filter((n) => !isBlank(n)).map((n): Paragraph | List => {
    if (isElement(n) && Object.hasOwn(CELL_BLOCKS, n.name)) return CELL_BLOCKS[n.name]!(n, cx);
    if (isElement(n) && !Object.hasOwn(INLINE, n.name)) fail(n, cx, t("tpl.notInCell", { name: n.name }));
    const snippet = textOf(n).replace(/\s+/g, " ").trim().slice(0, 30);
    const what = `${isElement(n) ? `<${n.name}>` : t("tpl.text")}${snippet ? ` \`${snippet}\`` : ""}`;
    fail(isElement(n) ? n : el, cx, t("tpl.cellMixed", { name: el.name, what }));
  });
  return { type: "tableBlockCell", children };
}

function metadataEntries(el: Element, cx: Cx): MetadataEntry[] {
  const items = el.children.filter((n) => !isBlank(n));
  const entries: MetadataEntry[] = [];
  for (let i = 0; i < items.length; i += 2) {
    const dt = items[i];
    const dd = items[i + 1];
    if (!dt || !isElement(dt) || dt.name !== "dt" || !dd || !isElement(dd) || dd.name !== "dd") {
      fail(dt && isElement(dt) ? dt : el, cx, t("tpl.dlPairs"));
    }
    entries.push({ type: "metadataEntry", label: inlines(dt, cx, INLINE) as Inline[], value: inlines(dd, cx, INLINE) as Inline[] });
  }
  return entries;
}

const INLINE: Record<string, InlineHandler> = {
  strong: (el, cx) => [{ type: "strong", children: inlines(el, cx, INLINE) as Inline[] }],
  em: (el, cx) => [{ type: "emphasis", children: inlines(el, cx, INLINE) as Inline[] }],
  a(el, cx) {
    const url = el.attribs.href ?? "";
    if (!/^(https?:|mailto:|#)/.test(url)) {
      // A template's own link must be right; a link written in the data's Markdown (no
      // data-src of its own) with another scheme (ftp:, file:) keeps its text, not its target.
      if (el.attribs[SOURCE_ATTRIBUTE]) fail(el, cx, t("tpl.linkTarget", { url }));
      return inlines(el, cx, INLINE);
    }
    return [{ type: "link", url, children: inlines(el, cx, INLINE) as Inline[] }];
  },
  br: () => [{ type: "break" }],
  target(el, cx) {
    const outer = enclosing(el, NOT_AROUND_CROSS_REFERENCES);
    if (outer) fail(el, cx, t("tpl.targetInside", { outer: outer.name, why: WHY_NOT_INSIDE[outer.name]?.() ?? "" }));
    return [{ type: "target", id: el.attribs.id ?? "", children: inlines(el, cx, INLINE) as Inline[] }];
  },
  ref(el, cx) {
    const outer = enclosing(el, NOT_AROUND_CROSS_REFERENCES);
    // A reference the data's Markdown wrote inside one of its links keeps its text: the link is the pointer.
    if (outer?.name === "a" && !el.attribs[SOURCE_ATTRIBUTE]) return inlines(el, cx, INLINE);
    if (outer) fail(el, cx, t("tpl.refInside", { outer: outer.name, why: WHY_NOT_INSIDE[outer.name]?.() ?? "" }));
    const inner = firstOther(el, ["strong", "em"]);
    if (inner) fail(inner, cx, t("tpl.refInner", { name: inner.name }));
    const children = inlines(el, cx, INLINE) as Inline[];
    const to = el.attribs.to ?? "";
    if (plain(children).trim() === "") fail(el, cx, t("tpl.refEmpty", { to }));
    return [{ type: "reference", target: to, children }];
  },
};

/** Where targets and references cannot be: in each other, in a link, in the running header and footer. */
const NOT_AROUND_CROSS_REFERENCES = ["a", "ref", "target", "header", "footer"] as const;
const WHY_NOT_INSIDE: Readonly<Record<string, () => string>> = {
  header: () => t("tpl.whyHeader"),
  footer: () => t("tpl.whyFooter"),
  a: () => t("tpl.whyLink"),
};

/** The running header's inline content: no cross-references (and none deeper in, see `enclosing`). */
const { target: _target, ref: _ref, ...HEADER_INLINE } = INLINE;

const FOOTER_INLINE: Record<string, InlineHandler> = {
  ...HEADER_INLINE,
  "page-number": () => [{ type: "pageNumber" }],
  "page-count": () => [{ type: "pageCount" }],
};

function inline(n: ChildNode, cx: Cx, table: Record<string, InlineHandler>): FooterInline[] {
  if (n.type === "text") return [{ type: "text", value: n.data }];
  if (!isElement(n)) return [];
  const handler = table[n.name];
  if (!handler) fail(n, cx, t("tpl.notInline", { name: n.name, allowed: Object.keys(table).map((k) => `<${k}>`).join(", ") }));
  return handler(n, cx);
}

function inlines(el: Element, cx: Cx, table: Record<string, InlineHandler>): FooterInline[] {
  return normalize(el.children.flatMap((n) => inline(n, cx, table)));
}

/**
 * Collapse whitespace as HTML does (runs become one space; none at the start or end of a
 * block, or after a line break) and drop what is left empty, so both writers get the same text.
 */
function normalize(nodes: FooterInline[]): FooterInline[] {
  let pendingSpace = false;
  let atStart = true;
  const walk = (list: FooterInline[]): FooterInline[] => {
    const out: FooterInline[] = [];
    for (const n of list) {
      if (n.type === "text") {
        const collapsed = n.value.replace(/[ \t\n\r\f]+/g, " ");
        let value = collapsed.trim();
        const lead = collapsed.startsWith(" ");
        const trail = collapsed.endsWith(" ") && value !== "";
        if (value === "") {
          if (collapsed !== "") pendingSpace = !atStart;
          continue;
        }
        if ((lead || pendingSpace) && !atStart) value = ` ${value}`;
        pendingSpace = trail;
        atStart = false;
        out.push({ type: "text", value });
      } else if (n.type === "strong" || n.type === "emphasis" || n.type === "link" || n.type === "target" || n.type === "reference") {
        // A space before a link or bold word stays outside it (no underlined leading space).
        if (pendingSpace && !atStart) out.push({ type: "text", value: " " });
        pendingSpace = false;
        const children = walk(n.children) as Inline[];
        // A target stays even when empty: references point at it.
        if (children.length > 0 || n.type === "target" || n.type === "reference") out.push({ ...n, children });
      } else {
        if (n.type === "break") {
          pendingSpace = false;
          atStart = true;
        } else {
          if (pendingSpace && !atStart) out.push({ type: "text", value: " " });
          pendingSpace = false;
          atStart = false;
        }
        out.push(n);
      }
    }
    return out;
  };
  return mergeTexts(walk(nodes));
}

/** The plain text of inline content (for anchors). */
export function plain(nodes: readonly FooterInline[]): string {
  return nodes.map((n) => (n.type === "text" ? n.value : "children" in n ? plain(n.children) : n.type === "break" ? " " : "")).join("");
}

function uniqueId(cx: Cx, text: string): string {
  const base =
    text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 32)
      .replace(/-$/, "");
  // Anchors start with a letter (HTML validators and Word bookmarks want that) and stay short
  // (Word keeps 40 characters of a bookmark name).
  const start = /^[a-z]/.test(base) ? base : `h-${base || "sectie"}`;
  let id = start;
  for (let i = 2; cx.ids.has(id); i++) id = `${start}-${i}`;
  cx.ids.add(id);
  return id;
}
