import { isAlias, isMap, isScalar, isSeq, type Document, type Node } from "yaml";
import type { Position } from "../diagnostics/diagnostic.js";
import type { ParsedYaml } from "../load/parse-yaml.js";

export interface Located {
  /** The node at the path, when it exists. */
  readonly node?: Node;
  /** Where to point: the value, or for a missing value the nearest existing key or node. */
  readonly pos: Position;
  /** Position of the key whose value is at the path (when the path ends in a mapping key). */
  readonly keyPos?: Position;
}

/** Map a zod issue path back to the YAML node it came from, following aliases to their anchors. */
export function locate(parsed: ParsedYaml, path: readonly PropertyKey[]): Located {
  const { doc, lines } = parsed;
  const at = (node: Node | undefined | null): Position | undefined => {
    if (!node?.range) return undefined;
    const p = lines.linePos(node.range[0]);
    return { line: p.line, col: p.col };
  };
  let node: Node | undefined = deref(doc, doc.contents as Node | null);
  let pos: Position = at(node) ?? { line: 1, col: 1 };
  let keyPos: Position | undefined;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) return { pos, ...(keyPos ? { keyPos } : {}) };
      keyPos = at(pair.key as Node) ?? pos;
      const value = deref(doc, pair.value as Node | null);
      // `key:` with nothing after it has a null scalar without a useful range: point at the key.
      pos = at(value) ?? keyPos;
      node = value;
    } else if (isSeq(node) && typeof seg === "number") {
      const item = deref(doc, node.items[seg] as Node | null);
      if (!item) return { pos };
      keyPos = undefined;
      pos = at(item) ?? pos;
      node = item;
    } else {
      return { pos, ...(keyPos ? { keyPos } : {}) };
    }
  }
  return { ...(node ? { node } : {}), pos, ...(keyPos ? { keyPos } : {}) };
}

function deref(doc: Document, node: Node | null | undefined): Node | undefined {
  if (isAlias(node)) return (node.resolve(doc) as Node | undefined) ?? undefined;
  return node ?? undefined;
}

/** The source text of a scalar, e.g. `1.10` rather than the number 1.1 it became. */
export function sourceOf(parsed: ParsedYaml, node: Node | undefined): string | undefined {
  if (!node?.range) return undefined;
  return parsed.text.slice(node.range[0], node.range[1]).trim();
}
