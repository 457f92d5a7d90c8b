import { basename } from "node:path";
import { escapeControls } from "../../diagnostics/format.js";
import { displayPath } from "../../host/paths.js";
import { ImportError, importWord, type ImportNote } from "../../import/import-word.js";
import { Pipeline } from "../../pipeline/pipeline.js";
import { UsageError, type Command } from "../command.js";
import { EXIT } from "../exit-codes.js";
import { suggest } from "../../validate/suggest.js";
import { refuseInputAsOutput, inputPaths, refuseToReplace } from "../guard.js";

export const importCommand: Command = {
  name: "import",
  usage: "boardpaper import FILE.docx [--type TYPE] [--out FILE.yaml] [--force]",
  help: `Reads a proposal written in Word or LibreOffice and writes it as a YAML document of a
document type, ready for \`boardpaper check\`:

- the gegevens from the header block: a table ("Onderwerp | …"), "Label: value" or
  tab-separated lines, or a memo header; Dutch dates ("1 oktober 2020", "01-10-2020",
  "1-10-'20") become YYYY-MM-DD;
- sections by their headings (Word heading styles, or bold or capitalised lines), matched to the
  type's labels whatever their case, numbering ("3. Argumenten") or small spelling differences;
  a type declares other names for a field with \`ook:\`;
- the beslispunten from the numbered list after the lead sentence ("wordt verzocht:"), nested,
  whether Word numbered them or they were typed;
- bold, italic, links and lists as Markdown; tables as tables; "Bijlage 1: …" as a bijlage.

What could not be placed (an image, a text box, a heading that fits no section, a required
value not found) is listed on standard error with its paragraph number and first words; text
that fits no section goes to the nearest prose section, never lost, and a required value not
found is written as <<…>>, which \`check\` lists until it is filled in.

Options:
  --type TYPE  the document type to write (\`boardpaper types\`); default: the house style's
               standaardtype, else ab-voorstel
  --out FILE   write to FILE (default: standard output); an existing file is not replaced
  --force      replace FILE if it exists

Exit status 0 when the document was written (even with a report), 1 for a file that cannot be
read as a .docx (not a .docx, damaged, password-protected), 2 for usage errors.

Example:
  boardpaper import ~/Downloads/voorstel-visitaties.docx --out data/proposals/visitaties.yaml`,
  options: { type: { type: "string" }, out: { type: "string" }, force: { type: "boolean" } },
  async run({ host, values, positionals }) {
    if (positionals.length !== 1) throw new UsageError("give one .docx file");
    const file = positionals[0]!;
    if ((await host.kind(file)) !== "file") throw new UsageError(`${file}: no such file`);
    const out = typeof values.out === "string" ? values.out : undefined;
    if (out !== undefined) {
      await refuseInputAsOutput(host, out, await inputPaths(host, [file]));
      await refuseToReplace(host, out, values.force === true);
    }
    const shown = displayPath(host, file);
    const pipeline = await Pipeline.open(host);
    const type = typeof values.type === "string" ? values.type : undefined;
    if (type !== undefined && !pipeline.registry.types.some((t) => t.name === type)) {
      const names = pipeline.registry.types.map((t) => t.name);
      const hint = suggest(type, names);
      throw new UsageError(`unknown document type \`${type}\`${hint ? `; did you mean \`${hint}\`?` : ""} The types: ${names.join(", ")}`);
    }
    let imported;
    try {
      imported = await importWord(pipeline, await host.readFile(file), {
        ...(type !== undefined && { type }),
        ...(out !== undefined && { out }),
        source: basename(file),
      });
    } catch (e) {
      // A RangeError is the file exhausting a resource past the reader's limits: its fault, one line.
      const message = e instanceof ImportError ? e.message : e instanceof RangeError ? "this file is too large or too deeply nested to read" : undefined;
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
    const report = imported.notes.length ? `; ${imported.notes.length} point${imported.notes.length === 1 ? "" : "s"} to look at (above)` : "";
    host.stdout.write(`wrote ${out} (${imported.type})${report}; then run: boardpaper check ${out}\n`);
    return EXIT.ok;
  },
};

/** A note as a line: the document, the paragraph and its first words, what happened. */
export const noteLine = (file: string, n: ImportNote): string =>
  n.paragraph > 0 ? `${file}: alinea ${n.paragraph} ("${n.words}"): ${n.message}` : `${file}: ${n.message}`;
