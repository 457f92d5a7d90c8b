import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import type { ChildNode } from "domhandler";
import { parseDocument } from "htmlparser2";
import mammoth from "mammoth";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withPdfs } from "../src/convert/pdf.js";
import { findSoffice } from "../src/convert/soffice.js";
import { ROOT, run, tempDir } from "./helpers.js";
import { docxParagraphs, docxParts, needs } from "./ooxml.js";
import { pdfInfo, pdfLang, pdfText } from "./pdf-tools.js";

/**
 * Real clients read what we write: every .docx in out/ (proposals, stamped proposals, agenda,
 * besluitenlijst, and whatever else is added there) through LibreOffice, pandoc and mammoth,
 * and every HTML page through axe-core in Chromium. out/ is what `build --check` keeps current,
 * so these are the documents people get.
 */
const OUT = join(ROOT, "out");
const under = (ext: string) => (readdirSync(OUT, { recursive: true }) as string[]).filter((f) => f.endsWith(ext)).sort();
const DOCX = under(".docx");
const HTML = under(".html");

/** A list marker as the canonical text and pandoc write it: 1. a. iv. or a bullet. */
const MARKER = /^(\d+|[a-z]|[ivxlcdm]+)\.$|^[-•]$/;

/**
 * The words of a text, for comparing texts that differ in layout only:
 * - setext underlines (`===`, `---`) of the canonical text and pandoc's table rules go;
 * - `|`, the canonical text's cell separator, goes;
 * - a trailing `:` or `;` goes: the canonical text writes a metadata entry as "Label: value" and
 *   the lines of one value joined with "; ", where the .docx has a tab and line breaks;
 * - with `markers: false`, list markers go too (for readers that do not number lists).
 */
function words(text: string, opts: { markers: boolean }): string[] {
  return text
    .split(/\s+/)
    .filter((w) => w !== "" && !/^[-=]{3,}$/.test(w) && w !== "|")
    .map((w) => w.replace(/[:;]$/, ""))
    .filter((w) => w !== "" && (opts.markers || !MARKER.test(w)));
}

/**
 * pandoc's plain text lays a table out in columns, so a row whose cells take several lines
 * interleaves them. Read its tables back into cells, row by row: a multiline table (what
 * pandoc writes for a .docx, whose tables have column widths) is a full-width rule, the header
 * lines, a rule whose dash runs mark the columns, rows separated by blank lines, and a closing
 * rule; without a header row, it opens with the column rule. A table with a cell of several
 * paragraphs or a list is a grid table instead: `+---+` rules (`+===+` below the header) whose
 * `+` mark the columns, and rows of `| … |` lines between them.
 */
function pandocCells(text: string): string {
  const lines = text.split("\n");
  const isRule = (l: string) => /^\s*-{3,}(\s+-{3,})*\s*$/.test(l);
  const isGridRule = (l: string) => /^\s*\+([-=:]+\+)+\s*$/.test(l);
  const starts = (l: string) => [...l.matchAll(/-+/g)].map((m) => m.index);
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    if (isGridRule(lines[i]!)) {
      const bounds = [...lines[i]!.matchAll(/\+/g)].map((m) => m.index);
      let row: string[] = [];
      let j = i + 1;
      for (; j < lines.length && (isGridRule(lines[j]!) || lines[j]!.trimStart().startsWith("|")); j++) {
        if (!isGridRule(lines[j]!)) {
          row.push(lines[j]!);
          continue;
        }
        for (const [c, start] of bounds.slice(0, -1).entries()) out.push(row.map((l) => l.slice(start + 1, bounds[c + 1])).join(" "));
        row = [];
      }
      i = j;
      continue;
    }
    if (!isRule(lines[i]!)) {
      out.push(lines[i++]!);
      continue;
    }
    let cols = starts(lines[i]!);
    let j = i + 1;
    const rows: string[][] = [];
    if (cols.length === 1) {
      const head: string[] = [];
      while (j < lines.length && !isRule(lines[j]!)) head.push(lines[j++]!);
      cols = starts(lines[j++] ?? "");
      rows.push(head);
    }
    let row: string[] = [];
    for (; j < lines.length && !isRule(lines[j]!); j++) {
      if (lines[j]!.trim() !== "") row.push(lines[j]!);
      else if (row.length > 0) (rows.push(row), (row = []));
    }
    if (row.length > 0) rows.push(row);
    for (const r of rows) for (const [c, start] of cols.entries()) out.push(r.map((l) => l.slice(start, cols[c + 1])).join(" "));
    i = j + 1;
  }
  return out.join("\n");
}

const BLOCK = /^(p|li|h\d|td|th|tr|table|ol|ul)$/;

/** The text of mammoth's HTML: blocks and line breaks become spaces. */
function htmlWords(html: string): string {
  let text = "";
  const walk = (nodes: ChildNode[]) => {
    for (const n of nodes) {
      if (n.type === "text") text += n.data;
      else if (n.type === "tag") {
        if (n.name === "br" || BLOCK.test(n.name)) text += " ";
        walk(n.children);
        if (BLOCK.test(n.name)) text += " ";
      }
    }
  };
  walk(parseDocument(html).children);
  return text.replace(/&nbsp;/g, " ");
}

/** The canonical text of every document `build` makes, at its place below out/ (as .txt). */
let canonical: string;
beforeAll(async () => {
  canonical = tempDir("bp-text-");
  const r = await run(["build", "--format", "text", "--out", canonical]);
  expect(r.code, r.stderr).toBe(0);
}, 120_000);

/**
 * The text a reader should find in a .docx: its canonical text, or for a .docx that `build`
 * does not make (a redline, say), the text of its document.xml as pandoc and mammoth read
 * tracked changes: accepted. LibreOffice's PDF shows deletions too (struck through), so for it
 * `deletions` adds them, in place.
 */
function reference(rel: string, opts: { deletions?: boolean } = {}): { text: string; canonical: boolean } {
  const txt = join(canonical, rel.replace(/\.docx$/, ".txt"));
  if (existsSync(txt)) return { text: readFileSync(txt, "utf8"), canonical: true };
  const bytes = readFileSync(join(OUT, rel));
  if (!opts.deletions) return { text: docxParagraphs(bytes).join("\n"), canonical: false };
  const xml = docxParts(bytes)["word/document.xml"]!;
  const paragraphs = xml.split("</w:p>").map((p) => [...p.matchAll(/<w:(?:t|delText)\b[^>]*>([^<]*)<|<w:(?:br|tab)\/>/g)].map((m) => m[1] ?? " ").join(""));
  return { text: paragraphs.join("\n").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&"), canonical: false };
}

/** The first word where two word lists part, with some context, for a readable failure. */
function firstDifference(expected: string[], actual: string[]): string | undefined {
  const n = Math.max(expected.length, actual.length);
  for (let i = 0; i < n; i++) {
    if (expected[i] !== actual[i]) return `word ${i}: expected …${expected.slice(Math.max(0, i - 4), i + 6).join(" ")}… got …${actual.slice(Math.max(0, i - 4), i + 6).join(" ")}…`;
  }
  return undefined;
}

it("out/ has the documents these tests read", () => {
  expect(DOCX.length).toBeGreaterThanOrEqual(9);
  expect(DOCX).toEqual(expect.arrayContaining(["meetings/ab-2020-10-01/agenda.docx", "meetings/ab-2020-10-01/besluitenlijst.docx", "proposals/terugblik-visitaties.docx"]));
  expect(HTML).toContain("meetings/ab-2020-10-01/bundle.html");
});

const lo = needs("soffice", "pdfinfo", "pdftotext");
describe.skipIf(lo.skip)(`LibreOffice converts every .docx in out/ to PDF ${lo.reason}`, () => {
  const pdfs = new Map<string, string>();
  let converted = 0;
  beforeAll(async () => {
    const dir = tempDir("bp-lo-pdf-");
    const outputs = DOCX.map((rel) => ({ path: rel, data: readFileSync(join(OUT, rel)) }));
    const soffice = await findSoffice(process.env);
    const r = await withPdfs(outputs, { writers: [], pdf: true }, { soffice, pdfa: false });
    converted = r.converted;
    for (const o of r.outputs) {
      const p = join(dir, o.path);
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, o.data);
      pdfs.set(o.path.replace(/\.pdf$/, ".docx"), p);
    }
  }, 300_000);

  it("all of them in one soffice run", () => {
    expect(converted).toBe(DOCX.length);
    expect([...pdfs.keys()].sort()).toEqual(DOCX);
  });

  it.each(DOCX)("%s: the PDF has the title, the language, A4 pages and every word", (rel) => {
    const pdf = pdfs.get(rel)!;
    const core = docxParts(readFileSync(join(OUT, rel)))["docProps/core.xml"]!;
    const title = /<dc:title>([^<]+)<\/dc:title>/.exec(core)![1]!.replace(/&apos;/g, "'").replace(/&amp;/g, "&");
    const info = pdfInfo(pdf);
    expect(info.Title).toBe(title);
    expect(info["Page size"]).toMatch(/^595\.\d+ x 841\.\d+ pts \(A4\)$/);
    expect(info.Tagged).toBe("yes");
    expect(pdfLang(pdf)).toBe("nl-NL");
    // Page layout moves words around (columns, running header and footer), so compare counts:
    // every word of the text is in the PDF at least as often.
    // LibreOffice breaks lines after a hyphen ("2014-" / "2019"), so words split there too.
    const count = (text: string) => {
      const m = new Map<string, number>();
      for (const w of words(text.replace(/-(?=\S)/g, "- "), { markers: false })) m.set(w, (m.get(w) ?? 0) + 1);
      return m;
    };
    const have = count(pdfText(pdf));
    const want = count(reference(rel, { deletions: true }).text);
    const short = [...want].filter(([w, n]) => (have.get(w) ?? 0) < n).map(([w, n]) => `${w} (${have.get(w) ?? 0} of ${n})`);
    expect(want.size).toBeGreaterThan(20);
    expect(short).toEqual([]);
  });
});

const pandoc = needs("pandoc");
describe.skipIf(pandoc.skip)(`pandoc reads every .docx in out/ with the same text ${pandoc.reason}`, () => {
  it.each(DOCX)("%s", (rel) => {
    // -s: pandoc reads the Title paragraph as the document's title and prints it only standalone.
    const text = execFileSync("pandoc", ["-f", "docx", "-t", "plain", "-s", "--wrap=none", join(OUT, rel)], { encoding: "utf8" });
    const ref = reference(rel);
    // pandoc numbers lists as we do (1. a. i. and -), so the markers are compared too.
    const expected = words(ref.text, { markers: ref.canonical });
    const actual = words(pandocCells(text), { markers: ref.canonical });
    expect(expected.length).toBeGreaterThan(20);
    expect(firstDifference(expected, actual)).toBeUndefined();
  });

  it("the table reading follows pandoc's layout (a row of several lines, a headerless table, a grid table)", () => {
    const sample = [
      "Title",
      "",
      "  ----- --------",
      "  Aan   Algemeen",
      "        bestuur",
      "",
      "  Datum 1 oktober",
      "  ----- --------",
      "",
      "  ----------------",
      "  Nr.  Onderwerp",
      "  ---- -----------",
      "  6    Vergaderschema",
      "       Bijlage 6-1",
      "  ----------------",
      "after",
    ].join("\n");
    expect(words(pandocCells(sample), { markers: true })).toEqual(["Title", "Aan", "Algemeen", "bestuur", "Datum", "1", "oktober", "Nr.", "Onderwerp", "6", "Vergaderschema", "Bijlage", "6-1", "after"]);
    // A cell of paragraphs and lists: a grid table.
    const grid = [
      "before",
      "",
      "+-----+--------------------+----------+",
      "| Nr. | Onderwerp          | Wijze    |",
      "+=====+====================+==========+",
      "| 6   | Evaluatie          | ter      |",
      "|     |                    | bespre-  |",
      "|     | -   eerste punt    |          |",
      "|     |                    |          |",
      "|     | 1.  genummerd      |          |",
      "+-----+--------------------+----------+",
      "| 7   | Sluiting           |          |",
      "+-----+--------------------+----------+",
      "",
      "after",
    ].join("\n");
    expect(words(pandocCells(grid), { markers: true })).toEqual(["before", "Nr.", "Onderwerp", "Wijze", "6", "Evaluatie", "-", "eerste", "punt", "1.", "genummerd", "ter", "bespre-", "7", "Sluiting", "after"]);
  });
});

describe("mammoth reads every .docx in out/ with the same text and no warnings", () => {
  it.each(DOCX)("%s", async (rel) => {
    const path = join(OUT, rel);
    const raw = await mammoth.extractRawText({ path });
    expect(raw.messages).toEqual([]);
    // Text from mammoth's HTML: its raw text drops line breaks (w:br) and glues the words on
    // either side together; its HTML keeps them as <br>. Lists are <ol>/<ul> without numbers.
    const html = await mammoth.convertToHtml({ path });
    const expected = words(reference(rel).text, { markers: false });
    expect(firstDifference(expected, words(htmlWords(html.value), { markers: false }))).toBeUndefined();
    // Headings come through as headings.
    const parts = docxParts(readFileSync(path));
    if (parts["word/document.xml"]!.includes('<w:pStyle w:val="Heading1"/>')) expect(html.value).toContain("<h1>");
    /*
     * mammoth's HTML conversion warns about every named style it has no HTML mapping for
     * ("Unrecognised paragraph style: 'Title'"): its built-in map knows only Heading 1–6 and
     * a few others, not even Word's own Title and Caption. That is mammoth's limit, not a fault
     * in the document: the warnings allowed are exactly those, for styles the document defines.
     * Any other warning (an unsupported element, a style used but not defined) fails.
     */
    const styles = parts["word/styles.xml"]!;
    const other = html.messages.filter((m) => {
      const style = /^Unrecognised (?:paragraph|run|table) style: '[^']*' \(Style ID: ([^)]+)\)$/.exec(m.message);
      return !(style && styles.includes(`w:styleId="${style[1]}"`));
    });
    expect(other).toEqual([]);
  });
});

describe("every .docx in out/ is accessible", () => {
  const parts = (rel: string) => docxParts(readFileSync(join(OUT, rel)));

  it.each(DOCX)("%s: language and title set, headings are heading styles in order, tables have header rows, images have alt text", (rel) => {
    const p = parts(rel);
    const doc = p["word/document.xml"]!;
    const styles = p["word/styles.xml"]!;
    // Language: in the default run properties, and in the core properties.
    expect(/<w:docDefaults>.*<w:lang w:val="nl-NL"\/>.*<\/w:docDefaults>/s.test(styles)).toBe(true);
    expect(p["docProps/core.xml"]).toMatch(/<dc:title>[^<]+<\/dc:title>/);
    expect(p["docProps/core.xml"]).toContain("<dc:language>nl-NL</dc:language>");

    // Headings are Word's heading styles (with an outline level: what the navigation pane,
    // screen readers and tagged PDF go by), start with the Title, and never skip a level.
    for (const [id, level] of [["Heading1", 0], ["Heading2", 1], ["Heading3", 2]] as const) {
      expect(styles).toMatch(new RegExp(`w:styleId="${id}".*?<w:outlineLvl w:val="${level}"/>.*?</w:style>`, "s"));
    }
    const used = [...doc.matchAll(/<w:pStyle w:val="([^"]+)"\/>/g)].map((m) => m[1]!);
    for (const id of new Set(used)) expect(styles, `style ${id} is defined`).toContain(`w:styleId="${id}"`);
    const levels = used.map((s) => (s === "Title" ? 0 : /^Heading(\d)$/.exec(s)?.[1])).filter((l) => l !== undefined).map(Number);
    expect(levels[0]).toBe(0);
    expect(levels.filter((l) => l === 0)).toHaveLength(1);
    levels.forEach((l, i) => i > 0 && expect(l, `heading ${i} after level ${levels[i - 1]}`).toBeLessThanOrEqual(levels[i - 1]! + 1));

    // Tables: data tables only, each with a caption before it, its first row a marked header
    // row, and no merged cells. (The metadata block is not a table: see the docx writer.)
    const tables = [...doc.matchAll(/(<w:p>(?:(?!<w:p>).)*?<\/w:p>)?<w:tbl>(.*?)<\/w:tbl>/gs)];
    for (const [, before, body] of tables) {
      expect(before ?? "").toContain('<w:pStyle w:val="Caption"/>');
      const first = /<w:tr>(.*?)<\/w:tr>/s.exec(body!)![1]!;
      expect(first).toMatch(/<w:trPr>.*<w:tblHeader\/>.*<\/w:trPr>/s);
      expect(body).not.toMatch(/<w:gridSpan|<w:vMerge/);
    }

    // Images (the logo, in the page header): alternative text.
    for (const [name, xml] of Object.entries(p)) {
      for (const m of xml.matchAll(/<wp:docPr\b[^>]*>/g)) expect(m[0], name).toMatch(/\bdescr="[^"]+"/);
    }
  });

  it("the checks above are not vacuous: out/ has tables, sub-headings and logos", () => {
    const all = DOCX.map((rel) => Object.values(parts(rel)).join("\n")).join("\n");
    expect(all).toContain("<w:tblHeader/>");
    expect(all).toContain('<w:pStyle w:val="Heading2"/>');
    expect(all.match(/<wp:docPr\b/g)?.length ?? 0).toBeGreaterThan(0);
  });
});

const chromium = needs("chromium");
describe.skipIf(chromium.skip)(`axe-core in Chromium finds no WCAG 2.1 AA violation in any HTML page in out/ ${chromium.reason}`, () => {
  let browser: Browser;
  beforeAll(async () => {
    const { chromium: pw } = await import("playwright-core");
    // Debian's Chromium, never a downloaded one; playwright gives it a fresh profile.
    const executablePath = execFileSync("sh", ["-c", "command -v chromium"], { encoding: "utf8" }).trim();
    browser = await pw.launch({
      executablePath,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
  }, 120_000);
  afterAll(async () => browser?.close());

  const AXE = join(ROOT, "node_modules", "axe-core", "axe.min.js");
  interface AxeResult {
    violations: { id: string; nodes: { target: string[]; failureSummary?: string }[] }[];
    passes: { id: string }[];
  }
  async function axe(url: string): Promise<AxeResult> {
    const page = await browser.newPage();
    try {
      await page.goto(url);
      await page.addScriptTag({ path: AXE });
      return await page.evaluate(async () => {
        // Runs in the page: its globals (document, axe) are not in this file's Node types.
        const page = globalThis as unknown as { document: unknown; axe: { run: (ctx: unknown, opts: unknown) => Promise<AxeResult> } };
        const r = await page.axe.run(page.document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } });
        return { violations: r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) })), passes: r.passes.map((p) => ({ id: p.id })) };
      });
    } finally {
      await page.close();
    }
  }

  it.each(HTML)("%s", async (rel) => {
    const r = await axe(pathToFileURL(join(OUT, rel)).href);
    const found = r.violations.flatMap((v) => v.nodes.map((n) => `${v.id} at ${n.target.join(" ")}: ${n.failureSummary ?? ""}`));
    expect(found).toEqual([]);
    // It really ran: the rules about language, contrast, headings and tables passed.
    expect(r.passes.map((p) => p.id)).toEqual(expect.arrayContaining(["html-has-lang", "color-contrast", "heading-order", "landmark-one-main", "region"]));
  });

  it("a page with the usual mistakes has violations (the check can fail)", async () => {
    const dir = tempDir("bp-axe-");
    writeFileSync(
      join(dir, "bad.html"),
      '<!DOCTYPE html><html><head><title>x</title></head><body><h1>T</h1><h4>skipped</h4><p style="color:#bbb;background:#fff">pale</p><img src="data:image/png;base64,iVBORw0KGgo="></body></html>',
    );
    const ids = (await axe(pathToFileURL(join(dir, "bad.html")).href)).violations.map((v) => v.id);
    expect(ids).toEqual(expect.arrayContaining(["html-has-lang", "color-contrast", "heading-order", "image-alt"]));
  });
});
