import type { ChildNode, Element } from "domhandler";
import { Text } from "domhandler";
import render from "dom-serializer";
import TurndownService from "turndown";
import { elements } from "../readers/dom.js";

/**
 * Word's text (as mammoth's HTML) → the Markdown subset of prose fields: paragraphs, **bold**,
 * *italic*, links, bullet and numbered lists, line breaks. Turndown does the conversion and the
 * escaping; what is ours is what our own .docx files carry:
 *
 * - a cross-reference (a link to a `_Ref_<kind>_<id>` bookmark, after its word: "bijlage 2")
 *   becomes `[[bijlage:id]]` again; a link to any other place in the document keeps its text;
 * - a numbered item that is a cross-reference target (a bookmark in it) gets its `{#id}` back.
 */
/** What the rules read of turndown's DOM nodes (its types assume the browser's DOM library). */
interface DomNode {
  readonly nodeName: string;
  readonly parentNode: DomNode;
  readonly children: ArrayLike<unknown>;
  getAttribute(name: string): string | null;
}

const turndown = new TurndownService({ headingStyle: "atx", bulletListMarker: "-", emDelimiter: "*", strongDelimiter: "**", br: "\\" });
turndown.addRule("reference", {
  filter: (node) => node.nodeName === "A" && /^#_Ref_[A-Za-z]+_/.test(node.getAttribute("href") ?? ""),
  replacement: (_content, node) => {
    const [, kind, id] = /^#_Ref_([A-Za-z]+)_(.+)$/.exec((node as unknown as DomNode).getAttribute("href") ?? "")!;
    const capital = (node as unknown as DomNode).getAttribute("data-capital") === "ja";
    return `[[${capital ? kind!.charAt(0).toUpperCase() + kind!.slice(1) : kind}:${id!.replace(/_/g, "-")}]]`;
  },
});
turndown.addRule("internal-link", {
  filter: (node) => node.nodeName === "A" && !/^(https?:|mailto:|#_Ref_[A-Za-z]+_)/i.test(node.getAttribute("href") ?? ""),
  replacement: (content) => content,
});
turndown.addRule("image", { filter: "img", replacement: () => "" });
// Turndown writes "1.  item" and "-   item" (aligned to four); two-space items read the same and look like what people type.
turndown.addRule("listItem", {
  filter: "li",
  replacement: (content, node) => {
    const parent = (node as unknown as DomNode).parentNode;
    const index = Array.prototype.indexOf.call(parent.children, node);
    const marker = parent.nodeName === "OL" ? `${Number(parent.getAttribute("start") ?? 1) + index}. ` : "- ";
    const body = content.replace(/^\n+/, "").replace(/\n+$/, "\n").replace(/\n/gm, `\n${" ".repeat(marker.length)}`);
    return `${marker}${body}${node.nextSibling && !/\n$/.test(body) ? "\n" : ""}`;
  },
});

/** The words a reference prints before its number, by target kind (see src/render/references.ts). */
const WORD: Readonly<Record<string, string>> = { punt: "agendapunt", sectie: "", lid: "" };

/**
 * Our cross-references as links the reference rule can read: the word before the link ("bijlage ")
 * is the reference's, so it leaves the text, and its capital is kept.
 */
function markReferences(nodes: readonly ChildNode[]): void {
  for (const el of elements(nodes)) {
    markReferences(el.children);
    const m = /^#_Ref_([A-Za-z]+)_/.exec(el.attribs.href ?? "");
    if (el.name !== "a" || !m) continue;
    const word = WORD[m[1]!] ?? m[1]!;
    const before = el.prev;
    if (!word || !(before instanceof Text)) continue;
    const at = before.data.toLowerCase().lastIndexOf(`${word} `);
    if (at < 0 || at + word.length + 1 !== before.data.length) continue;
    if (before.data.charAt(at) !== word.charAt(0)) el.attribs["data-capital"] = "ja";
    before.data = before.data.slice(0, at);
  }
}

/** The id of a cross-reference target in `nodes` (a bookmark of `kind`), if there is one. */
export function targetId(nodes: readonly ChildNode[], kind: string): string | undefined {
  for (const el of elements(nodes)) {
    if (el.name === "ol" || el.name === "ul") continue;
    const m = new RegExp(`^_Ref_${kind}_(.+)$`).exec(el.attribs.id ?? "");
    if (el.name === "a" && m) return m[1]!.replace(/_/g, "-");
    const inner = targetId(el.children, kind);
    if (inner) return inner;
  }
  return undefined;
}

/** Block elements (paragraphs, lists) → Markdown. `idsOf`: the reference kind of numbered items' `{#id}`. */
export function markdownOf(els: readonly Element[], idsOf?: string): string {
  markReferences(els);
  if (idsOf) {
    for (const li of els.flatMap(function all(e): Element[] {
      return [e, ...elements(e.children).flatMap(all)];
    })) {
      if (li.name !== "li" || li.parent?.type !== "tag" || (li.parent as Element).name !== "ol") continue;
      const id = targetId(li.children, idsOf);
      if (id) li.children.unshift(Object.assign(new Text(`{#${id}} `), { parent: li }));
    }
  }
  return turndown.turndown(render(els as Element[], { decodeEntities: true })).trim();
}

/** Inline content (a line: a beslispunt, a table cell) → one line of Markdown; line breaks kept. */
export function inlineMarkdownOf(nodes: readonly ChildNode[]): string {
  const p = nodes.filter((n) => !(n.type === "tag" && (n.name === "ol" || n.name === "ul")));
  markReferences(p);
  // A cell or item of several paragraphs: their texts, each on a line of its own.
  const html = p.map((n) => (n.type === "tag" && n.name === "p" ? `${render(n.children, { decodeEntities: true })}<br>` : render(n, { decodeEntities: true }))).join("");
  return turndown.turndown(`<p>${html}</p>`).replace(/\\$/, "").trim();
}
