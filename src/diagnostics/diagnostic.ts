/**
 * A diagnostic is an error (or warning) as data: where it is and what to do.
 * Every layer returns these; only `format.ts` turns them into text.
 */
export type Severity = "error" | "warning";

export interface Position {
  /** 1-based line number. */
  readonly line: number;
  /** 1-based column number (in characters). */
  readonly col: number;
}

export interface Diagnostic {
  readonly file: string;
  readonly severity: Severity;
  readonly pos: Position;
  readonly message: string;
  /** Dotted YAML path of the value concerned, e.g. `voorstel.beslispunten[0]`. */
  readonly path?: string;
}

export const START: Position = { line: 1, col: 1 };

export function error(file: string, pos: Position, message: string, path?: string): Diagnostic {
  return path === undefined
    ? { file, severity: "error", pos, message }
    : { file, severity: "error", pos, message, path };
}

/** Whether any of them stops the run (warnings do not). */
export const hasErrors = (ds: readonly Diagnostic[]): boolean => ds.some((d) => d.severity === "error");

/**
 * Each diagnostic once: a proposal read both on its own and through a meeting (or a house
 * style shared by many documents) would otherwise report the same thing more than once.
 */
export function distinct(ds: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const k = `${d.file}:${d.pos.line}:${d.pos.col}:${d.severity}:${d.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Sort by file, then position, so reports read top to bottom. */
export function byPlace(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.pos.line - b.pos.line || a.pos.col - b.pos.col;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else out += out === "" ? String(seg) : `.${String(seg)}`;
  }
  return out;
}
