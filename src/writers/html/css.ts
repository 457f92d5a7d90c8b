import type { StyleSheet } from "../../style/style-sheet.js";
import type { FooterInline } from "../../tree/types.js";
import type { Handlers } from "../writer.js";

/**
 * The one inline style sheet of the HTML output, generated from the house style so the screen
 * and print versions look like the .docx. Print running header/footer come from the tree's
 * header and footer as CSS Paged Media margin boxes (they are not in the body).
 */
export interface CssInput {
  /** Running header, printed top right of every page. */
  readonly header: readonly FooterInline[];
  /** Running footer (may hold page number / count), printed bottom centre of every page. */
  readonly footer: readonly FooterInline[];
  /** Column widths used by the tables, in tenths of a percent (333 = 33.3%). */
  readonly columnWidths: readonly number[];
  /** A redline: style insertions and deletions. */
  readonly redline?: boolean;
  /** Some table cell holds paragraphs or lists. */
  readonly cellBlocks?: boolean;
}

/**
 * Paragraphs and lists in a table cell: closer together than in the body, and none of their
 * space below the last one (the cell's padding is enough). Only in documents that have them,
 * so that the style sheet of the others stays as it was.
 */
const CELL_BLOCKS_CSS = [
  "td > p, th > p, td > ul, th > ul, td > ol, th > ol { margin: 0 0 0.3em; }",
  "td > :last-child, th > :last-child { margin-bottom: 0; }",
];

/**
 * A redline's changes are shown by more than colour: inserted text is underlined and deleted
 * text struck through, and screen readers hear "ingevoegd"/"verwijderd" (visually hidden
 * generated text). Both colours keep 7:1 contrast.
 */
const REDLINE_CSS = [
  "ins { text-decoration: underline; color: #0B5A1E; background: #E6F4EA; }",
  "del { text-decoration: line-through; color: #8A1C1C; background: #FCE8E6; }",
  'ins::before { content: "[ingevoegd: "; }',
  'del::before { content: "[verwijderd: "; }',
  'ins::after, del::after { content: "]"; }',
  "ins::before, del::before, ins::after, del::after { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }",
  ".legend { border: 1px solid #595959; padding: 0.4em 0.6em; }",
];

/** Body text colour (Word's automatic colour on white). */
export const TEXT_COLOUR = "000000";
/** Colour of the screen-only running header: quieter than body text, still 7:1 on white. */
export const MUTED_COLOUR = "595959";
const WHITE = "FFFFFF";
/** WCAG 2 AA minimum contrast for normal-size text. */
const AA = 4.5;

export function houseCss(style: StyleSheet, input: CssInput): string {
  const accent = colour(style.accent, "accent");
  const accentLight = colour(style.accentLight, "accentLight");
  // Never trust the accent blindly: a style file may pick a colour too pale to read.
  const headingColour = readable([accent, TEXT_COLOUR], WHITE);
  const headCellColour = readable([TEXT_COLOUR, WHITE], accentLight);
  const { size, margins } = style;
  const family = fontFamily(style.font);
  const lines = [
    "body {",
    `  font-family: ${family};`,
    `  font-size: ${num(size.body)}pt;`,
    `  line-height: ${num(style.lineHeight)};`,
    `  color: #${TEXT_COLOUR};`,
    `  background: #${WHITE};`,
    "  max-width: 48rem;",
    "  margin: 0 auto;",
    "  padding: 1.5rem 1rem 3rem;",
    "}",
    "body > header {",
    `  font-size: ${num(size.small)}pt;`,
    `  color: #${MUTED_COLOUR};`,
    `  border-bottom: 1px solid #${accent};`,
    "  margin-bottom: 1.5rem;",
    "}",
    "body > header p { margin: 0 0 0.3em; }",
    "body > header img.logo { display: block; margin: 0 0 0.5em; }",
    "h1, h2, h3, h4 {",
    `  color: #${headingColour};`,
    "  line-height: 1.2;",
    "}",
    `h1 { font-size: ${num(size.title)}pt; margin: 0 0 0.8em; }`,
    `h2 { font-size: ${num(size.heading1)}pt; margin: 1.4em 0 0.4em; }`,
    `h3 { font-size: ${num(size.heading2)}pt; margin: 1.2em 0 0.3em; }`,
    `h4 { font-size: ${num(size.body)}pt; font-style: italic; margin: 1em 0 0.3em; }`,
    "p { margin: 0 0 0.6em; }",
    "ul, ol { margin: 0 0 0.6em; padding-left: 1.8em; }",
    "li > p { margin: 0; }",
    "li > ul, li > ol { margin: 0; }",
    `a { color: #${headingColour}; }`,
    "table {",
    "  border-collapse: collapse;",
    "  table-layout: fixed;",
    "  width: 100%;",
    "  margin: 0 0 1em;",
    "}",
    "caption { caption-side: top; text-align: left; font-weight: bold; padding: 0 0 0.3em; }",
    "th, td {",
    `  border: 1px solid #${accent};`,
    "  padding: 0.25em 0.4em;",
    "  text-align: left;",
    "  vertical-align: top;",
    "  overflow-wrap: anywhere;",
    "}",
    "th {",
    `  background: #${accentLight};`,
    `  color: #${headCellColour};`,
    "  font-weight: bold;",
    "}",
    ...input.columnWidths.map((w) => `col.${columnClass(w)} { width: ${tenths(w)}%; }`),
    ...(input.cellBlocks ? CELL_BLOCKS_CSS : []),
    ".metadata { margin: 0 0 1.2em; }",
    ".metadata > div { display: flex; flex-wrap: wrap; column-gap: 1em; }",
    ".metadata dt { flex: 0 0 12em; font-weight: bold; }",
    ".metadata dd { flex: 1 1 20em; margin: 0; }",
    "hr.page-break { border: 0; border-top: 1px dashed #8C8C8C; margin: 2em 0; }",
    "@page {",
    "  size: A4;",
    `  margin: ${num(margins.top)}mm ${num(margins.right)}mm ${num(margins.bottom)}mm ${num(margins.left)}mm;`,
    ...marginBox("top-right", input.header, family, size.small),
    ...marginBox("bottom-center", input.footer, family, size.small),
    "}",
    ...(input.redline ? REDLINE_CSS : []),
    "@media print {",
    "  body { max-width: none; margin: 0; padding: 0; }",
    // The running header's text is printed by @page; the element would print it twice on
    // page 1. The logo stays, on the first page.
    "  body > header { border: 0; margin: 0 0 1em; }",
    "  body > header p { display: none; }",
    "  hr.page-break { display: none; }",
    "  hr.page-break + * { break-before: page; }",
    "  thead { display: table-header-group; }",
    "  tr { break-inside: avoid; }",
    // A header row alone at the foot of a page (its rows on the next) says nothing.
    "  thead { break-after: avoid; }",
    "  tbody > tr:first-child { break-before: avoid; }",
    "  h1, h2, h3, h4, caption { break-after: avoid; }",
    "}",
  ];
  return `${lines.join("\n")}\n`;
}

function marginBox(name: string, nodes: readonly FooterInline[], family: string, size: number): string[] {
  const content = marginContent(nodes);
  if (content === "") return [];
  // pre-line keeps the line breaks ("\A") a <br> became, and still collapses spaces.
  return [`  @${name} {`, `    content: ${content};`, `    font-family: ${family};`, `    font-size: ${num(size)}pt;`, "    white-space: pre-line;", "  }"];
}

/** The CSS `content` value of header/footer nodes: strings and page counters, space-separated. */
export function marginContent(nodes: readonly FooterInline[]): string {
  return nodes
    .map((n) => CONTENT[n.type](n as never))
    .filter((s) => s !== "")
    .join(" ");
}

const CONTENT: Handlers<FooterInline, void, string> = {
  text: (n) => (n.value === "" ? "" : cssString(n.value)),
  strong: (n) => marginContent(n.children),
  emphasis: (n) => marginContent(n.children),
  link: (n) => marginContent(n.children),
  // (The markup keeps cross-references out of the header and footer; their text if ever there.)
  target: (n) => marginContent(n.children),
  reference: (n) => marginContent(n.children),
  insertion: (n) => marginContent(n.children),
  deletion: () => "",
  break: () => '"\\A"',
  pageNumber: () => "counter(page)",
  pageCount: () => "counter(pages)",
};

/**
 * A double-quoted CSS string. Besides `\` and `"`, newlines and other controls become hex
 * escapes, and `<` does too so that no text can close the `<style>` element (`</style>`).
 */
export function cssString(s: string): string {
  const body = s.replace(/[\\"]|[\u0000-\u001f\u007f<>&]/g, (c) => {
    if (c === "\\" || c === '"') return `\\${c}`;
    if (c === "\u0000") return "\uFFFD"; // CSS would replace NUL with U+FFFD anyway.
    return `\\${c.charCodeAt(0).toString(16).toUpperCase()} `;
  });
  return `"${body}"`;
}

const GENERIC = new Set(["serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui", "ui-serif", "ui-sans-serif", "ui-monospace", "ui-rounded", "math", "emoji", "fangsong"]);
const CSS_WIDE = new Set(["inherit", "initial", "unset", "revert", "revert-layer", "default"]);

/** The `font-family` list: generic families bare, single-word names bare, others quoted. */
export function fontFamily(font: StyleSheet["font"]): string {
  return [font.family, ...font.fallbacks]
    .map((name) => {
      if (GENERIC.has(name)) return name;
      if (/^[A-Za-z][A-Za-z0-9_-]*$/.test(name) && !CSS_WIDE.has(name.toLowerCase())) return name;
      return cssString(name);
    })
    .join(", ");
}

/** Class of a `<col>` of the given width in tenths of a percent: 333 → `w-33-3`, 500 → `w-50`. */
export function columnClass(widthTenths: number): string {
  const whole = Math.floor(widthTenths / 10);
  const tenth = widthTenths % 10;
  return tenth === 0 ? `w-${whole}` : `w-${whole}-${tenth}`;
}

/**
 * Relative widths as tenths of a percent that add up to exactly 1000 (largest remainder, ties
 * to the leftmost column), so the rounded percentages still sum to 100%.
 */
export function percentTenths(widths: readonly number[]): number[] {
  const total = widths.reduce((a, b) => a + b, 0);
  if (!(total > 0) || widths.some((w) => !(w > 0) || !Number.isFinite(w))) {
    throw new Error(`table widths must be positive numbers, got [${widths.join(", ")}]`);
  }
  const exact = widths.map((w) => (w / total) * 1000);
  const out = exact.map(Math.floor);
  let left = 1000 - out.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    out[i] = (out[i] ?? 0) + 1;
    left--;
  }
  return out;
}

/** WCAG 2 contrast ratio of two RRGGBB colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

function luminance(hex: string): number {
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The first candidate colour that reaches AA on `background`, else the best of them. */
export function readable(candidates: readonly string[], background: string): string {
  const ok = candidates.find((c) => contrastRatio(c, background) >= AA);
  if (ok) return ok;
  return [...candidates].sort((x, y) => contrastRatio(y, background) - contrastRatio(x, background))[0] ?? TEXT_COLOUR;
}

/** The house style's colours go into the style sheet verbatim: accept only RRGGBB. */
function colour(value: string, name: string): string {
  if (!/^[0-9A-Fa-f]{6}$/.test(value)) throw new Error(`house style ${name} must be a RRGGBB hex colour, got \`${value}\``);
  return value.toUpperCase();
}

/** A number for CSS; refuses NaN/Infinity, which would silently drop the declaration. */
function num(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`house style value must be a finite number, got ${n}`);
  return String(n);
}

const tenths = (w: number): string => (w % 10 === 0 ? String(w / 10) : (w / 10).toFixed(1));
