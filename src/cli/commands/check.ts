import { formatDiagnostic, formatSummary } from "../../diagnostics/format.js";
import { Pipeline } from "../../pipeline/pipeline.js";
import { runProject } from "../../pipeline/project.js";
import type { Command } from "../command.js";
import { EXIT } from "../exit-codes.js";
import { findInputs, houseStyleOptions, HOUSE_STYLE_HELP, HOUSE_STYLE_OPTIONS } from "../inputs.js";
import { t } from "../../i18n/i18n.js";

export const check: Command = {
  name: "check",
  usage: "boardpaper check [PATH...] [--style FILE] [--templates DIR]",
  get help() {
    return t("help.check", { styleHelp: HOUSE_STYLE_HELP() });
  },
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
