import { join } from "node:path";
import type { Host } from "../host/host.js";
import { inside } from "../host/paths.js";
import { t } from "../i18n/i18n.js";

const YAML_FILE = /\.ya?ml$/i;
/** How deep below a named folder files are looked for. */
const MAX_DEPTH = 32;

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
    if (kind === undefined) return { ok: false, message: t("l.noSuchPath", { path: p }) };
    const found = kind === "file" ? [{ path: p }] : (await walk(host, p)).map((f) => ({ path: f, root: p }));
    for (const f of found) {
      if (!seen.has(f.path)) files.push(f);
      seen.add(f.path);
    }
  }
  if (files.length === 0) return { ok: false, message: t("l.noYaml", { paths: paths.join(", ") }) };
  return { ok: true, files };
}

/**
 * The YAML files below `dir`. Symbolic links are followed only where they lead inside the
 * project (or the folder named); each real folder is walked once, so a link back to a folder
 * above (a loop) is skipped, and the depth is bounded.
 */
async function walk(host: Host, dir: string): Promise<string[]> {
  const out: string[] = [];
  const top = await host.realPath(dir);
  const project = await host.realPath(host.cwd);
  const within = (real: string) => (top !== undefined && inside(top, real)) || (project !== undefined && inside(project, real));
  const visited = new Set<string>();
  const visit = async (d: string, real: string, depth: number): Promise<void> => {
    if (visited.has(real) || depth > MAX_DEPTH) return;
    visited.add(real);
    for (const name of (await host.list(d)).sort()) {
      if (name.startsWith(".")) continue;
      const p = join(d, name);
      const r = await host.realPath(p);
      if (r === undefined || !within(r)) continue;
      const kind = await host.kind(r);
      if (kind === "dir") await visit(p, r, depth + 1);
      else if (kind === "file" && YAML_FILE.test(name)) out.push(p);
    }
  };
  if (top !== undefined) await visit(dir, top, 0);
  return out;
}
