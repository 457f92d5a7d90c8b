import type { StyleSheet } from "../style/style-sheet.js";
import type { DocumentNode } from "../tree/types.js";

/** One document rendered from an input: its name (file name without extension) and its tree. */
export interface RenderedDocument {
  readonly name: string;
  readonly tree: DocumentNode;
  /** The style sheet to write it with (a stamped proposal keeps its own). */
  readonly sheet: StyleSheet;
  /** Only these formats are written (the bundle is a web publication: HTML only). */
  readonly formats?: readonly string[];
}
