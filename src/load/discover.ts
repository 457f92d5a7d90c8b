import { join } from "node:path";
import type { Host } from "../host/host.js";

const YAML_FILE = /\.ya?ml$/i;

export interface Found {
  /** The path to read. */
  readonly path: string;
  /** The folder named on the command line that this file was found in (none for a named file). */
  readonly root?: string;
  /** How messages name it, when not its path relative to the working folder. */
  readonly label?: string;
}

export type Discovered = { ok: true; files: Found[] } | { ok: false; message: string };

/**
 * Expand the paths given on the command line into the YAML files they name: a file as is, a
 * folder recursively (hidden entries skipped), in sorted order so output is stable.
 */
export async function discover(host: Host, paths: readonly string[]): Promise<Discovered> {
  const files: Found[] = [];
  const seen = new Set<string>();
  for (const p of paths) {
    const kind = await host.kind(p);
    if (kind === undefined) return { ok: false, message: `${p}: no such file or folder` };
    const found = kind === "file" ? [{ path: p }] : (await walk(host, p)).map((f) => ({ path: f, root: p }));
    for (const f of found) {
      if (!seen.has(f.path)) files.push(f);
      seen.add(f.path);
    }
  }
  if (files.length === 0) return { ok: false, message: `no .yaml files found in ${paths.join(", ")}` };
  return { ok: true, files };
}

async function walk(host: Host, dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const name of (await host.list(dir)).sort()) {
    if (name.startsWith(".")) continue;
    const p = join(dir, name);
    const kind = await host.kind(p);
    if (kind === "dir") out.push(...(await walk(host, p)));
    else if (kind === "file" && YAML_FILE.test(name)) out.push(p);
  }
  return out;
}
