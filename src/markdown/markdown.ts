import MarkdownIt from "markdown-it";

/**
 * The Markdown subset of prose fields: paragraphs, **bold**, *italic*, bullet and numbered
 * lists, links and hard line breaks. Everything else (headings, code, quotes, images, tables,
 * raw HTML, and entities such as &lt;) stays literal text, so a proposal cannot change the
 * document's structure and what is typed is what is printed.
 */
const md = new MarkdownIt("zero", { html: false, linkify: false, typographer: false, breaks: false }).enable([
  "paragraph",
  "list",
  "emphasis",
  "link",
  "escape",
  "newline",
]);

/** Block Markdown → markup (`p`, `ul`, `ol`, `li`, `strong`, `em`, `a`, `br`). */
export function markdownBlocks(source: string): string {
  return md.render(source);
}

/** Inline Markdown → markup (`strong`, `em`, `a`, `br`). */
export function markdownInline(source: string): string {
  return md.renderInline(source);
}
