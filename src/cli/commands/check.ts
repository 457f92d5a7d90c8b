import { formatDiagnostic, formatSummary } from "../../diagnostics/format.js";
import { Pipeline } from "../../pipeline/pipeline.js";
import { runProject } from "../../pipeline/project.js";
import type { Command } from "../command.js";
import { EXIT } from "../exit-codes.js";
import { findInputs, houseStyleOptions, HOUSE_STYLE_HELP, HOUSE_STYLE_OPTIONS } from "../inputs.js";

export const check: Command = {
  name: "check",
  usage: "boardpaper check [PATH...] [--style FILE] [--templates DIR]",
  help: `Validates every YAML file named, or found in the folders named (default: data/).
Reports all problems of all files at once, one per line:

  path:line:col: error: message (yaml.path)

Meetings are cross-checked with their proposals and attachments, and house styles
(huisstijl.yaml), their logos and the templates in use are checked as well.

Options:
${HOUSE_STYLE_HELP}

Exit status: 0 all valid, 1 problems found, 2 usage error.

Examples:
  boardpaper check
  boardpaper check data/proposals/terugblik-visitaties.yaml`,
  options: { ...HOUSE_STYLE_OPTIONS },
  async run({ host, positionals, color, values }) {
    const files = await findInputs(host, positionals);
    // Load, validate and resolve (house styles, logos, templates, meetings' cross-checks):
    // everything `build` checks before it renders.
    const r = await runProject(await Pipeline.open(host, { ...houseStyleOptions(values), checkTemplates: true }), files);
    for (const d of r.diagnostics) host.stderr.write(`${formatDiagnostic(d, { color })}\n`);
    (r.ok ? host.stdout : host.stderr).write(`${formatSummary(r.diagnostics, files.length)}\n`);
    return r.ok ? EXIT.ok : EXIT.invalid;
  },
};
