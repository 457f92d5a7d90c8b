import { readdirSync, readFileSync, realpathSync, rmSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { commit, createExclusive, discard, removeLeftovers, stage, type Staged } from "./atomic.js";

/**
 * Everything the program does to the outside world — files, environment, terminal — goes
 * through a Host, so that the core is pure and the CLI, the editor's server and the tests can
 * each give their own. Paths are relative to `cwd` unless absolute.
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
  /** Where a path really is, symbolic links followed; undefined when nothing is there. */
  realPath(path: string): Promise<string | undefined>;
  /** Write a file atomically: a temporary file beside it, then rename over the target. */
  writeFileAtomic(path: string, data: Uint8Array | string): Promise<void>;
  /** Create a file with its whole content; fails (code EEXIST) rather than replace one that exists. */
  create(path: string, data: Uint8Array | string): Promise<void>;
  /** Write to a hidden temporary file beside `path`, to be put in place (or thrown away) later. */
  stage(path: string, data: Uint8Array | string): Promise<Staged>;
  /** Put staged files in place, each with an atomic rename. */
  commit(staged: readonly Staged[]): Promise<void>;
  /** Throw staged files away, and the folders made for them that are empty then. */
  discard(staged: readonly Staged[]): Promise<void>;
  /** Remove the temporary files that killed runs left in a folder. */
  removeLeftovers(dir: string): Promise<void>;
  /** Remove a file (nothing happens when it is not there). */
  remove(path: string): Promise<void>;
}

export type { Staged } from "./atomic.js";

export interface HostOptions {
  readonly cwd?: string;
  readonly env?: Record<string, string | undefined>;
  readonly stdout?: Output;
  readonly stderr?: Output;
}

/**
 * The real host; tests override the working folder, environment and terminal. The calls are
 * synchronous underneath (the promises are already settled): a command reads and writes its
 * files one after another with nothing to do meanwhile, and each asynchronous call would be a
 * round trip through libuv's thread pool.
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
    realPath: async (p) => {
      try {
        return realpathSync(abs(p));
      } catch {
        return undefined;
      }
    },
    create: async (p, data) => createExclusive(abs(p), data),
    writeFileAtomic: async (rel, data) => {
      const staged = stage(abs(rel), data);
      try {
        commit([staged]);
      } catch (e) {
        discard([staged]);
        throw e;
      }
    },
    stage: async (p, data) => stage(abs(p), data),
    commit: async (staged) => commit(staged),
    discard: async (staged) => discard(staged),
    removeLeftovers: async (d) => void removeLeftovers(abs(d)),
    remove: async (p) => rmSync(abs(p), { force: true }),
  };
}
