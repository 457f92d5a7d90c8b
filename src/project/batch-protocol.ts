import type { Staged } from "../emit/staged.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { LookOptions } from "./looks.js";

/** What a batch worker is started with. */
export interface WorkerSetup {
  readonly cwd: string;
  readonly env: Record<string, string | undefined>;
  readonly outDir: string;
  readonly formats: readonly string[];
  readonly look: LookOptions;
  readonly date?: string;
  /** Compare with what is on disk instead of writing (build --check). */
  readonly check: boolean;
}

export type ToWorker = { type: "build"; files: readonly { path: string; root?: string }[] };

/** What building a share gives back. */
export interface Rendered {
  /** Every problem found (errors and warnings); with an error, nothing is staged. */
  diagnostics: Diagnostic[];
  /** Temporary files written, to be renamed onto their targets. */
  staged: Staged[];
  unchanged: string[];
  /** With check: outputs that differ or are missing. */
  stale: string[];
  /** Every output path this share's documents produce. */
  expected: string[];
}

/**
 * A failure crosses the thread boundary as plain data; a file-system error keeps its code,
 * call and path, so that it is reported as the refusal it is rather than as a bug.
 */
export interface Failure {
  message: string;
  stack: string;
  code?: string;
  syscall?: string;
  path?: string;
}

export type FromWorker = ({ type: "built" } & Rendered) | ({ type: "failed" } & Failure);
