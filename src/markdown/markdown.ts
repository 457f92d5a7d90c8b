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

/**
 * A cross-reference as written in prose: `[[bijlage:begroting]]`, `[[beslispunt:kosten]]`,
 * `[[punt:jaarrekening]]`; a capital (`[[Bijlage:…]]`) starts a sentence. Resolved by the caller
 * into the word and the target's current number ("bijlage 7-2"); see src/render/references.ts.
 */
export const REFERENCE = /\[\[([A-Za-z]+):([A-Za-z0-9_-]+)\]\]/g;

/** What a reference prints and where it points, or undefined when it points nowhere (check says so). */
export type ReferenceResolver = (kind: string, id: string) => { readonly word: string; readonly number: string; readonly anchor: string } | undefined;

/** Text as HTML text (markdown-it's own escaping). */
export const escapeHtml = (s: string): string => md.utils.escapeHtml(s);

// An inline rule of our own: markdown-it has no syntax for references, and a link (`[x](#y)`)
// would print what the writer typed, not the number the target has now.
const referenceRule: Parameters<typeof md.inline.ruler.before>[2] = (state, silent) => {
  if (state.src.charCodeAt(state.pos) !== 0x5b || state.src.charCodeAt(state.pos + 1) !== 0x5b) return false;
  const m = /^\[\[([A-Za-z]+):([A-Za-z0-9_-]+)\]\]/.exec(state.src.slice(state.pos));
  if (!m) return false;
  if (!silent) {
    const token = state.push("reference", "", 0);
    token.meta = { kind: m[1], id: m[2] };
    token.content = m[0];
  }
  state.pos += m[0].length;
  return true;
};
md.inline.ruler.before("link", "reference", referenceRule);
md.renderer.rules.reference = (tokens, idx, _options, env: { refs?: ReferenceResolver }) => {
  const token = tokens[idx]!;
  const { kind, id } = token.meta as { kind: string; id: string };
  const found = env.refs?.(kind.toLowerCase(), id);
  if (!found) return escapeHtml(token.content);
  const word = kind.charAt(0) === kind.charAt(0).toUpperCase() ? found.word.charAt(0).toUpperCase() + found.word.slice(1) : found.word;
  return `${word ? `${escapeHtml(word)} ` : ""}<ref to="${escapeHtml(found.anchor)}">${escapeHtml(found.number)}</ref>`;
};

/**
 * Where a document type allows it (a prose field's `koppen` and `letters`), prose grows by two
 * things, and no more: headings (`# Kop`, printed one level below the section's heading), and
 * lettered lists (`a. …`, `b. …`), which Markdown does not know.
 */
export interface ProseOptions {
  /** The heading level of the section the prose is in: `#` becomes the level below it. */
  readonly headingsBelow?: number;
  readonly letters?: boolean;
  /**
   * Numbered items as targets (a prose field with `verwijzing`): an item of a numbered list that
   * starts with `{#id}` loses the marker and, when something refers to it, carries the anchor
   * `anchorOf(id)` gives ("" when nothing does).
   */
  readonly items?: (id: string) => string;
}

/** `{#kosten} ` at the start of a numbered item: its id for cross-references. */
const ITEM_ID = /^\{#([A-Za-z][A-Za-z0-9_-]*)\}\s*/;

type Token = ReturnType<typeof md.parse>[number];

/** The items of numbered lists that carry an id, with their numbers (top level: 1, 2; below it: 2a, 2b). */
function eachNumberedItem(tokens: Token[], visit: (item: Token, inline: Token, id: string, number: string) => void): void {
  const stack: { ordered: boolean; n: number; number: string }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === "ordered_list_open" || t.type === "bullet_list_open") stack.push({ ordered: t.type === "ordered_list_open", n: Number(t.attrGet("start") ?? 1) - 1, number: "" });
    else if (t.type === "ordered_list_close" || t.type === "bullet_list_close") stack.pop();
    else if (t.type === "list_item_open") {
      const list = stack[stack.length - 1]!;
      list.n += 1;
      const parent = stack.slice(0, -1).filter((l) => l.ordered).at(-1);
      list.number = parent ? `${parent.number}${String.fromCharCode(96 + list.n)}` : String(list.n);
      const inline = tokens[i + 2];
      const id = inline?.type === "inline" ? ITEM_ID.exec(inline.content)?.[1] : undefined;
      if (list.ordered && inline && id) visit(t, inline, id, list.number);
    }
  }
}

/** The numbered items of `source` that carry an id, and their numbers: what references to them print. */
export function numberedItemTargets(source: string): { id: string; number: string }[] {
  const out: { id: string; number: string }[] = [];
  eachNumberedItem(md.parse(source, {}), (_item, _inline, id, number) => out.push({ id, number }));
  return out;
}

const withHeadings = new MarkdownIt("zero", { html: false, linkify: false, typographer: false, breaks: false }).enable(["heading", "paragraph", "list", "emphasis", "link", "escape", "newline"]);
withHeadings.inline.ruler.before("link", "reference", referenceRule);
withHeadings.renderer.rules.reference = md.renderer.rules.reference!;
// `#` is the level below the section's heading; the documents have h2 to h4.
withHeadings.renderer.rules.heading_open = (tokens, idx, _o, env: { below?: number }) => `<h${Math.min(4, (env.below ?? 2) + Number(tokens[idx]!.tag.slice(1)))}>`;
withHeadings.renderer.rules.heading_close = (tokens, idx, _o, env: { below?: number }) => `</h${Math.min(4, (env.below ?? 2) + Number(tokens[idx]!.tag.slice(1)))}>\n`;

/** A lettered item (`a. `, `b) `) at the start of a line: read as a numbered one, then printed with letters. */
const LETTERED = /^(\s*)([a-z])[.)](?=\s)/;

function render(source: string, refs: ReferenceResolver | undefined, opts: ProseOptions): string {
  const engine = opts.headingsBelow !== undefined ? withHeadings : md;
  const lines = source.split("\n");
  const numbered = opts.letters ? lines.map((l) => l.replace(LETTERED, (_m, indent: string, letter: string) => `${indent}${letter.charCodeAt(0) - 96}.`)).join("\n") : source;
  const env = { refs, below: opts.headingsBelow };
  const tokens = engine.parse(numbered, env);
  if (opts.letters) for (const t of tokens) if (t.type === "ordered_list_open" && t.map && LETTERED.test(lines[t.map[0]] ?? "")) t.attrSet("type", "a");
  if (opts.items) {
    const anchorOf = opts.items;
    eachNumberedItem(tokens, (item, inline, id) => {
      // The marker is no text: off the item's first words (the inline token and its first text child).
      inline.content = inline.content.replace(ITEM_ID, "");
      const first = inline.children?.[0];
      if (first?.type === "text") first.content = first.content.replace(ITEM_ID, "");
      const anchor = anchorOf(id);
      if (anchor) item.attrSet("id", anchor);
    });
  }
  return engine.renderer.render(tokens, engine.options, env);
}

/** Block Markdown → markup (`p`, `ul`, `ol`, `li`, `strong`, `em`, `a`, `br`, `ref`; headings where allowed). */
export function markdownBlocks(source: string, refs?: ReferenceResolver, opts: ProseOptions = {}): string {
  return opts.headingsBelow === undefined && !opts.letters && !opts.items ? md.render(source, { refs }) : render(source, refs, opts);
}

/** Inline Markdown → markup (`strong`, `em`, `a`, `br`, `ref`). */
export function markdownInline(source: string, refs?: ReferenceResolver): string {
  return md.renderInline(source, { refs });
}
