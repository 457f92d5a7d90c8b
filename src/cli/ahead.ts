import { nodeHost } from "../host/host.js";
import { hostTemplateFiles } from "../template/host-files.js";
import { installCompiledTemplates, loadTemplateSet, precompiledSource } from "../template/template-set.js";
import { deflatedParts, installDeflatedParts, type DeflatedPart } from "../writers/docx/zip.js";

/**
 * The one seam through which start-up work done ahead enters a run. The start-up bundle
 * (scripts/bundle.mjs) holds the built-in templates compiled and the fixed .docx parts of a
 * warm-up build deflated, and installs them here before it runs a command. Each is used only
 * where a run's template or part is exactly the one it was made from; running from the
 * modules nothing is installed, and the output is the same (test/start.test.ts).
 */
export interface Ahead {
  /** Compiled templates, by key (see template-set.ts). */
  readonly templates: Readonly<Record<string, TemplateSpecification>>;
  /** Deflated parts, by path in the .docx (see zip.ts). */
  readonly parts: Readonly<Record<string, DeflatedPart>>;
}

export function installAhead(ahead: Ahead): void {
  installCompiledTemplates(ahead.templates);
  installDeflatedParts(ahead.parts);
}

/**
 * After a warm-up build in this process, from the project folder `root`: the text of the Ahead
 * object for the bundle — every built-in template compiled (as the warm-up's build names
 * them), and the parts the warm-up deflated.
 */
export async function aheadSource(root: string): Promise<string> {
  const templates = await loadTemplateSet(hostTemplateFiles(nodeHost(process, { cwd: root })));
  return `{ templates: ${precompiledSource(templates.sources())}, parts: ${JSON.stringify(deflatedParts())} }`;
}
