import { formatDiagnostic } from "../../diagnostics/format.js";
import { displayPath } from "../../host/paths.js";
import { loadRegistry } from "../../kinds/registry.js";
import type { Command } from "../command.js";
import { EXIT } from "../exit-codes.js";
import { t } from "../../i18n/i18n.js";

export const types: Command = {
  name: "types",
  usage: "boardpaper types",
  get help() {
    return t("help.types");
  },
  options: {},
  async run({ host }) {
    const registry = await loadRegistry(host);
    const rows = registry.kinds.flatMap((k) => {
      const declared = registry.types.find((t) => t.name === k.name);
      const where = !declared ? t("types.builtIn") : declared.builtin ? t("types.builtInAt", { file: displayPath(host, declared.file) }) : declared.file;
      const base = declared?.base ? t("types.extends", { base: declared.base }) : "";
      return k.types.map((t) => [t, k.description, `${where}${base}`] as const);
    });
    const width = Math.max(...rows.map(([t]) => t.length));
    for (const [t, description, where] of rows) host.stdout.write(`${t.padEnd(width)}  ${description} (${where})\n`);
    // A declaration with problems: its type is missing above, so say why.
    for (const d of registry.diagnostics) host.stderr.write(`${formatDiagnostic(d, { color: false })}\n`);
    return registry.diagnostics.some((d) => d.severity === "error") ? EXIT.invalid : EXIT.ok;
  },
};
