import { escapeControls, formatSummary, type formatDiagnostic } from "../diagnostics/format.js";
import { Comparer, Emitter, type Staleness } from "../emit/emit.js";
import type { Output } from "../emit/output.js";
import { outputBase, sourceDate } from "../emit/outputs.js";
import { basename, resolve } from "node:path";
import { isScalar, visit } from "yaml";
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
import { t } from "../i18n/i18n.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import { houseStyleOptions } from "./inputs.js";
import { reporter } from "./report.js";
import { inputPaths, refuseSpecial, whereWouldBe } from "./guard.js";

/** Inputs whose outputs would land in the same place (same name, each named directly): a line at each. */
function sameOutputs(outDir: string, files: readonly Found[]): string[] {
  const byBase = new Map<string, Found[]>();
  for (const f of files) {
    const base = resolve(outputBase(outDir, f.path, f.root));
    byBase.set(base, [...(byBase.get(base) ?? []), f]);
  }
  const lines: string[] = [];
  for (const [base, same] of byBase) {
    if (same.length < 2) continue;
    for (const f of same) {
      const others = same.filter((o) => o !== f).map((o) => o.label ?? o.path);
      lines.push(t("render.sameOutput", { file: f.label ?? f.path, base, others: others.join(", ") }));
    }
  }
  return lines;
}

/** An output that would replace an input, or that two inputs of one run would both write. */
class OutputClash extends Error {}

/**
 * The sink, guarded: an output may never be an input of the run (`x.html` built into its own
 * folder), and no two outputs of one run may go to the same file (two proposals of one name in
 * one meeting or one output folder), or the second would silently replace the first.
 * Either is an error (exit 1) and nothing is written.
 */
async function guardedSink(host: Host, files: readonly Found[], put: (o: Output) => void | Promise<void>): Promise<{ sink: (o: Output) => Promise<void>; current?: LoadedDocument }> {
  const inputs = await inputPaths(host, files.map((f) => f.path));
  const made = new Map<string, LoadedDocument | undefined>();
  const guard: { sink: (o: Output) => Promise<void>; current?: LoadedDocument } = {
    sink: async (o) => {
      const where = await whereWouldBe(host, o.path);
      const input = inputs.get(where);
      if (input !== undefined) throw new OutputClash(t("render.overwritesInput", { input, output: o.path }));
      if (made.has(where)) {
        const first = made.get(where);
        const places = first !== undefined && first === guard.current ? itemsWriting(first, o.path) : [first, guard.current].flatMap((d) => (d ? [`${d.file}:1:1`] : []));
        const lines = places.map((p) => t("render.writesSame", { place: p, output: o.path }));
        throw new OutputClash(`${lines.join("\n")}${lines.length ? "\n" : ""}${t("render.twoDocuments", { output: o.path })}`);
      }
      made.set(where, guard.current);
      await put(o);
    },
  };
  return guard;
}

/** In a meeting, the places of the agenda items whose proposal has the file name of `output`. */
function itemsWriting(meeting: LoadedDocument, output: string): string[] {
  const stem = basename(output).replace(/\.[^.]*$/, "");
  const places: string[] = [];
  visit(meeting.parsed.doc, {
    Pair(_, pair) {
      if (!isScalar(pair.key) || pair.key.value !== "voorstel" || !isScalar(pair.value) || typeof pair.value.value !== "string") return;
      const file = pair.value.value;
      if (basename(file).replace(/\.[^.]*$/, "") !== stem || !pair.value.range) return;
      const at = meeting.parsed.lines.linePos(pair.value.range[0]);
      places.push(`${meeting.file}:${at.line}:${at.col}`);
    },
  });
  return places.length > 0 ? places : [`${meeting.file}:1:1`];
}

/** Every name `--format` takes: the writers of the tree, and PDF (made from the .docx). */
export const FORMAT_NAMES: readonly string[] = [...WRITERS.map((w) => w.format), PDF.format];

/** The help lines of pdf and --pdfa, in the current language. */
export const PDF_HELP = (): string => t("cli.pdfHelp");

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
  if (check && formats.pdf) throw new UsageError(t("render.checkPdf"));
  const pdf = await pdfSetup(host, formats, values.pdfa === true, req.command);
  if (typeof pdf === "number") return pdf;
  const date = sourceDate(host.env);
  if (date.error) throw new UsageError(date.error);

  const say = reporter(host, req.color);
  const emitter = new Emitter(host);
  const comparer = new Comparer(host);
  // PDF needs every .docx at hand for its one LibreOffice run; otherwise outputs go out as made.
  const kept: Output[] = [];
  const put = check ? comparer.put : formats.pdf ? (o: Output) => void kept.push(o) : emitter.put;
  await refuseSpecial(host, req.outDir);
  if (!req.baseOf) {
    const clashes = sameOutputs(req.outDir, req.files);
    if (clashes.length > 0) {
      for (const c of clashes) host.stderr.write(`${escapeControls(c)}\n`);
      host.stderr.write(t("render.sameOutputs", { command: req.command }));
      return EXIT.invalid;
    }
  }
  const guard = await guardedSink(host, req.files, put);
  const sink = guard.sink;
  const refuse = async (diagnostics: readonly Parameters<typeof formatDiagnostic>[0][]): Promise<ExitCode> => {
    await emitter.discard();
    diagnostics.forEach(say);
    host.stderr.write(`${formatSummary(diagnostics, req.files.length)} ${t("render.nothingWritten")}\n`);
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
        // Each document's base is asked for just before its outputs go to the sink: the guard
        // learns which input it is writing for.
        baseOf: (doc: LoadedDocument) => {
          guard.current = doc;
          return req.baseOf?.(doc) ?? outputBase(req.outDir, doc.path, doc.root);
        },
        ...(date.date ? { date: date.date } : {}),
      },
    });
  } catch (e) {
    await emitter.discard();
    if (!(e instanceof OutputClash)) throw e;
    host.stderr.write(t("render.commandError", { command: req.command, message: e.message.split("\n").map(escapeControls).join("\n") }));
    return EXIT.invalid;
  }
  if (!r.ok) return refuse(r.diagnostics);
  r.diagnostics.forEach(say); // warnings

  if (check) return reportStaleness(host, req.outDir, await comparer.staleness(req.outDir, formats.writers.map((w) => w.extension)));
  if (formats.pdf && pdf.soffice !== undefined) {
    try {
      const converted = await withPdfs(kept, formats, { soffice: pdf.soffice, pdfa: pdf.pdfa, env: host.env });
      const n = converted.converted;
      host.stdout.write(t("render.converted", { n, format: pdf.pdfa ? "PDF/A-2" : "PDF" }));
      for (const o of converted.outputs) await emitter.put(o);
    } catch (e) {
      await emitter.discard();
      if (!(e instanceof ConversionError)) throw e;
      host.stderr.write(t("render.commandError", { command: req.command, message: e.message }));
      return EXIT.invalid;
    }
  }
  await emitter.commit();
  // File names from a project we did not write: shown with control characters escaped.
  for (const p of emitter.written) host.stdout.write(`${t("cli.wrote", { path: escapeControls(p) })}\n`);
  host.stdout.write(`${req.summary(r.documents, emitter.written.length, emitter.unchanged.length)}\n`);
  return EXIT.ok;
}

/** build --check: list what is out of date in the output folder; exit 1 if anything is. */
function reportStaleness(host: Host, outDir: string, s: Staleness): ExitCode {
  const lines = [
    ...s.stale.map((path) => t("render.stale", { path })),
    ...s.missing.map((path) => t("render.missing", { path })),
    ...s.orphans.map((path) => t("render.orphan", { path })),
  ].map(escapeControls);
  if (lines.length === 0) {
    host.stdout.write(t("render.upToDate", { dir: outDir, n: s.compared }));
    return EXIT.ok;
  }
  host.stderr.write(`${lines.join("\n")}\n${t("render.outOfDate", { n: lines.length, dir: outDir })}`);
  return EXIT.invalid;
}

/** `--format` of build and agenda: the tree writers, and whether PDF is wanted. */
export function parseOutputFormats(list: string | undefined): Formats {
  const names = list === undefined ? [...DEFAULT_FORMATS] : list.split(",").map((s) => s.trim()).filter(Boolean);
  if (names.length === 0) throw new UsageError(t("render.noFormat"));
  const unknown = names.find((n) => !FORMAT_NAMES.includes(n));
  if (unknown !== undefined) throw new UsageError(t("render.unknownFormat", { format: unknown, formats: FORMAT_NAMES.join(", ") }));
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
  if (pdfa && !formats.pdf) throw new UsageError(t("render.pdfaWithoutPdf"));
  if (!formats.pdf) return { pdfa };
  try {
    return { soffice: await findSoffice(host.env, host.cwd), pdfa };
  } catch (e) {
    if (!(e instanceof ConversionError)) throw e;
    host.stderr.write(t("render.commandError", { command, message: e.message }));
    return EXIT.invalid;
  }
}

export { DEFAULT_FORMATS };
