import { basename, extname, join } from "node:path";
import { renderWriters } from "../../convert/pdf.js";
import { formatSummary } from "../../diagnostics/format.js";
import { sayer } from "../say.js";
import { emit } from "../../emit/emit.js";
import { sourceDate } from "../../emit/outputs.js";
import { renderProject } from "../../project/render-project.js";
import { DEFAULT_FORMATS } from "../../writers/registry.js";
import { UsageError, type Command } from "../command.js";
import { EXIT } from "../exit-codes.js";
import { loadInputs, lookOptions, LOOK_HELP, LOOK_OPTIONS } from "../inputs.js";
import { DEFAULT_OUT } from "../../emit/outputs.js";
import { convertPdfs, FORMAT_NAMES, parseOutputFormats, PDF_HELP, pdfSetup } from "./build.js";

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
${LOOK_HELP}

Example:
  boardpaper agenda data/meetings/ab-2020-10-01.yaml
  boardpaper agenda data/meetings/ab-2020-10-01.yaml --format pdf --out /tmp/ab`,
  options: { out: { type: "string" }, format: { type: "string" }, pdfa: { type: "boolean" }, "include-besloten": { type: "boolean" }, ...LOOK_OPTIONS },
  async run({ host, values, positionals, color }) {
    if (positionals.length !== 1) throw new UsageError("give one meeting file");
    const file = positionals[0]!;
    if ((await host.kind(file)) !== "file") throw new UsageError(`${file}: no such file`);
    const formats = parseOutputFormats(values.format as string | undefined);
    const date = sourceDate(host.env);
    if (date.error) throw new UsageError(date.error);
    const outDir = (values.out as string | undefined) ?? join(DEFAULT_OUT, "meetings", basename(file, extname(file)));
    const pdf = await pdfSetup(host, formats, values.pdfa === true, "agenda");
    if (typeof pdf === "number") return pdf;

    const say = sayer(host, color);
    const inputs = await loadInputs(host, [file], { forceKind: "meeting" });
    inputs.diagnostics.forEach(say);
    if (!inputs.valid) {
      host.stderr.write(`${formatSummary(inputs.diagnostics, 1)} Nothing was written.\n`);
      return EXIT.invalid;
    }
    const rendered = await renderProject(host, inputs.documents, {
      ...lookOptions(values),
      outDir,
      writers: renderWriters(formats),
      includeBesloten: values["include-besloten"] === true,
      meetingDir: () => outDir,
      ...(date.date ? { date: date.date } : {}),
    });
    if (!rendered.ok) {
      rendered.diagnostics.forEach(say);
      host.stderr.write(`${formatSummary(rendered.diagnostics, 1)} Nothing was written.\n`);
      return EXIT.invalid;
    }
    rendered.warnings.forEach(say);
    const outputs = await convertPdfs(host, rendered.outputs, formats, pdf, "agenda");
    if (typeof outputs === "number") return outputs;
    const { written, unchanged } = await emit(host, outputs);
    for (const p of written) host.stdout.write(`wrote ${p}\n`);
    host.stdout.write(`${rendered.documents} documents rendered: ${written.length} files written, ${unchanged.length} unchanged.\n`);
    return EXIT.ok;
  },
};
