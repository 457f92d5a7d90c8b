import { extname } from "node:path";
import { formatDiagnostic } from "../../diagnostics/format.js";
import { displayPath } from "../../load/discover.js";
import { loadProposal } from "../../load/load-proposal.js";
import { resolveLooks } from "../../project/looks.js";
import { DocxReadError, readDocx } from "../../readers/docx-reader.js";
import { renderProposal } from "../../render/render-proposal.js";
import { writeText } from "../../writers/text/text-writer.js";
import { UsageError, type Command } from "../command.js";
import { EXIT } from "../exit-codes.js";

export const text: Command = {
  name: "text",
  usage: "boardpaper text FILE.docx|FILE.yaml",
  help: `Prints the canonical plain text of a proposal: the same for a .yaml file and for the .docx
boardpaper made from it. Use it to make \`git diff\` of .docx files readable:

  .gitattributes:   *.docx diff=boardpaper
  once per clone:   git config diff.boardpaper.textconv "npx --no-install boardpaper text"

A tracked change in a .docx is shown as [-removed-]{+added+}.`,
  options: {},
  async run({ host, positionals, color }) {
    if (positionals.length !== 1) throw new UsageError("give one file");
    const file = positionals[0]!;
    if ((await host.kind(file)) !== "file") throw new UsageError(`${file}: no such file`);
    const bytes = await host.readFile(file);
    const shown = displayPath(host, file);
    if (extname(file).toLowerCase() === ".docx") {
      try {
        host.stdout.write(writeText(readDocx(bytes)));
        return EXIT.ok;
      } catch (e) {
        if (!(e instanceof DocxReadError)) throw e;
        host.stderr.write(`${shown}: error: ${e.message}\n`);
        return EXIT.invalid;
      }
    }
    const loaded = loadProposal(shown, bytes, file);
    const say = (d: Parameters<typeof formatDiagnostic>[0]) => host.stderr.write(`${formatDiagnostic(d, { color })}\n`);
    if (!loaded.ok) {
      loaded.diagnostics.forEach(say);
      return EXIT.invalid;
    }
    const doc = loaded.doc;
    const looks = await resolveLooks(host, [doc]);
    if (!looks.ok) {
      looks.diagnostics.forEach(say);
      return EXIT.invalid;
    }
    host.stdout.write(writeText(renderProposal(doc.value, looks.lookOf(doc))));
    return EXIT.ok;
  },
};
