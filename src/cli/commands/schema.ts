import { proposalJsonSchema } from "../../model/json-schema.js";
import type { Command } from "../command.js";
import { EXIT } from "../exit-codes.js";

export const schema: Command = {
  name: "schema",
  summary: "print the JSON Schema of a proposal (for editors)",
  usage: "boardpaper schema [--out FILE]",
  help: `Prints the JSON Schema of a proposal file, generated from the same schema \`check\` uses.
Editors use it to complete and check while you type: with VS Code's YAML extension, put
  # yaml-language-server: $schema=<path to the schema file>
at the top of a proposal (\`boardpaper new\` does this). The project keeps a copy in
schema/proposal.schema.json.

Options:
  --out FILE   write the schema to FILE instead of standard output`,
  options: { out: { type: "string" } },
  async run({ host, values }) {
    const text = proposalJsonSchema();
    if (typeof values.out === "string") {
      await host.writeFileAtomic(values.out, text);
      host.stdout.write(`wrote ${values.out}\n`);
    } else {
      host.stdout.write(text);
    }
    return EXIT.ok;
  },
};
