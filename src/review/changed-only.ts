import type { Block, Cell, DocumentNode, Handlers, Inline, List, TableRow } from "../tree/types.js";

/**
 * Of a redline, only what changed, with the heading of each section it is in: the terminal
 * view of a diff. Pure.
 */
export function changedOnly(tree: DocumentNode): DocumentNode {
  const out: Block[] = [];
  let heading: Block | undefined;
  let headingShown = false;
  for (const b of tree.children) {
    const isSectionHeading = (b.type === "heading" && b.depth === 1) || b.type === "title";
    if (isSectionHeading) {
      heading = b;
      headingShown = false;
    }
    if (!changed(b)) continue;
    if (heading && !headingShown && heading !== b) out.push(heading);
    headingShown = true;
    out.push(b);
  }
  return { ...tree, children: out };
}

const inlineChanged = (nodes: readonly Inline[]): boolean =>
  nodes.some((n) => n.type === "insertion" || n.type === "deletion" || ("children" in n && inlineChanged(n.children)));
const CELL_CHANGED: Handlers<Cell, void, boolean> = {
  tableCell: (c) => inlineChanged(c.children),
  tableBlockCell: (c) => c.children.some((b) => changed(b)),
};
const rowChanged = (r: TableRow): boolean => r.revision !== undefined || r.cells.some((c) => CELL_CHANGED[c.type](c as never));
const listChanged = (l: List): boolean =>
  l.children.some((i) => i.revision !== undefined || i.children.some((c) => (c.type === "list" ? listChanged(c) : inlineChanged(c.children))));

const CHANGED: Handlers<Block, void, boolean> = {
  title: (b) => b.revision !== undefined || inlineChanged(b.children),
  heading: (b) => b.revision !== undefined || inlineChanged(b.children),
  paragraph: (b) => b.revision !== undefined || inlineChanged(b.children),
  list: (b) => listChanged(b),
  table: (b) => b.revision !== undefined || inlineChanged(b.caption) || rowChanged(b.head) || b.rows.some(rowChanged),
  metadata: (b) => b.entries.some((e) => e.revision !== undefined || inlineChanged(e.value) || inlineChanged(e.label)),
  pageBreak: () => false,
};

/** Whether a block of a redline has any change in it. */
export const changed = (b: Block): boolean => CHANGED[b.type](b as never);
