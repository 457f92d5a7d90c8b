import { byPlace, type Diagnostic } from "../diagnostics/diagnostic.js";
import { discover, displayPath, type Found } from "../load/discover.js";
import { loadFile } from "../load/load-file.js";
import { KINDS, kindOf, PROPOSAL, type LoadedDocument } from "../model/kinds.js";
import { UsageError } from "./command.js";
import type { Host } from "./host.js";
import type { LookOptions } from "../project/looks.js";

export const DEFAULT_INPUT = "data";

export interface Inputs {
  readonly files: Found[];
  readonly documents: LoadedDocument[];
  readonly diagnostics: Diagnostic[];
  /** No errors in any file (warnings allowed). */
  readonly valid: boolean;
  /** Proposals left for batch workers to load (see LoadOptions.deferProposals). */
  readonly deferred: Found[];
}

export interface LoadOptions {
  /** Read every file as this kind of document. */
  readonly forceKind?: string;
  /** Given the number of proposals, whether to leave them to batch workers instead of loading them here. */
  readonly deferProposals?: (count: number) => boolean;
}

/** Find, read and validate every input file; all files are checked even after the first fails. */
export async function loadInputs(host: Host, paths: readonly string[], opts: LoadOptions = {}): Promise<Inputs> {
  const found = await discover(host, paths.length > 0 ? paths : [DEFAULT_INPUT]);
  if (!found.ok) throw new UsageError(found.message);
  const documents: LoadedDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  const kindOfFound = (f: Found) => (opts.forceKind && KINDS.find((k) => k.name === opts.forceKind)) || kindOf(displayPath(host, f.path));
  const proposals = found.files.filter((f) => kindOfFound(f) === PROPOSAL);
  const deferred = opts.deferProposals?.(proposals.length) ? proposals : [];
  for (const { path, root } of found.files) {
    if (deferred.some((d) => d.path === path)) continue;
    const file = displayPath(host, path);
    const kind = kindOfFound({ path });
    const loaded = loadFile(file, await host.readFile(path), kind.schema);
    diagnostics.push(...loaded.diagnostics);
    if (loaded.ok) documents.push({ kind: kind.name, path, root, file, value: loaded.value, parsed: loaded.parsed } as LoadedDocument);
  }
  diagnostics.sort(byPlace);
  return { files: found.files, documents, diagnostics, valid: !diagnostics.some((d) => d.severity === "error"), deferred };
}

/** The options that choose a house style and templates, shared by `check` and `build`. */
export const LOOK_OPTIONS = { style: { type: "string" }, templates: { type: "string" } } as const;

export const LOOK_HELP = `  --style FILE     house style for every input (default: the nearest huisstijl.yaml
                   in the input's folder or a folder above it)
  --templates DIR  templates that override the built-in ones file by file`;

export function lookOptions(values: Record<string, unknown>): LookOptions {
  return {
    ...(typeof values.style === "string" ? { styleFile: values.style } : {}),
    ...(typeof values.templates === "string" ? { templatesDir: values.templates } : {}),
  };
}
