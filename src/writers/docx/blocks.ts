import {
  BorderStyle,
  DeletedTextRun,
  HeadingLevel,
  InsertedTextRun,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
  type IParagraphOptions,
  type ParagraphChild,
} from "docx";
import type { StyleSheet } from "../../style/style-sheet.js";
import type { Block, BlockRevision, Cell, List, Table as TableNode } from "../../tree/types.js";
import type { Handlers } from "../writer.js";
import { listItemRuns } from "./cross-refs.js";
import { bookmarked, runs } from "./inlines.js";
import type { ChangeTracker } from "./revisions.js";
import { CELL_INDENT, cellListIndent, listIndent, numberingReference } from "./numbering.js";
import { METADATA_RULE, STYLE } from "./styles.js";
import { distribute } from "./units.js";

export interface BlockCx {
  readonly style: StyleSheet;
  /** Width of the text area in twips: tables span it. */
  readonly textWidth: number;
  /** Numbering definitions the document needs (filled while writing). */
  readonly numbering: Set<string>;
  /** Next numbering instance: each list gets its own, so each list restarts. */
  nextInstance: number;
  /** A page break waits for the next paragraph (as "page break before"). */
  pageBreakPending: boolean;
  /** Tracked changes of a redline (ids, author, date). */
  readonly changes: ChangeTracker;
  /** The block before was a table: the next paragraph needs room above it. */
  afterTable?: boolean;
}

/** Take a pending page break, if any, for the paragraph being made. */
function takeBreak(cx: BlockCx): { pageBreakBefore?: boolean } {
  if (!cx.pageBreakPending) return {};
  cx.pageBreakPending = false;
  return { pageBreakBefore: true };
}

const HEADING_LEVEL = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

/** Space above a paragraph or list that follows a table (headings and captions have their own). */
const AFTER_TABLE = 160;

/** Word has no space below a table: the paragraph after one would touch its bottom border. */
function gapAfterTable(cx: BlockCx): { spacing?: { before: number } } {
  if (!cx.afterTable) return {};
  cx.afterTable = false;
  return { spacing: { before: AFTER_TABLE } };
}

export function blocks(nodes: readonly Block[], cx: BlockCx): FileChild[] {
  return nodes.flatMap((n) => {
    const out = BLOCK[n.type](n as never, cx);
    cx.afterTable = n.type === "table";
    return out;
  });
}

const BLOCK: Handlers<Block, BlockCx, FileChild[]> = {
  title: (n, cx) => [new Paragraph({ heading: HeadingLevel.TITLE, children: runs(n.children, cx.changes), ...cx.changes.paragraphMark(n.revision), ...takeBreak(cx) })],
  heading: (n, cx) => [
    new Paragraph({ heading: HEADING_LEVEL[n.depth], children: bookmarked(n.id, runs(n.children, cx.changes)), ...cx.changes.paragraphMark(n.revision), ...takeBreak(cx) }),
  ],
  paragraph: (n, cx) => [new Paragraph({ children: runs(n.children, cx.changes), ...cx.changes.paragraphMark(n.revision), ...takeBreak(cx), ...gapAfterTable(cx) })],
  list: (n, cx) => list(n, 0, cx),
  table: (n, cx) => table(n, cx),
  /*
   * The metadata block is label/value pairs in two columns, but not a table: Word's
   * accessibility checker flags a table without a header row ("Missing table header"), tagged
   * PDF makes it a data table without headers, and a header row ("Gegeven | Waarde") would be
   * noise. Each entry is one paragraph in the Metadata style: the label, a tab to the value
   * column, and the value on a hanging indent, so wrapped lines and line breaks stay in that
   * column. A screen reader reads it as a line, "Aan Algemeen bestuur".
   * Rules: Word joins paragraphs with the same borders and draws `between` inside the group;
   * LibreOffice ignores `between` and draws each paragraph's own top and bottom. A bottom rule
   * on every entry and a top rule on the first alone look the same in both.
   */
  metadata: (n, cx) =>
    n.entries.map(
      (e, i) =>
        new Paragraph({
          style: STYLE.metadata,
          children: [...runs(e.label, cx.changes, { style: STYLE.metadataLabel }), tabRun(cx, e.revision), ...runs(e.value, cx.changes)],
          ...cx.changes.paragraphMark(e.revision),
          ...(i === 0 ? { ...takeBreak(cx), border: { top: METADATA_RULE, bottom: METADATA_RULE, between: METADATA_RULE } } : {}),
        }),
    ),
  pageBreak: (_n, cx) => {
    cx.pageBreakPending = true;
    return [];
  },
};

/** The tab between a metadata label and its value, inside the entry's tracked change if any. */
function tabRun(cx: BlockCx, revision: BlockRevision | undefined): ParagraphChild {
  const mark = cx.changes.mark(revision);
  if (mark.insertion) return new InsertedTextRun({ children: [new Tab()], ...mark.insertion });
  if (mark.deletion) return new DeletedTextRun({ children: [new Tab()], ...mark.deletion });
  return new TextRun({ children: [new Tab()] });
}

/**
 * A list: one paragraph per item in List Bullet or List Number, on its own numbering instance
 * (so it counts from its start), nested lists a level deeper; an item's further paragraphs in
 * List Continue, indented as the item.
 */
function list(n: List, level: number, cx: BlockCx): Paragraph[] {
  return listParagraphs(n, level, cx, false).map((o) => new Paragraph(o));
}

/**
 * The options of a list's paragraphs. `inCell`: in a table cell, where the indents are smaller
 * and no page break or gap after a table applies.
 */
function listParagraphs(n: List, level: number, cx: BlockCx, inCell: boolean): IParagraphOptions[] {
  const reference = numberingReference(n.style, n.start);
  cx.numbering.add(reference);
  const instance = cx.nextInstance++;
  const style = n.style === "bullet" ? STYLE.listBullet : STYLE.listNumber;
  const first = () => (inCell ? { indent: { left: cellListIndent(level), hanging: CELL_INDENT } } : { ...takeBreak(cx), ...gapAfterTable(cx) });
  const left = inCell ? cellListIndent(level) : listIndent(level);
  return n.children.flatMap((item) =>
    item.children.flatMap((child, k): IParagraphOptions[] => {
      if (child.type === "list") return listParagraphs(child, level + 1, cx, inCell);
      return [
        k === 0
          ? { style, numbering: { reference, level, instance }, children: listItemRuns(item, runs(child.children, cx.changes)), ...cx.changes.paragraphMark(item.revision ?? child.revision), ...first() }
          : { style: STYLE.listContinue, indent: { left }, children: runs(child.children, cx.changes), ...cx.changes.paragraphMark(item.revision ?? child.revision) },
      ];
    }),
  );
}

/** Space below a paragraph in a table cell that more follow (3 pt, as below a list item). */
const CELL_PARAGRAPH_GAP = 60;

const CELL: Handlers<Cell, { style: string; cx: BlockCx }, Paragraph[]> = {
  // One paragraph, exactly as before cells could hold blocks (the same bytes).
  tableCell: (c, { style, cx }) => [new Paragraph({ style, children: runs(c.children, cx.changes) })],
  // Paragraphs in the cell's style, lists as real Word lists (numbering instances of their
  // own) indented from the cell's edge, less than in the body. Nothing below the last
  // paragraph: the cell has margins.
  tableBlockCell: (c, { style, cx }) => {
    const options = c.children.flatMap((b, i): IParagraphOptions[] =>
      b.type === "list"
        ? listParagraphs(b, 0, cx, true)
        : [{ style, children: runs(b.children, cx.changes), ...cx.changes.paragraphMark(b.revision), ...(i < c.children.length - 1 ? { spacing: { after: CELL_PARAGRAPH_GAP } } : {}) }],
    );
    if (options.length === 0) return [new Paragraph({ style, children: [] })]; // a cell needs a paragraph
    const last = options.length - 1;
    if (c.children[c.children.length - 1]?.type === "list") options[last] = { ...options[last], spacing: { after: 0 } };
    return options.map((o) => new Paragraph(o));
  },
};

function table(n: TableNode, cx: BlockCx): FileChild[] {
  const widths = distribute(cx.textWidth, n.widths);
  const border = { style: BorderStyle.SINGLE, size: 4, color: "A6A6A6" };
  const cell = (children: Paragraph[], i: number, head: boolean) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      ...(head ? { shading: { type: ShadingType.CLEAR, color: "auto", fill: cx.style.accentLight } } : {}),
      children,
    });
  const head = new TableRow({
    tableHeader: true,
    cantSplit: true,
    ...cx.changes.mark(n.head.revision),
    children: n.head.cells.map((c, i) => cell(CELL[c.type](c as never, { style: STYLE.tableHeading, cx }), i, true)),
  });
  const rows = n.rows.map(
    (r) => new TableRow({ cantSplit: true, ...cx.changes.mark(r.revision), children: r.cells.map((c, i) => cell(CELL[c.type](c as never, { style: STYLE.tableText, cx }), i, false)) }),
  );
  return [
    new Paragraph({ style: STYLE.caption, children: runs(n.caption, cx.changes), ...cx.changes.paragraphMark(n.revision), ...takeBreak(cx) }),
    new Table({
      style: STYLE.table,
      width: { size: cx.textWidth, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
      rows: [head, ...rows],
    }),
  ];
}
