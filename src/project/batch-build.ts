import { relative, resolve } from "node:path";
import type { Host } from "../cli/host.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { byPlace, hasErrors } from "../diagnostics/diagnostic.js";
import type { Output } from "../emit/emit.js";
import type { Found } from "../load/discover.js";
import type { LoadedDocument } from "../model/kinds.js";
import { Batch, workerCount } from "./batch.js";
import { discard, type Staged } from "../emit/staged.js";
import { renderProject, type RenderOptions } from "./render-project.js";

export type BatchResult =
  | { ok: false; diagnostics: Diagnostic[] }
  | {
      ok: true;
      /** The proposals' warnings. */
      warnings: Diagnostic[];
      /** The meetings' documents, rendered here (few), in memory. */
      outputs: Output[];
      /** The proposals' documents, written by the workers beside their targets, not yet renamed. */
      staged: Staged[];
      unchanged: string[];
      /** With check: proposal outputs that differ from the disk. */
      stale: string[];
      /** Every proposal output path (relative to the working folder). */
      expected: string[];
      documents: number;
    };

/**
 * A large build: proposals validated and rendered by the main thread and worker threads (one
 * per core in all), the rest (meetings, house styles) here once they are all valid. Nothing is
 * put in place until everything has succeeded; the caller renames the staged files (or, on
 * failure, nothing is left behind).
 */
export async function batchBuild(host: Host, documents: readonly LoadedDocument[], proposals: readonly Found[], opts: RenderOptions & { check: boolean }): Promise<BatchResult> {
  const batch = new Batch(host, proposals, Math.max(1, workerCount(proposals.length, host.env)), {
    cwd: host.cwd,
    env: { ...host.env },
    outDir: opts.outDir,
    formats: opts.writers.map((w) => w.format),
    look: { ...(opts.styleFile ? { styleFile: opts.styleFile } : {}), ...(opts.templatesDir ? { templatesDir: opts.templatesDir } : {}) },
    ...(opts.date ? { date: opts.date } : {}),
    check: opts.check,
  });
  try {
    const r = await batch.build();
    if (hasErrors(r.diagnostics)) {
      discard(r.staged);
      return { ok: false, diagnostics: r.diagnostics.sort(byPlace) };
    }
    const meetings = await renderProject(host, documents, opts);
    if (!meetings.ok) {
      discard(r.staged);
      return meetings;
    }
    const rel = (p: string) => relative(host.cwd, resolve(host.cwd, p));
    return {
      ok: true,
      warnings: [...r.diagnostics, ...meetings.warnings].sort(byPlace),
      outputs: meetings.outputs,
      staged: r.staged,
      unchanged: r.unchanged.map(rel),
      stale: r.stale.map(rel),
      expected: r.expected.map(rel),
      documents: meetings.documents + proposals.length,
    };
  } finally {
    await batch.close();
  }
}
