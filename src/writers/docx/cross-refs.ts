import { createHash } from "node:crypto";
import { Bookmark, BuilderElement, NextAttributeComponent, XmlComponent, type ParagraphChild } from "docx";
import type { DocumentNode, List, ListItem, Paragraph } from "../../tree/types.js";
import type { ChangeTracker } from "./revisions.js";

/**
 * Cross-references in Word. A target is a bookmark around its content, an identified list item
 * a bookmark around its paragraph's content. A reference to a target is a complex field
 * `REF <bookmark> \h` whose result is the reference's text as printed now: Word's "update
 * fields" keeps it right, every other reader shows the result. A reference to a list item is a
 * link to its bookmark (see inlines.ts: the applications disagree on a REF to a number).
 */

/** Word keeps 40 characters of a bookmark name. */
const MAX_NAME = 40;

/**
 * The Word bookmark name of a cross-reference id: `_Ref_` and the id with `-` as `_` (a name
 * takes letters, digits and `_`; a leading `_` hides it from Word's list of bookmarks, as Word's
 * own cross-reference bookmarks are). An id with an `_` of its own, which the first form could
 * confuse with a `-`, or too long for it, is named by its hash instead (`_RefH` and 32 hex
 * digits). The same id always has the same name, and no two ids share one.
 */
export function targetBookmarkName(id: string): string {
  const readable = `_Ref_${id.replace(/-/g, "_")}`;
  if (/^[A-Za-z0-9-]+$/.test(id) && readable.length <= MAX_NAME) return readable;
  return `_RefH${createHash("sha256").update(id).digest("hex").slice(0, 32)}`;
}

/** Runs wrapped in the bookmark of a cross-reference target. */
export function targetBookmark(id: string, children: ParagraphChild[]): ParagraphChild[] {
  return [new Bookmark({ id: targetBookmarkName(id), children })];
}

/**
 * The first paragraph's runs of a list item, in its bookmark when it is a cross-reference target.
 * A deleted item of a redline is none: its id is the newer version's, which may be beside it.
 */
export function listItemRuns(item: ListItem, children: ParagraphChild[]): ParagraphChild[] {
  return item.id !== undefined && item.revision !== "deleted" ? targetBookmark(item.id, children) : children;
}

/** The instruction of a REF field to a text target: its bookmarked text, `\h` linked to it. */
export const refInstruction = (target: string): string => ` REF ${targetBookmarkName(target)} \\h `;

/** A field character (`w:fldChar`): each in a run of its own, as Word writes them. */
export const fieldChar = (type: "begin" | "separate" | "end"): XmlComponent =>
  new BuilderElement<{ type: string }>({ name: "w:fldChar", attributes: { type: { key: "w:fldCharType", value: type } } });

/** A field's instruction (`w:instrText`), between its begin and separate characters. */
export class FieldInstruction extends XmlComponent {
  constructor(instruction: string) {
    super("w:instrText");
    this.root.push(new NextAttributeComponent({ space: { key: "xml:space", value: "preserve" } }), instruction);
  }
}

/** The ids of a document's list items (in the body and in table cells, at any depth). */
export function listItemIds(tree: DocumentNode): ReadonlySet<string> {
  const ids = new Set<string>();
  const flow = (c: Paragraph | List): void => {
    if (c.type === "list") list(c);
  };
  const list = (l: List): void => {
    for (const item of l.children) {
      if (item.id !== undefined) ids.add(item.id);
      item.children.forEach(flow);
    }
  };
  for (const b of tree.children) {
    if (b.type === "list") list(b);
    if (b.type === "table") for (const row of [b.head, ...b.rows]) for (const c of row.cells) if (c.type === "tableBlockCell") c.children.forEach(flow);
  }
  return ids;
}

/**
 * Per document being written, the ids of its list items, which references print the number of.
 * Kept by the document's ChangeTracker, the one object every run of a document is written with.
 */
const numbered = new WeakMap<ChangeTracker, ReadonlySet<string>>();

export function setListItemTargets(changes: ChangeTracker, ids: ReadonlySet<string>): void {
  numbered.set(changes, ids);
}

export const isListItemTarget = (changes: ChangeTracker, id: string): boolean => numbered.get(changes)?.has(id) ?? false;
