/**
 * A document that ends with a table. Word requires a paragraph after it (a body ends with a
 * paragraph), and that paragraph must not get a page of its own in LibreOffice: an empty Normal
 * paragraph takes a line of body text, and a table that ends less than that line above the bottom
 * margin pushed it onto a new, blank last page of the PDF. The docx writer ends such a document
 * with a minimal paragraph instead (docx-writer.ts, closingParagraph).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixture, readText, run, tempDir } from "./helpers.js";
import { docxParts, needs, VALIDATE_DOCX } from "./ooxml.js";
import { pdfInfo } from "./pdf-tools.js";

/** The in-process CLI gets only the environment it is given: PATH, to find soffice. */
const ENV = { PATH: process.env.PATH ?? "" };

/**
 * The page geometry of the sweep below, in the default house style (Arial, that is Liberation
 * Sans, 10 pt, line height 1.3: a one-line table row is 21.8 pt). Large margins keep a page to
 * 21 rows; with these, a page full of rows ends 9 pt above the bottom margin (text to margin):
 * less than the empty paragraph's line (about 15 pt in LibreOffice), more than the 1 pt of the
 * closing paragraph. Measured with LibreOffice 7.4.
 */
const MARGIN_TOP = 60;
const MARGIN_BOTTOM = 57.8;
/**
 * Row counts: more than one page of rows, so that every table goes on to a page of its own, and
 * as many counts as a page has rows and one more, so that one of them ends at the foot of a full
 * page whatever comes before the table.
 */
const ROWS = Array.from({ length: 23 }, (_, i) => 25 + i);
/** A line of body text (10 pt × 1.3): an empty Normal paragraph needs at least this much. */
const BODY_LINE = 13;

const HOUSE_STYLE = `organisatie: Veiligheidsregio Testland\nmarges_mm: { boven: ${MARGIN_TOP}, rechts: 20, onder: ${MARGIN_BOTTOM}, links: 25 }\n`;

/** The minimal proposal with one bijlage, a table of `rows` one-line rows: the document ends with it. */
function endingInTable(rows: number): string {
  const lines = Array.from({ length: rows }, (_, i) => `            - ["Rij ${i + 1}", "Onderwerp ${i + 1}", "${i + 1}"]`);
  return (
    readText(fixture("render", "minimal", "input.yaml")) +
    ["bijlagen:", "  - titel: Overzicht", "    inhoud:", "      - tabel:", "          bijschrift: Overzicht per rij", "          kolommen: [Rij, Onderwerp, Aantal]", "          rijen:", ...lines, ""].join("\n")
  );
}

/** A folder with the house style and a proposal `name`.yaml per entry. */
function project(docs: Record<string, string>): string {
  const dir = tempDir("bp-blank-");
  writeFileSync(join(dir, "huisstijl.yaml"), HOUSE_STYLE);
  for (const [name, text] of Object.entries(docs)) writeFileSync(join(dir, `${name}.yaml`), text);
  return dir;
}

async function build(dir: string, format: string): Promise<string> {
  const out = join(dir, "out");
  const r = await run(["build", ".", "--format", format, "--out", out], { cwd: dir, env: ENV });
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return out;
}

/** The body's last paragraph, and whether a table comes right before it. */
function bodyEnd(documentXml: string): { paragraph: string; afterTable: boolean } {
  const body = documentXml.slice(0, documentXml.lastIndexOf("<w:sectPr"));
  const last = [...body.matchAll(/<w:p(?:\/>|>(?:(?!<\/w:p>)[\s\S])*<\/w:p>)/g)].at(-1)!;
  expect(last.index + last[0].length, "the body ends with a paragraph").toBe(body.length);
  return { paragraph: last[0], afterTable: body.slice(0, last.index).endsWith("</w:tbl>") };
}

/** The attributes of the first `<tag …/>` in `xml`, by name. */
function attributes(xml: string, tag: string): Record<string, string> {
  const element = new RegExp(`<${tag}\\b([^>]*)/?>`).exec(xml)?.[1] ?? "";
  return Object.fromEntries([...element.matchAll(/([\w:]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
}

describe("a document that ends with a table ends with a minimal paragraph", () => {
  it("the paragraph after the closing table: no text, an exact 1 pt line, no spacing, a 1 pt mark", async () => {
    const dir = project({ tabel: endingInTable(3) });
    const xml = docxParts(readFileSync(join(await build(dir, "docx"), "tabel.docx")))["word/document.xml"]!;
    const end = bodyEnd(xml);
    expect(end.afterTable).toBe(true);
    expect(end.paragraph).not.toMatch(/<w:r>|<w:t[ >]/);
    expect(attributes(end.paragraph, "w:spacing")).toEqual({ "w:before": "0", "w:after": "0", "w:line": "20", "w:lineRule": "exact" });
    // The paragraph mark's run properties (inside w:pPr): 1 pt, in half-points.
    expect(end.paragraph).toMatch(/<w:pPr>(?:(?!<\/w:pPr>)[\s\S])*<w:rPr>(?:(?!<\/w:rPr>)[\s\S])*<w:sz w:val="2"\/>/);
  });

  it("a document that does not end with a table has no such paragraph", async () => {
    const dir = project({ minimal: readText(fixture("render", "minimal", "input.yaml")) });
    const xml = docxParts(readFileSync(join(await build(dir, "docx"), "minimal.docx")))["word/document.xml"]!;
    expect(xml, "the minimal proposal has a table, not at its end").toContain("</w:tbl>");
    const end = bodyEnd(xml);
    expect(end.afterTable).toBe(false);
    expect(end.paragraph).toContain("<w:t");
    expect(xml).not.toContain('w:lineRule="exact"');
  });

  const schema = needs("xmllint", "python3", VALIDATE_DOCX);
  it.skipIf(schema.skip)(`the closing paragraph passes the ECMA-376 schema check ${schema.reason}`, async () => {
    const dir = project({ tabel: endingInTable(3) });
    const r = spawnSync(VALIDATE_DOCX, [join(await build(dir, "docx"), "tabel.docx")], { encoding: "utf8" });
    expect(r.stdout + r.stderr).toMatch(/^OK/);
    expect(r.status).toBe(0);
  });
});

const lo = needs("soffice", "pdfinfo", "pdftotext");
describe.skipIf(lo.skip)(`LibreOffice: no blank last page after a table that fills a page ${lo.reason}`, () => {
  it("LibreOffice ends every PDF with the table's last row, also where the table fills the page", async () => {
    const dir = project(Object.fromEntries(ROWS.map((n) => [`tabel-${n}`, endingInTable(n)])));
    const out = await build(dir, "pdf");
    const bottom = (page: { height: number }) => page.height - (MARGIN_BOTTOM / 25.4) * 72;
    const gaps: Record<string, number> = {};
    for (const n of ROWS) {
      const pdf = join(out, `tabel-${n}.pdf`);
      const last = Number(pdfInfo(pdf).Pages);
      const page = lastPage(pdf, last);
      // The last page holds the end of the table, not just the running header and footer.
      expect(page.text, `tabel-${n}.pdf, page ${last} of ${last}`).toMatch(new RegExp(`\\bRij\\s+${n}\\b`));
      // How far above the bottom margin the table's text ends (the footer is below it).
      const lowest = Math.max(...page.words.filter((w) => w.yMax < bottom(page)).map((w) => w.yMax));
      gaps[`tabel-${n}`] = Math.round((bottom(page) - lowest) * 10) / 10;
    }
    // The sweep is only a test if a table ended too close to the margin for an empty paragraph.
    const full = Object.entries(gaps).filter(([, gap]) => gap < BODY_LINE);
    expect(full, `no table ended within ${BODY_LINE} pt of the bottom margin (gaps: ${JSON.stringify(gaps)}): set MARGIN_BOTTOM anew`).not.toEqual([]);
  });
});

interface Word {
  yMax: number;
  text: string;
}

/** A page's text, its size, and its words with their lower edges (pdftotext -bbox, y downwards in pt). */
function lastPage(pdf: string, page: number): { text: string; height: number; words: Word[] } {
  const text = execFileSync("pdftotext", ["-layout", "-f", String(page), "-l", String(page), pdf, "-"], { encoding: "utf8" });
  const html = execFileSync("pdftotext", ["-bbox", "-f", String(page), "-l", String(page), pdf, "-"], { encoding: "utf8" });
  const height = Number(/<page width="[\d.]+" height="([\d.]+)"/.exec(html)?.[1]);
  const words = [...html.matchAll(/<word xMin="[\d.]+" yMin="[\d.]+" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({ yMax: Number(m[1]), text: m[2]! }));
  return { text, height, words };
}
