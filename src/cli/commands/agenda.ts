import { basename, extname, join } from "node:path";
import { DEFAULT_OUT } from "../../emit/outputs.js";
import { MEETING } from "../../kinds/meeting.js";
import { UsageError, type Command } from "../command.js";
import { HOUSE_STYLE_HELP, HOUSE_STYLE_OPTIONS } from "../inputs.js";
import { DEFAULT_FORMATS, FORMAT_NAMES, parseOutputFormats, PDF_HELP, renderFiles } from "../render-files.js";

export const agenda: Command = {
  name: "agenda",
  usage: "boardpaper agenda MEETING.yaml [--out DIR] [--format docx,html,pdf] [--pdfa] [--include-besloten] [--style FILE] [--templates DIR]",
  help: `Renders a meeting file into DIR (default: out/meetings/<meeting file name>/):

  agenda.docx, agenda.html     the agenda, items numbered and grouped by part and behandelwijze,
                               attachments numbered after their item (5-1, 5-2)
  <proposal>.docx, .html       each proposal on the agenda, stamped with the meeting date and
                               the agendapunt the agenda gave it (its data file is not changed)
  bundle.html                  one document with a table of contents: the agenda and every
                               proposal; the public bundle leaves out everything besloten
  besluitenlijst.docx, .html   when the meeting file records the decision (besluit) per item;
                               numbered by date and item: 20201001.05

The meeting and its proposals are cross-checked: a proposal for another date or another
board, a missing proposal or attachment file, the same proposal twice, and a besloten
attachment under a public item are errors at their place in the meeting file.
Moving an item in the meeting file renumbers the agenda and every stamped proposal.

Options:
  --out DIR        output folder (default: out/meetings/<name>)
  --format LIST    formats for agenda, proposals and besluitenlijst: ${FORMAT_NAMES.join(", ")} (default: ${DEFAULT_FORMATS.join(",")})
${PDF_HELP}
  --include-besloten
                   also the besloten part's documents, and the full bundle for members
${HOUSE_STYLE_HELP}

Example:
  boardpaper agenda data/meetings/ab-2020-10-01.yaml
  boardpaper agenda data/meetings/ab-2020-10-01.yaml --format pdf --out /tmp/ab`,
  options: { out: { type: "string" }, format: { type: "string" }, pdfa: { type: "boolean" }, "include-besloten": { type: "boolean" }, ...HOUSE_STYLE_OPTIONS },
  async run({ host, values, positionals, color }) {
    if (positionals.length !== 1) throw new UsageError("give one meeting file");
    const file = positionals[0]!;
    if ((await host.kind(file)) !== "file") throw new UsageError(`${file}: no such file`);
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
      summary: (documents, written, unchanged) => `${documents} documents rendered: ${written} files written, ${unchanged} unchanged.`,
    });
  },
};
