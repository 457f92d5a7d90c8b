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
  type ParagraphChild,
} from "docx";
import type { StyleSheet } from "../../style/style-sheet.js";
import type { Block, BlockRevision, List, Table as TableNode } from "../../tree/types.js";
import type { Handlers } from "../writer.js";
import { bookmarked, runs } from "./inlines.js";
import type { ChangeTracker } from "./revisions.js";
import { listIndent, numberingReference } from "./numbering.js";
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

function list(n: List, level: number, cx: BlockCx): Paragraph[] {
  const reference = numberingReference(n.style, n.start);
  cx.numbering.add(reference);
  const instance = cx.nextInstance++;
  const style = n.style === "bullet" ? STYLE.listBullet : STYLE.listNumber;
  return n.children.flatMap((item) =>
    item.children.flatMap((child, k) => {
      if (child.type === "list") return list(child, level + 1, cx);
      return [
        k === 0
          ? new Paragraph({ style, numbering: { reference, level, instance }, children: runs(child.children, cx.changes), ...cx.changes.paragraphMark(item.revision ?? child.revision), ...takeBreak(cx), ...gapAfterTable(cx) })
          : new Paragraph({ style: STYLE.listContinue, indent: { left: listIndent(level) }, children: runs(child.children, cx.changes), ...cx.changes.paragraphMark(item.revision ?? child.revision) }),
      ];
    }),
  );
}

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
    children: n.head.cells.map((c, i) => cell([new Paragraph({ style: STYLE.tableHeading, children: runs(c.children, cx.changes) })], i, true)),
  });
  const rows = n.rows.map(
    (r) => new TableRow({ cantSplit: true, ...cx.changes.mark(r.revision), children: r.cells.map((c, i) => cell([new Paragraph({ style: STYLE.tableText, children: runs(c.children, cx.changes) })], i, false)) }),
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
