import { HtmlValidate, StaticConfigLoader, type ConfigData } from "html-validate";
import { isTag } from "domhandler";
import { DomUtils, parseDocument } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { DEFAULT_STYLE_SHEET, type StyleSheet } from "../src/style/style-sheet.js";
import type { Block, DocumentNode, Inline, ListItem, TableRow } from "../src/tree/types.js";
import { contrastRatio, cssString, percentTenths, TEXT_COLOUR } from "../src/writers/html/css.js";
import { htmlEscape, htmlWriter, writeHtml } from "../src/writers/html/html-writer.js";

const HOSTILE = `<script>alert(1)</script> {{x}} ]]> & "q" 'a'`;

const t = (value: string): Inline => ({ type: "text", value });
const p = (...children: Inline[]): Block => ({ type: "paragraph", children });
const li = (...children: ListItem["children"]): ListItem => ({ type: "listItem", children });
const row = (...cells: string[]): TableRow => ({ type: "tableRow", cells: cells.map((c) => ({ type: "tableCell", children: [t(c)] })) });

// Board papers are titled by their subject, which is often longer than 70 characters.
const TITLE = `Vaststelling van de "Nota reserves en voorzieningen 2025" & de begrotingswijziging <2>`;

const TREE: DocumentNode = {
  type: "document",
  properties: {
    title: TITLE,
    language: "nl-NL",
    date: "2025-03-14",
    author: `Afdeling "Financiën" & Control`,
    description: "Raadsvoorstel over de reserves",
    keywords: "reserves, voorzieningen",
    subject: "Financiën",
  },
  header: [t("Gemeente Voorbeeld — "), { type: "strong", children: [t(`Raadsvoorstel "A\\B" </style>`)] }, { type: "break" }, t("vertrouwelijk")],
  footer: [t("Pagina "), { type: "pageNumber" }, t(" van "), { type: "pageCount" }],
  children: [
    { type: "title", children: [t(TITLE)] },
    {
      type: "metadata",
      entries: [
        { type: "metadataEntry", label: [t("Vergadering")], value: [t("24 april 2025")] },
        { type: "metadataEntry", label: [t("Portefeuillehouder")], value: [t("J. de Vries"), { type: "break" }, t("wethouder")] },
      ],
    },
    { type: "heading", depth: 1, id: "beslispunten", children: [t("Beslispunten")] },
    {
      type: "list",
      style: "decimal",
      start: 1,
      children: [
        li({ type: "paragraph", children: [t("De nota vast te stellen.")] }),
        li(
          { type: "paragraph", children: [t("De begroting te wijzigen:")] },
          {
            type: "list",
            style: "lower-alpha",
            start: 3,
            children: [
              li({ type: "paragraph", children: [t("reserve A")] }),
              li(
                { type: "paragraph", children: [t("reserve B")] },
                { type: "list", style: "lower-roman", start: 1, children: [li({ type: "paragraph", children: [t("onderdeel")] })] },
              ),
            ],
          },
        ),
      ],
    },
    { type: "heading", depth: 2, id: "aanleiding", children: [t("Aanleiding")] },
    p(t(HOSTILE)),
    p(
      t("Zie "),
      { type: "link", url: "https://www.example.nl/nota?a=1&b=2", children: [t("de nota")] },
      t(" en "),
      { type: "strong", children: [t("let op")] },
      { type: "break" },
      { type: "emphasis", children: [t("cursief")] },
      t(" "),
      { type: "link", url: "#beslispunten", children: [t("de beslispunten")] },
    ),
    { type: "list", style: "bullet", start: 1, children: [li({ type: "paragraph", children: [t("punt")] }), li({ type: "paragraph", children: [t("tweede punt")] })] },
    { type: "pageBreak" },
    {
      type: "table",
      caption: [t("Tabel 1. Mutaties in reserves")],
      widths: [1, 1, 1],
      head: row("Reserve", "Stand", "Mutatie"),
      rows: [row("Algemene reserve", "€ 1.000", "+ 200"), row(HOSTILE, "0", "0")],
    },
    { type: "table", caption: [t("Tabel 2")], widths: [40, 60], head: row("Naam", "Toelichting"), rows: [row("x", "y")] },
  ],
};

const CONFIG: ConfigData = {
  extends: ["html-validate:recommended", "html-validate:a11y", "html-validate:document"],
  rules: {
    // A board paper's <title> is its full subject, often over 70 characters; this rule is a
    // search-engine heuristic, and shortening the title would drop information.
    "long-title": "off",
  },
};

async function validate(html: string): Promise<string[]> {
  const report = await new HtmlValidate(new StaticConfigLoader(CONFIG)).validateString(html, "out.html");
  return report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
}

const HTML = writeHtml(TREE, DEFAULT_STYLE_SHEET);
const DOM = parseDocument(HTML);
const all = (tag: string) => DomUtils.getElementsByTagName(tag, DOM.children);
const text = (tag: string) => all(tag).map((e) => DomUtils.textContent(e));
const css = (): string => text("style").join("");

describe("html writer: validity", () => {
  it("passes html-validate (recommended, a11y, document)", async () => {
    const messages = await validate(HTML);
    expect(messages, messages.join("\n")).toEqual([]);
  });

  it("the validator does report problems (the check above is not vacuous)", async () => {
    const broken = HTML.replace('<th scope="col">Reserve</th>', '<th scope="column">Reserve</th>').replace('<h3 id="aanleiding">', '<h3 id="beslispunten">');
    const rules = (await validate(broken)).map((m) => m.split(" ")[1]);
    expect(rules).toEqual(expect.arrayContaining(["attribute-allowed-values:", "no-dup-id:"]));
  });

  it("a minimal document (no header, footer, rows or caption) is valid too", async () => {
    const minimal: DocumentNode = {
      type: "document",
      properties: { title: "Kort", language: "nl", date: "2025-01-01" },
      header: [],
      footer: [],
      children: [
        { type: "title", children: [t("Kort")] },
        { type: "table", caption: [], widths: [3, 1], head: row("a", "b"), rows: [] },
      ],
    };
    const html = writeHtml(minimal, DEFAULT_STYLE_SHEET);
    const messages = await validate(html);
    expect(messages, messages.join("\n")).toEqual([]);
    expect(html).not.toContain("<header>");
    expect(html).not.toContain("<tbody>");
    expect(html).not.toContain("@top-right");
    expect(html).not.toContain("@bottom-center");
  });
});

describe("html writer: document shell", () => {
  it("is one self-contained file with lang, charset, viewport, title and metadata", () => {
    expect(HTML.startsWith('<!DOCTYPE html>\n<html lang="nl-NL">\n<head>\n<meta charset="utf-8">\n')).toBe(true);
    expect(HTML).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(text("title")).toEqual([TITLE]);
    const meta = Object.fromEntries(all("meta").map((m) => [m.attribs.name, m.attribs.content]));
    expect(meta).toMatchObject({
      author: `Afdeling "Financiën" & Control`,
      description: "Raadsvoorstel over de reserves",
      keywords: "reserves, voorzieningen",
      "dcterms.subject": "Financiën",
      "dcterms.date": "2025-03-14",
    });
    expect(HTML.endsWith("</html>\n")).toBe(true);
    expect(HTML).not.toContain("\r");
  });

  it("makes no external requests and runs no script", () => {
    expect(HTML).not.toMatch(/<script/i);
    expect(HTML).not.toMatch(/<link\b/i);
    expect(HTML).not.toMatch(/<(img|iframe|object|embed)\b/i);
    expect(HTML).not.toMatch(/\ssrc=/i);
    expect(css()).not.toMatch(/url\(|@import|@font-face/i);
    // The only hrefs are the tree's own links.
    expect(all("a").map((a) => a.attribs.href)).toEqual(["https://www.example.nl/nota?a=1&b=2", "#beslispunten"]);
    expect(all("style")).toHaveLength(1);
  });

  it("is deterministic, and the Writer returns the same string", async () => {
    expect(writeHtml(TREE, DEFAULT_STYLE_SHEET)).toBe(HTML);
    expect(htmlWriter.format).toBe("html");
    expect(htmlWriter.extension).toBe(".html");
    expect(await htmlWriter.write(TREE, { style: DEFAULT_STYLE_SHEET })).toBe(HTML);
    const stamped = await htmlWriter.write(TREE, { style: DEFAULT_STYLE_SHEET, date: "2000-01-01" });
    expect(stamped).toBe(HTML.replace('content="2025-03-14"', 'content="2000-01-01"'));
  });

  it("puts one block element per line", () => {
    expect(HTML).toContain("\n<h2 id=\"beslispunten\">Beslispunten</h2>\n");
    expect(HTML).toContain('\n<hr class="page-break">\n');
    expect(HTML).toContain("\n<tr><th scope=\"col\">Reserve</th><th scope=\"col\">Stand</th><th scope=\"col\">Mutatie</th></tr>\n");
  });
});

describe("html writer: escaping", () => {
  it("keeps hostile text as text, in paragraphs and table cells", () => {
    expect(text("p")).toContain(HOSTILE);
    expect(text("td")).toContain(HOSTILE);
    expect(HTML).toContain("&lt;script&gt;alert(1)&lt;/script&gt; {{x}} ]]&gt; &amp; &quot;q&quot; &#39;a&#39;");
    expect(HTML).not.toMatch(/<script/i);
    expect(all("script")).toHaveLength(0);
  });

  it("escapes attribute values", () => {
    expect(HTML).toContain('<meta name="author" content="Afdeling &quot;Financiën&quot; &amp; Control">');
    expect(HTML).toContain('href="https://www.example.nl/nota?a=1&amp;b=2"');
    expect(htmlEscape(`a&b<c>"d"'e'`)).toBe("a&amp;b&lt;c&gt;&quot;d&quot;&#39;e&#39;");
  });

  it("escapes CSS strings, and no text can close the <style> element", () => {
    expect(cssString(`a"b\\c\nd</style>`)).toBe(String.raw`"a\"b\\c\A d\3C /style\3E "`);
    expect(HTML.match(/<\/style>/g)).toHaveLength(1);
    expect(css()).toContain(String.raw`content: "Gemeente Voorbeeld — " "Raadsvoorstel \"A\\B\" \3C /style\3E " "\A" "vertrouwelijk";`);
  });

  it("refuses link targets a browser would run as script", () => {
    const evil: DocumentNode = { ...TREE, children: [p({ type: "link", url: "javascript:alert(1)", children: [t("x")] })] };
    expect(() => writeHtml(evil, DEFAULT_STYLE_SHEET)).toThrow(/javascript:alert/);
  });
});

describe("html writer: structure", () => {
  it("maps title and headings to h1, h2 and h3 with the tree's ids", () => {
    expect(text("h1")).toEqual([TITLE]);
    expect(all("h2").map((h) => [h.attribs.id, DomUtils.textContent(h)])).toEqual([["beslispunten", "Beslispunten"]]);
    expect(all("h3").map((h) => [h.attribs.id, DomUtils.textContent(h)])).toEqual([["aanleiding", "Aanleiding"]]);
  });

  it("puts the header in <header> and the body in <main>, and not the footer", () => {
    const [body] = all("body");
    expect(body?.children.filter(isTag).map((e) => e.name)).toEqual(["header", "main"]);
    expect(text("header")[0]?.trim()).toBe(`Gemeente Voorbeeld — Raadsvoorstel "A\\B" </style>vertrouwelijk`);
    expect(body && DomUtils.textContent(body.children.filter((c) => !(isTag(c) && c.name === "style")))).not.toContain("Pagina");
    expect(text("main").join("")).not.toContain("Pagina");
    expect(all("footer")).toHaveLength(0);
  });

  it("writes lists with type and start, nested inside the item", () => {
    const ols = all("ol").map((o) => ({ type: o.attribs.type, start: o.attribs.start }));
    expect(ols).toEqual([
      { type: "1", start: undefined },
      { type: "a", start: "3" },
      { type: "i", start: undefined },
    ]);
    expect(HTML).toContain("<li>De nota vast te stellen.</li>\n");
    expect(HTML).toContain('<li>\n<p>De begroting te wijzigen:</p>\n<ol type="a" start="3">\n<li>reserve A</li>\n');
    const nested = all("ol")[1];
    expect(nested?.parent && isTag(nested.parent) ? nested.parent.name : "").toBe("li");
    expect(all("ul")).toHaveLength(1);
    expect(text("li")).toContain("tweede punt");
  });

  it("writes tables with caption, column widths that sum to 100%, and column headers", () => {
    const [table] = all("table");
    const kids = table?.children.filter(isTag).map((e) => e.name);
    expect(kids).toEqual(["caption", "colgroup", "thead", "tbody"]);
    expect(text("caption")).toEqual(["Tabel 1. Mutaties in reserves", "Tabel 2"]);
    expect(all("th").every((th) => th.attribs.scope === "col")).toBe(true);
    expect(all("th")).toHaveLength(5);
    expect(all("td")).toHaveLength(8);
    // Widths are classes defined in the <style> block, not style attributes.
    expect(HTML).not.toMatch(/\sstyle=/);
    const widthOf = (cls: string) => Number(new RegExp(`col\\.${cls} \\{ width: ([0-9.]+)%; \\}`).exec(css())?.[1]);
    for (const tbl of all("table")) {
      const widths = DomUtils.getElementsByTagName("col", tbl).map((c) => widthOf(c.attribs.class ?? ""));
      expect(widths.every((w) => w > 0)).toBe(true);
      expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 5);
    }
    expect(percentTenths([1, 1, 1])).toEqual([334, 333, 333]);
    expect(percentTenths([40, 60])).toEqual([400, 600]);
    expect(percentTenths([1, 2, 3, 7])).toEqual([77, 154, 231, 538]);
  });

  it("writes metadata as a description list with a div per pair", () => {
    const [dl] = all("dl");
    expect(dl?.attribs.class).toBe("metadata");
    const pairs = dl?.children.filter(isTag).map((d) => d.children.filter(isTag).map((e) => `${e.name}:${DomUtils.textContent(e)}`));
    expect(pairs).toEqual([
      ["dt:Vergadering", "dd:24 april 2025"],
      ["dt:Portefeuillehouder", "dd:J. de Vrieswethouder"],
    ]);
    expect(HTML).toContain("<dd>J. de Vries<br>wethouder</dd>");
  });

  it("writes inline markup", () => {
    expect(HTML).toContain('<p>Zie <a href="https://www.example.nl/nota?a=1&amp;b=2">de nota</a> en <strong>let op</strong><br><em>cursief</em> <a href="#beslispunten">de beslispunten</a></p>');
  });
});

describe("html writer: CSS", () => {
  it("prints A4 with the house margins, the running header and 'Pagina x van y'", () => {
    const s = css();
    expect(s).toContain("@page {\n  size: A4;\n  margin: 25mm 20mm 25mm 25mm;");
    expect(s).toContain('@bottom-center {\n    content: "Pagina " counter(page) " van " counter(pages);');
    expect(s).toContain("@top-right {");
    const print = s.slice(s.indexOf("@media print"));
    for (const rule of ["body > header p { display: none; }", "hr.page-break + * { break-before: page; }", "thead { display: table-header-group; }", "tr { break-inside: avoid; }", "break-after: avoid;", "max-width: none;"]) {
      expect(print).toContain(rule);
    }
  });

  it("takes font, sizes, line height and colours from the house style", () => {
    const s = css();
    expect(s).toContain('font-family: Arial, "Liberation Sans", Helvetica, sans-serif;');
    expect(s).toContain("font-size: 10pt;");
    expect(s).toContain("h1 { font-size: 16pt;");
    expect(s).toContain("h2 { font-size: 12pt;");
    expect(s).toContain("h3 { font-size: 10.5pt;");
    expect(s).toContain("line-height: 1.3;");
    expect(s).toContain("max-width: 48rem;");
    expect(s).toContain("color: #1F4E79;");
    expect(s).toContain("background: #DCE6F1;");
  });

  it("meets WCAG AA contrast, falling back to black for a pale accent", () => {
    expect(contrastRatio(DEFAULT_STYLE_SHEET.accent, "FFFFFF")).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(TEXT_COLOUR, DEFAULT_STYLE_SHEET.accentLight)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio("000000", "FFFFFF")).toBeCloseTo(21, 5);
    const pale: StyleSheet = { ...DEFAULT_STYLE_SHEET, accent: "9FC5E8", accentLight: "1F4E79" };
    const s = /<style>([\s\S]*)<\/style>/.exec(writeHtml(TREE, pale))?.[1] ?? "";
    expect(s).toMatch(/h1, h2, h3, h4 \{\n {2}color: #000000;/);
    expect(s).toMatch(/th \{\n {2}background: #1F4E79;\n {2}color: #FFFFFF;/);
  });

  it("refuses a colour that is not RRGGBB (it would go into the style sheet verbatim)", () => {
    const bad: StyleSheet = { ...DEFAULT_STYLE_SHEET, accent: "red; } body { display: none" };
    expect(() => writeHtml(TREE, bad)).toThrow(/RRGGBB/);
  });
});
