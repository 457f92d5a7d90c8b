import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { diffTrees } from "../review/diff-trees.js";
import type { StyleSheet } from "../style/style-sheet.js";
import type { DocumentNode } from "../tree/types.js";
import type { LoadedDocument } from "../validate/validate-file.js";
import type { Pipeline } from "./pipeline.js";

export type Comparison = { ok: true; tree: DocumentNode; changes: number; sheet: StyleSheet } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Two versions of one document as a redline: both rendered with the newer one's house style
 * and templates (so only the content differs), compared word by word.
 */
export async function compareVersions(pipeline: Pipeline, older: LoadedDocument, newer: LoadedDocument, revisions: { author: string; date: string }): Promise<Comparison> {
  const resolved = await pipeline.resolve(newer);
  if (!resolved.ok) return resolved;
  const opts = { includeBesloten: true };
  const before = pipeline.render(older, resolved.resolved, opts);
  if (!before.ok) return before;
  const after = pipeline.render(newer, resolved.resolved, opts);
  if (!after.ok) return after;
  const [a, b] = [before.documents[0]!, after.documents[0]!];
  const { tree, changes } = diffTrees(a.tree, b.tree, revisions);
  return { ok: true, tree, changes, sheet: b.sheet };
}
