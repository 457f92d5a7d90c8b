import { jsonSchemaOf } from "../../kinds/for-editors.js";
import { DEFAULT_KIND, KINDS, kindOfType } from "../../kinds/registry.js";
import { UsageError, type Command } from "../command.js";
import { EXIT } from "../exit-codes.js";

const NAMES = KINDS.map((k) => k.jsonSchema.name);

export const schema: Command = {
  name: "schema",
  usage: `boardpaper schema [${NAMES.join("|")}] [--out FILE]`,
  help: `Prints the JSON Schema of a proposal (default), a meeting or a house-style file — by the
schema's name or a type's (see \`boardpaper types\`) — generated
from the same schema \`check\` uses. Editors use it to complete and check while you type: with
VS Code's YAML extension, put
  # yaml-language-server: $schema=<path to the schema file>
at the top of the file (\`boardpaper new\` does this). The project keeps copies in schema/.

Options:
  --out FILE   write the schema to FILE instead of standard output`,
  options: { out: { type: "string" } },
  async run({ host, values, positionals }) {
    if (positionals.length > 1) throw new UsageError("give at most one schema name");
    const name = positionals[0] ?? DEFAULT_KIND.jsonSchema.name;
    // A schema's own name, or the name of a type (as `new --type` and `types` show them).
    const kind = KINDS.find((k) => k.jsonSchema.name === name) ?? kindOfType(name);
    if (!kind) throw new UsageError(`unknown schema \`${name}\`; choose from ${NAMES.join(", ")} (or a type: ${KINDS.flatMap((k) => k.types).join(", ")})`);
    const text = jsonSchemaOf(kind);
    if (typeof values.out === "string") {
      await host.writeFileAtomic(values.out, text);
      host.stdout.write(`wrote ${values.out}\n`);
    } else {
      host.stdout.write(text);
    }
    return EXIT.ok;
  },
};
