import { KINDS } from "../../kinds/registry.js";
import type { Command } from "../command.js";
import { EXIT } from "../exit-codes.js";

export const types: Command = {
  name: "types",
  usage: "boardpaper types",
  help: `Lists the types of document a file can name with its top-level \`type:\` — its name, what
it is, and where it is declared — as \`boardpaper new --type NAME\` and \`boardpaper schema\` take them.`,
  options: {},
  async run({ host }) {
    const rows = KINDS.flatMap((k) => k.types.map((t) => [t, k.description, "built in", k.jsonSchema.name] as const));
    const width = Math.max(...rows.map(([t]) => t.length));
    for (const [t, description, where, schema] of rows) host.stdout.write(`${t.padEnd(width)}  ${description} (${where}; schema: ${schema})\n`);
    return EXIT.ok;
  },
};
