import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { suggest } from "../validate/suggest.js";
import { UsageError, type Command } from "./command.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import type { Host } from "../host/host.js";
import { TEMP_FILE } from "../host/atomic.js";
import { basename, dirname, join } from "node:path";

/** A command as --help lists it; its module (and what that imports) is loaded only to run it. */
export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  load(): Promise<Command>;
}

/** The commands, in the order `--help` lists them. */
export const COMMANDS: readonly CommandEntry[] = [
  { name: "new", summary: "write the skeleton of a new proposal, meeting or house style to fill in", load: async () => (await import("./commands/new.js")).newProposal },
  { name: "check", summary: "validate proposals, meetings and house styles; report every problem with its position", load: async () => (await import("./commands/check.js")).check },
  { name: "build", summary: "render proposals and meetings to .docx, HTML (and PDF)", load: async () => (await import("./commands/build.js")).build },
  { name: "agenda", summary: "render a meeting: agenda, stamped proposals, bundle, besluitenlijst", load: async () => (await import("./commands/agenda.js")).agenda },
  { name: "diff", summary: "show what changed between two versions of a proposal", load: async () => (await import("./commands/diff.js")).diff },
  { name: "import", summary: "read a proposal written in Word (.docx) into a YAML document of a type", load: async () => (await import("./commands/import.js")).importCommand },
  { name: "text", summary: "print the canonical plain text of a proposal (.yaml) or of a .docx we wrote", load: async () => (await import("./commands/text.js")).text },
  { name: "types", summary: "list the types of document (proposal, meeting, house style) and where each is declared", load: async () => (await import("./commands/types.js")).types },
  { name: "schema", summary: "print the JSON Schema of a proposal, meeting or house style (for editors)", load: async () => (await import("./commands/schema.js")).schema },
  { name: "serve", summary: "edit proposals in the browser, with a live preview", load: async () => (await import("./commands/serve.js")).serve },
];

export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    "boardpaper — board papers for Dutch public bodies, from YAML to .docx and HTML",
    "",
    "Usage: boardpaper <command> [options]",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Options: --help (also after a command), --version",
    "Run `boardpaper <command> --help` for a command's options.",
    "",
  ].join("\n");
}

function commandHelp(c: Command): string {
  return [`Usage: ${c.usage}`, "", c.help, ""].join("\n");
}

/** A temporary file stands for the file it becomes: name that one. */
function targetOf(path: string): string {
  const m = TEMP_FILE.exec(basename(path));
  return m ? join(dirname(path), m[1]!) : path;
}

const FILE_ERRORS: Record<string, string> = {
  ENOTDIR: "a file is in the way where a folder is needed",
  EISDIR: "this is a folder, not a file",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  ENOSPC: "the disk is full",
  EROFS: "the file system is read-only",
  EEXIST: "it already exists",
  ENOENT: "no such file or folder",
};

/** The whole CLI: arguments in, exit code out. The bin file only calls this. */
export async function main(argv: readonly string[], host: Host): Promise<ExitCode> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    (name === undefined ? host.stderr : host.stdout).write(overview());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === "--version" || name === "-v") {
    host.stdout.write(`${version()}\n`);
    return EXIT.ok;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    const hint = suggest(name, COMMANDS.map((c) => c.name));
    host.stderr.write(`boardpaper: unknown command \`${name}\`${hint ? `; did you mean \`${hint}\`?` : ""}\nRun \`boardpaper --help\` for the list of commands.\n`);
    return EXIT.usage;
  }
  const command = await entry.load();
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: [...rest], options: { ...command.options, help: { type: "boolean", short: "h" } }, allowPositionals: true, strict: true });
    } catch (e) {
      throw new UsageError((e as Error).message.replace(/\. To specify a positional argument.*$/s, ""));
    }
    if (parsed.values.help) {
      host.stdout.write(commandHelp(command));
      return EXIT.ok;
    }
    const color = host.stdout.isTTY && host.stderr.isTTY && !("NO_COLOR" in host.env && host.env.NO_COLOR !== "");
    return await command.run({ host, values: parsed.values, positionals: parsed.positionals, color });
  } catch (e) {
    if (e instanceof UsageError) {
      host.stderr.write(`boardpaper ${command.name}: ${e.message}\nRun \`boardpaper ${command.name} --help\` for usage.\n`);
      return EXIT.usage;
    }
    // The file system refused (a full disk, no permission, a file where a folder should be):
    // not a bug, so no stack trace — say which file and why.
    const fsError = e as NodeJS.ErrnoException;
    if (fsError.syscall && fsError.code && FILE_ERRORS[fsError.code]) {
      // mkdir says "exists" when a file stands where the folder should be made.
      const why = fsError.syscall === "mkdir" && fsError.code === "EEXIST" ? FILE_ERRORS.ENOTDIR : FILE_ERRORS[fsError.code];
      host.stderr.write(`boardpaper ${command.name}: cannot ${fsError.syscall} ${targetOf(fsError.path ?? "")}: ${why}\n`);
      return EXIT.invalid;
    }
    host.stderr.write(
      `boardpaper: internal error — this is a bug in boardpaper, not in your input.\n` +
        `Please report it with the command you ran and the input files.\n\n${(e as Error).stack ?? String(e)}\n`,
    );
    return EXIT.internal;
  }
}
