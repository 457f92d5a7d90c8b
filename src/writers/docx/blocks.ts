import {
  BorderStyle,
  HeadingLevel,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  WidthType,
  type FileChild,
} from "docx";
import type { HouseStyle } from "../../style/house-style.js";
import type { Block, List, Table as TableNode } from "../../tree/types.js";
import type { Handlers } from "../writer.js";
import { bookmarked, runs } from "./inlines.js";
import type { ChangeTracker } from "./revisions.js";
import { listIndent, numberingReference } from "./numbering.js";
import { STYLE } from "./styles.js";
import { distribute } from "./units.js";

export interface BlockCx {
  readonly style: HouseStyle;
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
}

/** Take a pending page break, if any, for the paragraph being made. */
function takeBreak(cx: BlockCx): { pageBreakBefore?: boolean } {
  if (!cx.pageBreakPending) return {};
  cx.pageBreakPending = false;
  return { pageBreakBefore: true };
}

const HEADING_LEVEL = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

export function blocks(nodes: readonly Block[], cx: BlockCx): FileChild[] {
  return nodes.flatMap((n) => BLOCK[n.type](n as never, cx));
}

const BLOCK: Handlers<Block, BlockCx, FileChild[]> = {
  title: (n, cx) => [new Paragraph({ heading: HeadingLevel.TITLE, children: runs(n.children, cx.changes), ...cx.changes.paragraphMark(n.revision), ...takeBreak(cx) })],
  heading: (n, cx) => [
    new Paragraph({ heading: HEADING_LEVEL[n.depth], children: bookmarked(n.id, runs(n.children, cx.changes)), ...cx.changes.paragraphMark(n.revision), ...takeBreak(cx) }),
  ],
  paragraph: (n, cx) => [new Paragraph({ children: runs(n.children, cx.changes), ...cx.changes.paragraphMark(n.revision), ...takeBreak(cx) })],
  list: (n, cx) => list(n, 0, cx),
  table: (n, cx) => table(n, cx),
  metadata: (n, cx) => {
    const [label, value] = distribute(cx.textWidth, [28, 72]) as [number, number];
    const rows = n.entries.map(
      (e) =>
        new TableRow({
          cantSplit: true,
          ...cx.changes.mark(e.revision),
          children: [
            new TableCell({ width: { size: label, type: WidthType.DXA }, children: [new Paragraph({ style: STYLE.metadataLabel, children: runs(e.label, cx.changes) })] }),
            new TableCell({ width: { size: value, type: WidthType.DXA }, children: [new Paragraph({ style: STYLE.tableText, children: runs(e.value, cx.changes) })] }),
          ],
        }),
    );
    const light = { style: BorderStyle.SINGLE, size: 4, color: "D9D9D9" };
    const none = { style: BorderStyle.NONE, size: 0, color: "auto" };
    return [
      ...breakParagraph(cx),
      new Table({
        style: STYLE.metadataTable,
        width: { size: cx.textWidth, type: WidthType.DXA },
        columnWidths: [label, value],
        layout: TableLayoutType.FIXED,
        borders: { top: light, bottom: light, insideHorizontal: light, left: none, right: none, insideVertical: none },
        rows,
      }),
    ];
  },
  pageBreak: (_n, cx) => {
    cx.pageBreakPending = true;
    return [];
  },
};

/** A table cannot carry "page break before"; a pending break becomes an empty paragraph. */
function breakParagraph(cx: BlockCx): Paragraph[] {
  return cx.pageBreakPending ? [new Paragraph({ children: [], ...takeBreak(cx) })] : [];
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
          ? new Paragraph({ style, numbering: { reference, level, instance }, children: runs(child.children, cx.changes), ...cx.changes.paragraphMark(item.revision ?? child.revision), ...takeBreak(cx) })
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
