import { dirname, resolve } from "node:path";
import { error, type Diagnostic } from "../diagnostics/diagnostic.js";
import { displayPath, inside } from "../host/paths.js";
import type { Proposal } from "../model/proposal.js";
import { locate } from "../validate/locate.js";
import type { LoadedDocument } from "../validate/validate-file.js";
import type { ResolveContext } from "./kind.js";

/**
 * A proposal's bijlagen that name a file: each must exist, inside the project folder. Checked
 * for the proposal on its own (`check`, `build`) and through a meeting that has it on its
 * agenda, with the same message at the same place, so that it is reported once.
 */
export async function checkBijlagen(proposal: LoadedDocument<Proposal>, ctx: ResolveContext): Promise<Diagnostic[]> {
  const { host } = ctx;
  const dir = dirname(resolve(host.cwd, proposal.path));
  const diagnostics: Diagnostic[] = [];
  for (const [i, b] of (proposal.value.bijlagen ?? []).entries()) {
    if (b.bestand === undefined) continue;
    const file = resolve(dir, b.bestand);
    const report = (message: string) => diagnostics.push(error(proposal.file, locate(proposal.parsed, ["bijlagen", i, "bestand"]).pos, message, `bijlagen[${i}].bestand`));
    if (!inside(host.cwd, file)) report(`attachment \`${b.bestand}\` lies outside the project folder`);
    else if ((await host.kind(file)) !== "file") report(`attachment file \`${b.bestand}\` not found (looked for ${displayPath(host, file)})`);
  }
  return diagnostics;
}
