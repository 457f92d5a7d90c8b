import { formatDiagnostic, formatSummary } from "../../diagnostics/format.js";
import { loadInputs } from "../inputs.js";
import type { Command } from "../command.js";
import { EXIT } from "../exit-codes.js";

export const check: Command = {
  name: "check",
  summary: "validate proposals and report every problem with its position",
  usage: "boardpaper check [PATH...]",
  help: `Validates every YAML file named, or found in the folders named (default: data/).
Reports all problems of all files at once, one per line:

  path:line:col: error: message (yaml.path)

Exit status: 0 all valid, 1 problems found, 2 usage error.

Examples:
  boardpaper check
  boardpaper check data/proposals/terugblik-visitaties.yaml`,
  options: {},
  async run({ host, positionals, color }) {
    const inputs = await loadInputs(host, positionals);
    for (const d of inputs.diagnostics) host.stderr.write(`${formatDiagnostic(d, { color })}\n`);
    const summary = formatSummary(inputs.diagnostics, inputs.files.length);
    (inputs.valid ? host.stdout : host.stderr).write(`${summary}\n`);
    return inputs.valid ? EXIT.ok : EXIT.invalid;
  },
};
