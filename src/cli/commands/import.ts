import { basename } from "node:path";
import { escapeControls } from "../../diagnostics/format.js";
import { displayPath } from "../../host/paths.js";
import { ImportError, importWord, UnknownTypeError, type ImportNote } from "../../import/import-word.js";
import { Pipeline } from "../../pipeline/pipeline.js";
import { UsageError, type Command } from "../command.js";
import { EXIT } from "../exit-codes.js";
import { refuseInputAsOutput, inputPaths, refuseToReplace } from "../guard.js";
import { t } from "../../i18n/i18n.js";

export const importCommand: Command = {
  name: "import",
  usage: "boardpaper import FILE.docx [--type TYPE] [--out FILE.yaml] [--force]",
  get help() {
    return t("help.import");
  },
  options: { type: { type: "string" }, out: { type: "string" }, force: { type: "boolean" } },
  async run({ host, values, positionals }) {
    if (positionals.length !== 1) throw new UsageError(t("import.oneFile"));
    const file = positionals[0]!;
    if ((await host.kind(file)) !== "file") throw new UsageError(t("cli.noSuchFile", { file }));
    const out = typeof values.out === "string" ? values.out : undefined;
    if (out !== undefined) {
      await refuseInputAsOutput(host, out, await inputPaths(host, [file]));
      await refuseToReplace(host, out, values.force === true);
    }
    const shown = displayPath(host, file);
    const pipeline = await Pipeline.open(host);
    const type = typeof values.type === "string" ? values.type : undefined;
    let imported;
    try {
      imported = await importWord(pipeline, await host.readFile(file), {
        ...(type !== undefined && { type }),
        ...(out !== undefined && { out }),
        source: basename(file),
      });
    } catch (e) {
      // An unknown --type is a wrong command line (exit 2), checked by the import before it reads the file.
      if (e instanceof UnknownTypeError) throw new UsageError(e.message);
      // A RangeError is the file exhausting a resource past the reader's limits: its fault, one line.
      const message = e instanceof ImportError ? e.message : e instanceof RangeError ? t("text.tooLarge") : undefined;
      if (message === undefined) throw e;
      host.stderr.write(`${escapeControls(shown)}: error: ${message}\n`);
      return EXIT.invalid;
    }
    for (const n of imported.notes) host.stderr.write(`${escapeControls(noteLine(shown, n))}\n`);
    if (out === undefined) {
      host.stdout.write(imported.yaml);
      return EXIT.ok;
    }
    await host.writeFileAtomic(out, imported.yaml);
    const report = imported.notes.length ? t("import.report", { n: imported.notes.length }) : "";
    host.stdout.write(t("import.wrote", { out, type: imported.type, report }));
    return EXIT.ok;
  },
};

/** A note as a line: the document, the paragraph and its first words, what happened. */
export const noteLine = (file: string, n: ImportNote): string =>
  n.paragraph > 0 ? t("import.noteLine", { file, n: n.paragraph, words: n.words, message: n.message }) : t("import.noteLineWhole", { file, message: n.message });
