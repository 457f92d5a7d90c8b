import type { Diagnostic } from "./diagnostic.js";

export interface FormatOptions {
  /** Colour the severity word (only on a terminal, never with NO_COLOR). */
  readonly color: boolean;
}

const RED = "\u001b[31m";
const YELLOW = "\u001b[33m";
const BOLD = "\u001b[1m";
const RESET = "\u001b[0m";

/** `path:line:col: error: message (yaml.path)` — the one place diagnostics become text. */
export function formatDiagnostic(d: Diagnostic, opts: FormatOptions): string {
  const where = `${d.file}:${d.pos.line}:${d.pos.col}`;
  const sev = opts.color ? `${d.severity === "error" ? RED : YELLOW}${d.severity}${RESET}` : d.severity;
  const place = opts.color ? `${BOLD}${where}${RESET}` : where;
  const path = d.path ? ` (${d.path})` : "";
  return `${place}: ${sev}: ${d.message}${path}`;
}

export function formatSummary(diags: readonly Diagnostic[], files: number): string {
  const errors = diags.filter((d) => d.severity === "error").length;
  const failed = new Set(diags.filter((d) => d.severity === "error").map((d) => d.file)).size;
  const warnings = diags.length - errors;
  if (errors === 0 && warnings > 0) return `${files} file${files === 1 ? "" : "s"} checked, no errors; ${warnings} warning${warnings === 1 ? "" : "s"}.`;
  if (errors === 0) return `${files} file${files === 1 ? "" : "s"} checked, no problems found.`;
  return `${errors} error${errors === 1 ? "" : "s"} in ${failed} of ${files} file${files === 1 ? "" : "s"}.`;
}
