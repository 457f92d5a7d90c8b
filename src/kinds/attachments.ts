import { dirname, resolve } from "node:path";
import { error, type Diagnostic, type Severity } from "../diagnostics/diagnostic.js";
import { displayPath, insideReal } from "../host/paths.js";
import type { Proposal } from "../model/proposal.js";
import { locate } from "../validate/locate.js";
import type { LoadedDocument } from "../validate/validate-file.js";
import type { ResolveContext } from "./kind.js";
import { t } from "../i18n/i18n.js";

/**
 * A proposal's bijlagen that name a file: each must exist, inside the project folder. For the
 * proposal on its own (`check`, `build`) a missing file is a warning — the proposal is complete
 * without it; for a meeting, whose bundle lists it, an error (with `severity` and `suffix`).
 */
export async function checkBijlagen(proposal: LoadedDocument<Proposal>, ctx: ResolveContext, severity: Severity = "warning", suffix = ""): Promise<Diagnostic[]> {
  const { host } = ctx;
  const dir = dirname(resolve(host.cwd, proposal.path));
  const diagnostics: Diagnostic[] = [];
  for (const [i, b] of (proposal.value.bijlagen ?? []).entries()) {
    if (b.bestand === undefined) continue;
    const file = resolve(dir, b.bestand);
    const report = (message: string, always: Severity = severity) =>
      diagnostics.push({ ...error(proposal.file, locate(proposal.parsed, ["bijlagen", i, "bestand"]).pos, message, `bijlagen[${i}].bestand`), severity: always });
    // A path out of the project (or a link leading out of it) is never allowed: boardpaper does not read outside it.
    if (!(await insideReal(host, host.cwd, file))) report(t("k.attachmentOutside", { file: b.bestand }), "error");
    else if ((await host.kind(file)) !== "file") report(t("k.attachmentNotFound", { file: b.bestand, looked: displayPath(host, file), needed: suffix }));
  }
  return diagnostics;
}
