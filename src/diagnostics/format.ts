import { t } from "../i18n/i18n.js";
import type { Diagnostic } from "./diagnostic.js";

export interface FormatOptions {
  /** Colour the severity word (only on a terminal, never with NO_COLOR). */
  readonly color: boolean;
}

const RED = "\u001b[31m";
const YELLOW = "\u001b[33m";
const BOLD = "\u001b[1m";
const RESET = "\u001b[0m";

/**
 * Control characters (C0, DEL, C1), line and paragraph separators and bidi controls, which a
 * file name, key or value from a hostile file could use to retitle, clear or spoof the terminal
 * or to break the one-line format. Tab is harmless and stays.
 */
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Text from an input shown with its control characters escaped (`\u001b`), never acted on. */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * `path:line:col: error: message (yaml.path)` — the one place diagnostics become text. The words
 * `error` and `warning` stay English in every language: editors and tools parse this shape; the
 * message after them is in the language of the run.
 */
export function formatDiagnostic(d: Diagnostic, opts: FormatOptions): string {
  const where = `${escapeControls(d.file)}:${d.pos.line}:${d.pos.col}`;
  const sev = opts.color ? `${d.severity === "error" ? RED : YELLOW}${d.severity}${RESET}` : d.severity;
  const place = opts.color ? `${BOLD}${where}${RESET}` : where;
  const path = d.path ? ` (${escapeControls(d.path)})` : "";
  return `${place}: ${sev}: ${escapeControls(d.message)}${path}`;
}

/** The last line of a check: how many files, errors and warnings (in the current language). */
export function formatSummary(diags: readonly Diagnostic[], files: number): string {
  const errors = diags.filter((d) => d.severity === "error").length;
  const failed = new Set(diags.filter((d) => d.severity === "error").map((d) => d.file)).size;
  const warnings = diags.length - errors;
  if (errors === 0 && warnings > 0) return t("summary.warnings", { files, warnings });
  if (errors === 0) return t("summary.ok", { files });
  return t("summary.errors", { errors, failed, files });
}
