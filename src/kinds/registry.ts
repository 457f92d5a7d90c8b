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

/**
 * The kind of a file: the one whose type it names in a top-level `type:`, else the one whose
 * JSON Schema its `# yaml-language-server: $schema=…` line points at, else the one its path
 * says (a meetings folder, a file named huisstijl.yaml), else a proposal. Read from the text as
 * written, before it is parsed: a `type:` that names no type is reported by validation.
 */
export function kindOf(file: string, text?: string): DocumentKind {
  if (text !== undefined) {
    const named = TYPE_LINE.exec(text)?.[1];
    const byType = named === undefined ? undefined : KINDS.find((k) => k.types.includes(named));
    if (byType) return byType;
    const schema = SCHEMA_LINE.exec(text)?.[1];
    const bySchema = schema === undefined ? undefined : KINDS.find((k) => schema === k.jsonSchema.file || schema.endsWith(`/${k.jsonSchema.file}`));
    if (bySchema) return bySchema;
  }
  return KINDS.find((k) => k !== DEFAULT_KIND && k.matches(file)) ?? DEFAULT_KIND;
}

/** A top-level `type: name` line (plain or quoted, with or without a comment after it). */
const TYPE_LINE = /^type:[ \t]*["']?([\w-]+)["']?[ \t]*(?:#.*)?$/m;
/** The line that points editors at a JSON Schema. */
const SCHEMA_LINE = /^#[ \t]*yaml-language-server:[ \t]*\$schema=(\S+)/m;

/** The kind whose documents name `type` as their type. */
export function kindOfType(type: string): DocumentKind | undefined {
  return KINDS.find((k) => k.types.includes(type));
}

export function kindNamed(name: string): DocumentKind | undefined {
  return KINDS.find((k) => k.name === name);
}
