import { diffArrays } from "diff";
import { plain } from "../tree/from-markup.js";
import type { Block, Cell, DocumentNode, Handlers, List, ListItem, MetadataEntry, Paragraph, Revisions, Table, TableRow } from "../tree/types.js";
import { diffInlines, wholly } from "./inline-diff.js";

/**
 * Compare two versions of a document, section by section and word by word, and return a
 * redline: the newer document with what was added marked as `insertion` and what was removed
 * kept as `deletion` (whole blocks get a `revision` too). Any writer can then show it: <ins>/<del>
 * in HTML, tracked changes in Word, markers in text. Pure.
 */
export function diffTrees(older: DocumentNode, newer: DocumentNode, revisions: Revisions): { tree: DocumentNode; changes: number } {
  const counter = { changes: 0 };
  const children = diffSections(older.children, newer.children, counter);
  return { tree: { ...newer, children, revisions }, changes: counter.changes };
}

interface Counter {
  changes: number;
}

/** Sections start at the title and at each section heading; they are matched by their heading. */
function sections(blocks: readonly Block[]): Block[][] {
  const out: Block[][] = [[]];
  for (const b of blocks) {
    if ((b.type === "heading" && b.depth === 1) || b.type === "title") out.push([]);
    out[out.length - 1]!.push(b);
  }
  return out.filter((s) => s.length > 0);
}

const sectionKey = (s: readonly Block[]): string => {
  const first = s[0];
  return first && (first.type === "heading" || first.type === "title") ? `${first.type}:${plain(first.children)}` : "";
};

function diffSections(older: readonly Block[], newer: readonly Block[], counter: Counter): Block[] {
  return align(sections(older), sections(newer), {
    same: (a, b) => sectionKey(a) === sectionKey(b),
    similarity: (a, b) => similarity(a.map(blockText).join(" "), b.map(blockText).join(" ")),
    modify: (a, b) => diffBlocks(a, b, counter),
    deleted: (a) => a.map((b) => markBlock(b, "deleted", counter)),
    inserted: (b) => b.map((x) => markBlock(x, "inserted", counter)),
  }).flat();
}

function diffBlocks(older: readonly Block[], newer: readonly Block[], counter: Counter): Block[] {
  return align(older, newer, {
    same: (a, b) => a.type === b.type && blockText(a) === blockText(b) && JSON.stringify(a) === JSON.stringify(b),
    similarity: (a, b) => (a.type === b.type && (a.type !== "table" || (b as Table).widths.length === a.widths.length) ? similarity(blockText(a), blockText(b)) : 0),
    modify: (a, b) => MODIFY[b.type](a as never, b as never, counter),
    deleted: (a) => markBlock(a, "deleted", counter),
    inserted: (b) => markBlock(b, "inserted", counter),
  });
}

interface AlignRules<T, R> {
  /** Unchanged (kept as the newer one). */
  same(a: T, b: T): boolean;
  /** How alike two different items are, 0..1; 0 when they cannot be compared. */
  similarity(a: T, b: T): number;
  modify(a: T, b: T): R;
  deleted(a: T): R;
  inserted(b: T): R;
}

/** Below this, a changed item counts as one deleted and another inserted. */
const ALIKE = 0.4;

/**
 * Align two sequences with jsdiff (items that are the same), then, within each run of removed
 * and added items, pair the most alike ones in order (a small dynamic programme), so that an
 * edited paragraph is shown as edited rather than as deleted and re-inserted.
 */
function align<T, R>(older: readonly T[], newer: readonly T[], rules: AlignRules<T, R>): R[] {
  const out: R[] = [];
  let removed: T[] = [];
  const flush = (added: readonly T[]) => {
    out.push(...pair(removed, added, rules));
    removed = [];
  };
  const parts = diffArrays(older as T[], newer as T[], { comparator: rules.same });
  // Equal parts carry the older items only; walk both sequences to pair them with the newer.
  let o = 0;
  let n = 0;
  for (const part of parts) {
    if (part.removed) {
      removed.push(...older.slice(o, o + part.count));
      o += part.count;
    } else if (part.added) {
      flush(newer.slice(n, n + part.count));
      n += part.count;
    } else {
      flush([]);
      // Matched (a section by its heading), but its content may still differ.
      for (let k = 0; k < part.count; k++) out.push(rules.modify(older[o + k]!, newer[n + k]!));
      o += part.count;
      n += part.count;
    }
  }
  flush([]);
  return out;
}

function pair<T, R>(removed: readonly T[], added: readonly T[], rules: AlignRules<T, R>): R[] {
  const n = removed.length;
  const m = added.length;
  if (n === 0) return added.map(rules.inserted);
  if (m === 0) return removed.map(rules.deleted);
  // best[i][j]: the largest total similarity pairing removed[i..] with added[j..].
  const best = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  const sim = (i: number, j: number) => {
    const s = rules.similarity(removed[i]!, added[j]!);
    return s >= ALIKE ? s : -1;
  };
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const s = sim(i, j);
      best[i]![j] = Math.max(best[i + 1]![j]!, best[i]![j + 1]!, s > 0 ? s + best[i + 1]![j + 1]! : -Infinity);
    }
  }
  const out: R[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const s = sim(i, j);
    if (s > 0 && best[i]![j] === s + best[i + 1]![j + 1]!) out.push(rules.modify(removed[i++]!, added[j++]!));
    else if (best[i]![j] === best[i + 1]![j]) out.push(rules.deleted(removed[i++]!));
    else out.push(rules.inserted(added[j++]!));
  }
  while (i < n) out.push(rules.deleted(removed[i++]!));
  while (j < m) out.push(rules.inserted(added[j++]!));
  return out;
}

/** Dice coefficient of the words of two texts. */
function similarity(a: string, b: string): number {
  const wa = a.toLowerCase().split(/\s+/).filter(Boolean);
  const wb = b.toLowerCase().split(/\s+/).filter(Boolean);
  if (wa.length === 0 && wb.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const w of wa) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of wb) {
    const c = counts.get(w) ?? 0;
    if (c > 0) {
      common++;
      counts.set(w, c - 1);
    }
  }
  return (2 * common) / (wa.length + wb.length);
}

const BLOCK_TEXT: Handlers<Block, void, string> = {
  title: (b) => plain(b.children),
  heading: (b) => plain(b.children),
  paragraph: (b) => plain(b.children),
  list: (b) => b.children.map(itemText).join(" "),
  table: (b) => [plain(b.caption), rowText(b.head), ...b.rows.map(rowText)].join(" "),
  metadata: (b) => b.entries.map((e) => `${plain(e.label)} ${plain(e.value)}`).join(" "),
  pageBreak: () => "",
};
const blockText = (b: Block): string => BLOCK_TEXT[b.type](b as never);
const flowText = (c: Paragraph | List): string => (c.type === "list" ? blockText(c) : plain(c.children));
const CELL_TEXT: Handlers<Cell, void, string> = {
  tableCell: (c) => plain(c.children),
  tableBlockCell: (c) => c.children.map(flowText).join(" "),
};
const cellText = (c: Cell): string => CELL_TEXT[c.type](c as never);
const rowText = (r: TableRow): string => r.cells.map(cellText).join(" ");
const itemText = (i: ListItem): string => i.children.map(flowText).join(" ");

/** Per block type, a function of the older and the newer block. */
type Pairwise = { [T in Block["type"]]: (a: Extract<Block, { type: T }>, b: Extract<Block, { type: T }>, c: Counter) => Block };

/** A changed block of each type: compare its parts. */
const MODIFY: Pairwise = {
  title: (a, b, c) => ({ ...b, children: inlines(a.children, b.children, c) }),
  heading: (a, b, c) => ({ ...b, children: inlines(a.children, b.children, c) }),
  paragraph: (a, b, c) => modifyParagraph(a, b, c),
  list: (a, b, c) => modifyList(a, b, c),
  table: (a, b, c) => ({
    ...b,
    caption: inlines(a.caption, b.caption, c),
    head: modifyRow(a.head, b.head, c),
    rows: align(a.rows, b.rows, {
      same: (x, y) => rowText(x) === rowText(y) && JSON.stringify(x) === JSON.stringify(y),
      similarity: (x, y) => similarity(rowText(x), rowText(y)),
      modify: (x, y) => modifyRow(x, y, c),
      deleted: (x) => markRow(x, "deleted", c),
      inserted: (y) => markRow(y, "inserted", c),
    }),
  }),
  metadata: (a, b, c) => ({
    ...b,
    entries: align(a.entries, b.entries, {
      same: (x, y) => JSON.stringify(x) === JSON.stringify(y),
      // Entries are matched by their label: "Agendapunt" is the same fact in both versions.
      similarity: (x, y) => (plain(x.label) === plain(y.label) ? 1 : 0),
      modify: (x, y): MetadataEntry => ({ ...y, value: inlines(x.value, y.value, c) }),
      deleted: (x) => markEntry(x, "deleted", c),
      inserted: (y) => markEntry(y, "inserted", c),
    }),
  }),
  pageBreak: (_a, b) => b,
};

function inlines(a: Paragraph["children"], b: Paragraph["children"], c: Counter): Paragraph["children"] {
  const d = diffInlines(a, b);
  if (d.changed) c.changes++;
  return d.children;
}

function modifyParagraph(a: Paragraph, b: Paragraph, c: Counter): Paragraph {
  return { ...b, children: inlines(a.children, b.children, c) };
}

function modifyRow(a: TableRow, b: TableRow, c: Counter): TableRow {
  return { ...b, cells: b.cells.map((cell, i) => modifyCell(a.cells[i] ?? { type: "tableCell", children: [] }, cell, c)) };
}

/**
 * A changed cell: word by word as a paragraph when both are a line of text; otherwise as the
 * paragraphs and lists of a list item (a line of text counting as one paragraph), which makes
 * the newer cell a cell of blocks.
 */
function modifyCell(a: Cell, b: Cell, c: Counter): Cell {
  if (a.type === "tableCell" && b.type === "tableCell") return { ...b, children: inlines(a.children, b.children, c) };
  return { type: "tableBlockCell", children: diffFlow(cellBlocks(a), cellBlocks(b), c) };
}

const CELL_BLOCKS: Handlers<Cell, void, (Paragraph | List)[]> = {
  tableCell: (x) => (x.children.length > 0 ? [{ type: "paragraph", children: x.children }] : []),
  tableBlockCell: (x) => x.children,
};
const cellBlocks = (x: Cell): (Paragraph | List)[] => CELL_BLOCKS[x.type](x as never);

/** Paragraphs and lists (of a list item, or a table cell): aligned, then each pair compared. */
function diffFlow(a: readonly (Paragraph | List)[], b: readonly (Paragraph | List)[], c: Counter): (Paragraph | List)[] {
  return align(a, b, {
    same: (p, q) => JSON.stringify(p) === JSON.stringify(q),
    similarity: (p, q) => (p.type === q.type ? similarity(flowText(p), flowText(q)) : 0),
    modify: (p, q) => (p.type === "list" && q.type === "list" ? modifyList(p, q, c) : modifyParagraph(p as Paragraph, q as Paragraph, c)),
    deleted: (p) => markBlock(p, "deleted", c) as Paragraph | List,
    inserted: (q) => markBlock(q, "inserted", c) as Paragraph | List,
  });
}

function modifyList(a: List, b: List, c: Counter): List {
  return {
    ...b,
    children: align(a.children, b.children, {
      same: (x, y) => JSON.stringify(x) === JSON.stringify(y),
      similarity: (x, y) => similarity(itemText(x), itemText(y)),
      modify: (x, y): ListItem => ({ ...y, children: diffFlow(x.children, y.children, c) }),
      deleted: (x) => markItem(x, "deleted", c),
      inserted: (y) => markItem(y, "inserted", c),
    }),
  };
}

type Mark = "inserted" | "deleted";
const kindOf = (m: Mark) => (m === "inserted" ? "insertion" : "deletion");

/** A block that exists in one version only: all its text inserted or deleted. */
function markBlock(b: Block, m: Mark, c: Counter): Block {
  c.changes++;
  const k = kindOf(m);
  const MARK: { [T in Block["type"]]: (x: Extract<Block, { type: T }>) => Block } = {
    title: (x) => ({ ...x, revision: m, children: wholly(k, x.children) }),
    heading: (x) => ({ ...x, revision: m, children: wholly(k, x.children) }),
    paragraph: (x) => ({ ...x, revision: m, children: wholly(k, x.children) }),
    list: (x) => ({ ...x, children: x.children.map((i) => markItem(i, m, c)) }),
    table: (x) => ({ ...x, revision: m, caption: wholly(k, x.caption), head: markRow(x.head, m, c), rows: x.rows.map((r) => markRow(r, m, c)) }),
    metadata: (x) => ({ ...x, entries: x.entries.map((e) => markEntry(e, m, c)) }),
    pageBreak: (x) => x,
  };
  return MARK[b.type](b as never);
}

function markItem(i: ListItem, m: Mark, c: Counter): ListItem {
  return { ...i, revision: m, children: i.children.map((x) => markBlock(x, m, c) as Paragraph | List) };
}

function markRow(r: TableRow, m: Mark, c: Counter): TableRow {
  // The row is the change: its cells' text is marked, not counted again.
  const uncounted: Counter = { changes: 0 };
  const CELL: Handlers<Cell, void, Cell> = {
    tableCell: (x) => ({ ...x, children: wholly(kindOf(m), x.children) }),
    tableBlockCell: (x) => ({ ...x, children: x.children.map((b) => markBlock(b, m, uncounted) as Paragraph | List) }),
  };
  return { ...r, revision: m, cells: r.cells.map((cell) => CELL[cell.type](cell as never)) };
}

function markEntry(e: MetadataEntry, m: Mark, c: Counter): MetadataEntry {
  c.changes++;
  return { ...e, revision: m, label: wholly(kindOf(m), e.label), value: wholly(kindOf(m), e.value) };
}
