import { DEFAULT_OUT } from "../../emit/outputs.js";
import type { Command } from "../command.js";
import { findInputs, HOUSE_STYLE_HELP, HOUSE_STYLE_OPTIONS } from "../inputs.js";
import { DEFAULT_FORMATS, FORMAT_NAMES, parseOutputFormats, PDF_HELP, renderFiles } from "../render-files.js";
import { t } from "../../i18n/i18n.js";

export const build: Command = {
  name: "build",
  usage: "boardpaper build [PATH...] [--out DIR] [--format docx,html,pdf] [--pdfa] [--check] [--style FILE] [--templates DIR]",
  get help() {
    return t("help.build", { formats: FORMAT_NAMES.join(", "), defaults: DEFAULT_FORMATS.join(","), pdfHelp: PDF_HELP(), styleHelp: HOUSE_STYLE_HELP() });
  },
  options: { out: { type: "string" }, format: { type: "string" }, pdfa: { type: "boolean" }, check: { type: "boolean" }, "include-besloten": { type: "boolean" }, ...HOUSE_STYLE_OPTIONS },
  async run({ host, values, positionals, color }) {
    parseOutputFormats(values.format as string | undefined);
    const files = await findInputs(host, positionals);
    return renderFiles(host, {
      command: "build",
      files,
      values,
      color,
      outDir: (values.out as string | undefined) ?? DEFAULT_OUT,
      summary: (documents, written, unchanged) => t("build.summary", { documents, written, unchanged }),
    });
  },
};
