import type { Block, Cell, DocumentNode, FooterInline, List, ListStyle, Paragraph } from "../../tree/types.js";
import { alphabetic, roman } from "../../util/counters.js";
import type { Handlers, Writer } from "../writer.js";

/**
 * The canonical plain text of a document: what a reviewer reads in `git diff` and what the
 * parity tests compare. One block per paragraph, lists numbered as the other writers number
 * them, table rows with cells separated by " | ". A line break in a cell, or a cell of several
 * paragraphs and lists, goes on over more lines: its paragraphs one per line, its lists numbered.
 */
export function writeText(tree: DocumentNode, marks: ChangeMarks = PLAIN_MARKS): string {
  const cx: Cx = { indent: "", marks };
  return `${tree.children.map((b) => BLOCK[b.type](b as never, cx)).filter((s) => s !== "").join("\n\n")}\n`;
}

/** How a redline's insertions and deletions are shown. */
export interface ChangeMarks {
  insertion(text: string): string;
  deletion(text: string): string;
}

/** As `git diff --word-diff=plain` does. */
export const PLAIN_MARKS: ChangeMarks = { insertion: (t) => `{+${t}+}`, deletion: (t) => `[-${t}-]` };

export const textWriter: Writer = {
  format: "text",
  extension: ".txt",
  write: async (tree) => writeText(tree),
};

interface Cx {
  readonly indent: string;
  readonly marks: ChangeMarks;
}

export function inlineText(nodes: readonly FooterInline[], marks: ChangeMarks = PLAIN_MARKS): string {
  return nodes.map((n) => INLINE[n.type](n as never, marks)).join("");
}

const INLINE: Handlers<FooterInline, ChangeMarks, string> = {
  text: (n) => n.value,
  strong: (n, m) => inlineText(n.children, m),
  emphasis: (n, m) => inlineText(n.children, m),
  link: (n, m) => inlineText(n.children, m),
  // A cross-reference is what it prints; its target is its text.
  target: (n, m) => inlineText(n.children, m),
  reference: (n, m) => inlineText(n.children, m),
  break: () => "\n",
  insertion: (n, m) => m.insertion(inlineText(n.children, m)),
  deletion: (n, m) => m.deletion(inlineText(n.children, m)),
  pageNumber: () => "#",
  pageCount: () => "#",
};

const BLOCK: Handlers<Block, Cx, string> = {
  title: (n, cx) => underline(inlineText(n.children, cx.marks), "="),
  heading: (n, cx) => (n.depth === 1 ? underline(inlineText(n.children, cx.marks), "-") : inlineText(n.children, cx.marks)),
  paragraph: (n, cx) => indentLines(inlineText(n.children, cx.marks), cx.indent),
  list: (n, cx) => list(n, cx),
  table: (n, cx) =>
    [inlineText(n.caption, cx.marks), n.head, ...n.rows]
      .map((r) => (typeof r === "string" ? r : r.cells.map((c) => CELL[c.type](c as never, cx)).join(" | ")))
      .join("\n"),
  metadata: (n, cx) => n.entries.map((e) => `${inlineText(e.label, cx.marks)}: ${inlineText(e.value, cx.marks).replace(/\n/g, "; ")}`).join("\n"),
  pageBreak: () => "",
};

const CELL: Handlers<Cell, Cx, string> = {
  tableCell: (n, cx) => inlineText(n.children, cx.marks),
  // One line per paragraph (as a line break in a cell), lists as in the body; no blank lines,
  // so that the row still reads as one row.
  tableBlockCell: (n, cx) =>
    n.children
      .map((c) => ITEM_CHILD[c.type](c as never, { ...cx, indent: "" }))
      .filter((s) => s !== "")
      .join("\n"),
};

const ITEM_CHILD: Handlers<Paragraph | List, Cx, string> = {
  paragraph: (n, cx) => BLOCK.paragraph(n, cx),
  list: (n, cx) => list(n, cx),
};

function list(n: List, cx: Cx): string {
  return n.children
    .map((item, i) => {
      const marker = `${listMarker(n.style, n.start + i)} `;
      const inner: Cx = { ...cx, indent: cx.indent + " ".repeat(marker.length) };
      return item.children
        .map((c, k) => {
          const text = c.type === "paragraph" ? indentLines(inlineText(c.children, cx.marks), inner.indent) : list(c, inner);
          return k === 0 ? cx.indent + marker + text.slice(inner.indent.length) : text;
        })
        .join("\n");
    })
    .join("\n");
}

/** Title and section headings are underlined, as in Markdown's setext style. */
function underline(text: string, char: string): string {
  return `${text}\n${char.repeat(Math.max(3, [...text].length))}`;
}

function indentLines(text: string, indent: string): string {
  return text
    .split("\n")
    .map((l) => indent + l)
    .join("\n");
}

/** The marker of item `n` of a list: "1.", "a.", "iv.", or "-". */
function listMarker(style: ListStyle, n: number): string {
  const markers: Record<ListStyle, () => string> = {
    bullet: () => "-",
    decimal: () => `${n}.`,
    "lower-alpha": () => `${alphabetic(n)}.`,
    "lower-roman": () => `${roman(n)}.`,
  };
  return markers[style]();
}
