import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { LoadedProposal } from "../model/kinds.js";
import { Proposal } from "../model/proposal.js";
import { loadFile } from "./load-file.js";

export type ProposalLoad = { ok: true; doc: LoadedProposal; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

/**
 * A proposal file's bytes as a loaded document. `label` is how messages name it (a path, or
 * `REV:path` for a version from git); `path` is where it lives, which decides its house style.
 */
export function loadProposal(label: string, bytes: Uint8Array, path: string, root?: string): ProposalLoad {
  const r = loadFile(label, bytes, Proposal);
  if (!r.ok) return { ok: false, diagnostics: r.diagnostics };
  return { ok: true, doc: { kind: "proposal", path, root, file: label, value: r.value, parsed: r.parsed }, diagnostics: r.diagnostics };
}
