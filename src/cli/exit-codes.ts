/** The exit codes of every command, in one table. */
export const EXIT = {
  ok: 0,
  /** Invalid input, or a check that did not pass. */
  invalid: 1,
  /** The command line itself is wrong. */
  usage: 2,
  /** A bug in boardpaper: the stack trace is printed, with a request to report it. */
  internal: 70,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
