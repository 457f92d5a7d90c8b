import { describe, expect, it } from "vitest";
import { annotateTemplate } from "../src/template/annotate.js";
import { treeFromMarkup } from "../src/tree/from-markup.js";
import type { Block, DocumentNode, Inline } from "../src/tree/types.js";
import { VOCABULARY } from "../src/tree/vocabulary.js";
import { messagesIn } from "./helpers.js";

// Written about behaviour, with the English messages; the template errors in Dutch: test/messages-language.test.ts.
messagesIn("en");

/**
 * The markup parser (src/tree/from-markup.ts): the template's markup vocabulary → document tree.
 * Markup is written here as the template set hands it over: each template start tag carries
 * `data-src="<template id>:<line>:<col>"`, the id an index into the list of template files.
 */

const FILES = ["templates/proposal.hbs", "templates/partials/section.hbs"] as const;
const META = '<meta name="title" content="T"><meta name="language" content="nl-NL"><meta name="date" content="2026-01-02">';

const parse = (body: string, files: readonly string[] = FILES): DocumentNode => treeFromMarkup(META + body, files);
const blocksOf = (body: string): Block[] => parse(body).children;
const t = (value: string): Inline => ({ type: "text", value });

/** Adjacent text nodes joined, at every depth (the parser joins them at the top level only). */
function merged(nodes: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const n of nodes) {
    const m: Inline = "children" in n ? ({ ...n, children: merged(n.children) } as Inline) : n;
    const prev = out[out.length - 1];
    if (m.type === "text" && prev?.type === "text") out[out.length - 1] = t(prev.value + m.value);
    else out.push(m);
  }
  return out;
}
const plainText = (nodes: readonly Inline[]): string => nodes.map((n) => (n.type === "text" ? n.value : "children" in n ? plainText(n.children) : n.type === "break" ? "\n" : "")).join("");

/** The diagnostic the parser throws for some markup (asserted on its data, never its class). */
function diagnosticOf(markup: string, files: readonly string[] = FILES): { file: string; pos: { line: number; col: number }; message: string; severity: string } {
  let thrown: unknown;
  try {
    treeFromMarkup(markup, files);
  } catch (e) {
    thrown = e;
  }
  expect(thrown, "expected the markup to be rejected").toBeDefined();
  const d = (thrown as { diagnostic?: { file: string; pos: { line: number; col: number }; message: string; severity: string } }).diagnostic;
  expect(d, "the error carries a .diagnostic").toBeDefined();
  return d!;
}

describe("markup: document properties, header and footer", () => {
  it("takes the properties from <meta>, collapsing whitespace in their content", () => {
    const doc = treeFromMarkup(
      `<meta name="title" content="  Vaststelling
        van   het plan ">
       <meta name="language" content="nl-NL">
       <meta name="date" content="2026-02-20">
       <meta name="subject" content="Voorstel aan het algemeen bestuur">
       <meta name="author" content="A. Jansen">
       <meta name="description" content="ter besluitvorming">
       <meta name="keywords" content="a; b">`,
      FILES,
    );
    expect(doc.properties).toEqual({
      title: "Vaststelling van het plan",
      language: "nl-NL",
      date: "2026-02-20",
      subject: "Voorstel aan het algemeen bestuur",
      author: "A. Jansen",
      description: "ter besluitvorming",
      keywords: "a; b",
    });
    // <meta> makes no block of its own; no header or footer given: both empty.
    expect(doc.children).toEqual([]);
    expect(doc.header).toEqual([]);
    expect(doc.footer).toEqual([]);
    expect(doc.type).toBe("document");
  });

  it("a missing <meta> is said of the template the document came from (its first element's)", () => {
    const markup = '<meta data-src="0:7:1" name="title" content="T"><meta data-src="0:8:1" name="language" content="nl-NL"><h1 data-src="0:9:1">T</h1>';
    const d = diagnosticOf(markup);
    expect(d.file).toBe("templates/proposal.hbs");
    expect(d.message).toBe('the template must set <meta name="date" content="…">');
  });

  it("requires title, language and date, reported at the last template file when nothing says which", () => {
    for (const missing of ["title", "language", "date"]) {
      const markup = META.replace(new RegExp(`<meta name="${missing}"[^>]*>`), "");
      const d = diagnosticOf(markup);
      expect(d.file).toBe("templates/partials/section.hbs");
      expect(d.pos).toEqual({ line: 1, col: 1 });
      expect(d.message).toBe(`the template must set <meta name="${missing}" content="…">`);
      expect(d.severity).toBe("error");
    }
  });

  it("an unknown or repeated <meta> name is an error at its template line", () => {
    const unknown = diagnosticOf(`${META}<meta data-src="0:9:1" name="creator" content="x">`);
    expect(unknown.file).toBe("templates/proposal.hbs");
    expect(unknown.pos).toEqual({ line: 9, col: 1 });
    expect(unknown.message).toContain('<meta name="creator"> is unknown; use one of: title, subject, author');
    const twice = diagnosticOf(`${META}<meta data-src="1:2:5" name="title" content="again">`);
    expect(twice.file).toBe("templates/partials/section.hbs");
    expect(twice.pos).toEqual({ line: 2, col: 5 });
    expect(twice.message).toBe('<meta name="title"> is set twice');
  });

  it("header and footer hold inline content; page numbers only in the footer", () => {
    const doc = parse(
      `<header>Testland · <strong>AB</strong><br>agendapunt 4</header>
       <footer>Pagina <page-number></page-number> van <page-count></page-count></footer>`,
    );
    expect(doc.header).toEqual([t("Testland · "), { type: "strong", children: [t("AB")] }, { type: "break" }, t("agendapunt 4")]);
    expect(doc.footer).toEqual([t("Pagina "), { type: "pageNumber" }, t(" van "), { type: "pageCount" }]);
    expect(doc.children).toEqual([]);

    const inHeader = diagnosticOf(`${META}<header data-src="0:11:1">Pagina <page-number></page-number></header>`);
    expect(inHeader.pos).toEqual({ line: 11, col: 1 });
    expect(inHeader.message).toMatch(/^<page-number> cannot appear inside a line of text; only <strong>, <em>, <a>, <br> can$/);
  });

  it("a second <header> or <footer> is an error", () => {
    expect(diagnosticOf(`${META}<header>a</header><header data-src="0:3:1">b</header>`).message).toBe("<header> appears twice");
    const f = diagnosticOf(`${META}<footer>a</footer><footer data-src="1:4:2">b</footer>`);
    expect(f).toMatchObject({ file: "templates/partials/section.hbs", pos: { line: 4, col: 2 }, message: "<footer> appears twice" });
  });
});

describe("markup: blocks", () => {
  it("h1 is the title; h2, h3, h4 are headings of depth 1, 2, 3 with unique anchors", () => {
    const blocks = blocksOf(
      `<h1>Vaststelling</h1>
       <h2>Voorstel</h2><h3>Financiën &amp; personeel</h3><h4>Kanttekeningen/risico’s</h4>
       <h2>Voorstel</h2><h2>Voorstel</h2>
       <h2>2026 en verder</h2><h2> </h2>
       <h2>Een heel lange kop die meer dan tweeëndertig tekens telt</h2>`,
    );
    expect(blocks[0]).toEqual({ type: "title", children: [t("Vaststelling")] });
    const headings = blocks.slice(1).map((b) => (b.type === "heading" ? [b.depth, b.id] : b.type));
    expect(headings).toEqual([
      [1, "voorstel"],
      [2, "financien-personeel"],
      [3, "kanttekeningen-risico-s"],
      [1, "voorstel-2"],
      [1, "voorstel-3"],
      // An anchor starts with a letter; an empty heading still gets one.
      [1, "h-2026-en-verder"],
      [1, "h-sectie"],
      // At most 32 characters, not ending in a hyphen.
      [1, "een-heel-lange-kop-die-meer-dan"],
    ]);
    expect(blocks[2]).toMatchObject({ type: "heading", children: [t("Financiën & personeel")] });
  });

  it("<p> is a paragraph; <hr> a page break; comments and whitespace between blocks are ignored", () => {
    expect(blocksOf("\n  <!-- a comment -->\n  <p>Een</p>\n\n<hr>\n  <p>Twee</p>  ")).toEqual([
      { type: "paragraph", children: [t("Een")] },
      { type: "pageBreak" },
      { type: "paragraph", children: [t("Twee")] },
    ]);
  });

  it("an empty <p> is an empty paragraph", () => {
    expect(blocksOf("<p>  </p>")).toEqual([{ type: "paragraph", children: [] }]);
  });

  it("<dl> is the metadata block: <dt>/<dd> pairs with inline content", () => {
    const [md] = blocksOf(
      `<dl>
         <dt>Aan</dt><dd>Algemeen bestuur</dd>
         <dt>Steller</dt><dd>A. Jansen, <a href="mailto:a@example.nl">a@example.nl</a></dd>
         <dt>Bijlagen</dt><dd>1. Een<br>2. Twee</dd>
       </dl>`,
    );
    expect(md).toEqual({
      type: "metadata",
      entries: [
        { type: "metadataEntry", label: [t("Aan")], value: [t("Algemeen bestuur")] },
        { type: "metadataEntry", label: [t("Steller")], value: [t("A. Jansen, "), { type: "link", url: "mailto:a@example.nl", children: [t("a@example.nl")] }] },
        { type: "metadataEntry", label: [t("Bijlagen")], value: [t("1. Een"), { type: "break" }, t("2. Twee")] },
      ],
    });
  });

  it("a <dl> whose <dt> and <dd> do not pair up is an error", () => {
    const d = diagnosticOf(`${META}<dl data-src="0:20:1"><dt data-src="0:21:3">Aan</dt><dt data-src="0:22:3">Van</dt><dd>x</dd></dl>`);
    expect(d.pos).toEqual({ line: 21, col: 3 });
    expect(d.message).toBe("a <dl> holds <dt> and <dd> in pairs");
    const lone = diagnosticOf(`${META}<dl data-src="0:20:1"><dt data-src="0:21:3">Aan</dt></dl>`);
    expect(lone.pos).toEqual({ line: 21, col: 3 });
  });
});

describe("markup: lists", () => {
  it("<ul> is a bullet list; <ol type> chooses decimal, lower-alpha or lower-roman; start is kept", () => {
    const blocks = blocksOf(`<ul><li>a</li></ul><ol><li>b</li></ol><ol type="1"><li>c</li></ol><ol type="a" start="3"><li>d</li></ol><ol type="i" start="0"><li>e</li></ol>`);
    expect(blocks.map((b) => (b.type === "list" ? [b.style, b.start] : b.type))).toEqual([
      ["bullet", 1],
      ["decimal", 1],
      ["decimal", 1],
      ["lower-alpha", 3],
      ["lower-roman", 0],
    ]);
    expect(blocks[0]).toEqual({ type: "list", style: "bullet", start: 1, children: [{ type: "listItem", children: [{ type: "paragraph", children: [t("a")] }] }] });
  });

  it("nests three levels: bullets in numbers in numbers, each item's text its first paragraph", () => {
    const [list] = blocksOf(
      `<ol type="1">
         <li><p>Eerste</p>
           <ol type="a">
             <li>sub a
               <ul><li>punt <em>één</em></li><li>punt twee</li></ul>
             </li>
           </ol>
         </li>
         <li>Tweede</li>
       </ol>`,
    );
    const item = (...children: unknown[]) => ({ type: "listItem", children });
    const para = (...children: Inline[]) => ({ type: "paragraph", children });
    expect(list).toEqual({
      type: "list",
      style: "decimal",
      start: 1,
      children: [
        item(
          para(t("Eerste")),
          {
            type: "list",
            style: "lower-alpha",
            start: 1,
            children: [
              item(para(t("sub a")), {
                type: "list",
                style: "bullet",
                start: 1,
                children: [item(para(t("punt "), { type: "emphasis", children: [t("één")] })), item(para(t("punt twee")))],
              }),
            ],
          },
        ),
        item(para(t("Tweede"))),
      ],
    });
  });

  it("a list item that opens with a sub-list, or is empty, still gets a (empty) first paragraph", () => {
    const [list] = blocksOf("<ul><li><ul><li>x</li></ul></li><li></li></ul>");
    expect(list).toMatchObject({
      children: [
        { type: "listItem", children: [{ type: "paragraph", children: [] }, { type: "list", style: "bullet" }] },
        { type: "listItem", children: [{ type: "paragraph", children: [] }] },
      ],
    });
  });

  it("inline runs around a nested list become separate paragraphs", () => {
    const [list] = blocksOf("<ul><li>voor <strong>vet</strong><ul><li>x</li></ul>na</li></ul>");
    const item = (list as Extract<Block, { type: "list" }>).children[0]!;
    expect(item.children.map((c) => c.type)).toEqual(["paragraph", "list", "paragraph"]);
    expect(item.children[0]).toEqual({ type: "paragraph", children: [t("voor "), { type: "strong", children: [t("vet")] }] });
    expect(item.children[2]).toEqual({ type: "paragraph", children: [t("na")] });
  });

  it("bad list markup is an error at the list's template line", () => {
    const type = diagnosticOf(`${META}<ol data-src="1:5:3" type="A"><li>x</li></ol>`);
    expect(type).toMatchObject({ file: "templates/partials/section.hbs", pos: { line: 5, col: 3 } });
    expect(type.message).toBe('<ol type="A"> is not supported; use 1, a or i');
    expect(diagnosticOf(`${META}<ol data-src="0:5:3" start="-1"><li>x</li></ol>`).message).toBe('<ol start="-1"> must be a whole number');
    expect(diagnosticOf(`${META}<ol data-src="0:5:3" start="1.5"><li>x</li></ol>`).message).toBe('<ol start="1.5"> must be a whole number');
    expect(diagnosticOf(`${META}<ul data-src="0:6:1"> </ul>`).message).toBe("<ul> has no items");
    const text = diagnosticOf(`${META}<ul data-src="0:7:1">los<li>x</li></ul>`);
    expect(text.pos).toEqual({ line: 7, col: 1 });
    expect(text.message).toBe("<ul> may only contain <li>");
    expect(diagnosticOf(`${META}<ul data-src="0:7:1"><p data-src="0:8:3">x</p></ul>`)).toMatchObject({ pos: { line: 8, col: 3 }, message: "<ul> may only contain <li>" });
  });
});

describe("markup: tables", () => {
  const TABLE = `<table data-widths="27 22 51">
    <caption>Afgestemd met</caption>
    <thead><tr><th>Met</th><th>Datum</th><th>Standpunt</th></tr></thead>
    <tbody>
      <tr><td>Directie</td><td>1 februari 2026</td><td><strong>Akkoord:</strong> met <em>opmerkingen</em></td></tr>
      <tr><td>OR</td><td></td><td>Geen bezwaar.</td></tr>
    </tbody>
  </table>`;

  it("caption, header row, body rows and relative widths", () => {
    const [table] = blocksOf(TABLE);
    const row = (...cells: Inline[][]) => ({ type: "tableRow", cells: cells.map((children) => ({ type: "tableCell", children })) });
    expect(table).toEqual({
      type: "table",
      caption: [t("Afgestemd met")],
      widths: [27, 22, 51],
      head: row([t("Met")], [t("Datum")], [t("Standpunt")]),
      rows: [
        row([t("Directie")], [t("1 februari 2026")], [{ type: "strong", children: [t("Akkoord:")] }, t(" met "), { type: "emphasis", children: [t("opmerkingen")] }]),
        row([t("OR")], [], [t("Geen bezwaar.")]),
      ],
    });
  });

  it("without data-widths, columns are equal; without a <tbody>, there are no body rows", () => {
    const [table] = blocksOf("<table><caption>C</caption><thead><tr><th>A</th><th>B</th></tr></thead></table>");
    expect(table).toMatchObject({ type: "table", widths: [1, 1], rows: [] });
  });

  it("each structural mistake is an error at the table's (or part's) template line", () => {
    const at = (inner: string, attrs = "") => diagnosticOf(`${META}<table data-src="0:30:1"${attrs}>${inner}</table>`);
    const head = '<thead data-src="0:32:3"><tr><th>A</th><th>B</th></tr></thead>';
    const body = '<tbody data-src="0:33:3"><tr><td>1</td><td>2</td></tr></tbody>';
    expect(at(head + body).message).toBe("a <table> needs a <caption> (screen readers announce it)");
    expect(at(`<caption>C</caption>${body}`).message).toBe("a <table> needs a <thead> with the header row");
    expect(at(`<caption>C</caption><p data-src="0:31:3">x</p>${head}`)).toMatchObject({
      pos: { line: 31, col: 3 },
      message: "a <table> holds a <caption>, a <thead> and a <tbody>",
    });
    expect(at(`<caption>C</caption><thead data-src="0:32:3"><tr><th>A</th></tr><tr><th>B</th></tr></thead>`)).toMatchObject({
      pos: { line: 32, col: 3 },
      message: "<thead> must hold exactly one <tr>",
    });
    expect(at(`<caption>C</caption><thead data-src="0:32:3"><tr><td>A</td></tr></thead>`).message).toBe("a row in <thead> may only contain <th>");
    expect(at(`<caption>C</caption>${head}<tbody data-src="0:33:3"><tr><td>1</td></tr></tbody>`)).toMatchObject({
      pos: { line: 33, col: 3 },
      message: "row 1 has 1 cells but the header has 2",
    });
    expect(at(`<caption>C</caption>${head}${body}`, ' data-widths="1 2 3"')).toMatchObject({
      pos: { line: 30, col: 1 },
      message: 'data-widths="1 2 3" must give 2 positive numbers, one per column',
    });
    expect(at(`<caption>C</caption>${head}${body}`, ' data-widths="1 0"').message).toContain("must give 2 positive numbers");
    expect(at(`<caption>C</caption>${head}${body}`, ' data-widths="1 x"').message).toContain("must give 2 positive numbers");
  });
});

describe("markup: inline content and whitespace", () => {
  const para = (inner: string): Inline[] => {
    const [p] = blocksOf(`<p>${inner}</p>`);
    expect(p?.type).toBe("paragraph");
    return (p as Extract<Block, { type: "paragraph" }>).children;
  };

  it("strong, em, links and breaks, nested", () => {
    expect(merged(para('Zie <strong>dit <em>hier</em></strong> en <a href="https://example.nl/a?b=1&amp;c=2">de <em>site</em></a>.<br>Klaar'))).toEqual([
      t("Zie "),
      { type: "strong", children: [t("dit "), { type: "emphasis", children: [t("hier")] }] },
      t(" en "),
      { type: "link", url: "https://example.nl/a?b=1&c=2", children: [t("de "), { type: "emphasis", children: [t("site")] }] },
      t("."),
      { type: "break" },
      t("Klaar"),
    ]);
  });

  // KNOWN BUG (src/tree/from-markup.ts): inlines() normalizes an element's children on their own
  // first, so a space at the inner edge of <strong>/<em>/<a> is trimmed away before the outer
  // text can keep it: "Zie<strong> vet</strong>" reads "Zievet" (HTML shows "Zie vet"). It can
  // come from data: Markdown "zie[ de site](https://…)". When this is fixed, `it.fails` reports
  // it: make it a plain `it`.
  it.fails("KNOWN BUG: a space at the inner edge of bold, italic or a link is kept as one space", () => {
    expect(plainText(para("Zie<strong> vet</strong>"))).toBe("Zie vet");
    expect(plainText(para("<em>schuin </em>hier"))).toBe("schuin hier");
    expect(plainText(para('zie<a href="#x"> de site</a>'))).toBe("zie de site");
    expect(plainText(para("a<strong> </strong>b"))).toBe("a b");
  });

  it("links may be http(s), mailto or an anchor", () => {
    for (const url of ["http://example.nl", "https://example.nl", "mailto:a@example.nl", "#inleiding"]) {
      expect(para(`<a href="${url}">x</a>`)).toEqual([{ type: "link", url, children: [t("x")] }]);
    }
  });

  it("a link from the data's Markdown with another scheme keeps its text, not its target", () => {
    expect(para('zie <a href="javascript:alert(1)">dit <strong>stuk</strong></a>')).toEqual([t("zie dit "), { type: "strong", children: [t("stuk")] }]);
    expect(para('<a href="ftp://x">bestand</a>')).toEqual([t("bestand")]);
  });

  it("a template's own link with another scheme is an error at its line", () => {
    const d = diagnosticOf(`${META}<p data-src="0:40:1">zie <a data-src="0:40:8" href="file:///etc/passwd">x</a></p>`);
    expect(d).toMatchObject({ file: "templates/proposal.hbs", pos: { line: 40, col: 8 } });
    expect(d.message).toBe("link target `file:///etc/passwd` must start with https://, http://, mailto: or #");
  });

  it("whitespace collapses as in HTML: one space for a run, none at the edges, none after a break", () => {
    expect(para("  Een \n\t  twee   drie  ")).toEqual([t("Een twee drie")]);
    expect(para("a <br>  b")).toEqual([t("a"), { type: "break" }, t("b")]);
    expect(para("<strong>  vet  </strong>  na")).toEqual([{ type: "strong", children: [t("vet")] }, t(" na")]);
    expect(para("a<em></em>b")).toEqual([t("ab")]);
    expect(para("x &amp; &lt;y&gt; &quot;z&quot;")).toEqual([t('x & <y> "z"')]);
  });

  it("a space before bold or a link stays outside it", () => {
    expect(para('Zie <a href="#x">dit</a>')).toEqual([t("Zie "), { type: "link", url: "#x", children: [t("dit")] }]);
    expect(para("een\n<strong>vet</strong> woord")).toEqual([t("een "), { type: "strong", children: [t("vet")] }, t(" woord")]);
  });

  it("text never becomes markup: escaped tags stay text", () => {
    expect(para("&lt;script&gt;alert(1)&lt;/script&gt; {{x}}")).toEqual([t("<script>alert(1)</script> {{x}}")]);
  });
});

describe("markup: anything outside the vocabulary is an error naming the template file and line", () => {
  it("an unknown block element, at its own data-src", () => {
    const d = diagnosticOf(`${META}\n<div data-src="1:7:3"><p>x</p></div>`);
    expect(d.file).toBe("templates/partials/section.hbs");
    expect(d.pos).toEqual({ line: 7, col: 3 });
    expect(d.message).toBe("<div> cannot appear at the top level");
    expect(d.severity).toBe("error");
  });

  it("an unknown inline element without data-src (from data) is placed at its nearest annotated ancestor", () => {
    const d = diagnosticOf(`${META}<p data-src="0:12:1">tekst <strong data-src="0:12:10">en <span>zo</span></strong></p>`);
    expect(d).toMatchObject({ file: "templates/proposal.hbs", pos: { line: 12, col: 10 } });
    expect(d.message).toBe("<span> cannot appear inside a line of text; only <strong>, <em>, <a>, <br>, <target>, <ref> can");
  });

  it("a vocabulary element in the wrong place is an error too", () => {
    expect(diagnosticOf(`${META}<li data-src="0:3:1">x</li>`).message).toBe("<li> cannot appear at the top level");
    expect(diagnosticOf(`${META}<td data-src="0:3:1">x</td>`).message).toBe("<td> cannot appear at the top level");
    expect(diagnosticOf(`${META}<strong data-src="0:4:1">a</strong>`).message).toBe("<strong> cannot appear at the top level");
    expect(diagnosticOf(`${META}<h2 data-src="0:4:1">a <em>b <p>c</p></em></h2>`)).toMatchObject({ pos: { line: 4, col: 1 }, message: expect.stringMatching(/^<p> cannot appear inside a line of text/) });
    expect(diagnosticOf(`${META}<p data-src="0:4:1">a <page-count></page-count></p>`).message).toMatch(/^<page-count> cannot appear inside a line of text/);
  });

  it("loose text at the top level is an error", () => {
    const top = diagnosticOf(`${META}los`);
    expect(top).toMatchObject({ file: "templates/partials/section.hbs", pos: { line: 1, col: 1 } });
    expect(top.message).toBe("text `los` must be inside a block such as <p>");
  });

  it("an element without any data-src falls back to the first template, line 1", () => {
    const d = diagnosticOf(`${META}<section>x</section>`, ["templates/agenda.hbs"]);
    expect(d).toMatchObject({ file: "templates/agenda.hbs", pos: { line: 1, col: 1 }, message: "<section> cannot appear at the top level" });
  });
});

describe("template check: the vocabulary's elements and attributes, before any markup is parsed", () => {
  it("every element of the vocabulary passes and is tagged with its template line and column", () => {
    const source = Object.keys(VOCABULARY)
      .map((name) => `<${name}>`)
      .join("\n");
    const { source: annotated } = annotateTemplate(3, "templates/x.hbs", source);
    Object.keys(VOCABULARY).forEach((name, i) => expect(annotated).toContain(`<${name} data-src="3:${i + 1}:1">`));
  });

  it("an element outside the vocabulary is an error at its template line and column", () => {
    let thrown: unknown;
    try {
      annotateTemplate(0, "templates/proposal.hbs", "<h1>{{onderwerp}}</h1>\n\n  <p>x <span>y</span></p>");
    } catch (e) {
      thrown = e;
    }
    const d = (thrown as { diagnostic: { file: string; pos: unknown; message: string } }).diagnostic;
    expect(d.file).toBe("templates/proposal.hbs");
    expect(d.pos).toEqual({ line: 3, col: 8 });
    expect(d.message).toMatch(/^<span> is not part of the document vocabulary; use one of: meta, header, footer/);
  });

  it("an attribute an element does not allow is an error naming the allowed ones", () => {
    const check = (source: string) => {
      try {
        annotateTemplate(1, "templates/partials/table.hbs", source);
      } catch (e) {
        return (e as { diagnostic: { file: string; pos: unknown; message: string } }).diagnostic;
      }
      throw new Error("not rejected");
    };
    expect(check('<table>\n  <caption class="x">C</caption>')).toEqual({
      file: "templates/partials/table.hbs",
      severity: "error",
      pos: { line: 2, col: 3 },
      message: "attribute `class` is not allowed on <caption>",
    });
    expect(check('<ol type="a" reversed>').message).toBe("attribute `reversed` is not allowed on <ol>; allowed: type, start");
    expect(check('<a href="#x" target="_blank">').message).toBe("attribute `target` is not allowed on <a>; allowed: href");
    // The parser's own attribute may not be written by hand either.
    expect(check('<p data-src="0:1:1">').message).toBe("attribute `data-src` is not allowed on <p>");
  });

  it("a mistake found only when parsing the rendered markup is reported at the template's own line and column", () => {
    const template = `${META}\n<h1>Titel</h1>\n\n    <table data-widths="1 1">\n  <thead><tr><th>A</th><th>B</th></tr></thead>\n</table>`;
    const { source } = annotateTemplate(1, "templates/partials/table.hbs", template);
    const d = diagnosticOf(source, ["templates/proposal.hbs", "templates/partials/table.hbs"]);
    expect(d).toMatchObject({ file: "templates/partials/table.hbs", pos: { line: 4, col: 5 }, message: "a <table> needs a <caption> (screen readers announce it)" });
  });

  it("markup inside Handlebars comments is not checked", () => {
    expect(() => annotateTemplate(0, "t.hbs", "{{!-- <div class=x> --}}{{! <span> }}<p>ok</p>")).not.toThrow();
  });
});
