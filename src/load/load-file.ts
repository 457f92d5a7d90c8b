import type { z } from "zod";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { validate } from "../validate/validate.js";
import { decodeUtf8 } from "./decode.js";
import { parseYaml, type ParsedYaml } from "./parse-yaml.js";

export type Loaded<T> =
  | { ok: true; value: T; parsed: ParsedYaml; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

/** bytes → UTF-8 text → positioned YAML → validated value; stops at the first stage that fails. */
export function loadFile<S extends z.ZodType>(file: string, bytes: Uint8Array, schema: S): Loaded<z.infer<S>> {
  const decoded = decodeUtf8(file, bytes);
  if (!decoded.ok) return { ok: false, diagnostics: [decoded.diagnostic] };
  const parsed = parseYaml(file, decoded.text);
  if (!parsed.ok) return { ok: false, diagnostics: parsed.diagnostics };
  const warnings = parsed.parsed.warnings;
  const checked = validate(parsed.parsed, schema);
  if (!checked.ok) return { ok: false, diagnostics: [...warnings, ...checked.diagnostics] };
  return { ok: true, value: checked.value, parsed: parsed.parsed, diagnostics: warnings };
}
