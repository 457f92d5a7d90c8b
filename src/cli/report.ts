import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { formatDiagnostic } from "../diagnostics/format.js";
import type { Host } from "../host/host.js";

/**
 * A command's way to report diagnostics on stderr: each one once, however many steps report
 * it (a proposal's warning is found when it is read on its own and again through its meeting).
 */
export function reporter(host: Host, color: boolean): (d: Diagnostic) => void {
  const said = new Set<string>();
  return (d) => {
    const text = formatDiagnostic(d, { color });
    if (said.has(text)) return;
    said.add(text);
    host.stderr.write(`${text}\n`);
  };
}
