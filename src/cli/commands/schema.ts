import { jsonSchemaOf } from "../../kinds/for-editors.js";
import { loadRegistry } from "../../kinds/registry.js";
import { suggest } from "../../validate/suggest.js";
import { UsageError, type Command } from "../command.js";
import { EXIT } from "../exit-codes.js";
import { refuseToReplace } from "../guard.js";
import { t } from "../../i18n/i18n.js";

export const schema: Command = {
  name: "schema",
  usage: "boardpaper schema [TYPE] [--out FILE] [--force]",
  get help() {
    return t("help.schema");
  },
  options: { out: { type: "string" }, force: { type: "boolean" } },
  async run({ host, values, positionals }) {
    if (positionals.length > 1) throw new UsageError(t("schema.atMostOne"));
    const registry = await loadRegistry(host);
    const name = positionals[0] ?? registry.defaultKind.types[0];
    // A type's name (as `new --type` and `types` show them), or a schema's own (meeting, proposal…).
    const kind = registry.kindOfType(name) ?? registry.kinds.find((k) => k.jsonSchema.name === name);
    if (!kind) {
      const hint = suggest(name, registry.typeNames);
      throw new UsageError(t("cli.unknownType", { type: name, hint: hint ? t("cli.didYouMean", { hint }) : "", types: registry.typeNames.join(", ") }));
    }
    const text = jsonSchemaOf(kind);
    if (typeof values.out === "string") {
      await refuseToReplace(host, values.out, values.force === true);
      await host.writeFileAtomic(values.out, text);
      host.stdout.write(`${t("cli.wrote", { path: values.out })}\n`);
    } else {
      host.stdout.write(text);
    }
    return EXIT.ok;
  },
};
