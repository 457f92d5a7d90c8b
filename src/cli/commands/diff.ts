import { formatDiagnostic } from "../../diagnostics/format.js";
import { readFromGit } from "../../host/git.js";
import type { Host } from "../../host/host.js";
import { displayPath } from "../../host/paths.js";
import { compareVersions } from "../../pipeline/compare.js";
import { Pipeline, type Loaded } from "../../pipeline/pipeline.js";
import { escapeControls } from "../../diagnostics/format.js";
import { basename, extname } from "node:path";
import { changedOnly } from "../../review/changed-only.js";
import { writerFor } from "../../writers/registry.js";
import { PLAIN_MARKS, writeText, type ChangeMarks } from "../../writers/text/text-writer.js";
import { UsageError, type Command } from "../command.js";
import { EXIT } from "../exit-codes.js";
import { inputPaths, refuseInputAsOutput, refuseToReplace } from "../guard.js";
import { t } from "../../i18n/i18n.js";

const FORMATS = ["text", "html", "docx"] as const;

export const diff: Command = {
  name: "diff",
  usage: "boardpaper diff OLD NEW [--format text|html|docx] [--out FILE] [--force] [--author NAME] [--date YYYY-MM-DD]",
  get help() {
    return t("help.diff", { added: `{+${t("diff.addedExample")}+}` });
  },
  options: { format: { type: "string" }, out: { type: "string" }, force: { type: "boolean" }, author: { type: "string" }, date: { type: "string" } },
  async run({ host, values, positionals, color }) {
    if (positionals.length !== 2) throw new UsageError(t("diff.twoVersions"));
    const [oldSpec, newPath] = positionals as [string, string];
    const format = (values.format as string | undefined) ?? "text";
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(t("diff.unknownFormat", { format, formats: FORMATS.join(", ") }));
    const out = values.out as string | undefined;
    if (format !== "text" && !out) throw new UsageError(t("diff.needsOut", { format }));
    const date = values.date as string | undefined;
    if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError(t("diff.badDate", { date }));
    if ((await host.kind(newPath)) !== "file") throw new UsageError(t("cli.noSuchFile", { file: newPath }));
    if (out !== undefined && format !== "text") {
      const inputs = [newPath, ...((await host.kind(oldSpec)) === "file" ? [oldSpec] : [])];
      await refuseInputAsOutput(host, out, await inputPaths(host, inputs));
      await refuseToReplace(host, out, values.force === true);
    }
    const pipeline = await Pipeline.open(host);
    // A .docx on either side is imported first (boardpaper import), as the type of the other side.
    const olderBytes = await readOlder(host, oldSpec, newPath);
    if (!olderBytes.ok) throw new UsageError(olderBytes.message);
    const oldIsWord = isWord(olderBytes.label);
    let newer: Loaded;
    try {
      newer = isWord(newPath) ? await loadWord(pipeline, host, newPath, await host.readFile(newPath), displayPath(host, newPath), oldIsWord ? undefined : await typeOfYaml(pipeline, olderBytes.bytes, newPath)) : await pipeline.load({ path: newPath });
    } catch (e) {
      if (!(e instanceof WordError)) throw e;
      host.stderr.write(`${escapeControls(displayPath(host, newPath))}: error: ${e.message}\n`);
      return EXIT.invalid;
    }
    const kind = newer.kind;
    if (!kind.revisions) throw new UsageError(t("diff.notProposals", { file: newPath, noun: kind.noun }));
    // The older version is placed at NEW's path: it takes the same house style and templates.
    let older: Loaded;
    try {
      older = oldIsWord ? await loadWord(pipeline, host, newPath, olderBytes.bytes, olderBytes.label, kind.types[0]) : await pipeline.loadBytes({ path: newPath, label: olderBytes.label }, olderBytes.bytes, kind);
    } catch (e) {
      if (!(e instanceof WordError)) throw e;
      host.stderr.write(`${escapeControls(olderBytes.label)}: error: ${e.message}\n`);
      return EXIT.invalid;
    }
    const diagnostics = [...(!older.doc ? older.diagnostics : []), ...(!newer.doc ? newer.diagnostics : [])];
    for (const d of diagnostics) host.stderr.write(`${formatDiagnostic(d, { color })}\n`);
    if (!older.doc || !newer.doc) return EXIT.invalid;

    const own = kind.revisions(newer.doc.value);
    const revisions = { author: (values.author as string | undefined) ?? own?.author ?? "boardpaper", date: date ?? own?.date ?? "1970-01-01" };
    const compared = await compareVersions(pipeline, older.doc, newer.doc, revisions);
    if (!compared.ok) {
      for (const d of compared.diagnostics) host.stderr.write(`${formatDiagnostic(d, { color })}\n`);
      return EXIT.invalid;
    }
    const { tree, changes } = compared;
    if (format === "text") {
      if (changes === 0) host.stdout.write(t("diff.none"));
      else host.stdout.write(writeText(changedOnly(tree), color ? COLOUR_MARKS : PLAIN_MARKS));
      return EXIT.ok;
    }
    await host.writeFileAtomic(out!, await writerFor(format)!.write(tree, { style: compared.sheet }));
    host.stdout.write(t("diff.wrote", { out: out!, n: changes }));
    return EXIT.ok;
  },
};

/** On a terminal: added text green and underlined, removed text red and struck through. */
const COLOUR_MARKS: ChangeMarks = {
  insertion: (t) => `\u001b[32;4m${t}\u001b[0m`,
  deletion: (t) => `\u001b[31;9m${t}\u001b[0m`,
};

/** A Word version that cannot be read (not a .docx, damaged, an unknown type): its one line. */
class WordError extends Error {}

const isWord = (path: string): boolean => extname(path).toLowerCase() === ".docx";

/** The type a YAML version names (by `type:`, its schema line or its place), for importing the other side as that type. */
async function typeOfYaml(pipeline: Pipeline, bytes: Uint8Array, path: string): Promise<string | undefined> {
  return (await pipeline.kindOf({ path }, new TextDecoder().decode(bytes))).types[0];
}

/**
 * A Word version, imported and then loaded as the YAML document at NEW's place (its house style
 * and templates). What the import could not place is counted on standard error, not listed:
 * `boardpaper import` lists it.
 */
async function loadWord(pipeline: Pipeline, host: Host, at: string, bytes: Uint8Array, label: string, type: string | undefined): Promise<Loaded> {
  // Loaded only when a side is a .docx: the Word reader (mammoth, turndown) is no cost to other diffs.
  const { ImportError, importWord } = await import("../../import/import-word.js");
  let imported;
  try {
    imported = await importWord(pipeline, bytes, { ...(type && { type }), out: at.replace(/\.docx$/i, ".yaml"), source: basename(label) });
  } catch (e) {
    if (e instanceof ImportError) throw new WordError(e.message);
    throw e;
  }
  if (imported.notes.length) host.stderr.write(t("diff.wordNotes", { file: escapeControls(label), n: imported.notes.length }));
  return pipeline.loadBytes({ path: at.replace(/\.docx$/i, ".yaml"), label }, new TextEncoder().encode(imported.yaml));
}

async function readOlder(host: Host, spec: string, newPath: string) {
  if ((await host.kind(spec)) === "file") return { ok: true as const, bytes: await host.readFile(spec), label: displayPath(host, spec) };
  return readFromGit(host.cwd, spec, newPath);
}
