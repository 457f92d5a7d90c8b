import { jsonSchemaOf } from "../../kinds/for-editors.js";
import { loadRegistry } from "../../kinds/registry.js";
import { suggest } from "../../validate/suggest.js";
import { UsageError, type Command } from "../command.js";
import { EXIT } from "../exit-codes.js";
import { refuseToReplace } from "../guard.js";

export const schema: Command = {
  name: "schema",
  usage: "boardpaper schema [TYPE] [--out FILE] [--force]",
  help: `Prints the JSON Schema of a document type (default: ab-voorstel), a meeting (vergadering), a
house style (huisstijl) or a type declaration (documenttype) — by a type's name as
\`boardpaper types\` lists it — generated
from the same schema \`check\` uses. Editors use it to complete and check while you type: with
VS Code's YAML extension, put
  # yaml-language-server: $schema=<path to the schema file>
at the top of the file (\`boardpaper new\` does this). The project keeps copies in schema/.

Options:
  --out FILE   write the schema to FILE instead of standard output; an existing file is not
               replaced (exit 2, nothing written)
  --force      replace FILE if it exists`,
  options: { out: { type: "string" }, force: { type: "boolean" } },
  async run({ host, values, positionals }) {
    if (positionals.length > 1) throw new UsageError("give at most one schema name");
    const registry = await loadRegistry(host);
    const name = positionals[0] ?? registry.defaultKind.types[0];
    // A type's name (as `new --type` and `types` show them), or a schema's own (meeting, proposal…).
    const kind = registry.kindOfType(name) ?? registry.kinds.find((k) => k.jsonSchema.name === name);
    if (!kind) {
      const hint = suggest(name, registry.typeNames);
      throw new UsageError(`unknown type \`${name}\`${hint ? `; did you mean \`${hint}\`?` : ""} The types: ${registry.typeNames.join(", ")}`);
    }
    const text = jsonSchemaOf(kind);
    if (typeof values.out === "string") {
      await refuseToReplace(host, values.out, values.force === true);
      await host.writeFileAtomic(values.out, text);
      host.stdout.write(`wrote ${values.out}\n`);
    } else {
      host.stdout.write(text);
    }
    return EXIT.ok;
  },
};
