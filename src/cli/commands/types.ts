import { formatDiagnostic } from "../../diagnostics/format.js";
import { displayPath } from "../../host/paths.js";
import { loadRegistry } from "../../kinds/registry.js";
import type { Command } from "../command.js";
import { EXIT } from "../exit-codes.js";

export const types: Command = {
  name: "types",
  usage: "boardpaper types",
  help: `Lists the types of document a file can name with its top-level \`type:\` — its name, what
it is, and where it is declared — as \`boardpaper new --type NAME\` and \`boardpaper schema\` take them.`,
  options: {},
  async run({ host }) {
    const registry = await loadRegistry(host);
    const rows = registry.kinds.flatMap((k) => {
      const declared = registry.types.find((t) => t.name === k.name);
      const where = !declared ? "built in" : declared.builtin ? `built in, ${displayPath(host, declared.file)}` : declared.file;
      const base = declared?.base ? `; extends ${declared.base}` : "";
      return k.types.map((t) => [t, k.description, `${where}${base}`] as const);
    });
    const width = Math.max(...rows.map(([t]) => t.length));
    for (const [t, description, where] of rows) host.stdout.write(`${t.padEnd(width)}  ${description} (${where})\n`);
    // A declaration with problems: its type is missing above, so say why.
    for (const d of registry.diagnostics) host.stderr.write(`${formatDiagnostic(d, { color: false })}\n`);
    return registry.diagnostics.some((d) => d.severity === "error") ? EXIT.invalid : EXIT.ok;
  },
};
