import type { ParseArgsConfig } from "node:util";
import type { ExitCode } from "./exit-codes.js";
import type { Host } from "../host/host.js";

export type Options = NonNullable<ParseArgsConfig["options"]>;

export interface Invocation {
  readonly host: Host;
  readonly values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  readonly positionals: string[];
  /** Colour allowed: stdout is a terminal and NO_COLOR is not set. */
  readonly color: boolean;
}

/** One CLI command: its help text and options are data; `run` does the work. */
export interface Command {
  readonly name: string;
  readonly usage: string;
  /** Longer help: what it does, options, examples. */
  readonly help: string;
  readonly options: Options;
  run(inv: Invocation): Promise<ExitCode>;
}

/** Thrown by a command for a wrong command line; main prints it with a pointer to --help. */
export class UsageError extends Error {}
