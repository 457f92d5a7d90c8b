import { byPlace, distinct, hasErrors, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Output } from "../emit/output.js";
import { outputBase } from "../emit/outputs.js";
import type { DocumentKind } from "../kinds/kind.js";
import type { Found } from "../load/discover.js";
import type { LoadedDocument } from "../validate/validate-file.js";
import type { Loaded, Pipeline, WriteSettings } from "./pipeline.js";

export interface RenderSettings extends WriteSettings {
  readonly outDir: string;
  /** Meetings: include the besloten part's documents (the members' bundle). */
  readonly includeBesloten: boolean;
  /** Where a document's outputs go (without extension); default: mirrored below outDir. */
  readonly baseOf?: (doc: LoadedDocument) => string;
}

export interface ProjectRun {
  /** Render and write every document; without it the files are only checked (`check`). */
  readonly render?: RenderSettings;
  /** Where each output goes as soon as it is made (staged, compared, or kept). */
  readonly sink?: (output: Output) => void | Promise<void>;
  /** Read every file as this kind (`agenda`); default: recognised by its path. */
  readonly kind?: DocumentKind;
  /** Resolve every valid file even when others are invalid (the editor's list shows each file's own problems). */
  readonly resolveAll?: boolean;
  /** Each file as it was loaded, valid or not (the editor's list). */
  readonly onLoaded?: (found: Found, loaded: Loaded) => void;
}

export interface ProjectResult {
  /** No errors anywhere (warnings allowed). */
  readonly ok: boolean;
  /** Every problem, each once, by file and position. */
  readonly diagnostics: Diagnostic[];
  /** Documents rendered. */
  readonly documents: number;
}

/**
 * Every file through the pipeline, one at a time: nothing is kept between documents, so a
 * large project takes no more memory than its largest document. Each output goes to the sink
 * as it is made. Once anything is wrong nothing more is rendered (the caller throws away what
 * the sink took), but every file is still loaded, so that every problem is reported; after a
 * file that is invalid in itself, the others are not resolved either (unless `resolveAll`).
 */
export async function runProject(pipeline: Pipeline, files: readonly Found[], run: ProjectRun = {}): Promise<ProjectResult> {
  const diagnostics: Diagnostic[] = [];
  let loadFailed = false;
  let failed = false;
  let documents = 0;
  for (const found of files) {
    const loaded = await pipeline.load(found, run.kind);
    run.onLoaded?.(found, loaded);
    append(diagnostics, loaded.diagnostics);
    if (!loaded.doc) {
      loadFailed = failed = true;
      continue;
    }
    if (loadFailed && !run.resolveAll) continue;
    const resolved = await pipeline.resolve(loaded.doc);
    if (!resolved.ok) {
      append(diagnostics, resolved.diagnostics);
      failed = true;
      continue;
    }
    append(diagnostics, resolved.warnings);
    if (!run.render || failed) continue;
    const r = run.render;
    const rendered = pipeline.render(loaded.doc, resolved.resolved, { includeBesloten: r.includeBesloten });
    if (!rendered.ok) {
      append(diagnostics, rendered.diagnostics);
      failed = true;
      continue;
    }
    const base = r.baseOf?.(loaded.doc) ?? outputBase(r.outDir, loaded.doc.path, loaded.doc.root);
    for (const output of await pipeline.write(loaded.doc, rendered.documents, base, r)) await run.sink?.(output);
    documents += rendered.documents.length;
  }
  const all = distinct(diagnostics).sort(byPlace);
  return { ok: !failed && !hasErrors(all), diagnostics: all, documents };
}

/** Push one by one: spreading a list of a hundred thousand diagnostics into push() overflows the stack. */
function append<T>(to: T[], items: readonly T[]): void {
  for (const item of items) to.push(item);
}
