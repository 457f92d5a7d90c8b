import type { ChildNode, Element } from "domhandler";
import { parseDocument } from "htmlparser2";
import { descendants, elements } from "../readers/dom.js";

/**
 * Mammoth's HTML as the blocks the import maps: headings, paragraphs, lists and tables, each
 * numbered as Word counts paragraphs (a list item and a paragraph count one, a table once), so
 * that the report can say "alinea 12". The HTML elements are kept: the text becomes Markdown
 * later, section by section.
 */
export type Block = HeadingBlock | ParagraphBlock | ListBlock | TableBlock;

interface Numbered {
  /** The paragraph number of the block's first paragraph. */
  readonly n: number;
  readonly el: Element;
  /** Its text, lines separated by "\n". */
  readonly text: string;
}

export interface HeadingBlock extends Numbered {
  readonly type: "heading";
  /** 1–6; 0 for the document's title (the Title style). */
  readonly level: number;
}

export interface ParagraphBlock extends Numbered {
  readonly type: "paragraph";
  /** All bold, or all capitals: what many forms use as a heading instead of a style. */
  readonly emphasised: boolean;
  /** A caption (Word's Caption style). */
  readonly caption: boolean;
}

export interface ListBlock extends Numbered {
  readonly type: "list";
  readonly ordered: boolean;
}

export interface TableBlock extends Numbered {
  readonly type: "table";
  /** Cells' elements, row by row. */
  readonly rows: readonly (readonly Element[])[];
  /** The first row is marked as the header (repeated on every page). */
  readonly head: boolean;
}

export function blocksOf(html: string): Block[] {
  const blocks: Block[] = [];
  let n = 1;
  for (const el of elements(parseDocument(html).children)) {
    const text = textOf(el).trim();
    const heading = /^h([1-6])$/.exec(el.name);
    if (heading) {
      blocks.push({ type: "heading", n, el, text, level: el.attribs.class === "titel" ? 0 : Number(heading[1]) });
      n++;
    } else if (el.name === "p") {
      if (text) blocks.push({ type: "paragraph", n, el, text, emphasised: emphasised(el, text), caption: el.attribs.class === "bijschrift" });
      n++;
    } else if (el.name === "ol" || el.name === "ul") {
      blocks.push({ type: "list", n, el, text, ordered: el.name === "ol" });
      n += count(el, "li");
    } else if (el.name === "table") {
      const trs = descendants(el).filter((e) => e.name === "tr");
      const rows = trs.map((tr) => elements(tr.children).filter((c) => c.name === "td" || c.name === "th"));
      blocks.push({ type: "table", n, el, text, rows, head: rows[0]?.some((c) => c.name === "th") ?? false });
      n++;
    }
  }
  return blocks;
}

/** Every word bold, or (with three letters or more) every letter a capital. */
function emphasised(el: Element, text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, "");
  if (letters.length >= 3 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return true;
  const plain = (nodes: readonly ChildNode[], bold: boolean): boolean =>
    nodes.every((c) => (c.type === "text" ? bold || c.data.trim() === "" : c.type === "tag" ? plain(c.children, bold || c.name === "strong" || c.name === "b") : true));
  return plain(el.children, false);
}

/** The text of an element; a line break is "\n", a tab stays a tab. */
export function textOf(node: ChildNode): string {
  if (node.type === "text") return node.data;
  if (node.type !== "tag") return "";
  if (node.name === "br") return "\n";
  const inner = node.children.map(textOf).join("");
  return node.name === "p" || node.name === "li" || /^h\d$/.test(node.name) ? `${inner}\n` : inner;
}


const count = (el: Element, name: string): number => descendants(el).filter((e) => e.name === name).length;

/** A block's first words, for the report: where to find it in Word. */
export function firstWords(text: string, words = 6): string {
  const all = text.replace(/\s+/g, " ").trim().split(" ");
  return all.slice(0, words).join(" ") + (all.length > words ? " …" : "");
}

/** A styled heading, or a bold or capitalised line short enough to be one. */
export const headingLike = (b: Block): boolean => b.type === "heading" || (b.type === "paragraph" && b.emphasised && !b.text.includes("\n") && b.text.length <= 120);

/**
 * A plain short line that may be a heading when it names a section or a group's field exactly
 * enough ("Inleiding", "Beoogd effect" as typed text, or text taken from a PDF): one line, at most
 * eight words, not ending as a sentence does.
 */
export const nameLike = (b: Block): boolean => headingLike(b) || (b.type === "paragraph" && !b.text.includes("\n") && b.text.split(/\s+/).length <= 8 && !/[.;,]$/.test(b.text.trim()));
