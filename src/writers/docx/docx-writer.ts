import { AlignmentType, Document, Footer, Header, ImageRun, LineRuleType, Paragraph, type FileChild } from "docx";
import { A4, type StyleSheet } from "../../style/style-sheet.js";
import type { DocumentNode, Image } from "../../tree/types.js";
import type { Writer, WriteOptions } from "../writer.js";
import { blocks, type BlockCx } from "./blocks.js";
import { listItemIds, setListItemTargets } from "./cross-refs.js";
import { runs } from "./inlines.js";
import { numberingConfig } from "./numbering.js";
import { compileParts, packParts } from "./package.js";
import { ChangeTracker } from "./revisions.js";
import { STYLE, tableStylesXml, wordStyles } from "./styles.js";
import { mmToTwips } from "./units.js";

/** Distance of the page header from the top edge, in millimetres. */
const HEADER_DISTANCE = 10;

/** The document tree → a Word document (.docx) built with the `docx` package. */
export async function writeDocx(tree: DocumentNode, opts: WriteOptions): Promise<Uint8Array> {
  const date = opts.date ?? tree.properties.date;
  return packParts(await compileParts(buildDocument(tree, opts.style), tree.properties, date), date);
}

export const docxWriter: Writer = { format: "docx", extension: ".docx", write: writeDocx };

/** The docx Document of a tree. */
export function buildDocument(tree: DocumentNode, style: StyleSheet): Document {
  const m = style.margins;
  const cx: BlockCx = {
    style,
    textWidth: mmToTwips(A4.width - m.left - m.right),
    numbering: new Set(),
    nextInstance: 0,
    pageBreakPending: false,
    changes: new ChangeTracker(tree.revisions),
  };
  // References to list items print their number (REF \r): which ids are list items'.
  setListItemTargets(cx.changes, listItemIds(tree));
  const children: FileChild[] = blocks(tree.children, cx);
  if (!(children[children.length - 1] instanceof Paragraph)) children.push(closingParagraph());
  const p = tree.properties;
  // The body starts below the header: make room for a tall logo rather than overlap it.
  const top = Math.max(m.top, HEADER_DISTANCE + (tree.logo ? tree.logo.heightMm + 3 : 0) + 8);
  return new Document({
    title: p.title,
    ...(p.subject ? { subject: p.subject } : {}),
    ...(p.author ? { creator: p.author, lastModifiedBy: p.author } : {}),
    ...(p.description ? { description: p.description } : {}),
    ...(p.keywords ? { keywords: p.keywords } : {}),
    revision: 1,
    externalStyles: tableStylesXml(style),
    styles: wordStyles(style),
    numbering: numberingConfig(cx.numbering),
    sections: [
      {
        properties: {
          page: {
            size: { width: mmToTwips(A4.width), height: mmToTwips(A4.height) },
            margin: { top: mmToTwips(top), right: mmToTwips(m.right), bottom: mmToTwips(m.bottom), left: mmToTwips(m.left), header: mmToTwips(HEADER_DISTANCE), footer: mmToTwips(12) },
          },
        },
        headers: {
          default: new Header({
            children: [
              ...(tree.logo ? [new Paragraph({ style: STYLE.header, spacing: { line: 240, lineRule: LineRuleType.AUTO, after: 60 }, children: [logoRun(tree.logo)] })] : []),
              new Paragraph({ style: STYLE.header, alignment: AlignmentType.RIGHT, children: runs(tree.header, cx.changes) }),
            ],
          }),
        },
        footers: { default: new Footer({ children: [new Paragraph({ style: STYLE.footer, alignment: AlignmentType.RIGHT, children: runs(tree.footer, cx.changes) })] }) },
        children,
      },
    ],
  });
}

/**
 * The paragraph after a table that ends the document: Word requires one (a body, like a cell,
 * ends with a paragraph). An empty Normal paragraph still takes a line of body text, and when the
 * table ends less than that line above the bottom margin LibreOffice sets it on a page of its
 * own: a blank last page in the PDF. So it takes as little room as a paragraph can: an exact 1 pt
 * line, which is what LibreOffice needs (zero spacing or a 1 pt mark alone still leave it a full
 * line), no space before or after, and a 1 pt paragraph mark for programs that size an empty
 * paragraph by its mark. Measured in test/blank-page.test.ts.
 */
function closingParagraph(): Paragraph {
  return new Paragraph({ spacing: { before: 0, after: 0, line: 20, lineRule: LineRuleType.EXACT }, run: { size: 2 }, children: [] });
}

/** The logo as a picture run with its alternative text; an SVG carries its PNG for older Word. */
function logoRun(image: Image): ImageRun {
  const px = (mm: number) => Math.round((mm / 25.4) * 96);
  const common = {
    transformation: { width: px(image.widthMm), height: px(image.heightMm) },
    altText: { name: "Logo", title: image.alt, description: image.alt },
  };
  return image.format === "svg"
    ? new ImageRun({ type: "svg", data: image.data, fallback: { type: "png", data: image.fallback }, ...common })
    : new ImageRun({ type: "png", data: image.data, ...common });
}
