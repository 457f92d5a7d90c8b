import { BorderStyle, TabStopType, type IStylesOptions } from "docx";
import { A4, type StyleSheet } from "../../style/style-sheet.js";
import { distribute, mmToTwips, ptToHalfPoints, ptToTwips } from "./units.js";

/** The metadata block's label column, as a share of the text width (the value takes the rest). */
const METADATA_COLUMNS = [28, 72] as const;

/** The thin rule under each metadata entry (and over the first: see the metadata handler). */
export const METADATA_RULE = { style: BorderStyle.SINGLE, size: 4, space: 2, color: "D9D9D9" } as const;

/** Style ids used by the docx writer; names are what Word shows in its style gallery. */
export const STYLE = {
  listNumber: "ListNumber",
  listBullet: "ListBullet",
  listContinue: "ListContinue",
  tableText: "TableText",
  tableHeading: "TableHeading",
  metadata: "Metadata",
  /** A character style: the label part of a Metadata paragraph. */
  metadataLabel: "MetadataLabel",
  caption: "Caption",
  header: "Header",
  footer: "Footer",
  hyperlink: "Hyperlink",
  table: "BoardpaperTable",
} as const;

/**
 * The Word style sheet, generated from the house style: real named styles (Title, Heading 1/2,
 * List Number, Table Heading, …) so that a secretariat restyles the document in Word by
 * changing a style, and so that headings are headings for screen readers and the navigation pane.
 */
export function wordStyles(s: StyleSheet): IStylesOptions {
  const body = ptToHalfPoints(s.size.body);
  const line = Math.round(s.lineHeight * 240);
  const para = (id: string, name: string, options: Record<string, unknown>) => ({ id, name, basedOn: "Normal", next: "Normal", quickFormat: true, ...options });
  const [label] = distribute(mmToTwips(A4.width - s.margins.left - s.margins.right), METADATA_COLUMNS) as [number];
  return {
    default: {
      document: {
        run: { font: s.font.family, size: body, language: { value: "nl-NL" } },
        paragraph: { spacing: { after: ptToTwips(6), line } },
      },
      title: { run: { font: s.font.family, size: ptToHalfPoints(s.size.title), bold: true, color: s.accent }, paragraph: { spacing: { after: ptToTwips(12) } } },
      heading1: {
        run: { font: s.font.family, size: ptToHalfPoints(s.size.heading1), bold: true, color: s.accent },
        paragraph: { spacing: { before: ptToTwips(14), after: ptToTwips(4) }, keepNext: true, keepLines: true, outlineLevel: 0 },
      },
      heading2: {
        run: { font: s.font.family, size: ptToHalfPoints(s.size.heading2), bold: true, color: s.accent },
        paragraph: { spacing: { before: ptToTwips(8), after: ptToTwips(2) }, keepNext: true, keepLines: true, outlineLevel: 1 },
      },
      heading3: {
        run: { font: s.font.family, size: ptToHalfPoints(s.size.body), bold: true, italics: true, color: s.accent },
        paragraph: { spacing: { before: ptToTwips(6), after: ptToTwips(2) }, keepNext: true, keepLines: true, outlineLevel: 2 },
      },
      hyperlink: { run: { color: s.accent, underline: {} } },
    },
    paragraphStyles: [
      para(STYLE.listNumber, "List Number", { paragraph: { spacing: { after: ptToTwips(3) } } }),
      para(STYLE.listBullet, "List Bullet", { paragraph: { spacing: { after: ptToTwips(3) } } }),
      para(STYLE.listContinue, "List Continue", { paragraph: { spacing: { after: ptToTwips(3) } } }),
      para(STYLE.tableText, "Table Text", { paragraph: { spacing: { before: 0, after: 0, line } } }),
      para(STYLE.tableHeading, "Table Heading", { basedOn: STYLE.tableText, next: STYLE.tableText, run: { bold: true }, paragraph: { keepNext: true } }),
      // Label, tab, value on a hanging indent; a rule below each entry.
      para(STYLE.metadata, "Metadata", {
        next: STYLE.metadata,
        paragraph: {
          indent: { left: label, hanging: label },
          tabStops: [{ type: TabStopType.LEFT, position: label }],
          spacing: { before: 57, after: 57, line },
          keepLines: true,
          border: { bottom: METADATA_RULE, between: METADATA_RULE },
        },
      }),
      para(STYLE.caption, "Caption", { run: { bold: true, size: ptToHalfPoints(s.size.body), color: s.accent }, paragraph: { keepNext: true, spacing: { before: ptToTwips(6), after: ptToTwips(3) } } }),
      para(STYLE.header, "Header", { run: { size: ptToHalfPoints(s.size.small), color: "595959" }, paragraph: { spacing: { after: 0 } } }),
      para(STYLE.footer, "Footer", { run: { size: ptToHalfPoints(s.size.small), color: "595959" }, paragraph: { spacing: { after: 0 } } }),
    ],
    characterStyles: [{ id: STYLE.metadataLabel, name: "Metadata Label", quickFormat: true, run: { bold: true } }],
  };
}

const W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/**
 * The table styles, as a styles part the docx package merges with its own (its `externalStyles`
 * option): docx has no option for table styles. The same borders and header shading are also
 * set directly on each table, because LibreOffice and Google Docs do not apply a table style's
 * conditional formatting.
 */
export function tableStylesXml(s: StyleSheet): string {
  return `<w:styles xmlns:w="${W_NS}">${tableStyle(STYLE.table, "Boardpaper Table", s)}</w:styles>`;
}

function tableStyle(id: string, name: string, s: StyleSheet): string {
  const line = (side: string, color: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="${color}"/>`;
  const borders = ["top", "left", "bottom", "right", "insideH", "insideV"].map((side) => line(side, "A6A6A6")).join("");
  const firstRow = `<w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="${s.accentLight}"/></w:tcPr></w:tblStylePr>`;
  return (
    `<w:style w:type="table" w:styleId="${id}"><w:name w:val="${name}"/><w:uiPriority w:val="59"/><w:qFormat/>` +
      `<w:tblPr><w:tblBorders>${borders}</w:tblBorders>` +
      `<w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="85" w:type="dxa"/><w:bottom w:w="57" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr>` +
      `${firstRow}</w:style>`
  );
}
