/**
 * The document tree: the one intermediate form between the templates and the writers.
 * A closed set of node types, specified in README.md beside this file. Writers read only this.
 */

export interface Properties {
  /** Document title (the proposal's onderwerp). */
  readonly title: string;
  readonly subject?: string;
  readonly author?: string;
  readonly description?: string;
  readonly keywords?: string;
  /** BCP 47 language tag, e.g. `nl-NL`. */
  readonly language: string;
  /** ISO date the document is dated; stamped into the .docx properties. */
  readonly date: string;
}

export interface DocumentNode {
  readonly type: "document";
  readonly properties: Properties;
  /** Running page header (repeated on every page), inline content. */
  readonly header: Inline[];
  /** Running page footer; the only place page numbers may appear. */
  readonly footer: FooterInline[];
  /** The organisation's logo, shown in the page header (from the house style). */
  readonly logo?: Image;
  /** Set on a redline (a comparison of two versions): who made the changes, and when. */
  readonly revisions?: Revisions;
  readonly children: Block[];
}

export interface Revisions {
  readonly author: string;
  /** ISO date. */
  readonly date: string;
}

/** On a redline: the whole block was inserted, or deleted, in the newer version. */
export type BlockRevision = "inserted" | "deleted";

/** An image with its alternative text; `fallback` is a PNG rendering for Word. */
export interface Image {
  readonly type: "image";
  readonly format: "png" | "svg";
  readonly data: Uint8Array;
  readonly fallback: Uint8Array;
  readonly alt: string;
  readonly widthMm: number;
  readonly heightMm: number;
}

export type Block = Title | Heading | Paragraph | List | Table | Metadata | PageBreak;

export interface Title {
  readonly revision?: BlockRevision;
  readonly type: "title";
  readonly children: Inline[];
}

export interface Heading {
  readonly revision?: BlockRevision;
  readonly type: "heading";
  /** 1 = section (Heading 1), 2 = sub-section (Heading 2), 3 = below that (Heading 3). */
  readonly depth: 1 | 2 | 3;
  /** Stable anchor for links (unique within the document). */
  readonly id: string;
  readonly children: Inline[];
}

export interface Paragraph {
  readonly revision?: BlockRevision;
  readonly type: "paragraph";
  readonly children: Inline[];
}

export type ListStyle = "bullet" | "decimal" | "lower-alpha" | "lower-roman";

export interface List {
  readonly type: "list";
  /** `bullet` for unordered lists; the number format for ordered ones. */
  readonly style: ListStyle;
  /** First number of an ordered list (1 unless the source says otherwise). */
  readonly start: number;
  readonly children: ListItem[];
}

export interface ListItem {
  readonly revision?: BlockRevision;
  readonly type: "listItem";
  /** The item as a cross-reference target (a beslispunt): references to it print its number. */
  readonly id?: string;
  /** Paragraphs and nested lists; the first paragraph carries the number or bullet. */
  readonly children: (Paragraph | List)[];
}

export interface Table {
  /** On a redline: the whole table (with its caption) was inserted or deleted. */
  readonly revision?: BlockRevision;
  readonly type: "table";
  readonly caption: Inline[];
  /** Relative column widths (any unit; writers scale them to the available width). */
  readonly widths: number[];
  /** The header row, repeated on every page. */
  readonly head: TableRow;
  readonly rows: TableRow[];
}

export interface TableRow {
  readonly revision?: BlockRevision;
  readonly type: "tableRow";
  readonly cells: Cell[];
}

/**
 * A table cell holds either one line of inline content (`tableCell`) or paragraphs and lists
 * (`tableBlockCell`): two node types, so that every writer's cell handler table must say what
 * it does with each (see Handlers).
 */
export type Cell = TableCell | TableBlockCell;

/** A cell of inline content (line breaks allowed): the common case. */
export interface TableCell {
  readonly type: "tableCell";
  readonly children: Inline[];
}

/** A cell of paragraphs and lists (an agenda item's explanation in Markdown, say). */
export interface TableBlockCell {
  readonly type: "tableBlockCell";
  /** At least one block. */
  readonly children: (Paragraph | List)[];
}

/** The metadata block at the top of a proposal: label/value pairs. */
export interface Metadata {
  readonly type: "metadata";
  readonly entries: MetadataEntry[];
}

export interface MetadataEntry {
  readonly revision?: BlockRevision;
  readonly type: "metadataEntry";
  readonly label: Inline[];
  readonly value: Inline[];
}

export interface PageBreak {
  readonly type: "pageBreak";
}

export type Inline = Text | Strong | Emphasis | Link | Break | Target | Reference | Insertion | Deletion;

export interface Text {
  readonly type: "text";
  readonly value: string;
}

export interface Strong {
  readonly type: "strong";
  readonly children: Inline[];
}

export interface Emphasis {
  readonly type: "emphasis";
  readonly children: Inline[];
}

export interface Link {
  readonly type: "link";
  readonly url: string;
  readonly children: Inline[];
}

/**
 * The place a cross-reference points at: its content is what a reference to it prints (the "2"
 * of "Bijlage 2: Begroting"). `id` is unique in the document, among list item ids too.
 */
export interface Target {
  readonly type: "target";
  readonly id: string;
  readonly children: Inline[];
}

/**
 * A cross-reference to a `target` or an identified `listItem` of the same document; `children`
 * is what it prints now ("2", "7-2", "2b"), worked out when the document was made.
 */
export interface Reference {
  readonly type: "reference";
  /** The id of the target or list item. */
  readonly target: string;
  readonly children: Inline[];
}

/** On a redline: text the newer version added. */
export interface Insertion {
  readonly type: "insertion";
  readonly children: Inline[];
}

/** On a redline: text the newer version removed. */
export interface Deletion {
  readonly type: "deletion";
  readonly children: Inline[];
}

/** A line break inside a paragraph. */
export interface Break {
  readonly type: "break";
}

export type FooterInline = Inline | PageNumber | PageCount;

export interface PageNumber {
  readonly type: "pageNumber";
}

export interface PageCount {
  readonly type: "pageCount";
}

export type Node = DocumentNode | Image | Block | ListItem | TableRow | Cell | MetadataEntry | FooterInline;
export type NodeType = Node["type"];

/**
 * Exhaustive handler tables: one function per node type, so that adding a node type to the tree
 * is a compile error in every writer until it is handled.
 */
export type Handlers<N extends { type: string }, C, R> = { [T in N["type"]]: (node: Extract<N, { type: T }>, cx: C) => R };
