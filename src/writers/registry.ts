import { docxWriter } from "./docx/docx-writer.js";
import { htmlWriter } from "./html/html-writer.js";
import { textWriter } from "./text/text-writer.js";
import type { Writer } from "./writer.js";

/** Every output format, by name. Adding a format is adding an entry here. */
export const WRITERS: readonly Writer[] = [docxWriter, htmlWriter, textWriter];

/** The formats `build` writes when `--format` is not given. */
export const DEFAULT_FORMATS = ["docx", "html"] as const;

export function writerFor(format: string): Writer | undefined {
  return WRITERS.find((w) => w.format === format);
}
