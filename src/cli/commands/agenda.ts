import { basename, extname, join } from "node:path";
import { DEFAULT_OUT } from "../../emit/outputs.js";
import { MEETING } from "../../kinds/meeting.js";
import { UsageError, type Command } from "../command.js";
import { HOUSE_STYLE_HELP, HOUSE_STYLE_OPTIONS } from "../inputs.js";
import { DEFAULT_FORMATS, FORMAT_NAMES, parseOutputFormats, PDF_HELP, renderFiles } from "../render-files.js";
import { t } from "../../i18n/i18n.js";

export const agenda: Command = {
  name: "agenda",
  usage: "boardpaper agenda MEETING.yaml [--out DIR] [--format docx,html,pdf] [--pdfa] [--include-besloten] [--style FILE] [--templates DIR]",
  get help() {
    return t("help.agenda", { formats: FORMAT_NAMES.join(", "), defaults: DEFAULT_FORMATS.join(","), pdfHelp: PDF_HELP(), styleHelp: HOUSE_STYLE_HELP() });
  },
  options: { out: { type: "string" }, format: { type: "string" }, pdfa: { type: "boolean" }, "include-besloten": { type: "boolean" }, ...HOUSE_STYLE_OPTIONS },
  async run({ host, values, positionals, color }) {
    if (positionals.length !== 1) throw new UsageError(t("agenda.oneFile"));
    const file = positionals[0]!;
    if ((await host.kind(file)) !== "file") throw new UsageError(t("cli.noSuchFile", { file }));
    parseOutputFormats(values.format as string | undefined);
    const outDir = (values.out as string | undefined) ?? join(DEFAULT_OUT, "meetings", basename(file, extname(file)));
    return renderFiles(host, {
      command: "agenda",
      files: [{ path: file }],
      kind: MEETING,
      values,
      color,
      outDir,
      baseOf: () => outDir,
      summary: (documents, written, unchanged) => t("build.summary", { documents, written, unchanged }),
    });
  },
};
