import { DEFAULT_OUT } from "../../emit/outputs.js";
import type { Command } from "../command.js";
import { findInputs, HOUSE_STYLE_HELP, HOUSE_STYLE_OPTIONS } from "../inputs.js";
import { DEFAULT_FORMATS, FORMAT_NAMES, parseOutputFormats, PDF_HELP, renderFiles } from "../render-files.js";

export const build: Command = {
  name: "build",
  usage: "boardpaper build [PATH...] [--out DIR] [--format docx,html,pdf] [--pdfa] [--check] [--style FILE] [--templates DIR]",
  help: `Renders every proposal and meeting named, or found in the folders named (default: data/),
into DIR (default: out/). A file named directly becomes DIR/<name>.docx and DIR/<name>.html; a
folder's files keep their place below it (data/proposals/x.yaml → out/proposals/x.docx).
A meeting (a file in a folder named meetings/) becomes a folder of its own with the agenda,
its proposals stamped with their agenda numbers, the bundle and the besluitenlijst; see
\`boardpaper agenda --help\`.

Everything is validated and rendered before anything is written: with any error, no file is
written or changed. Each file is written atomically (a temporary file, then a rename).
An output never replaces an input, and no two inputs may write the same output (two
proposals of one file name into one folder, or in one meeting): either is an error (exit 1)
at each input, and nothing is written.
The same input always gives the same bytes; set SOURCE_DATE_EPOCH to stamp another date.
(PDF aside: LibreOffice stamps the time into it. Without LibreOffice, --format pdf writes
nothing, says what to install, and exits 1; BOARDPAPER_SOFFICE names another soffice.)

Options:
  --out DIR        output folder (default: out)
  --format LIST    comma-separated formats: ${FORMAT_NAMES.join(", ")} (default: ${DEFAULT_FORMATS.join(",")})
${PDF_HELP}
  --check          write nothing; exit 1 and list the files in DIR that are out of date
                   (not with pdf: a PDF's bytes differ from run to run)
  --include-besloten
                   meetings: also write the besloten part's documents, and the full
                   bundle for members instead of the public one
${HOUSE_STYLE_HELP}

Examples:
  boardpaper build
  boardpaper build data/proposals/terugblik-visitaties.yaml --out /tmp/papers --format docx
  boardpaper build data --format pdf --pdfa --out /tmp/archive
  boardpaper build --check`,
  options: { out: { type: "string" }, format: { type: "string" }, pdfa: { type: "boolean" }, check: { type: "boolean" }, "include-besloten": { type: "boolean" }, ...HOUSE_STYLE_OPTIONS },
  async run({ host, values, positionals, color }) {
    parseOutputFormats(values.format as string | undefined);
    const files = await findInputs(host, positionals);
    const s = (n: number) => (n === 1 ? "" : "s");
    return renderFiles(host, {
      command: "build",
      files,
      values,
      color,
      outDir: (values.out as string | undefined) ?? DEFAULT_OUT,
      summary: (documents, written, unchanged) => `${documents} document${s(documents)} rendered: ${written} file${s(written)} written, ${unchanged} unchanged.`,
    });
  },
};
