import type { Logo } from "../style/logo.js";
import type { DocumentNode } from "../tree/types.js";

/** Put the house style's logo on a document (writers place it in the page header). */
export function withLogo(tree: DocumentNode, logo: Logo | undefined): DocumentNode {
  if (!logo) return tree;
  return { ...tree, logo: { type: "image", format: logo.format, data: logo.data, fallback: logo.png, alt: logo.alt, widthMm: logo.widthMm, heightMm: logo.heightMm } };
}
