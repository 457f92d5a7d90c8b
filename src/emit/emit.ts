import { dirname, join, relative, resolve } from "node:path";
import type { Host } from "../cli/host.js";
import { sameBytes } from "../util/bytes.js";
import { TEMP_FILE } from "./staged.js";

/** One file to be written: where, and its complete contents. */
export interface Output {
  readonly path: string;
  readonly data: Uint8Array | string;
}

const bytesOf = (d: Uint8Array | string): Uint8Array => (typeof d === "string" ? new TextEncoder().encode(d) : d);

async function current(host: Host, path: string): Promise<Uint8Array | undefined> {
  return (await host.kind(path)) === "file" ? host.readFile(path) : undefined;
}

/**
 * Write every output atomically (temporary file, then rename), leaving files whose contents
 * are already right untouched. Called only after everything has been rendered, so a bad input
 * or template never leaves some outputs new and others old.
 */
export async function emit(host: Host, outputs: readonly Output[]): Promise<{ written: string[]; unchanged: string[] }> {
  const written: string[] = [];
  const unchanged: string[] = [];
  for (const dir of new Set(outputs.map((o) => dirname(o.path)))) await removeLeftovers(host, dir);
  for (const o of outputs) {
    const data = bytesOf(o.data);
    const old = await current(host, o.path);
    if (old && sameBytes(old, data)) {
      unchanged.push(o.path);
      continue;
    }
    await host.writeFileAtomic(o.path, data);
    written.push(o.path);
  }
  return { written, unchanged };
}

export interface Staleness {
  /** Outputs whose file differs from what would be written. */
  readonly stale: string[];
  /** Outputs whose file does not exist. */
  readonly missing: string[];
  /** Files in the output folder (with an output extension) that no input produces. */
  readonly orphans: string[];
}

/** Compare the outputs with what is on disk, for `build --check`. Writes nothing. */
export async function staleness(host: Host, outputs: readonly Output[], outDir: string, extensions: readonly string[]): Promise<Staleness> {
  const stale: string[] = [];
  const missing: string[] = [];
  const expected = new Set(outputs.map((o) => relative(host.cwd, resolve(host.cwd, o.path))));
  for (const o of outputs) {
    const old = await current(host, o.path);
    if (!old) missing.push(o.path);
    else if (!sameBytes(old, bytesOf(o.data))) stale.push(o.path);
  }
  return { stale, missing, orphans: await findOrphans(host, outDir, expected, extensions) };
}

/** Files in the output folder, with an output extension, that no input produces. */
export async function findOrphans(host: Host, outDir: string, expected: ReadonlySet<string>, extensions: readonly string[]): Promise<string[]> {
  const orphans: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    if ((await host.kind(dir)) !== "dir") return;
    for (const name of (await host.list(dir)).sort()) {
      const p = join(dir, name);
      const kind = await host.kind(p);
      if (kind === "dir") await walk(p);
      else if (kind === "file" && extensions.some((e) => name.endsWith(e)) && !expected.has(relative(host.cwd, resolve(host.cwd, p)))) orphans.push(p);
    }
  };
  await walk(outDir);
  return orphans;
}

/**
 * Remove the temporary files that runs killed half-way left in a folder (their process is
 * gone); a running build's own temporary files are left alone.
 */
export async function removeLeftovers(host: Host, dir: string, alive: (pid: number) => boolean = processAlive): Promise<string[]> {
  if ((await host.kind(dir)) !== "dir") return [];
  const removed: string[] = [];
  for (const name of await host.list(dir)) {
    const m = TEMP_FILE.exec(name);
    if (m && !alive(Number(m[2]))) {
      await host.remove(join(dir, name));
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
