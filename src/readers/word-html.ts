import { strFromU8, zipSync } from "fflate";
import type { ChildNode, Element } from "domhandler";
import mammoth from "mammoth";
import { openDocx, parseXml } from "./docx-reader.js";
import { descendants, elements, find } from "./dom.js";
import { t } from "../i18n/i18n.js";

/**
 * Any .docx (written in Word or LibreOffice, not by us) as HTML, through mammoth: paragraphs,
 * headings, bold, italic, links, lists (Word's numbering, nested) and tables. Mammoth reads
 * semantics rather than looks, which is what an import needs; we add only what it cannot know:
 *
 * - which paragraph styles are headings. Mammoth knows the built-in names ("heading 1"); bodies
 *   use their own ("Kop 1", "VR Tussenkop"), so a style counts when its name says so or when it
 *   (or a style it is based on) has an outline level, as Word's navigation pane counts it;
 * - safety: mammoth inflates every part it opens, with no limit. It is given a new zip of only
 *   the parts it needs, read under the limits of zip-parts.ts, after the XML of the body was
 *   parsed once under the depth and element limits (a hostile file stops there, in one line);
 * - what it drops without a word: images and text boxes are found in the body's XML and
 *   reported with the number of their paragraph.
 */
export interface WordHtml {
  readonly html: string;
  /** The text of the page headers, a line per paragraph (mammoth skips headers and footers). */
  readonly header: readonly string[];
  /** Images and text boxes, by the number of the paragraph they are in (see `paragraphs`). */
  readonly objects: readonly { readonly paragraph: number; readonly what: "afbeelding" | "tekstvak"; readonly text?: string }[];
  /** The document's keywords (core properties): boardpaper writes its document type there. */
  readonly keywords: string;
}

/** The parts mammoth reads, and the page headers (header1.xml … as Word and LibreOffice name them). */
const PARTS = new Set([
  "[Content_Types].xml",
  "_rels/.rels",
  "word/document.xml",
  "word/_rels/document.xml.rels",
  "word/styles.xml",
  "word/numbering.xml",
  "word/footnotes.xml",
  "word/endnotes.xml",
  "word/comments.xml",
  "docProps/core.xml",
  ...[1, 2, 3, 4, 5, 6].map((n) => `word/header${n}.xml`),
]);

export async function readWordHtml(bytes: Uint8Array): Promise<WordHtml> {
  const parts = openDocx(bytes, PARTS);
  const text = (name: string) => {
    const data = parts.get(name);
    return data ? strFromU8(data) : undefined;
  };
  const document = text("word/document.xml");
  if (!document) throw new WordReadError(t("docx.noDocument"));
  // Parsed under the limits first: mammoth's own parser has none.
  const body = find(find(parseXml(document).children, "w:document")?.children ?? [], "w:body");
  const objects = body ? objectsIn(body) : [];
  const header = [...parts.keys()]
    .filter((n) => /^word\/header\d\.xml$/.test(n))
    .sort()
    .flatMap((n) => paragraphTexts(text(n)!))
    .filter((line, i, all) => line.trim() && all.indexOf(line) === i);
  const styleMap = headingStyles(text("word/styles.xml"));
  // Images and media are left out of the zip mammoth reads; an image becomes an empty <img>.
  const clean = zipSync(Object.fromEntries([...parts].filter(([n]) => n.startsWith("word/document") || !/^word\/header\d\.xml$|^docProps\//.test(n))));
  const result = await mammoth.convertToHtml(
    { buffer: Buffer.from(clean) },
    {
      styleMap,
      ignoreEmptyParagraphs: false,
      includeDefaultStyleMap: true,
      convertImage: mammoth.images.imgElement(async () => ({ src: "" })),
    },
  );
  const core = text("docProps/core.xml");
  const keywords = core ? textOfAll(find(find(parseXml(core).children, "cp:coreProperties")?.children ?? [], "cp:keywords")) : "";
  return { html: result.value, header, objects, keywords: keywords.trim() };
}

export class WordReadError extends Error {}

/**
 * Mammoth style mappings for every paragraph style that is a heading (by name or outline level),
 * the title, and captions. Style names are matched case-insensitively by mammoth.
 */
function headingStyles(xml: string | undefined): string[] {
  const map = ["p[style-name='Title'] => h1.titel:fresh", "p[style-name='Titel'] => h1.titel:fresh", "p[style-name='Caption'] => p.bijschrift:fresh", "p[style-name='Bijschrift'] => p.bijschrift:fresh"];
  if (!xml) return map;
  const styles = new Map<string, { name: string; basedOn?: string; outline?: number }>();
  for (const s of elements(find(parseXml(xml).children, "w:styles")?.children ?? [])) {
    if (s.name !== "w:style" || s.attribs["w:type"] !== "paragraph") continue;
    const id = s.attribs["w:styleId"] ?? "";
    const name = find(s.children, "w:name")?.attribs["w:val"] ?? id;
    const basedOn = find(s.children, "w:basedOn")?.attribs["w:val"];
    const outline = find(find(s.children, "w:pPr")?.children ?? [], "w:outlineLvl")?.attribs["w:val"];
    styles.set(id, { name, ...(basedOn !== undefined && { basedOn }), ...(outline !== undefined && { outline: Number(outline) }) });
  }
  const levelOf = (id: string, depth = 0): number | undefined => {
    const s = styles.get(id);
    if (!s || depth > 20) return undefined;
    const named = /^(?:heading|kop)\s*([1-6])$/i.exec(s.name.trim());
    if (named) return Number(named[1]);
    if (s.outline !== undefined) return s.outline >= 0 && s.outline < 6 ? s.outline + 1 : undefined;
    return s.basedOn ? levelOf(s.basedOn, depth + 1) : undefined;
  };
  for (const [id, s] of styles) {
    const level = levelOf(id);
    if (level === undefined || /^(title|titel)$/i.test(s.name)) continue;
    map.push(`p[style-name='${s.name.replace(/'/g, "\\'")}'] => h${level}:fresh`);
  }
  return map;
}

/**
 * Images and text boxes in the body, each with the number of its paragraph: the body's
 * paragraphs and tables counted in order (a table counts once, content controls are looked
 * into), as the import numbers the blocks it reads.
 */
function objectsIn(body: Element): WordHtml["objects"] {
  const found: { paragraph: number; what: "afbeelding" | "tekstvak" }[] = [];
  let n = 0;
  const visit = (nodes: readonly ChildNode[]) => {
    for (const el of elements(nodes)) {
      if (el.name === "w:sdt") visit(find(el.children, "w:sdtContent")?.children ?? []);
      else if (el.name === "w:p" || el.name === "w:tbl") {
        n++;
        let image = false;
        const boxes: string[] = [];
        for (const e of descendants(el)) {
          // A text box is in the drawing and again in its VML fallback: its text once.
          if (e.name === "w:txbxContent") boxes.push(paragraphTexts(e).join("\n").trim());
          else if (e.name === "pic:pic" || e.name === "v:imagedata") image = true;
        }
        if (image) found.push({ paragraph: n, what: "afbeelding" });
        for (const text of new Set(boxes)) found.push({ paragraph: n, what: "tekstvak", ...(text && { text }) });
      }
    }
  };
  visit(body.children);
  return found;
}

function paragraphTexts(xml: string | Element): string[] {
  const lines: string[] = [];
  for (const e of descendants(typeof xml === "string" ? ({ children: parseXml(xml).children } as Element) : xml)) {
    if (e.name !== "w:p") continue;
    let line = "";
    for (const r of descendants(e)) {
      if (r.name === "w:t") line += r.children.map((c) => (c.type === "text" ? c.data : "")).join("");
      else if (r.name === "w:tab") line += "\t";
    }
    lines.push(line);
  }
  return lines;
}

const textOfAll = (el: Element | undefined): string => (el ? el.children.map((c) => (c.type === "text" ? c.data : c.type === "tag" ? textOfAll(c) : "")).join("") : "");

