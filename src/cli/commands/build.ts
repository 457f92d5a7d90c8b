import { formatDiagnostic, formatSummary } from "../../diagnostics/format.js";
import { emit, staleness } from "../../emit/emit.js";
import { sourceDate } from "../../emit/outputs.js";
import { renderProject } from "../../project/render-project.js";
import { DEFAULT_FORMATS, WRITERS, writerFor } from "../../writers/registry.js";
import type { Writer } from "../../writers/writer.js";
import { UsageError, type Command } from "../command.js";
import { EXIT } from "../exit-codes.js";
import { loadInputs, lookOptions, LOOK_HELP, LOOK_OPTIONS } from "../inputs.js";

export const DEFAULT_OUT = "out";

export const build: Command = {
  name: "build",
  summary: "render proposals to .docx and HTML",
  usage: "boardpaper build [PATH...] [--out DIR] [--format docx,html] [--check] [--style FILE] [--templates DIR]",
  help: `Renders every proposal and meeting named, or found in the folders named (default: data/),
into DIR (default: out/). A file named directly becomes DIR/<name>.docx and DIR/<name>.html; a
folder's files keep their place below it (data/proposals/x.yaml → out/proposals/x.docx).
A meeting (a file in a folder named meetings/) becomes a folder of its own with the agenda,
its proposals stamped with their agenda numbers, the bundle and the besluitenlijst; see
\`boardpaper agenda --help\`.

Everything is validated and rendered before anything is written: with any error, no file is
written or changed. Each file is written atomically (a temporary file, then a rename).
The same input always gives the same bytes; set SOURCE_DATE_EPOCH to stamp another date.

Options:
  --out DIR        output folder (default: out)
  --format LIST    comma-separated formats: ${WRITERS.map((w) => w.format).join(", ")} (default: ${DEFAULT_FORMATS.join(",")})
  --check          write nothing; exit 1 and list the files in DIR that are out of date
  --include-besloten
                   meetings: also write the besloten part's documents, and the full
                   bundle for members instead of the public one
${LOOK_HELP}

Examples:
  boardpaper build
  boardpaper build data/proposals/terugblik-visitaties.yaml --out /tmp/papers --format docx
  boardpaper build --check`,
  options: { out: { type: "string" }, format: { type: "string" }, check: { type: "boolean" }, "include-besloten": { type: "boolean" }, ...LOOK_OPTIONS },
  async run({ host, values, positionals, color }) {
    const writers = parseFormats(values.format as string | undefined);
    const outDir = (values.out as string | undefined) ?? DEFAULT_OUT;
    const date = sourceDate(host.env);
    if (date.error) throw new UsageError(date.error);

    const say = (d: Parameters<typeof formatDiagnostic>[0]) => host.stderr.write(`${formatDiagnostic(d, { color })}\n`);
    const inputs = await loadInputs(host, positionals);
    inputs.diagnostics.forEach(say);
    if (!inputs.valid) {
      host.stderr.write(`${formatSummary(inputs.diagnostics, inputs.files.length)} Nothing was written.\n`);
      return EXIT.invalid;
    }

    const rendered = await renderProject(host, inputs.documents, {
      ...lookOptions(values),
      outDir,
      writers,
      includeBesloten: values["include-besloten"] === true,
      ...(date.date ? { date: date.date } : {}),
    });
    if (!rendered.ok) {
      rendered.diagnostics.forEach(say);
      host.stderr.write(`${formatSummary(rendered.diagnostics, inputs.files.length)} Nothing was written.\n`);
      return EXIT.invalid;
    }
    const outputs = rendered.outputs;

    if (values.check) {
      const s = await staleness(host, outputs, outDir, writers.map((w) => w.extension));
      const lines = [
        ...s.stale.map((p) => `${p}: out of date`),
        ...s.missing.map((p) => `${p}: missing`),
        ...s.orphans.map((p) => `${p}: not produced by any input (delete it)`),
      ];
      if (lines.length === 0) {
        host.stdout.write(`${outDir} is up to date (${outputs.length} files).\n`);
        return EXIT.ok;
      }
      host.stderr.write(`${lines.join("\n")}\n${lines.length} file${lines.length === 1 ? "" : "s"} in ${outDir} differ from what the current code and data produce; run \`boardpaper build\` and commit the result.\n`);
      return EXIT.invalid;
    }

    const { written, unchanged } = await emit(host, outputs);
    for (const p of written) host.stdout.write(`wrote ${p}\n`);
    const n = rendered.documents;
    host.stdout.write(`${n} document${n === 1 ? "" : "s"} rendered: ${written.length} file${written.length === 1 ? "" : "s"} written, ${unchanged.length} unchanged.\n`);
    return EXIT.ok;
  },
};

export function parseFormats(list: string | undefined): Writer[] {
  const names = list === undefined ? [...DEFAULT_FORMATS] : list.split(",").map((s) => s.trim()).filter(Boolean);
  if (names.length === 0) throw new UsageError("--format needs at least one format");
  return [...new Set(names)].map((name) => {
    const w = writerFor(name);
    if (!w) throw new UsageError(`unknown format \`${name}\`; choose from ${WRITERS.map((x) => x.format).join(", ")}`);
    return w;
  });
}
