import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import Handlebars from "handlebars";
import { HtmlValidate, StaticConfigLoader } from "html-validate";
import { isTag } from "domhandler";
import { DomUtils, parseDocument } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { readDocx } from "../src/readers/docx-reader.js";
import { changedOnly } from "../src/review/changed-only.js";
import { diffTrees } from "../src/review/diff-trees.js";
import { DEFAULT_STYLE_SHEET } from "../src/style/style-sheet.js";
import { annotateTemplate } from "../src/template/annotate.js";
import { HELPERS } from "../src/template/helpers.js";
import { nest } from "../src/tree/compose.js";
import { treeFromMarkup } from "../src/tree/from-markup.js";
import type { Cell, DocumentNode, Inline, List, Paragraph, Table, TableRow } from "../src/tree/types.js";
import { writeDocx } from "../src/writers/docx/docx-writer.js";
import { writeHtml } from "../src/writers/html/html-writer.js";
import { writeText } from "../src/writers/text/text-writer.js";
import { messagesIn, tempDir } from "./helpers.js";
import { docxParts, needs, resolveChanges, VALIDATE_DOCX, xmlParagraphs } from "./ooxml.js";

// Written about behaviour, with the English messages; the template errors in Dutch: test/messages-language.test.ts.
messagesIn("en");

/**
 * Table cells that hold paragraphs and lists (`tableBlockCell`): an agenda item's Markdown
 * `toelichting` in its cell, from the template through the tree to every writer and back
 * through the .docx reader and the redline.
 */

const FILE = "templates/partials/agendapunt.hbs";

/** A template as the template set renders it: annotated with its lines, the real helpers (`md`). */
function render(template: string, data: unknown): DocumentNode {
  const { source } = annotateTemplate(0, FILE, template);
  const hb = Handlebars.create();
  hb.registerHelper(HELPERS);
  return treeFromMarkup(hb.compile(source, { strict: true })(data), [FILE]);
}

const HEAD = `<meta name="title" content="Agenda">
<meta name="language" content="nl-NL">
<meta name="date" content="2026-03-12">
<h1>Agenda</h1>
`;

/** An agenda-like table: the second cell of each row holds the title and its explanation. */
const TEMPLATE = `${HEAD}<table data-widths="9 63 28">
  <caption>Ter besluitvorming</caption>
  <thead><tr><th>Nr.</th><th>Onderwerp</th><th>Behandeling</th></tr></thead>
  <tbody>
  {{#each punten}}
    <tr>
      <td>{{nummer}}</td>
      <td><p><strong>{{titel}}</strong></p>{{md toelichting}}</td>
      <td>{{behandeling}}</td>
    </tr>
  {{/each}}
  </tbody>
</table>
<p>Na de tabel.</p>
<ol><li>Een lijst na de tabel.</li></ol>
`;

const TOELICHTING = `Het programma vervangt de tankautospuiten in **drie** tranches.

- eerste tranche 2021
- tweede tranche 2024
  1. Lelystad
  2. Almere
- derde tranche 2027

Zie [de nota](https://example.nl/nota).`;

const DATA = {
  punten: [
    { nummer: "7", titel: "Vervangingsprogramma tankautospuiten", toelichting: TOELICHTING, behandeling: "ter besluitvorming" },
    // Without an explanation the cell is a line of text, as always.
    { nummer: "8", titel: "Terugblik visitaties", toelichting: "", behandeling: "ter kennisname" },
  ],
};

const t = (value: string): Inline => ({ type: "text", value });
const p = (...children: Inline[]): Paragraph => ({ type: "paragraph", children });
const item = (...children: (Paragraph | List)[]) => ({ type: "listItem" as const, children });

const TREE = render(TEMPLATE, DATA);
const table = TREE.children.find((b): b is Table => b.type === "table")!;

describe("block cells: markup → tree", () => {
  it("a cell with <p>, <ul>, <ol> (the md helper's output) becomes a tableBlockCell with those blocks", () => {
    const [nr, onderwerp, behandeling] = table.rows[0]!.cells;
    expect(nr).toEqual({ type: "tableCell", children: [t("7")] });
    expect(behandeling).toEqual({ type: "tableCell", children: [t("ter besluitvorming")] });
    expect(onderwerp).toEqual({
      type: "tableBlockCell",
      children: [
        p({ type: "strong", children: [t("Vervangingsprogramma tankautospuiten")] }),
        p(t("Het programma vervangt de tankautospuiten in "), { type: "strong", children: [t("drie")] }, t(" tranches.")),
        {
          type: "list",
          style: "bullet",
          start: 1,
          children: [
            item(p(t("eerste tranche 2021"))),
            item(p(t("tweede tranche 2024")), { type: "list", style: "decimal", start: 1, children: [item(p(t("Lelystad"))), item(p(t("Almere")))] }),
            item(p(t("derde tranche 2027"))),
          ],
        },
        p(t("Zie "), { type: "link", url: "https://example.nl/nota", children: [t("de nota")] }, t(".")),
      ],
    });
  });

  it("a cell of one paragraph is a block cell too; a cell without blocks parses as before", () => {
    expect(table.rows[1]!.cells[1]).toEqual({ type: "tableBlockCell", children: [p({ type: "strong", children: [t("Terugblik visitaties")] })] });
    const inline = render(`${HEAD}<table><caption>C</caption><thead><tr><th>A</th></tr></thead><tbody><tr><td> <strong>x</strong><br>y </td></tr></tbody></table>`, {});
    expect((inline.children[1] as Table).rows[0]!.cells[0]).toEqual({ type: "tableCell", children: [{ type: "strong", children: [t("x")] }, { type: "break" }, t("y")] });
  });

  it("a header cell may hold blocks as well", () => {
    const doc = render(`${HEAD}<table><caption>C</caption><thead><tr><th><p>Onderwerp</p><p>en toelichting</p></th></tr></thead></table>`, {});
    expect((doc.children[1] as Table).head.cells[0]).toEqual({ type: "tableBlockCell", children: [p(t("Onderwerp")), p(t("en toelichting"))] });
  });

  /** The diagnostic a template's rendered markup is rejected with. */
  function rejection(template: string, data: unknown = {}): { file: string; pos: { line: number; col: number }; message: string } {
    try {
      render(template, data);
    } catch (e) {
      const d = (e as { diagnostic?: { file: string; pos: { line: number; col: number }; message: string } }).diagnostic;
      if (d) return d;
      throw e;
    }
    throw new Error("not rejected");
  }

  it("loose text or inline markup beside blocks is an error at the cell's template line", () => {
    const table = (cell: string) => `${HEAD}<table>\n<caption>C</caption>\n<thead><tr><th>A</th></tr></thead>\n<tbody><tr>\n  ${cell}\n</tr></tbody></table>`;
    // The cell is on line 9 of the template (HEAD is 4 lines), at column 3.
    expect(rejection(table("<td>{{titel}}{{md toelichting}}</td>"), { titel: "Vervanging", toelichting: "Uitleg." })).toEqual({
      file: FILE,
      severity: "error",
      pos: { line: 9, col: 3 },
      message: "a <td> holds either a line of text or blocks (<p>, <ul>, <ol>), not both: text `Vervanging` is outside a block; put it in a <p>",
    });
    expect(rejection(table("<td>{{md toelichting}}\n  <strong>Let op</strong></td>"), { toelichting: "- a\n- b" })).toMatchObject({
      pos: { line: 10, col: 3 },
      message: "a <td> holds either a line of text or blocks (<p>, <ul>, <ol>), not both: <strong> `Let op` is outside a block; put it in a <p>",
    });
    expect(rejection(table("<td><p>a</p><br><p>b</p></td>")).message).toContain("<br> is outside a block");
    // Inline markup that came from the data (no line of its own) is said of the cell.
    expect(rejection(table('<td><p>a</p>{{mdInline "**b**"}}</td>'))).toMatchObject({ pos: { line: 9, col: 3 }, message: expect.stringContaining("<strong> `b` is outside a block") });
    expect(rejection(table("<td><p>a</p><h2>b</h2></td>"))).toMatchObject({
      pos: { line: 9, col: 15 },
      message: "<h2> cannot appear in a table cell; a cell holds a line of text, or <p>, <ul> and <ol>",
    });
    // In a cell of inline content, a heading is the error it always was.
    expect(rejection(table("<td>a<h2>b</h2></td>")).message).toMatch(/^<h2> cannot appear inside a line of text/);
  });
});

const WRITE = { style: DEFAULT_STYLE_SHEET };

describe("block cells: .docx", async () => {
  const bytes = await writeDocx(TREE, WRITE);
  const xml = docxParts(bytes)["word/document.xml"]!;
  const cells = [...xml.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((m) => m[1]!);
  const cell = cells.find((c) => c.includes("Vervangingsprogramma"))!;
  const paragraphs = [...cell.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map((m) => m[0]);

  it("a block cell is several paragraphs in the cell; its lists are Word list paragraphs with numbering", () => {
    expect(xmlParagraphs(cell)).toEqual([
      "Vervangingsprogramma tankautospuiten",
      "Het programma vervangt de tankautospuiten in drie tranches.",
      "eerste tranche 2021",
      "tweede tranche 2024",
      "Lelystad",
      "Almere",
      "derde tranche 2027",
      "Zie de nota.",
    ]);
    const style = (x: string) => /<w:pStyle w:val="([^"]+)"\/>/.exec(x)?.[1];
    const numPr = (x: string) => /<w:numPr><w:ilvl w:val="(\d)"\/><w:numId w:val="(\d+)"\/><\/w:numPr>/.exec(x)?.slice(1);
    expect(paragraphs.map(style)).toEqual(["TableText", "TableText", "ListBullet", "ListBullet", "ListNumber", "ListNumber", "ListBullet", "TableText"]);
    // Bullets on level 0, the nested numbered list on level 1, each list its own numbering instance.
    const nums = paragraphs.map(numPr);
    expect(nums.map((n) => n?.[0])).toEqual([undefined, undefined, "0", "0", "1", "1", "0", undefined]);
    expect(nums[2]![1]).toBe(nums[3]![1]);
    expect(nums[2]![1]).toBe(nums[6]![1]);
    expect(nums[4]![1]).not.toBe(nums[2]![1]);
    // The numbering instances exist, and the list after the table has one of its own.
    const numbering = docxParts(bytes)["word/numbering.xml"]!;
    for (const n of nums.filter(Boolean)) expect(numbering).toContain(`<w:num w:numId="${n![1]}">`);
    const after = [...xml.matchAll(/<w:p>(?:(?!<\/w:p>)[\s\S])*Een lijst na de tabel[\s\S]*?<\/w:p>/g)][0]![0];
    expect(numPr(after)?.[1]).not.toBe(nums[2]![1]);
    // Lists are indented within the cell, less than in the body (0.5 cm a level).
    expect(paragraphs[2]).toContain('<w:ind w:left="284" w:hanging="284"/>');
    expect(paragraphs[4]).toContain('<w:ind w:left="568" w:hanging="284"/>');
    expect(after).not.toContain("<w:ind");
    // Paragraphs are spaced a little apart; the last one has no space below.
    expect(paragraphs[0]).toContain('<w:spacing w:after="60"/>');
    expect(paragraphs[7]).not.toContain("<w:spacing");
  });

  it("the page break and gap after a table belong to body paragraphs, never to one in a cell", () => {
    expect(cell).not.toContain("pageBreakBefore");
    // The paragraph after the table has its space above, as always.
    expect(/<w:p>(?:(?!<\/w:p>)[\s\S])*Na de tabel/.exec(xml)![0]).toContain('w:before="160"');
  });

  it("a cell of inline content is one paragraph, exactly as before", () => {
    expect(cells.find((c) => c.includes(">7<"))).toMatch(/^<w:tcPr>[\s\S]*<\/w:tcPr><w:p><w:pPr><w:pStyle w:val="TableText"\/><\/w:pPr><w:r><w:t xml:space="preserve">7<\/w:t><\/w:r><\/w:p>$/);
  });

  const schema = needs("xmllint", "python3", VALIDATE_DOCX);
  it.skipIf(schema.skip)(`passes validate-docx (the schema check) ${schema.reason}`, () => {
    const file = join(tempDir(), "agenda.docx");
    writeFileSync(file, bytes);
    const r = spawnSync(VALIDATE_DOCX, [file], { encoding: "utf8" });
    expect(r.stdout + r.stderr).toMatch(/^OK/);
    expect(r.status).toBe(0);
  });
});

describe("block cells: HTML", () => {
  const html = writeHtml(TREE, DEFAULT_STYLE_SHEET);
  const dom = parseDocument(html);

  it("the cell holds its <p>, <ul> and nested <ol>", () => {
    const td = DomUtils.getElementsByTagName("td", dom.children).find((e) => DomUtils.textContent(e).includes("Vervangingsprogramma"))!;
    expect(DomUtils.getChildren(td).filter(isTag).map((e) => e.name)).toEqual(["p", "p", "ul", "p"]);
    expect(html).toContain(
      '<td>\n<p><strong>Vervangingsprogramma tankautospuiten</strong></p>\n<p>Het programma vervangt de tankautospuiten in <strong>drie</strong> tranches.</p>\n<ul>\n<li>eerste tranche 2021</li>\n<li>\n<p>tweede tranche 2024</p>\n<ol type="1">\n<li>Lelystad</li>\n<li>Almere</li>\n</ol>\n</li>\n<li>derde tranche 2027</li>\n</ul>\n<p>Zie <a href="https://example.nl/nota">de nota</a>.</p>\n</td>',
    );
    expect(html).toContain("<td>7</td>");
    // Spacing for blocks in cells, only in a document that has them.
    expect(html).toContain("td > :last-child, th > :last-child { margin-bottom: 0; }");
    const plain = render(`${HEAD}<table><caption>C</caption><thead><tr><th>A</th></tr></thead><tbody><tr><td>x</td></tr></tbody></table>`, {});
    expect(writeHtml(plain, DEFAULT_STYLE_SHEET)).not.toContain("td > :last-child");
  });

  it("passes html-validate (recommended, a11y, document)", async () => {
    const config = { extends: ["html-validate:recommended", "html-validate:a11y", "html-validate:document"], rules: { "long-title": "off" as const } };
    const report = await new HtmlValidate(new StaticConfigLoader(config)).validateString(html, "out.html");
    const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
    expect(messages, messages.join("\n")).toEqual([]);
  });
});

/** The text of the agenda table, as the text writer prints it. */
const TABLE_TEXT = `Ter besluitvorming
Nr. | Onderwerp | Behandeling
7 | Vervangingsprogramma tankautospuiten
Het programma vervangt de tankautospuiten in drie tranches.
- eerste tranche 2021
- tweede tranche 2024
  1. Lelystad
  2. Almere
- derde tranche 2027
Zie de nota. | ter besluitvorming
8 | Terugblik visitaties | ter kennisname`;

describe("block cells: text, and reading the .docx back", () => {
  it("a block cell goes on over lines: a paragraph per line, lists numbered and indented, no blank lines", () => {
    expect(writeText(TREE)).toBe(`Agenda\n======\n\n${TABLE_TEXT}\n\nNa de tabel.\n\n1. Een lijst na de tabel.\n`);
  });

  it("the .docx reads back into the same text (boardpaper text FILE.docx = FILE.yaml)", async () => {
    const read = readDocx(await writeDocx(TREE, WRITE));
    expect(writeText(read)).toBe(writeText(TREE));
    // Several paragraphs or list paragraphs in a cell: a block cell; one paragraph: a line of text.
    const cells = read.children.find((b): b is Table => b.type === "table")!.rows.map((r) => r.cells.map((c) => c.type));
    expect(cells).toEqual([
      ["tableCell", "tableBlockCell", "tableCell"],
      ["tableCell", "tableCell", "tableCell"],
    ]);
    const list = (read.children.find((b): b is Table => b.type === "table")!.rows[0]!.cells[1] as Extract<Cell, { type: "tableBlockCell" }>).children[2];
    expect(list).toMatchObject({ type: "list", style: "bullet", children: [{}, { children: [{}, { type: "list", style: "decimal" }] }, {}] });
  });

  it("a list item's further paragraphs, an empty paragraph, a list that starts at 3: all read back the same", async () => {
    const sub: List = { type: "list", style: "bullet", start: 1, children: [item(p(t("sub")), p(t("sub-vervolg")))] };
    const cell: Cell = {
      type: "tableBlockCell",
      children: [
        { type: "list", style: "lower-alpha", start: 3, children: [item(p(t("c-punt")), sub, p(t("vervolg"))), item(p(t("d-punt")))] },
        p(),
        p(t("slot"), { type: "break" }, t("regel")),
      ],
    };
    const doc: DocumentNode = { ...TREE, children: [{ ...table, rows: [{ type: "tableRow", cells: [{ type: "tableCell", children: [] }, cell, { type: "tableCell", children: [] }] }] }] };
    const text = writeText(doc);
    expect(text).toContain(" | c. c-punt\n   - sub\n     sub-vervolg\n   vervolg\nd. d-punt\nslot\nregel | ");
    const read = readDocx(await writeDocx(doc, WRITE));
    expect(writeText(read)).toBe(text);
    // The paragraph after the sub-list is the outer item's again (read from its indent).
    expect((read.children[0] as Table).rows[0]!.cells[1]).toEqual(cell);
  });
});

describe("block cells: redline and nesting", () => {
  const REVISIONS = { author: "Griffie", date: "2026-03-13" };
  const changed = render(TEMPLATE, {
    punten: [
      { ...DATA.punten[0], toelichting: TOELICHTING.replace("drie", "vier").replace("- derde tranche 2027\n", "- derde tranche 2027\n- vierde tranche 2030\n") },
      { ...DATA.punten[1], toelichting: "Nu met toelichting." },
    ],
  });
  const { tree: red, changes } = diffTrees(TREE, changed, REVISIONS);
  const redTable = red.children.find((b): b is Table => b.type === "table")!;

  it("compares block cells paragraph by paragraph and word by word, and a line against blocks", () => {
    expect(changes).toBe(3);
    const cell = redTable.rows[0]!.cells[1] as Extract<Cell, { type: "tableBlockCell" }>;
    expect(cell.children[1]).toEqual(
      p(
        t("Het programma vervangt de tankautospuiten in "),
        { type: "deletion", children: [{ type: "strong", children: [t("drie")] }] },
        { type: "insertion", children: [{ type: "strong", children: [t("vier")] }] },
        t(" tranches."),
      ),
    );
    const bullets = (cell.children[2] as List).children;
    expect(bullets[3]).toEqual({ type: "listItem", revision: "inserted", children: [{ type: "paragraph", revision: "inserted", children: [{ type: "insertion", children: [t("vierde tranche 2030")] }] }] });
    expect(redTable.rows[1]!.cells[1]).toMatchObject({ type: "tableBlockCell", children: [{}, { revision: "inserted" }] });
    expect(writeText(red)).toContain("Het programma vervangt de tankautospuiten in [-drie-]{+vier+} tranches.");
    expect(writeText(red)).toContain("- {+vierde tranche 2030+}");
    expect(changedOnly(red).children.map((b) => b.type)).toEqual(["title", "table"]);
    // Nothing changed, nothing marked.
    expect(diffTrees(TREE, TREE, REVISIONS).changes).toBe(0);
  });

  it("an inserted or deleted row of block cells marks its paragraphs; the redline's .docx is valid and resolves", async () => {
    const fewer = render(TEMPLATE, { punten: [DATA.punten[1]] });
    const gone = diffTrees(TREE, fewer, REVISIONS).tree;
    const row = gone.children.find((b): b is Table => b.type === "table")!.rows[0] as TableRow;
    expect(row.revision).toBe("deleted");
    expect((row.cells[1] as Extract<Cell, { type: "tableBlockCell" }>).children.every((b) => b.type === "list" || b.revision === "deleted")).toBe(true);
    for (const [older, newer, tree] of [[TREE, changed, red], [TREE, fewer, gone]] as const) {
      const xml = docxParts(await writeDocx(tree, WRITE))["word/document.xml"]!;
      const plain = async (d: DocumentNode) => xmlParagraphs(docxParts(await writeDocx(d, WRITE))["word/document.xml"]!);
      expect(xmlParagraphs(resolveChanges(xml, "accept"))).toEqual(await plain(newer));
      expect(xmlParagraphs(resolveChanges(xml, "reject"))).toEqual(await plain(older));
    }
    const schema = needs("xmllint", "python3", VALIDATE_DOCX);
    if (schema.skip) return;
    const file = join(tempDir(), "red.docx");
    writeFileSync(file, await writeDocx(red, WRITE));
    expect(spawnSync(VALIDATE_DOCX, [file], { encoding: "utf8" }).stdout).toMatch(/^OK/);
  });

  it("nesting a document (the meeting bundle) reaches links inside block cells", () => {
    const doc = render(`${HEAD}<h2>Sectie</h2><table><caption>C</caption><thead><tr><th>A</th></tr></thead><tbody><tr><td>{{md "Zie [de sectie](#sectie)."}}</td></tr></tbody></table>`, {});
    const nested = nest(doc, "punt-7");
    const cell = (nested.find((b): b is Table => b.type === "table")!.rows[0]!.cells[0] as Extract<Cell, { type: "tableBlockCell" }>).children[0] as Paragraph;
    expect(cell.children[1]).toMatchObject({ type: "link", url: "#punt-7-sectie" });
  });
});
