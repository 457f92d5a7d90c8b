import { dirname, join, relative, resolve } from "node:path";
import { jsonSchemaText, SCHEMA_DIR } from "../model/json-schema.js";
import { skeleton } from "../model/skeleton.js";
import type { DocumentKind } from "./kind.js";

/** What editors get of a kind: its JSON Schema (and where it is kept), and a new document's skeleton. */

/** Built-in kinds keep theirs in boardpaper's schema/; a project's own types in the project's schema/. */
export const schemaFileOf = (kind: DocumentKind): string => join(kind.jsonSchema.dir ?? SCHEMA_DIR, kind.jsonSchema.file);

export const jsonSchemaOf = (kind: DocumentKind): string => jsonSchemaText(kind.schema, kind.jsonSchema.title, kind.jsonSchema.file);

/**
 * A new document of `kind` to fill in, to be written at `out` (or shown): its first line points
 * editors at the JSON Schema, relative when both lie in the project (the repository stays
 * movable), else absolute.
 */
export function skeletonOf(kind: DocumentKind, cwd: string, out: string | undefined): string {
  return skeleton(kind.schema, [schemaLineOf(kind, cwd, out), ...kind.skeleton], { type: kind.types[0] }, kind.skeletonShows);
}

/** The comment that points editors at the JSON Schema of a document of `kind` written at `out`. */
export function schemaLineOf(kind: DocumentKind, cwd: string, out: string | undefined): string {
  const schemaFile = schemaFileOf(kind);
  const from = out ? dirname(resolve(cwd, out)) : cwd;
  const rel = relative(from, schemaFile).split("\\").join("/");
  const inside = !relative(cwd, schemaFile).startsWith("..") && !relative(cwd, from).startsWith("..");
  const schemaRef = inside ? (rel.startsWith(".") ? rel : `./${rel}`) : schemaFile;
  return `yaml-language-server: $schema=${schemaRef}`;
}
