import { isMap, isScalar, isSeq, type Node } from "yaml";
import { error, formatPath, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { ParsedYaml } from "../load/parse-yaml.js";

/** The marker `boardpaper new` writes where a value is still to be filled in: `<<…>>`. */
export const PLACEHOLDER = /<<[^<>\n]*>>/;

export interface Placeholder {
  readonly path: readonly (string | number)[];
  readonly diagnostic: Diagnostic;
}

/** Every scalar that still holds a placeholder, with its position. */
export function findPlaceholders(parsed: ParsedYaml): Placeholder[] {
  const found: Placeholder[] = [];
  const visit = (node: Node | null | undefined, path: (string | number)[]): void => {
    if (isMap(node)) {
      for (const pair of node.items) if (isScalar(pair.key)) visit(pair.value as Node, [...path, String(pair.key.value)]);
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => visit(item as Node, [...path, i]));
    } else if (isScalar(node) && typeof node.value === "string") {
      const m = PLACEHOLDER.exec(node.value);
      if (m && node.range) {
        const p = parsed.lines.linePos(node.range[0]);
        found.push({
          path,
          diagnostic: error(parsed.file, { line: p.line, col: p.col }, `still to be filled in: ${m[0]} — replace it with the real value`, formatPath(path)),
        });
      }
    }
  };
  visit(parsed.doc.contents as Node | null, []);
  return found;
}

/** Whether a path lies at or below one of the placeholders (its other errors are noise then). */
export function underPlaceholder(placeholders: readonly Placeholder[], path: readonly PropertyKey[]): boolean {
  return placeholders.some((p) => p.path.length <= path.length && p.path.every((seg, i) => seg === path[i]));
}
