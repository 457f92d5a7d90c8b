import { skeletonOf } from "../../kinds/for-editors.js";
import { loadRegistry } from "../../kinds/registry.js";
import { suggest } from "../../validate/suggest.js";
import { UsageError, type Command } from "../command.js";
import { EXIT } from "../exit-codes.js";
import { refuseToReplace } from "../guard.js";
import { t } from "../../i18n/i18n.js";

export const newProposal: Command = {
  name: "new",
  usage: "boardpaper new [--type TYPE] [--out FILE] [--force]",
  get help() {
    return t("help.new");
  },
  options: { type: { type: "string" }, out: { type: "string" }, force: { type: "boolean" } },
  async run({ host, values }) {
    const registry = await loadRegistry(host);
    const type = typeof values.type === "string" ? values.type : registry.defaultKind.types[0];
    const kind = registry.kindOfType(type);
    if (!kind) {
      const hint = suggest(type, registry.typeNames);
      throw new UsageError(t("cli.unknownType", { type, hint: hint ? t("cli.didYouMean", { hint }) : "", types: registry.typeNames.join(", ") }));
    }
    const out = typeof values.out === "string" ? values.out : undefined;
    const text = skeletonOf(kind, host.cwd, out);
    if (!out) {
      host.stdout.write(text);
      return EXIT.ok;
    }
    await refuseToReplace(host, out, values.force === true);
    await host.writeFileAtomic(out, text);
    host.stdout.write(t("new.wrote", { out }));
    return EXIT.ok;
  },
};
