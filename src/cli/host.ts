import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

/**
 * Everything the program does to the outside world goes through a Host, so that the core is
 * pure and the CLI can be tested in-process with a fake terminal and environment.
 */
export interface Output {
  write(text: string): void;
  readonly isTTY: boolean;
}

export interface Host {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: Output;
  readonly stderr: Output;
  readFile(path: string): Promise<Uint8Array>;
  /** "file", "dir", or undefined when nothing is there. */
  kind(path: string): Promise<"file" | "dir" | undefined>;
  list(dir: string): Promise<string[]>;
  /** Write a file atomically: a temporary file beside it, then rename over the target. */
  writeFileAtomic(path: string, data: Uint8Array | string): Promise<void>;
  /** Remove a file (nothing happens when it is not there). */
  remove(path: string): Promise<void>;
}

/**
 * Temporary files are hidden (a leading dot) and name the process that writes them, so that a
 * run killed half-way leaves no visible partial file and the next run can tell its leftovers.
 */
export const TEMP_FILE = /^\.(.+)\.tmp-(\d+)-\d+$/;
export const tempName = (name: string, pid: number, n: number): string => `.${name}.tmp-${pid}-${n}`;

let counter = 0;

export interface HostOptions {
  readonly cwd?: string;
  readonly env?: Record<string, string | undefined>;
  readonly stdout?: Output;
  readonly stderr?: Output;
}

/**
 * The real host; tests override the working folder, environment and terminal. The calls are
 * synchronous underneath (the Host's promises are already settled): a command reads and writes
 * its files one after another with nothing to do meanwhile, and each asynchronous call was a
 * round trip through libuv's thread pool — a tenth of a short run spent waiting.
 */
export function nodeHost(proc: NodeJS.Process = process, opts: HostOptions = {}): Host {
  const cwd = opts.cwd ?? proc.cwd();
  const abs = (p: string): string => resolve(cwd, p);
  const out = (stream: NodeJS.WriteStream): Output => ({
    write: (t) => void stream.write(t),
    isTTY: stream.isTTY === true,
  });
  return {
    cwd,
    env: opts.env ?? proc.env,
    stdout: opts.stdout ?? out(proc.stdout),
    stderr: opts.stderr ?? out(proc.stderr),
    readFile: async (p) => new Uint8Array(readFileSync(abs(p))),
    kind: async (p) => {
      try {
        const s = statSync(abs(p));
        return s.isDirectory() ? "dir" : s.isFile() ? "file" : undefined;
      } catch {
        return undefined;
      }
    },
    list: async (d) => readdirSync(abs(d)),
    writeFileAtomic: async (rel, data) => {
      const p = abs(rel);
      mkdirSync(dirname(p), { recursive: true });
      const tmp = join(dirname(p), tempName(basename(p), proc.pid, ++counter));
      try {
        writeFileSync(tmp, data);
        renameSync(tmp, p);
      } catch (e) {
        rmSync(tmp, { force: true });
        throw e;
      }
    },
    remove: async (p) => rmSync(abs(p), { force: true }),
  };
}
