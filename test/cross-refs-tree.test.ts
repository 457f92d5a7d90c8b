import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import Handlebars from "handlebars";
import { HtmlValidate, StaticConfigLoader } from "html-validate";
import { describe, expect, it } from "vitest";
import { readDocx } from "../src/readers/docx-reader.js";
import { diffTrees } from "../src/review/diff-trees.js";
import { DEFAULT_STYLE_SHEET } from "../src/style/style-sheet.js";
import { annotateTemplate } from "../src/template/annotate.js";
import { nest } from "../src/tree/compose.js";
import { treeFromMarkup } from "../src/tree/from-markup.js";
import type { Block, DocumentNode, Inline, List, ListItem, Paragraph } from "../src/tree/types.js";
import { targetBookmarkName } from "../src/writers/docx/cross-refs.js";
import { writeDocx } from "../src/writers/docx/docx-writer.js";
import { writeHtml } from "../src/writers/html/html-writer.js";
import { writeText } from "../src/writers/text/text-writer.js";
import { messagesIn, tempDir } from "./helpers.js";
import { docxParts, needs, resolveChanges, VALIDATE_DOCX, xmlParagraphs } from "./ooxml.js";

// Written about behaviour, with the English messages; the template errors in Dutch: test/messages-language.test.ts.
messagesIn("en");

/**
 * Cross-references in the document tree (issue 16): `<target id>`, `<ref to>` and `<li id>` in
 * the markup, the `target` and `reference` nodes and `listItem.id`, and what every writer, the
 * .docx reader, nesting into the bundle and the redline make of them.
 */

const FILE = "templates/proposal.hbs";

/** A template as the template set renders it: annotated with its lines, then filled in. */
function render(template: string, data: unknown = {}): DocumentNode {
  const { source } = annotateTemplate(0, FILE, template);
  return treeFromMarkup(Handlebars.create().compile(source, { strict: true })(data), [FILE]);
}

const HEAD = `<meta name="title" content="Vervanging tankautospuiten">
<meta name="language" content="nl-NL">
<meta name="date" content="2026-03-12">
<h1>Vervanging tankautospuiten</h1>
`;

/** A proposal that refers to an appendix, a beslispunt and a sub-point, as the data resolves them. */
const TEMPLATE = `${HEAD}<h2>Beslispunten</h2>
<ol>
  <li>Het vervangingsprogramma vast te stellen.</li>
  <li id="beslispunt-kosten">De kosten te dekken uit de reserve:
    <ol type="a"><li id="beslispunt-tranche">eerste tranche</li></ol>
  </li>
</ol>
<h2>Argumenten</h2>
<p>Conform bijlage <ref to="bijlage-begroting">{{bijlage}}</ref> en beslispunt <ref to="beslispunt-kosten">2</ref> (zie beslispunt <strong><ref to="beslispunt-tranche">2a</ref></strong>).</p>
<table data-widths="1 3">
  <caption>Planning</caption>
  <thead><tr><th>Jaar</th><th>Wat</th></tr></thead>
  <tbody><tr><td>2026</td><td>Tranche van beslispunt <ref to="beslispunt-tranche">2a</ref></td></tr></tbody>
</table>
<hr>
<h2>Bijlage <target id="bijlage-begroting">{{bijlage}}</target>: Begroting</h2>
<p>De begroting.</p>
`;

const TREE = render(TEMPLATE, { bijlage: "2" });
const WRITE = { style: DEFAULT_STYLE_SHEET };

const t = (value: string): Inline => ({ type: "text", value });
const ref = (target: string, text: string): Inline => ({ type: "reference", target, children: [t(text)] });
const para = (...children: Inline[]): Paragraph => ({ type: "paragraph", children });

/** Every inline node of a block list, at any depth (lists, cells, headings). */
function inlinesOf(blocks: readonly Block[]): Inline[] {
  const out: Inline[] = [];
  const walk = (nodes: readonly Inline[]) => nodes.forEach((n) => (out.push(n), "children" in n && walk(n.children)));
  const flow = (c: Paragraph | List): void => (c.type === "list" ? c.children.forEach((i) => i.children.forEach(flow)) : walk(c.children));
  for (const b of blocks) {
    if (b.type === "title" || b.type === "heading" || b.type === "paragraph") walk(b.children);
    if (b.type === "list") flow(b);
    if (b.type === "table") {
      walk(b.caption);
      for (const r of [b.head, ...b.rows]) for (const c of r.cells) (c.type === "tableCell" ? walk(c.children) : c.children.forEach(flow));
    }
  }
  return out;
}

/** The list items of a block list, at any depth. */
function itemsOf(blocks: readonly Block[]): ListItem[] {
  const list = (l: List): ListItem[] => l.children.flatMap((i) => [i, ...i.children.flatMap((c) => (c.type === "list" ? list(c) : []))]);
  return blocks.flatMap((b) => (b.type === "list" ? list(b) : []));
}

describe("cross-references: markup → tree", () => {
  it("<target id> is a target node around its content; <ref to> a reference holding what it prints", () => {
    const bijlage = TREE.children.find((b) => b.type === "heading" && b.id.startsWith("bijlage"))!;
    expect(bijlage).toEqual({
      type: "heading",
      depth: 1,
      id: "bijlage-2-begroting",
      children: [t("Bijlage "), { type: "target", id: "bijlage-begroting", children: [t("2")] }, t(": Begroting")],
    });
    const argumenten = TREE.children.find((b): b is Paragraph => b.type === "paragraph" && b.children.some((c) => c.type === "reference"))!;
    // The word before a reference is ordinary text; whitespace collapses around it as around <strong>.
    expect(argumenten.children).toEqual([
      t("Conform bijlage "),
      ref("bijlage-begroting", "2"),
      t(" en beslispunt "),
      ref("beslispunt-kosten", "2"),
      t(" (zie beslispunt "),
      { type: "strong", children: [ref("beslispunt-tranche", "2a")] },
      t(")."),
    ]);
  });

  it("<li id> gives the list item its id, at any depth; items without one have none", () => {
    const items = itemsOf(TREE.children);
    expect(items.map((i) => i.id)).toEqual([undefined, "beslispunt-kosten", "beslispunt-tranche"]);
    expect("id" in items[0]!).toBe(false);
  });

  it("targets and references in table cells, headings and formatting; a target may be empty", () => {
    const cell = inlinesOf(TREE.children.filter((b) => b.type === "table"));
    expect(cell).toContainEqual(ref("beslispunt-tranche", "2a"));
    const doc = render(`${HEAD}<p>Zie <ref to="leeg">hier</ref>.</p><p><target id="leeg"></target>Tekst <em><target id="nadruk">nadruk</target></em></p>`);
    expect(doc.children[1]).toEqual(para(t("Zie "), ref("leeg", "hier"), t(".")));
    expect(doc.children[2]).toEqual(para({ type: "target", id: "leeg", children: [] }, t("Tekst "), { type: "emphasis", children: [{ type: "target", id: "nadruk", children: [t("nadruk")] }] }));
  });

  it("heading anchors stay clear of target ids, even of a target further on", () => {
    const doc = render(`${HEAD}<h2>Argumenten</h2>\n<p>Zie <ref to="argumenten">Argumenten</ref>.</p>\n<h2><target id="argumenten">Argumenten</target> (vervolg)</h2>`);
    const headings = doc.children.filter((b) => b.type === "heading");
    expect(headings.map((h) => h.id)).toEqual(["argumenten-2", "argumenten-vervolg"]);
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

  it("an id given twice in a document is an error at the template line of the second", () => {
    // HEAD is 4 lines: the body starts on line 5.
    expect(rejection(`${HEAD}<h2>Bijlage <target id="b">1</target></h2>\n<ol>\n  <li id="b">punt</li>\n</ol>`)).toEqual({
      file: FILE,
      severity: "error",
      pos: { line: 7, col: 3 },
      message: `the id "b" is given twice in this document (first on <target> at ${FILE}:5)`,
    });
    // The same template line twice (an {{#each}} giving every item the same id) is caught too.
    expect(rejection(`${HEAD}{{#each xs}}\n<p><target id="x">{{this}}</target></p>\n{{/each}}`, { xs: [1, 2] })).toMatchObject({ pos: { line: 6, col: 4 }, message: expect.stringContaining('the id "x" is given twice') });
  });

  it("a <ref to> whose target is not in the document is an error at its template line", () => {
    expect(rejection(`${HEAD}<p>Zie\n  bijlage <ref to="bijlage-weg">3</ref>.</p>`)).toEqual({
      file: FILE,
      severity: "error",
      pos: { line: 6, col: 11 },
      message: '<ref to="bijlage-weg"> refers to nothing in this document: there is no <target id="bijlage-weg"> or <li id="bijlage-weg">',
    });
    expect(rejection(`${HEAD}<p><ref>3</ref></p>`).message).toBe('<ref> needs the id of what it refers to: <ref to="…">');
  });

  it("ids are a letter, then letters, digits, - and _; a target needs one", () => {
    expect(rejection(`${HEAD}<p><target id="7-2">7-2</target></p>`)).toMatchObject({ pos: { line: 5, col: 4 }, message: '<target id="7-2"> is not a valid id: a letter, then letters, digits, - and _' });
    expect(rejection(`${HEAD}<ol><li id="punt {{x}}">a</li></ol>`, { x: 1 }).message).toBe('<li id="punt 1"> is not a valid id: a letter, then letters, digits, - and _');
    expect(rejection(`${HEAD}<ol><li id="">a</li></ol>`).message).toBe('<li id=""> is not a valid id: a letter, then letters, digits, - and _');
    expect(rejection(`${HEAD}<p><target>2</target></p>`).message).toBe('<target> needs an id: <target id="…">');
  });

  it("a reference holds its printed text; targets and references do not nest, nor go in a link or the running header", () => {
    expect(rejection(`${HEAD}<p><target id="a">1</target> <ref to="a"> </ref></p>`).message).toBe('<ref to="a"> is empty: it holds what it prints now, such as the number of its target');
    expect(rejection(`${HEAD}<p><target id="a">1</target> <ref to="a">1<br>2</ref></p>`)).toMatchObject({ pos: { line: 5, col: 43 }, message: "a <ref> holds the text it prints (text, <strong>, <em>), not <br>" });
    expect(rejection(`${HEAD}<p><target id="a">1 <ref to="a">1</ref></target></p>`).message).toBe("a <ref> cannot be inside <target>");
    expect(rejection(`${HEAD}<p><a href="#x"><target id="a">1</target></a></p>`).message).toBe("a <target> cannot be inside <a>: a link already points somewhere");
    expect(rejection(`${HEAD}<p><target id="a">1</target> <a href="#x">zie <ref to="a">1</ref></a></p>`).message).toBe("a <ref> cannot be inside <a>: a link already points somewhere");
    expect(rejection(`${HEAD}<header>Bijlage <strong><target id="a">1</target></strong></header>`).message).toBe(
      "a <target> cannot be inside <header>: the running header is on every page; cross-references are in the body",
    );
    expect(rejection(`${HEAD}<p><target id="a">1</target></p><footer><em><ref to="a">1</ref></em></footer>`).message).toMatch(/^a <ref> cannot be inside <footer>/);
    // Directly in the header or footer, they are not among what a line there may hold.
    expect(rejection(`${HEAD}<header><target id="a">1</target></header>`).message).toBe("<target> cannot appear inside a line of text; only <strong>, <em>, <a>, <br> can");
    expect(rejection(`${HEAD}<p><target id="a">1</target></p><footer><ref to="a">1</ref></footer>`).message).toMatch(/^<ref> cannot appear inside a line of text; only <strong>, <em>, <a>, <br>, <page-number>, <page-count> can$/);
  });

  it("a reference the data's Markdown put inside its own link keeps its text (the link is the pointer)", () => {
    // No data-src on the <a> and <ref>: they came from a Markdown field, not the template.
    const markup = `<meta name="title" content="T"><meta name="language" content="nl-NL"><meta name="date" content="2026-01-02"><p data-src="0:5:1"><target id="b">2</target> <a href="https://example.nl">zie <ref to="b">2</ref></a></p>`;
    const doc = treeFromMarkup(markup, [FILE]);
    expect(doc.children[0]).toEqual(para({ type: "target", id: "b", children: [t("2")] }, t(" "), { type: "link", url: "https://example.nl", children: [t("zie 2")] }));
  });
});

describe("cross-references: .docx", async () => {
  const bytes = await writeDocx(TREE, WRITE);
  const xml = docxParts(bytes)["word/document.xml"]!;
  const paragraphs = [...xml.matchAll(/<w:p>(?:(?!<\/w:p>)[\s\S])*<\/w:p>/g)].map((m) => m[0]);
  /** The complex field of a REF to `bookmark` with `result` (runs' XML) between separate and end. */
  const field = (instruction: string, result: string, rPr = "") =>
    `<w:r>${rPr}<w:fldChar w:fldCharType="begin"/></w:r><w:r>${rPr}<w:instrText xml:space="preserve"> ${instruction} </w:instrText></w:r>` +
    `<w:r>${rPr}<w:fldChar w:fldCharType="separate"/></w:r>${result}<w:r>${rPr}<w:fldChar w:fldCharType="end"/></w:r>`;
  const run = (text: string, rPr = "") => `<w:r>${rPr}<w:t xml:space="preserve">${text}</w:t></w:r>`;

  it("a target is a bookmark (_Ref_ and the id) around exactly its content, so that REF to it gives that", () => {
    const heading = paragraphs.find((p) => p.includes("Begroting"))!;
    const m = /<w:bookmarkStart w:name="_Ref_bijlage_begroting" w:id="(\d+)"\/>(.*?)<w:bookmarkEnd w:id="(\d+)"\/>/.exec(heading)!;
    expect(m[1]).toBe(m[3]);
    expect(m[2]).toBe(run("2"));
    // Inside the heading's own bookmark (links and a table of contents reach that one).
    expect(heading).toContain('<w:bookmarkStart w:name="bijlage_2_begroting"');
  });

  it("a reference is a complex field REF <bookmark> \\h with its text as the result", () => {
    const p = paragraphs.find((x) => x.includes("Conform bijlage"))!;
    expect(p).toContain(`${run("Conform bijlage ")}${field("REF _Ref_bijlage_begroting \\h", run("2"))}${run(" en beslispunt ")}`);
    // Its text is the paragraph's text: the field's code is no text.
    expect(xmlParagraphs(p)).toEqual(["Conform bijlage 2 en beslispunt 2 (zie beslispunt 2a)."]);
  });

  it("a list item with an id has a bookmark around its paragraph's content; a reference to it links there with its number as printed", () => {
    const item = paragraphs.find((x) => x.includes("De kosten te dekken"))!;
    expect(item).toContain("<w:numPr>");
    expect(item).toMatch(/<\/w:pPr><w:bookmarkStart w:name="_Ref_beslispunt_kosten" w:id="(\d+)"\/><w:r><w:t xml:space="preserve">De kosten te dekken uit de reserve:<\/w:t><\/w:r><w:bookmarkEnd w:id="\1"\/><\/w:p>$/);
    const sub = paragraphs.find((x) => x.includes("eerste tranche"))!;
    expect(sub).toContain('<w:bookmarkStart w:name="_Ref_beslispunt_tranche"');
    const p = paragraphs.find((x) => x.includes("Conform bijlage"))!;
    // Not a REF field: Word and LibreOffice compute a REF to a numbered paragraph differently.
    const link = (name: string, number: string) => new RegExp(`<w:hyperlink [^>]*w:anchor="${name}"[^>]*>(?:(?!</w:hyperlink>).)*>${number}</w:t></w:r></w:hyperlink>`);
    expect(p).toMatch(link("_Ref_beslispunt_kosten", "2"));
    expect(p).not.toContain("REF _Ref_beslispunt");
    // Bold around a reference: its field's runs are bold as its text is.
    expect(p).toMatch(link("_Ref_beslispunt_tranche", "2a"));
    // In a table cell too.
    const cell = paragraphs.find((x) => x.includes("Tranche van beslispunt"))!;
    expect(cell).toMatch(link("_Ref_beslispunt_tranche", "2a"));
  });

  it("every bookmark is opened and closed once, with a name of its own", () => {
    const starts = [...xml.matchAll(/<w:bookmarkStart w:name="([^"]+)" w:id="(\d+)"\/>/g)];
    const ends = [...xml.matchAll(/<w:bookmarkEnd w:id="(\d+)"\/>/g)].map((m) => m[1]);
    expect(new Set(starts.map((m) => m[1])).size).toBe(starts.length);
    expect(starts.map((m) => m[2]).sort()).toEqual([...ends].sort());
    // Every REF (to a text target) and every link (to a list item) names a bookmark of the document.
    const names = new Set(starts.map((m) => m[1]));
    const refs = [...xml.matchAll(/ REF (\S+) /g), ...xml.matchAll(/w:anchor="(_Ref[^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBe(4);
    for (const r of refs) expect(names).toContain(r);
  });

  it("bookmark names are Word's: at most 40 characters, a letter or _ first, letters, digits and _; one per id", () => {
    const ids = ["bijlage-begroting", "bijlage_begroting", "a-b", "a_b", "punt-12-bijlage-meerjarenraming-investeringen", "x".repeat(36), "x".repeat(35)];
    const names = ids.map(targetBookmarkName);
    for (const n of names) expect(n).toMatch(/^_[A-Za-z0-9_]{1,39}$/);
    expect(new Set(names).size).toBe(ids.length);
    expect(names[0]).toBe("_Ref_bijlage_begroting");
    expect(names[6]).toBe(`_Ref_${"x".repeat(35)}`);
    expect(names[1]).toMatch(/^_RefH[0-9a-f]{32}$/);
    expect(ids.map(targetBookmarkName)).toEqual(names); // the same every time
  });

  it("a document without cross-references has no bookmarks or fields of them", async () => {
    const plain = render(`${HEAD}<ol><li>a</li></ol><p>Bijlage 2</p>`);
    const body = docxParts(await writeDocx(plain, WRITE))["word/document.xml"]!;
    expect(body).not.toContain("_Ref");
    expect(body).not.toContain("fldChar");
  });

  const schema = needs("xmllint", "python3", VALIDATE_DOCX);
  it.skipIf(schema.skip)(`passes validate-docx (the schema check) ${schema.reason}`, () => {
    const file = join(tempDir(), "verwijzingen.docx");
    writeFileSync(file, bytes);
    const r = spawnSync(VALIDATE_DOCX, [file], { encoding: "utf8" });
    expect(r.stdout + r.stderr).toMatch(/^OK/);
    expect(r.status).toBe(0);
  });
});

const HTML_CONFIG = { extends: ["html-validate:recommended", "html-validate:a11y", "html-validate:document"], rules: { "long-title": "off" as const } };

async function htmlProblems(html: string): Promise<string[]> {
  const report = await new HtmlValidate(new StaticConfigLoader(HTML_CONFIG)).validateString(html, "out.html");
  return report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
}

describe("cross-references: HTML and text", () => {
  const html = writeHtml(TREE, DEFAULT_STYLE_SHEET);

  it("a target is <span id>, a list item with an id <li id>, a reference a link to its target", () => {
    expect(html).toContain('<h2 id="bijlage-2-begroting">Bijlage <span id="bijlage-begroting">2</span>: Begroting</h2>');
    expect(html).toContain('<li id="beslispunt-kosten">\n<p>De kosten te dekken uit de reserve:</p>\n<ol type="a">\n<li id="beslispunt-tranche">eerste tranche</li>\n</ol>\n</li>');
    expect(html).toContain(
      '<p>Conform bijlage <a href="#bijlage-begroting">2</a> en beslispunt <a href="#beslispunt-kosten">2</a> (zie beslispunt <strong><a href="#beslispunt-tranche">2a</a></strong>).</p>',
    );
    expect(html).toContain('<td>Tranche van beslispunt <a href="#beslispunt-tranche">2a</a></td>');
    expect(html).toContain("<li>Het vervangingsprogramma vast te stellen.</li>");
  });

  it("passes html-validate (recommended, a11y, document)", async () => {
    const messages = await htmlProblems(html);
    expect(messages, messages.join("\n")).toEqual([]);
  });

  it("text prints a reference's and a target's text", () => {
    const text = writeText(TREE);
    expect(text).toContain("Conform bijlage 2 en beslispunt 2 (zie beslispunt 2a).");
    expect(text).toContain("2. De kosten te dekken uit de reserve:\n   a. eerste tranche");
    expect(text).toContain("Bijlage 2: Begroting\n--------------------");
    expect(text).toContain("2026 | Tranche van beslispunt 2a");
  });

  it("the .docx reads back into the same text (boardpaper text FILE.docx = FILE.yaml)", async () => {
    const read = readDocx(await writeDocx(TREE, WRITE));
    expect(writeText(read)).toBe(writeText(TREE));
  });
});

describe("cross-references: nesting into the bundle", () => {
  const nested = nest(TREE, "punt-7");
  const other = nest(render(TEMPLATE, { bijlage: "1" }), "punt-8");

  it("targets, list item ids and references get the document's anchor alike, so each still finds its target", () => {
    const inl = inlinesOf(nested);
    const targets = inl.filter((n) => n.type === "target").map((n) => n.id);
    const items = itemsOf(nested).flatMap((i) => (i.id ? [i.id] : []));
    expect(targets).toEqual(["punt-7-bijlage-begroting"]);
    expect(items).toEqual(["punt-7-beslispunt-kosten", "punt-7-beslispunt-tranche"]);
    const refs = inl.filter((n) => n.type === "reference").map((n) => n.target);
    expect(refs).toEqual(["punt-7-bijlage-begroting", "punt-7-beslispunt-kosten", "punt-7-beslispunt-tranche", "punt-7-beslispunt-tranche"]);
    for (const r of refs) expect([...targets, ...items]).toContain(r);
    // What they print is left as it is (the number was worked out for the bundle already).
    expect(inl).toContainEqual(ref("punt-7-bijlage-begroting", "2"));
  });

  it("two proposals with the same ids, nested, make a bundle with unique ids that validates", async () => {
    const bundle: DocumentNode = { ...TREE, children: [{ type: "title", children: [t("Vergaderstukken")] }, ...nested, { type: "pageBreak" }, ...other] };
    const html = writeHtml(bundle, DEFAULT_STYLE_SHEET);
    expect(html).toContain('<span id="punt-8-bijlage-begroting">1</span>');
    expect(html).toContain('<a href="#punt-8-bijlage-begroting">1</a>');
    const messages = await htmlProblems(html);
    expect(messages, messages.join("\n")).toEqual([]);
    const xml = docxParts(await writeDocx(bundle, WRITE))["word/document.xml"]!;
    expect(xml).toContain('w:anchor="_Ref_punt_8_beslispunt_kosten"');
    const names = [...xml.matchAll(/<w:bookmarkStart w:name="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe("cross-references: redline", () => {
  const REVISIONS = { author: "Griffie", date: "2026-03-13" };
  // A bijlage was added before the begroting: it is bijlage 3 now, and references say so.
  const newer = render(TEMPLATE, { bijlage: "3" });
  const { tree: red, changes } = diffTrees(TREE, newer, REVISIONS);

  it("a changed number is a change: the old reference (and target) deleted whole, the new one inserted whole", () => {
    expect(changes).toBe(2);
    const p = red.children.find((b): b is Paragraph => b.type === "paragraph" && b.children.some((c) => c.type === "deletion"))!;
    expect(p.children.slice(0, 4)).toEqual([
      t("Conform bijlage "),
      { type: "deletion", children: [ref("bijlage-begroting", "2")] },
      { type: "insertion", children: [ref("bijlage-begroting", "3")] },
      t(" en beslispunt "),
    ]);
    const heading = red.children.find((b) => b.type === "heading" && b.id.startsWith("bijlage"))!;
    expect(heading).toMatchObject({
      children: [
        t("Bijlage "),
        { type: "deletion", children: [{ type: "target", id: "bijlage-begroting", children: [t("2")] }] },
        { type: "insertion", children: [{ type: "target", id: "bijlage-begroting", children: [t("3")] }] },
        t(": Begroting"),
      ],
    });
    expect(writeText(red)).toContain("Conform bijlage [-2-]{+3+} en beslispunt 2 (zie beslispunt 2a).");
    expect(writeText(red)).toContain("Bijlage [-2-]{+3+}: Begroting");
  });

  it("what prints the same is no change, even with another id (the redline takes the newer one's)", () => {
    const renamed = render(TEMPLATE.replaceAll("bijlage-begroting", "bijlage-financien"), { bijlage: "2" });
    const same = diffTrees(TREE, renamed, REVISIONS);
    expect(same.changes).toBe(0);
    expect(inlinesOf(same.tree.children).filter((n) => n.type === "reference" || n.type === "target")).toContainEqual(ref("bijlage-financien", "2"));
    expect(writeHtml(same.tree, DEFAULT_STYLE_SHEET)).toContain('<span id="bijlage-financien">2</span>');
    expect(diffTrees(TREE, TREE, REVISIONS).changes).toBe(0);
  });

  it("HTML: deleted text is no target and links nowhere, so ids stay unique; it validates", async () => {
    const html = writeHtml(red, DEFAULT_STYLE_SHEET);
    expect(html).toContain('Conform bijlage <del>2</del><ins><a href="#bijlage-begroting">3</a></ins> en beslispunt');
    expect(html).toContain('Bijlage <del>2</del><ins><span id="bijlage-begroting">3</span></ins>: Begroting');
    const messages = await htmlProblems(html);
    expect(messages, messages.join("\n")).toEqual([]);
  });

  it("a deleted list item with an id is no target; the newer item beside it is", async () => {
    const moved = render(TEMPLATE.replace('<li id="beslispunt-kosten">De kosten te dekken uit de reserve:', '<li id="beslispunt-kosten">Geheel anders: een lening'), { bijlage: "2" });
    const r = diffTrees(TREE, moved, REVISIONS).tree;
    const items = itemsOf(r.children).filter((i) => i.id === "beslispunt-kosten");
    expect(items.map((i) => i.revision).sort()).toEqual(["deleted", "inserted"]);
    const html = writeHtml(r, DEFAULT_STYLE_SHEET);
    expect(html.match(/id="beslispunt-kosten"/g)).toHaveLength(1);
    expect(await htmlProblems(html)).toEqual([]);
    const xml = docxParts(await writeDocx(r, WRITE))["word/document.xml"]!;
    expect(xml.match(/w:name="_Ref_beslispunt_kosten"/g)).toHaveLength(1);
  });

  it(".docx: the inserted reference is a REF field in the insertion, the deleted one deleted text; it resolves and validates", async () => {
    const bytes = await writeDocx(red, WRITE);
    const xml = docxParts(bytes)["word/document.xml"]!;
    const p = [...xml.matchAll(/<w:p>(?:(?!<\/w:p>)[\s\S])*Conform bijlage[\s\S]*?<\/w:p>/g)][0]![0];
    expect(p).toMatch(/<w:del [^>]*><w:r><w:delText xml:space="preserve">2<\/w:delText><\/w:r><\/w:del><w:ins [^>]*><w:r><w:fldChar w:fldCharType="begin"\/><\/w:r><\/w:ins><w:ins [^>]*><w:r><w:instrText xml:space="preserve"> REF _Ref_bijlage_begroting \\h <\/w:instrText><\/w:r><\/w:ins>/);
    expect(/<w:del [^>]*>(?:(?!<\/w:del>)[\s\S])*(instrText|fldChar|bookmark)/.test(xml)).toBe(false);
    expect(xml.match(/w:name="_Ref_bijlage_begroting"/g)).toHaveLength(1);
    // Accepting every change gives the newer version's text, rejecting every change the older one's.
    const plain = async (d: DocumentNode) => xmlParagraphs(docxParts(await writeDocx(d, WRITE))["word/document.xml"]!);
    expect(xmlParagraphs(resolveChanges(xml, "accept"))).toEqual(await plain(newer));
    expect(xmlParagraphs(resolveChanges(xml, "reject"))).toEqual(await plain(TREE));
    // And it reads back as the redline's text.
    expect(writeText(readDocx(bytes))).toBe(writeText(red));
    const schema = needs("xmllint", "python3", VALIDATE_DOCX);
    if (schema.skip) return;
    const file = join(tempDir(), "red.docx");
    writeFileSync(file, bytes);
    expect(spawnSync(VALIDATE_DOCX, [file], { encoding: "utf8" }).stdout).toMatch(/^OK/);
  });
});
