import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { tempName } from "../cli/host.js";

/** An output written to a hidden temporary file beside its target, not yet in place. */
export interface Staged {
  temp: string;
  target: string;
}

let counter = 0;

/*
 * Synchronous on purpose: a batch stages and renames thousands of files with nothing else to do
 * meanwhile, and each asynchronous call is a round trip through libuv's thread pool (renaming
 * 2,000 files one awaited call at a time took about two seconds).
 */

/** Write `bytes` to a temporary file beside `target`; `commit` renames it into place later. */
export function stage(target: string, bytes: Uint8Array): Staged {
  mkdirSync(dirname(target), { recursive: true });
  const temp = join(dirname(target), tempName(basename(target), process.pid, ++counter));
  try {
    writeFileSync(temp, bytes);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
  return { temp, target };
}

/** Put staged files in place (each rename is atomic). */
export function commit(staged: readonly Staged[]): void {
  for (const s of staged) renameSync(s.temp, s.target);
}

/** Throw staged files away (a run that failed after staging). */
export function discard(staged: readonly Staged[]): void {
  for (const s of staged) rmSync(s.temp, { force: true });
}
