import type { StyleSheet } from "../style/style-sheet.js";
import type { DocumentNode } from "../tree/types.js";

export interface WriteOptions {
  readonly style: StyleSheet;
  /** ISO date to stamp into the output instead of the document's own (from SOURCE_DATE_EPOCH). */
  readonly date?: string;
}

/** A writer turns the document tree into one output format. Writers never see proposal data. */
export interface Writer {
  /** The name used with `--format`. */
  readonly format: string;
  /** File name extension, with the dot. */
  readonly extension: string;
  write(tree: DocumentNode, opts: WriteOptions): Promise<Uint8Array | string>;
}

export type { Handlers } from "../tree/types.js";
