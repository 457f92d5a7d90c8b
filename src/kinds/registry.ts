import { HOUSE_STYLE } from "./house-style.js";
import type { DocumentKind } from "./kind.js";
import { MEETING } from "./meeting.js";
import { PROPOSAL } from "./proposal.js";

/**
 * Every kind of input document. A new kind is a schema (src/model/), an entry (a file in this
 * folder), its line here, and its templates; the commands, the JSON Schemas, the skeletons and
 * the editor take everything else from the entry.
 */
// The kinds' value types differ; the registry holds them as kinds of anything.
export const KINDS: readonly DocumentKind<any, any>[] = [PROPOSAL, HOUSE_STYLE, MEETING];

/** A file no other kind claims is a proposal; `new` and the editor create proposals. */
export const DEFAULT_KIND: DocumentKind = PROPOSAL as DocumentKind;

export function kindOf(file: string): DocumentKind {
  return KINDS.find((k) => k !== DEFAULT_KIND && k.matches(file)) ?? DEFAULT_KIND;
}

export function kindNamed(name: string): DocumentKind | undefined {
  return KINDS.find((k) => k.name === name);
}
