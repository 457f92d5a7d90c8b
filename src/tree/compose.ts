import type { Block, Cell, DocumentNode, Handlers, Heading, Inline, List, ListItem, Paragraph, TableRow } from "./types.js";

/**
 * Put a whole document inside another (a proposal inside the meeting bundle): its title becomes
 * a section heading with the anchor `anchor`, its headings move one level down, and its
 * anchors and `#` links get the anchor as a prefix so they stay unique and keep working; so do
 * its cross-reference targets (`target`, a list item's `id`) and the references to them.
 */
export function nest(doc: DocumentNode, anchor: string): Block[] {
  const id = (x: string) => `${anchor}-${x}`;
  const inlines = (nodes: readonly Inline[]): Inline[] =>
    nodes.map((n): Inline => {
      if (n.type === "link") return { ...n, url: n.url.startsWith("#") ? `#${id(n.url.slice(1))}` : n.url, children: inlines(n.children) };
      if (n.type === "strong" || n.type === "emphasis") return { ...n, children: inlines(n.children) };
      // Cross-references follow their targets, which are renamed alike.
      if (n.type === "target") return { ...n, id: id(n.id), children: inlines(n.children) };
      if (n.type === "reference") return { ...n, target: id(n.target), children: inlines(n.children) };
      return n;
    });
  const flow = (c: Paragraph | List): Paragraph | List => (c.type === "list" ? list(c) : { ...c, children: inlines(c.children) });
  const list = (l: List): List => ({
    ...l,
    children: l.children.map((item): ListItem => ({ ...item, ...(item.id !== undefined ? { id: id(item.id) } : {}), children: item.children.map(flow) })),
  });
  const CELL: Handlers<Cell, void, Cell> = {
    tableCell: (c) => ({ ...c, children: inlines(c.children) }),
    tableBlockCell: (c) => ({ ...c, children: c.children.map(flow) }),
  };
  const row = (r: TableRow): TableRow => ({ ...r, cells: r.cells.map((c) => CELL[c.type](c as never)) });
  const BLOCK: Handlers<Block, void, Block> = {
    title: (b) => ({ type: "heading", depth: 1, id: anchor, children: inlines(b.children) }),
    heading: (b) => ({ ...b, depth: Math.min(3, b.depth + 1) as Heading["depth"], id: id(b.id), children: inlines(b.children) }),
    paragraph: (b) => ({ ...b, children: inlines(b.children) }),
    list: (b) => list(b),
    table: (b) => ({ ...b, caption: inlines(b.caption), head: row(b.head), rows: b.rows.map(row) }),
    metadata: (b) => ({ ...b, entries: b.entries.map((e) => ({ ...e, label: inlines(e.label), value: inlines(e.value) })) }),
    pageBreak: (b) => b,
  };
  const block = (b: Block): Block => BLOCK[b.type](b as never);
  return doc.children.map(block);
}
