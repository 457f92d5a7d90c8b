import { skeletonOf } from "../../kinds/for-editors.js";
import { loadRegistry } from "../../kinds/registry.js";
import { suggest } from "../../validate/suggest.js";
import { UsageError, type Command } from "../command.js";
import { EXIT } from "../exit-codes.js";
import { refuseToReplace } from "../guard.js";

export const newProposal: Command = {
  name: "new",
  usage: "boardpaper new [--type TYPE] [--out FILE] [--force]",
  help: `Writes a skeleton of a new document: every field, each with a comment saying what it is.
Values to fill in are marked <<…>>; \`boardpaper check\` lists each one that is left, with its
position, and passes once they are all filled in. Optional fields are commented out.
The first line points editors at the JSON Schema, so VS Code's YAML extension completes
and checks while you type; the \`type:\` line says what the document is, wherever it is kept.

Options:
  --type TYPE  the type of document, as \`boardpaper types\` lists them: ab-voorstel (the default),
               raadsvoorstel, collegevoorstel, raadsinformatiebrief, besluit, vergadering,
               huisstijl, documenttype, or a type of the project's own (templates/<type>/)
  --out FILE   write to FILE (default: standard output); an existing file is not overwritten
  --force      overwrite FILE if it exists

Examples:
  boardpaper new --out data/proposals/mijn-voorstel.yaml
  boardpaper new --type vergadering --out data/meetings/ab-2021-03-04.yaml`,
  options: { type: { type: "string" }, out: { type: "string" }, force: { type: "boolean" } },
  async run({ host, values }) {
    const registry = await loadRegistry(host);
    const type = typeof values.type === "string" ? values.type : registry.defaultKind.types[0];
    const kind = registry.kindOfType(type);
    if (!kind) {
      const hint = suggest(type, registry.typeNames);
      throw new UsageError(`unknown type \`${type}\`${hint ? `; did you mean \`${hint}\`?` : ""} The types: ${registry.typeNames.join(", ")}`);
    }
    const out = typeof values.out === "string" ? values.out : undefined;
    const text = skeletonOf(kind, host.cwd, out);
    if (!out) {
      host.stdout.write(text);
      return EXIT.ok;
    }
    await refuseToReplace(host, out, values.force === true);
    await host.writeFileAtomic(out, text);
    host.stdout.write(`wrote ${out}; fill in the <<…>> values, then run: boardpaper check ${out}\n`);
    return EXIT.ok;
  },
};
