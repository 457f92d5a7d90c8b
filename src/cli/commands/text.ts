import { extname } from "node:path";
import { escapeControls, formatDiagnostic } from "../../diagnostics/format.js";
import { displayPath } from "../../host/paths.js";
import { Pipeline } from "../../pipeline/pipeline.js";
import { DocxReadError, readDocx } from "../../readers/docx-reader.js";
import { writerFor } from "../../writers/registry.js";
import { writeText } from "../../writers/text/text-writer.js";
import { UsageError, type Command } from "../command.js";
import { EXIT } from "../exit-codes.js";
import { t } from "../../i18n/i18n.js";

/**
 * The printed text, for a terminal (and `git log -p` through the textconv): a control character
 * from a file we did not write (ESC, BEL, a C1 CSI, CR) is shown escaped (`\u001b`), never sent
 * to act on the terminal; tabs and line breaks stay. The .docx and the .yaml path alike, so that
 * they still print the same.
 */
const forTerminal = (t: string): string => t.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

export const text: Command = {
  name: "text",
  usage: "boardpaper text FILE.docx|FILE.yaml",
  get help() {
    return t("help.text", { added: `{+${t("help.textAdded")}+}` });
  },
  options: {},
  async run({ host, positionals, color }) {
    if (positionals.length !== 1) throw new UsageError(t("text.oneFile"));
    const file = positionals[0]!;
    if ((await host.kind(file)) !== "file") throw new UsageError(t("cli.noSuchFile", { file }));
    const bytes = await host.readFile(file);
    const shown = displayPath(host, file);
    if (extname(file).toLowerCase() === ".docx") {
      try {
        host.stdout.write(forTerminal(writeText(readDocx(bytes))));
        return EXIT.ok;
      } catch (e) {
        // A RangeError here is the file exhausting a resource (stack, string length, memory) past
        // the reader's limits: the file's fault, answered in one line like every unreadable file.
        const message = e instanceof DocxReadError ? e.message : e instanceof RangeError ? t("text.tooLarge") : undefined;
        if (message === undefined) throw e;
        host.stderr.write(`${escapeControls(`${shown}: error: ${message}`)}\n`);
        return EXIT.invalid;
      }
    }
    const pipeline = await Pipeline.open(host);
    const say = (d: Parameters<typeof formatDiagnostic>[0]) => host.stderr.write(`${formatDiagnostic(d, { color })}\n`);
    const loaded = await pipeline.loadBytes({ path: file }, bytes);
    if (!loaded.doc) {
      loaded.diagnostics.forEach(say);
      return EXIT.invalid;
    }
    const resolved = await pipeline.resolve(loaded.doc);
    const rendered = resolved.ok ? pipeline.render(loaded.doc, resolved.resolved, { includeBesloten: true }) : resolved;
    if (!rendered.ok) {
      rendered.diagnostics.forEach(say);
      return EXIT.invalid;
    }
    const text = writerFor("text")!;
    for (const d of rendered.documents) host.stdout.write(forTerminal(String(await text.write(d.tree, { style: d.sheet }))));
    return EXIT.ok;
  },
};
