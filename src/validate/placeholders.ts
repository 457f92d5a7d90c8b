import { error, formatPath, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { ParsedYaml } from "../load/parse-yaml.js";
import { stringScalars } from "./scalars.js";
import { t } from "../i18n/i18n.js";

/** The marker `boardpaper new` writes where a value is still to be filled in: `<<…>>`. */
export const PLACEHOLDER = /<<[^<>\n]*>>/;

export interface Placeholder {
  readonly path: readonly (string | number)[];
  readonly diagnostic: Diagnostic;
}

/** Every scalar that still holds a placeholder, with its position. */
export function findPlaceholders(parsed: ParsedYaml): Placeholder[] {
  return stringScalars(parsed).flatMap(({ path, node, value }) => {
    const m = PLACEHOLDER.exec(value);
    if (!m || !node.range) return [];
    const p = parsed.lines.linePos(node.range[0]);
    return [{ path, diagnostic: error(parsed.file, { line: p.line, col: p.col }, t("v.placeholder", { placeholder: m[0] }), formatPath(path)) }];
  });
}

/** Whether a path lies at or below one of the placeholders (its other errors are noise then). */
export function underPlaceholder(placeholders: readonly Placeholder[], path: readonly PropertyKey[]): boolean {
  return placeholders.some((p) => p.path.length <= path.length && p.path.every((seg, i) => seg === path[i]));
}
