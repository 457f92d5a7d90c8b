import { chmodSync, linkSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/**
 * Temporary files are hidden (a leading dot) and name the process that writes them, so that a
 * run killed half-way leaves no visible partial file and the next run can tell its leftovers.
 */
export const TEMP_FILE = /^\.(.+)\.tmp-(\d+)-\d+$/;
export const tempName = (name: string, pid: number, n: number): string => `.${name}.tmp-${pid}-${n}`;

/** An output written to a hidden temporary file beside its target, not yet in place. */
export interface Staged {
  temp: string;
  target: string;
  /** The topmost folder that staging this file created, if it created any. */
  made?: string;
}

let counter = 0;

/*
 * Synchronous on purpose: a build stages and renames thousands of files with nothing else to do
 * meanwhile, and each asynchronous call would be a round trip through libuv's thread pool.
 */

/** Write `bytes` to a temporary file beside `target`; `commit` renames it into place later. */
export function stage(target: string, bytes: Uint8Array | string): Staged {
  const made = mkdirSync(dirname(target), { recursive: true });
  const temp = join(dirname(target), tempName(basename(target), process.pid, ++counter));
  try {
    writeFileSync(temp, bytes);
    // Replacing a file keeps its permissions (a 0600 file stays private), not the umask's.
    const mode = modeOf(target);
    if (mode !== undefined) chmodSync(temp, mode);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
  return { temp, target, ...(made ? { made } : {}) };
}

/** The permission bits of the file at `path`, or undefined when no file is there. */
function modeOf(path: string): number | undefined {
  try {
    const s = statSync(path);
    return s.isFile() ? s.mode & 0o777 : undefined;
  } catch {
    return undefined;
  }
}

/** Put staged files in place (each rename is atomic). */
export function commit(staged: readonly Staged[]): void {
  for (const s of staged) renameSync(s.temp, s.target);
}

/**
 * Throw staged files away (a run that failed after staging), and the folders made for them
 * that are empty then. Give it everything a run staged, from every thread, at once: a folder
 * one thread made may hold another thread's files until those are gone too.
 */
export function discard(staged: readonly Staged[]): void {
  for (const s of staged) rmSync(s.temp, { force: true });
  const made = new Set<string>();
  for (const s of staged) {
    if (s.made) for (let dir = dirname(s.target); dir.length >= s.made.length; dir = dirname(dir)) made.add(dir);
  }
  // Deepest first, so that a folder's subfolders are gone before it is tried.
  for (const dir of [...made].sort((a, b) => b.length - a.length)) {
    try {
      rmdirSync(dir);
    } catch {
      // Not empty (something else is in it) or already gone: leave it.
    }
  }
}

/**
 * Remove the temporary files that runs killed half-way left in a folder (their process is
 * gone); a running process's own temporary files are left alone.
 */
export function removeLeftovers(dir: string, alive: (pid: number) => boolean = processAlive): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = TEMP_FILE.exec(name);
    if (m && !alive(Number(m[2]))) {
      rmSync(join(dir, name), { force: true });
      removed.push(join(dir, name));
    }
  }
  return removed;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Create a file with its whole content, or fail (EEXIST) when something is there: written to a
 * temporary folder beside it first and then hard-linked into place, which fails rather than
 * replaces an existing file.
 */
export function createExclusive(target: string, bytes: Uint8Array | string): void {
  const tmp = mkdtempSync(join(dirname(target), ".boardpaper-new-"));
  try {
    const p = join(tmp, "new");
    writeFileSync(p, bytes);
    linkSync(p, target);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
