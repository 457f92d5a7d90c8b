import { PDF, renderWriters, withPdfs, type Formats } from "../../convert/pdf.js";
import { ConversionError, findSoffice } from "../../convert/soffice.js";
import { formatDiagnostic, formatSummary } from "../../diagnostics/format.js";
import { sayer } from "../say.js";
import { emit, findOrphans, removeLeftovers, staleness, type Output, type Staleness } from "../../emit/emit.js";
import { workerCount } from "../../project/batch.js";
import { commit } from "../../emit/staged.js";
import { batchBuild } from "../../project/batch-build.js";
import { dirname, relative, resolve } from "node:path";
import { DEFAULT_OUT, sourceDate } from "../../emit/outputs.js";
import { renderProject } from "../../project/render-project.js";
import { DEFAULT_FORMATS, WRITERS, writerFor } from "../../writers/registry.js";
import type { Writer } from "../../writers/writer.js";
import { UsageError, type Command } from "../command.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import type { Host } from "../host.js";
import { loadInputs, lookOptions, LOOK_HELP, LOOK_OPTIONS } from "../inputs.js";


/** Every name `--format` takes: the writers of the tree, and PDF (made from the .docx). */
export const FORMAT_NAMES: readonly string[] = [...WRITERS.map((w) => w.format), PDF.format];

export const PDF_HELP = `                   pdf is made from the .docx by LibreOffice (soffice), all documents
                   in one run; it carries the document's title and language
  --pdfa           with --format pdf: PDF/A-2 for archiving instead of plain PDF`;

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
${LOOK_HELP}

Examples:
  boardpaper build
  boardpaper build data/proposals/terugblik-visitaties.yaml --out /tmp/papers --format docx
  boardpaper build data --format pdf --pdfa --out /tmp/archive
  boardpaper build --check`,
  options: { out: { type: "string" }, format: { type: "string" }, pdfa: { type: "boolean" }, check: { type: "boolean" }, "include-besloten": { type: "boolean" }, ...LOOK_OPTIONS },
  async run({ host, values, positionals, color }) {
    const formats = parseOutputFormats(values.format as string | undefined);
    const writers = formats.writers;
    if (values.check && formats.pdf) throw new UsageError("--check cannot compare PDF files: LibreOffice stamps the time into every PDF it makes; leave pdf out of --format");
    const pdf = await pdfSetup(host, formats, values.pdfa === true, "build");
    if (typeof pdf === "number") return pdf;
    const outDir = (values.out as string | undefined) ?? DEFAULT_OUT;
    const date = sourceDate(host.env);
    if (date.error) throw new UsageError(date.error);

    const say = sayer(host, color);
    const refuse = (diagnostics: readonly Parameters<typeof formatDiagnostic>[0][]): ExitCode => {
      diagnostics.forEach(say);
      host.stderr.write(`${formatSummary(diagnostics, inputs.files.length)} Nothing was written.\n`);
      return EXIT.invalid;
    };
    // Many proposals (and no PDF, which is one LibreOffice run anyway) go to worker threads.
    const inputs = await loadInputs(host, positionals, { deferProposals: (n) => !formats.pdf && workerCount(n, host.env) > 0 });
    if (!inputs.valid) return refuse(inputs.diagnostics);
    inputs.diagnostics.forEach(say); // warnings
    const renderOptions = {
      ...lookOptions(values),
      outDir,
      writers: renderWriters(formats),
      includeBesloten: values["include-besloten"] === true,
      ...(date.date ? { date: date.date } : {}),
    };

    if (inputs.deferred.length > 0) {
      const r = await batchBuild(host, inputs.documents, inputs.deferred, { ...renderOptions, check: values.check === true });
      if (!r.ok) return refuse(r.diagnostics);
      r.warnings.forEach(say);
      if (values.check) {
        const s = await staleness(host, r.outputs, outDir, []);
        const expected = new Set([...r.expected, ...r.outputs.map((o) => relative(host.cwd, resolve(host.cwd, o.path)))]);
        const orphans = await findOrphans(host, outDir, expected, writers.map((w) => w.extension));
        return reportStaleness(host, outDir, { stale: [...r.stale, ...s.stale], missing: s.missing, orphans }, expected.size);
      }
      const { written, unchanged } = await emit(host, r.outputs);
      // What killed runs left beside the proposals' outputs (emit does this for its own folders).
      for (const dir of new Set(r.expected.map((p) => dirname(p)))) await removeLeftovers(host, dir);
      commit(r.staged);
      for (const p of [...written, ...r.staged.map((s) => relative(host.cwd, s.target))]) host.stdout.write(`wrote ${p}\n`);
      return summary(host, r.documents, written.length + r.staged.length, unchanged.length + r.unchanged.length);
    }

    const rendered = await renderProject(host, inputs.documents, renderOptions);
    if (!rendered.ok) return refuse(rendered.diagnostics);
    rendered.warnings.forEach(say);
    const converted = await convertPdfs(host, rendered.outputs, formats, pdf, "build");
    if (typeof converted === "number") return converted;
    const outputs = converted;

    if (values.check) return reportStaleness(host, outDir, await staleness(host, outputs, outDir, writers.map((w) => w.extension)), outputs.length);

    const { written, unchanged } = await emit(host, outputs);
    for (const p of written) host.stdout.write(`wrote ${p}\n`);
    return summary(host, rendered.documents, written.length, unchanged.length);
  },
};

function summary(host: Host, documents: number, written: number, unchanged: number): ExitCode {
  const s = (n: number) => (n === 1 ? "" : "s");
  host.stdout.write(`${documents} document${s(documents)} rendered: ${written} file${s(written)} written, ${unchanged} unchanged.\n`);
  return EXIT.ok;
}

/** build --check: list what is out of date in the output folder; exit 1 if anything is. */
function reportStaleness(host: Host, outDir: string, s: Staleness, files: number): ExitCode {
  const lines = [
    ...s.stale.map((p) => `${p}: out of date`),
    ...s.missing.map((p) => `${p}: missing`),
    ...s.orphans.map((p) => `${p}: not produced by any input (delete it)`),
  ];
  if (lines.length === 0) {
    host.stdout.write(`${outDir} is up to date (${files} files).\n`);
    return EXIT.ok;
  }
  host.stderr.write(`${lines.join("\n")}\n${lines.length} file${lines.length === 1 ? "" : "s"} in ${outDir} differ from what the current code and data produce; run \`boardpaper build\` and commit the result.\n`);
  return EXIT.invalid;
}

/** `--format` of build and agenda: the tree writers, and whether PDF is wanted. */
export function parseOutputFormats(list: string | undefined): Formats {
  const names = list === undefined ? [...DEFAULT_FORMATS] : list.split(",").map((s) => s.trim()).filter(Boolean);
  if (names.length === 0) throw new UsageError("--format needs at least one format");
  const unknown = names.find((n) => !FORMAT_NAMES.includes(n));
  if (unknown !== undefined) throw new UsageError(`unknown format \`${unknown}\`; choose from ${FORMAT_NAMES.join(", ")}`);
  const writers = names.filter((n) => n !== PDF.format);
  return { writers: writers.length > 0 ? parseFormats(writers.join(",")) : [], pdf: names.includes(PDF.format) };
}

export interface PdfSetup {
  readonly soffice?: string;
  readonly pdfa: boolean;
}

/**
 * Check the PDF options and find LibreOffice before anything is rendered, so that a missing
 * soffice is reported at once. Returns the exit code when it cannot go on.
 */
export async function pdfSetup(host: Host, formats: Formats, pdfa: boolean, command: string): Promise<PdfSetup | ExitCode> {
  if (pdfa && !formats.pdf) throw new UsageError("--pdfa chooses PDF/A for the PDF output: add pdf to --format (e.g. --format pdf --pdfa)");
  if (!formats.pdf) return { pdfa };
  try {
    return { soffice: await findSoffice(host.env, host.cwd), pdfa };
  } catch (e) {
    if (!(e instanceof ConversionError)) throw e;
    host.stderr.write(`boardpaper ${command}: error: ${e.message}\nNothing was written.\n`);
    return EXIT.invalid;
  }
}

/** The outputs with their PDFs (one LibreOffice run for all), or the exit code on failure. */
export async function convertPdfs(host: Host, outputs: Output[], formats: Formats, pdf: PdfSetup, command: string): Promise<Output[] | ExitCode> {
  if (!formats.pdf || pdf.soffice === undefined) return outputs;
  try {
    const r = await withPdfs(outputs, formats, { soffice: pdf.soffice, pdfa: pdf.pdfa, env: host.env });
    const n = r.converted;
    host.stdout.write(`converted ${n} document${n === 1 ? "" : "s"} to ${pdf.pdfa ? "PDF/A-2" : "PDF"} in one LibreOffice run\n`);
    return r.outputs;
  } catch (e) {
    if (!(e instanceof ConversionError)) throw e;
    host.stderr.write(`boardpaper ${command}: error: ${e.message}\nNothing was written.\n`);
    return EXIT.invalid;
  }
}

export function parseFormats(list: string | undefined): Writer[] {
  const names = list === undefined ? [...DEFAULT_FORMATS] : list.split(",").map((s) => s.trim()).filter(Boolean);
  if (names.length === 0) throw new UsageError("--format needs at least one format");
  return [...new Set(names)].map((name) => {
    const w = writerFor(name);
    if (!w) throw new UsageError(`unknown format \`${name}\`; choose from ${WRITERS.map((x) => x.format).join(", ")}`);
    return w;
  });
}
