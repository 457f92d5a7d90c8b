import { distinct } from "../../diagnostics/diagnostic.js";
import { formatDiagnostic, formatSummary } from "../../diagnostics/format.js";
import { renderProject } from "../../project/render-project.js";
import { DEFAULT_OUT } from "../../emit/outputs.js";
import { loadInputs, lookOptions, LOOK_HELP, LOOK_OPTIONS } from "../inputs.js";
import type { Command } from "../command.js";
import { EXIT } from "../exit-codes.js";

export const check: Command = {
  name: "check",
  usage: "boardpaper check [PATH...] [--style FILE] [--templates DIR]",
  help: `Validates every YAML file named, or found in the folders named (default: data/).
Reports all problems of all files at once, one per line:

  path:line:col: error: message (yaml.path)

Meetings are cross-checked with their proposals and attachments, and house styles
(huisstijl.yaml), their logos and the templates in use are checked as well.

Options:
${LOOK_HELP}

Exit status: 0 all valid, 1 problems found, 2 usage error.

Examples:
  boardpaper check
  boardpaper check data/proposals/terugblik-visitaties.yaml`,
  options: { ...LOOK_OPTIONS },
  async run({ host, positionals, color, values }) {
    const inputs = await loadInputs(host, positionals);
    // Meetings' cross-checks, house styles, logos and templates are checked too, by rendering
    // everything without writing it, so that `build` has nothing left to reject.
    const rendered = inputs.valid ? await renderProject(host, inputs.documents, { ...lookOptions(values), outDir: DEFAULT_OUT, writers: [], includeBesloten: true }) : undefined;
    const diagnostics = distinct([...inputs.diagnostics, ...(rendered ? (rendered.ok ? rendered.warnings : rendered.diagnostics) : [])]);
    for (const d of diagnostics) host.stderr.write(`${formatDiagnostic(d, { color })}\n`);
    const valid = inputs.valid && rendered?.ok === true;
    (valid ? host.stdout : host.stderr).write(`${formatSummary(diagnostics, inputs.files.length)}\n`);
    return valid ? EXIT.ok : EXIT.invalid;
  },
};
