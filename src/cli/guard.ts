import { basename, dirname, join, resolve } from "node:path";
import type { Host } from "../host/host.js";
import { UsageError } from "./command.js";
import { t } from "../i18n/i18n.js";

/**
 * Guards for what a command writes: an output is never one of the run's inputs, and a file the
 * user named with --out is not replaced without --force. Both are usage errors (exit 2): the
 * command line asks for something boardpaper will not do, and nothing is written.
 */

/** Where a path really is, or (when nothing is there yet) where it would be: its folder's real path. */
export async function whereWouldBe(host: Host, path: string): Promise<string> {
  const real = await host.realPath(path);
  if (real !== undefined) return real;
  const dir = await host.realPath(dirname(resolve(host.cwd, path)));
  return dir !== undefined ? join(dir, basename(path)) : resolve(host.cwd, path);
}

/** The real paths of a run's inputs, each with the name the user gave it. */
export async function inputPaths(host: Host, inputs: readonly string[]): Promise<Map<string, string>> {
  const m = new Map<string, string>();
  for (const i of inputs) m.set(await whereWouldBe(host, i), i);
  return m;
}

/** Throws when `out` is one of `inputs` (as real paths). */
export async function refuseInputAsOutput(host: Host, out: string, inputs: ReadonlyMap<string, string>): Promise<void> {
  const input = inputs.get(await whereWouldBe(host, out));
  if (input !== undefined) throw new UsageError(t("cli.guard.inputAsOutput", { out, input }));
}

/** Throws when `out` exists and --force was not given (or is something other than a file). */
export async function refuseToReplace(host: Host, out: string, force: boolean): Promise<void> {
  await refuseSpecial(host, out);
  const kind = await host.kind(out);
  if (kind === "dir") throw new UsageError(t("cli.guard.isFolder", { out }));
  if (kind !== undefined && !force) throw new UsageError(t("cli.guard.exists", { out }));
}

/**
 * Pseudo file systems (/proc, /sys, /dev) are no place for output: writes there fail or block.
 * Checked on the path as given and on where it really is (a symbolic link into /proc).
 */
export async function refuseSpecial(host: Host, out: string): Promise<void> {
  const abs = resolve(host.cwd, out);
  let real = abs;
  for (let p = abs, rest = ""; ; rest = join(basename(p), rest), p = dirname(p)) {
    const r = await host.realPath(p);
    if (r !== undefined) {
      real = join(r, rest);
      break;
    }
    if (dirname(p) === p) break;
  }
  for (const path of [abs, real]) {
    const m = /^\/(proc|sys|dev)(\/|$)/.exec(path);
    if (m) throw new UsageError(t("cli.guard.systemFolder", { out, folder: m[1]! }));
  }
}
