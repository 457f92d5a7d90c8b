import { skeletonOf } from "../../kinds/for-editors.js";
import { DEFAULT_KIND } from "../../kinds/registry.js";
import { UsageError, type Command } from "../command.js";
import { EXIT } from "../exit-codes.js";

export const newProposal: Command = {
  name: "new",
  usage: "boardpaper new [--out FILE] [--force]",
  help: `Writes a proposal skeleton: every field, each with a comment saying what it is. Values to
fill in are marked <<…>>; \`boardpaper check\` lists each one that is left, with its position,
and passes once they are all filled in. Optional fields are commented out.
The first line points editors at the JSON Schema, so VS Code's YAML extension completes
and checks while you type.

Options:
  --out FILE   write to FILE (default: standard output); an existing file is not overwritten
  --force      overwrite FILE if it exists

Example:
  boardpaper new --out data/proposals/mijn-voorstel.yaml`,
  options: { out: { type: "string" }, force: { type: "boolean" } },
  async run({ host, values }) {
    const out = typeof values.out === "string" ? values.out : undefined;
    const text = skeletonOf(DEFAULT_KIND, host.cwd, out);
    if (!out) {
      host.stdout.write(text);
      return EXIT.ok;
    }
    if (!values.force && (await host.kind(out)) !== undefined) throw new UsageError(`${out} already exists; choose another name or add --force`);
    await host.writeFileAtomic(out, text);
    host.stdout.write(`wrote ${out}; fill in the <<…>> values, then run: boardpaper check ${out}\n`);
    return EXIT.ok;
  },
};
