/**
 * The markup templates may write: element name → allowed attributes. Shared by the static check
 * of template sources and by the parser that builds the document tree. See README.md.
 */
export const VOCABULARY: Readonly<Record<string, readonly string[]>> = {
  meta: ["name", "content"],
  header: [],
  footer: [],
  "page-number": [],
  "page-count": [],
  h1: [],
  h2: [],
  h3: [],
  h4: [],
  p: [],
  ul: [],
  ol: ["type", "start"],
  li: ["id"],
  table: ["data-widths"],
  caption: [],
  thead: [],
  tbody: [],
  tr: [],
  th: [],
  td: [],
  dl: [],
  dt: [],
  dd: [],
  hr: [],
  strong: [],
  em: [],
  a: ["href"],
  br: [],
  target: ["id"],
  ref: ["to"],
};

/** A cross-reference id (`<target id>`, `<li id>`, `<ref to>`): a letter, then letters, digits, `-` and `_`. */
export const CROSS_REFERENCE_ID = /^[A-Za-z][A-Za-z0-9_-]*$/;

export const META_NAMES = ["title", "subject", "author", "description", "keywords", "language", "date"] as const;

/** The attribute through which each element remembers the template line it came from. */
export const SOURCE_ATTRIBUTE = "data-src";
