import { Bookmark, DeletedTextRun, ExternalHyperlink, InsertedTextRun, InternalHyperlink, PageNumber, TextRun, type ParagraphChild, type XmlComponent } from "docx";
import type { FooterInline } from "../../tree/types.js";
import type { Handlers } from "../writer.js";
import { FieldInstruction, fieldChar, isListItemTarget, refInstruction, targetBookmark, targetBookmarkName } from "./cross-refs.js";
import type { ChangeTracker } from "./revisions.js";
import { STYLE } from "./styles.js";

/** Formatting inherited from enclosing inline nodes. */
export interface RunFormat {
  readonly bold?: boolean;
  readonly italics?: boolean;
  readonly style?: string;
  /** Inside an insertion or deletion of a redline. */
  readonly change?: "insertion" | "deletion";
}

/** Inline nodes → Word runs; nested strong/emphasis accumulate into the run's formatting. */
export function runs(nodes: readonly FooterInline[], changes: ChangeTracker, format: RunFormat = {}): ParagraphChild[] {
  return nodes.flatMap((n) => INLINE[n.type](n as never, { changes, format }));
}

interface Cx {
  readonly changes: ChangeTracker;
  readonly format: RunFormat;
}

/** A run of text (or of a field's part), as a tracked insertion or deletion when inside one. */
function textRun(cx: Cx, options: { text?: string; break?: number; children?: XmlComponent[] }): ParagraphChild {
  const { change, ...format } = cx.format;
  const attrs = change ? cx.changes.change() : undefined;
  if (change === "insertion" && attrs) return new InsertedTextRun({ ...format, ...options, ...attrs });
  if (change === "deletion" && attrs) return new DeletedTextRun({ ...format, ...options, ...attrs });
  return new TextRun({ ...format, ...options });
}

const with_ = (cx: Cx, extra: RunFormat): RunFormat => ({ ...cx.format, ...extra });

const INLINE: Handlers<FooterInline, Cx, ParagraphChild[]> = {
  text: (n, cx) => [textRun(cx, { text: n.value })],
  strong: (n, cx) => runs(n.children, cx.changes, with_(cx, { bold: true })),
  emphasis: (n, cx) => runs(n.children, cx.changes, with_(cx, { italics: true })),
  link: (n, cx) => {
    const children = runs(n.children, cx.changes, with_(cx, { style: STYLE.hyperlink }));
    // A tracked change cannot sit inside a hyperlink in docx's model: in a change, keep the text.
    if (cx.format.change) return children;
    return [n.url.startsWith("#") ? new InternalHyperlink({ anchor: bookmarkName(n.url.slice(1)), children: children as TextRun[] }) : new ExternalHyperlink({ link: n.url, children: children as TextRun[] })];
  },
  break: (_n, cx) => [textRun(cx, { break: 1 })],
  // Deleted text of a redline is no target and refers to nothing (what it pointed at may be
  // gone, and its id is the newer version's, which may be beside it): its text only.
  target: (n, cx) => {
    const children = runs(n.children, cx.changes, cx.format);
    return cx.format.change === "deletion" ? children : targetBookmark(n.id, children);
  },
  // A complex field, REF to the target's bookmark, with the reference's text as its result. A
  // list item's number is not text that a bookmark can hold, and Word and LibreOffice compute a
  // REF to a numbered paragraph differently (LibreOffice prints "b" or "a.b" for beslispunt 3b):
  // there the reference is a link to the item's bookmark with the number as printed.
  reference: (n, cx) => {
    const result = runs(n.children, cx.changes, cx.format);
    if (cx.format.change === "deletion") return result;
    if (isListItemTarget(cx.changes, n.target)) return [new InternalHyperlink({ anchor: targetBookmarkName(n.target), children: result as TextRun[] })];
    const part = (child: XmlComponent) => textRun(cx, { children: [child] });
    const instruction = new FieldInstruction(refInstruction(n.target));
    return [part(fieldChar("begin")), part(instruction), part(fieldChar("separate")), ...result, part(fieldChar("end"))];
  },
  insertion: (n, cx) => runs(n.children, cx.changes, with_(cx, { change: "insertion" })),
  deletion: (n, cx) => runs(n.children, cx.changes, with_(cx, { change: "deletion" })),
  pageNumber: (_n, cx) => [new TextRun({ children: [PageNumber.CURRENT], ...cx.format })],
  pageCount: (_n, cx) => [new TextRun({ children: [PageNumber.TOTAL_PAGES], ...cx.format })],
};

/** A heading's runs wrapped in a bookmark, so `#id` links and a table of contents can reach it. */
export function bookmarked(id: string, children: ParagraphChild[]): ParagraphChild[] {
  return [new Bookmark({ id: bookmarkName(id), children })];
}

/** Word bookmark names take letters, digits and underscores only. */
export const bookmarkName = (id: string): string => id.replace(/[^A-Za-z0-9_]/g, "_");
