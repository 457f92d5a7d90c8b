import { Bookmark, ExternalHyperlink, InternalHyperlink, PageNumber, TextRun, type ParagraphChild } from "docx";
import type { FooterInline } from "../../tree/types.js";
import type { Handlers } from "../writer.js";
import { STYLE } from "./styles.js";

/** Formatting inherited from enclosing inline nodes. */
export interface RunFormat {
  readonly bold?: boolean;
  readonly italics?: boolean;
  readonly style?: string;
}

/** Inline nodes → Word runs; nested strong/emphasis accumulate into the run's formatting. */
export function runs(nodes: readonly FooterInline[], format: RunFormat = {}): ParagraphChild[] {
  return nodes.flatMap((n) => INLINE[n.type](n as never, format));
}

const INLINE: Handlers<FooterInline, RunFormat, ParagraphChild[]> = {
  text: (n, f) => [new TextRun({ text: n.value, ...f })],
  strong: (n, f) => runs(n.children, { ...f, bold: true }),
  emphasis: (n, f) => runs(n.children, { ...f, italics: true }),
  link: (n, f) => {
    const children = runs(n.children, { ...f, style: STYLE.hyperlink }) as TextRun[];
    return [n.url.startsWith("#") ? new InternalHyperlink({ anchor: bookmarkName(n.url.slice(1)), children }) : new ExternalHyperlink({ link: n.url, children })];
  },
  break: (_n, f) => [new TextRun({ break: 1, ...f })],
  pageNumber: (_n, f) => [new TextRun({ children: [PageNumber.CURRENT], ...f })],
  pageCount: (_n, f) => [new TextRun({ children: [PageNumber.TOTAL_PAGES], ...f })],
};

/** A heading's runs wrapped in a bookmark, so `#id` links and a table of contents can reach it. */
export function bookmarked(id: string, children: ParagraphChild[]): ParagraphChild[] {
  return [new Bookmark({ id: bookmarkName(id), children })];
}

/** Word bookmark names take letters, digits and underscores only. */
export const bookmarkName = (id: string): string => id.replace(/[^A-Za-z0-9_]/g, "_");
