import { formatSummary, type formatDiagnostic } from "../diagnostics/format.js";
import { Comparer, Emitter, type Staleness } from "../emit/emit.js";
import type { Output } from "../emit/output.js";
import { sourceDate } from "../emit/outputs.js";
import { PDF, renderWriters, withPdfs, type Formats } from "../convert/pdf.js";
import { ConversionError, findSoffice } from "../convert/soffice.js";
import type { Host } from "../host/host.js";
import type { DocumentKind } from "../kinds/kind.js";
import type { Found } from "../load/discover.js";
import { Pipeline } from "../pipeline/pipeline.js";
import { runProject } from "../pipeline/project.js";
import type { LoadedDocument } from "../validate/validate-file.js";
import { DEFAULT_FORMATS, WRITERS, writerFor } from "../writers/registry.js";
import { UsageError } from "./command.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import { houseStyleOptions } from "./inputs.js";
import { reporter } from "./report.js";

/** Every name `--format` takes: the writers of the tree, and PDF (made from the .docx). */
export const FORMAT_NAMES: readonly string[] = [...WRITERS.map((w) => w.format), PDF.format];

export const PDF_HELP = `                   pdf is made from the .docx by LibreOffice (soffice), all documents
                   in one run; it carries the document's title and language
  --pdfa           with --format pdf: PDF/A-2 for archiving instead of plain PDF`;

export interface RenderRequest {
  readonly command: string;
  readonly files: readonly Found[];
  readonly values: Record<string, unknown>;
  readonly color: boolean;
  readonly outDir: string;
  /** Read every file as this kind. */
  readonly kind?: DocumentKind;
  /** Where a document's outputs go; default: mirrored below outDir. */
  readonly baseOf?: (doc: LoadedDocument) => string;
  /** The last line on success. */
  readonly summary: (documents: number, written: number, unchanged: number) => string;
}

/**
 * `build` and `agenda`: the files through the pipeline into the output folder, all or nothing
 * (every output is staged as it is made and put in place only when all succeeded), or with
 * --check compared with what is there. PDF follows the writers: one LibreOffice run for all.
 */
export async function renderFiles(host: Host, req: RenderRequest): Promise<ExitCode> {
  const { values } = req;
  const formats = parseOutputFormats(values.format as string | undefined);
  const check = values.check === true;
  if (check && formats.pdf) throw new UsageError("--check cannot compare PDF files: LibreOffice stamps the time into every PDF it makes; leave pdf out of --format");
  const pdf = await pdfSetup(host, formats, values.pdfa === true, req.command);
  if (typeof pdf === "number") return pdf;
  const date = sourceDate(host.env);
  if (date.error) throw new UsageError(date.error);

  const say = reporter(host, req.color);
  const emitter = new Emitter(host);
  const comparer = new Comparer(host);
  // PDF needs every .docx at hand for its one LibreOffice run; otherwise outputs go out as made.
  const kept: Output[] = [];
  const sink = check ? comparer.put : formats.pdf ? (o: Output) => void kept.push(o) : emitter.put;
  const refuse = async (diagnostics: readonly Parameters<typeof formatDiagnostic>[0][]): Promise<ExitCode> => {
    await emitter.discard();
    diagnostics.forEach(say);
    host.stderr.write(`${formatSummary(diagnostics, req.files.length)} Nothing was written.\n`);
    return EXIT.invalid;
  };

  let r;
  try {
    r = await runProject(await Pipeline.open(host, houseStyleOptions(values)), req.files, {
      ...(req.kind ? { kind: req.kind } : {}),
      sink,
      render: {
        outDir: req.outDir,
        writers: renderWriters(formats),
        includeBesloten: values["include-besloten"] === true,
        ...(req.baseOf ? { baseOf: req.baseOf } : {}),
        ...(date.date ? { date: date.date } : {}),
      },
    });
  } catch (e) {
    await emitter.discard();
    throw e;
  }
  if (!r.ok) return refuse(r.diagnostics);
  r.diagnostics.forEach(say); // warnings

  if (check) return reportStaleness(host, req.outDir, await comparer.staleness(req.outDir, formats.writers.map((w) => w.extension)));
  if (formats.pdf && pdf.soffice !== undefined) {
    try {
      const converted = await withPdfs(kept, formats, { soffice: pdf.soffice, pdfa: pdf.pdfa, env: host.env });
      const n = converted.converted;
      host.stdout.write(`converted ${n} document${n === 1 ? "" : "s"} to ${pdf.pdfa ? "PDF/A-2" : "PDF"} in one LibreOffice run\n`);
      for (const o of converted.outputs) await emitter.put(o);
    } catch (e) {
      await emitter.discard();
      if (!(e instanceof ConversionError)) throw e;
      host.stderr.write(`boardpaper ${req.command}: error: ${e.message}\nNothing was written.\n`);
      return EXIT.invalid;
    }
  }
  await emitter.commit();
  for (const p of emitter.written) host.stdout.write(`wrote ${p}\n`);
  host.stdout.write(`${req.summary(r.documents, emitter.written.length, emitter.unchanged.length)}\n`);
  return EXIT.ok;
}

/** build --check: list what is out of date in the output folder; exit 1 if anything is. */
function reportStaleness(host: Host, outDir: string, s: Staleness): ExitCode {
  const lines = [
    ...s.stale.map((p) => `${p}: out of date`),
    ...s.missing.map((p) => `${p}: missing`),
    ...s.orphans.map((p) => `${p}: not produced by any input (delete it)`),
  ];
  if (lines.length === 0) {
    host.stdout.write(`${outDir} is up to date (${s.compared} files).\n`);
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
  const writers = [...new Set(names.filter((n) => n !== PDF.format))].map((n) => writerFor(n)!);
  return { writers, pdf: names.includes(PDF.format) };
}

interface PdfSetup {
  readonly soffice?: string;
  readonly pdfa: boolean;
}

/**
 * Check the PDF options and find LibreOffice before anything is rendered, so that a missing
 * soffice is reported at once. Returns the exit code when it cannot go on.
 */
async function pdfSetup(host: Host, formats: Formats, pdfa: boolean, command: string): Promise<PdfSetup | ExitCode> {
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

export { DEFAULT_FORMATS };
