import type { ChildNode, Element } from "domhandler";

/**
 * Walking a parsed document (htmlparser2's DOM, for the XML of a .docx and for mammoth's HTML):
 * the few steps the readers and the import take. The trees were parsed under the depth limit of
 * docx-reader.ts, so recursion here is bounded.
 */

/** The elements among `nodes` (not text, not comments). */
export const elements = (nodes: readonly ChildNode[]): Element[] => nodes.filter((n): n is Element => n.type === "tag");

/** The first element named `name` among `nodes`. */
export const find = (nodes: readonly ChildNode[], name: string): Element | undefined => elements(nodes).find((e) => e.name === name);

/** Every element below `el`, depth first, in document order. */
export function descendants(el: Element): Element[] {
  return elements(el.children).flatMap((c) => [c, ...descendants(c)]);
}
