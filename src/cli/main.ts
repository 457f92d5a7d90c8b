import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { suggest } from "../validate/suggest.js";
import { UsageError, type Command } from "./command.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import type { Host } from "../host/host.js";
import { TEMP_FILE } from "../host/atomic.js";
import { basename, dirname, join } from "node:path";
import { DEFAULT_LANGUAGE, isLanguage, setLanguage, t, type Language, type MessageKey } from "../i18n/i18n.js";

/** A command as --help lists it; its module (and what that imports) is loaded only to run it. */
export interface CommandEntry {
  readonly name: string;
  /** The one-line summary in the current language. */
  readonly summary: string;
  load(): Promise<Command>;
}

/** The commands, in the order `--help` lists them. */
export const COMMANDS: readonly CommandEntry[] = [
  { name: "new", get summary() { return t("cli.summary.new"); }, load: async () => (await import("./commands/new.js")).newProposal },
  { name: "check", get summary() { return t("cli.summary.check"); }, load: async () => (await import("./commands/check.js")).check },
  { name: "build", get summary() { return t("cli.summary.build"); }, load: async () => (await import("./commands/build.js")).build },
  { name: "agenda", get summary() { return t("cli.summary.agenda"); }, load: async () => (await import("./commands/agenda.js")).agenda },
  { name: "diff", get summary() { return t("cli.summary.diff"); }, load: async () => (await import("./commands/diff.js")).diff },
  { name: "import", get summary() { return t("cli.summary.import"); }, load: async () => (await import("./commands/import.js")).importCommand },
  { name: "text", get summary() { return t("cli.summary.text"); }, load: async () => (await import("./commands/text.js")).text },
  { name: "types", get summary() { return t("cli.summary.types"); }, load: async () => (await import("./commands/types.js")).types },
  { name: "schema", get summary() { return t("cli.summary.schema"); }, load: async () => (await import("./commands/schema.js")).schema },
  { name: "serve", get summary() { return t("cli.summary.serve"); }, load: async () => (await import("./commands/serve.js")).serve },
];

export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return t("cli.overview", { commands: COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join("\n") });
}

function commandHelp(c: Command): string {
  return [t("cli.usage", { usage: c.usage }), "", c.help, ""].join("\n");
}

/** A temporary file stands for the file it becomes: name that one. */
function targetOf(path: string): string {
  const m = TEMP_FILE.exec(basename(path));
  return m ? join(dirname(path), m[1]!) : path;
}

/** The file system's refusals that are no bug, each with its message. */
const FILE_ERRORS = new Set(["ENOTDIR", "EISDIR", "EACCES", "EPERM", "ENOSPC", "EROFS", "EEXIST", "ENOENT"]);
const fileError = (code: string): string => t(`cli.fileError.${code}` as MessageKey & `cli.fileError.${string}`);

/**
 * The language of the run: `--lang nl|en` anywhere on the command line (taken out of argv), else
 * BOARDPAPER_LANG, else Dutch. The system locale (LANG, LC_ALL) is not asked: servers and CI
 * often run an English one, and the users are Dutch.
 */
export function chooseLanguage(argv: readonly string[], env: Host["env"]): { lang: Language; argv: string[]; error?: string } {
  const rest: string[] = [];
  let lang: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--") {
      rest.push(...argv.slice(i));
      break;
    }
    if (a === "--lang") lang = argv[++i] ?? "";
    else if (a.startsWith("--lang=")) lang = a.slice("--lang=".length);
    else rest.push(a);
  }
  if (lang !== undefined) return isLanguage(lang) ? { lang, argv: rest } : { lang: DEFAULT_LANGUAGE, argv: rest, error: t("cli.badLang", { value: lang }) };
  const fromEnv = env.BOARDPAPER_LANG;
  if (fromEnv === undefined || fromEnv === "") return { lang: DEFAULT_LANGUAGE, argv: rest };
  return isLanguage(fromEnv) ? { lang: fromEnv, argv: rest } : { lang: DEFAULT_LANGUAGE, argv: rest, error: t("cli.badLangEnv", { value: fromEnv }) };
}

/** Node's own messages for a wrong command line, in the run's language. */
function argumentError(message: string): string {
  const m = /^Unknown option '([^']*)'/.exec(message) ?? /^Option '(-[^' ]*)[^']*' argument missing/.exec(message) ?? /^Option '(-[^' ]*)[^']*' does not take an argument/.exec(message) ?? /^Unexpected argument '([^']*)'/.exec(message);
  if (!m) return message;
  const option = m[1]!;
  if (message.startsWith("Unknown option")) return t("cli.unknownOption", { option });
  if (message.includes("argument missing")) return t("cli.missingValue", { option });
  if (message.includes("does not take")) return t("cli.noValue", { option });
  return t("cli.unexpectedArgument", { value: option });
}

/**
 * The whole CLI: arguments in, exit code out. The bin file only calls this. The language is
 * chosen here, once, and holds for the run (the one before is restored at its end).
 */
export async function main(argv: readonly string[], host: Host): Promise<ExitCode> {
  const chosen = chooseLanguage(argv, host.env);
  const before = setLanguage(chosen.lang);
  try {
    if (chosen.error !== undefined) {
      host.stderr.write(`boardpaper: ${chosen.error}\n`);
      return EXIT.usage;
    }
    return await run(chosen.argv, host);
  } finally {
    setLanguage(before);
  }
}

async function run(argv: readonly string[], host: Host): Promise<ExitCode> {
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
    host.stderr.write(t("cli.unknownCommand", { name, hint: hint ? t("cli.didYouMean", { hint }) : "" }));
    return EXIT.usage;
  }
  const command = await entry.load();
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: [...rest], options: { ...command.options, help: { type: "boolean", short: "h" } }, allowPositionals: true, strict: true });
    } catch (e) {
      throw new UsageError(argumentError((e as Error).message.replace(/\. To specify a positional argument.*$/s, "")));
    }
    if (parsed.values.help) {
      host.stdout.write(commandHelp(command));
      return EXIT.ok;
    }
    const color = host.stdout.isTTY && host.stderr.isTTY && !("NO_COLOR" in host.env && host.env.NO_COLOR !== "");
    return await command.run({ host, values: parsed.values, positionals: parsed.positionals, color });
  } catch (e) {
    if (e instanceof UsageError) {
      host.stderr.write(t("cli.usageError", { command: command.name, message: e.message }));
      return EXIT.usage;
    }
    // The file system refused (a full disk, no permission, a file where a folder should be):
    // not a bug, so no stack trace — say which file and why.
    const fsError = e as NodeJS.ErrnoException;
    if (fsError.syscall && fsError.code && FILE_ERRORS.has(fsError.code)) {
      // mkdir says "exists" when a file stands where the folder should be made.
      const why = fileError(fsError.syscall === "mkdir" && fsError.code === "EEXIST" ? "ENOTDIR" : fsError.code);
      host.stderr.write(t("cli.fileError", { command: command.name, syscall: fsError.syscall, path: targetOf(fsError.path ?? ""), why }));
      return EXIT.invalid;
    }
    host.stderr.write(t("cli.internalError", { stack: (e as Error).stack ?? String(e) }));
    return EXIT.internal;
  }
}
