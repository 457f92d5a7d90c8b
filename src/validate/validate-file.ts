import type { z } from "zod";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { decodeUtf8 } from "../load/decode.js";
import { parseYaml, type ParsedYaml } from "../load/parse-yaml.js";
import { validate } from "./validate.js";

/** A file's stages kept apart: the plain YAML value is there even when the schema check fails. */
export interface FileCheck<T> {
  /** The YAML's plain value (before defaults), when the text is readable YAML. */
  readonly plain: unknown;
  /** The validated value and its positioned YAML, when there is no error. */
  readonly valid?: { readonly value: T; readonly parsed: ParsedYaml };
  /** Every problem found (errors stop at the stage that failed; warnings too). */
  readonly diagnostics: Diagnostic[];
}

/** bytes → UTF-8 text → positioned YAML → validated value; stops at the first stage that fails. */
export function validateFile<S extends z.ZodType>(file: string, bytes: Uint8Array, schema: S): FileCheck<z.infer<S>> {
  const decoded = decodeUtf8(file, bytes);
  if (!decoded.ok) return { plain: undefined, diagnostics: [decoded.diagnostic] };
  const parsed = parseYaml(file, decoded.text);
  if (!parsed.ok) return { plain: undefined, diagnostics: parsed.diagnostics };
  const warnings = parsed.parsed.warnings;
  const checked = validate(parsed.parsed, schema);
  if (!checked.ok) return { plain: parsed.parsed.value, diagnostics: [...warnings, ...checked.diagnostics] };
  return { plain: parsed.parsed.value, valid: { value: checked.value, parsed: parsed.parsed }, diagnostics: warnings };
}

/** An input file read and validated as a document of some kind. */
export interface LoadedDocument<T = unknown> {
  /** The name of its kind (see src/kinds/registry.ts). */
  readonly kind: string;
  /** The path as given (for reading, and for finding its house style). */
  readonly path: string;
  /** The folder named on the command line it was found in, if any (its outputs mirror it). */
  readonly root: string | undefined;
  /** The path as shown in messages (or `REV:path` for a version from git). */
  readonly file: string;
  readonly value: T;
  readonly parsed: ParsedYaml;
}
