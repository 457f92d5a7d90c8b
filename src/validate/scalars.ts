import { isMap, isScalar, isSeq, type Node, type Scalar } from "yaml";
import type { ParsedYaml } from "../load/parse-yaml.js";

/** Every string scalar of a document with its path, for checks that look at text itself. */
export function stringScalars(parsed: ParsedYaml): { path: (string | number)[]; node: Scalar; value: string }[] {
  const found: { path: (string | number)[]; node: Scalar; value: string }[] = [];
  const visit = (node: Node | null | undefined, path: (string | number)[]): void => {
    if (isMap(node)) {
      for (const pair of node.items) if (isScalar(pair.key)) visit(pair.value as Node, [...path, String(pair.key.value)]);
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => visit(item as Node, [...path, i]));
    } else if (isScalar(node) && typeof node.value === "string") {
      found.push({ path, node, value: node.value });
    }
  };
  visit(parsed.doc.contents as Node | null, []);
  return found;
}
