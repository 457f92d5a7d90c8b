import { basename, dirname, isAbsolute, join, relative, resolve } from "node:path";
import type { Host } from "./host.js";

/** A path as shown in messages: relative to the working folder when inside it. */
export function displayPath(host: { readonly cwd: string }, p: string): string {
  const rel = relative(host.cwd, resolve(host.cwd, p));
  return rel.startsWith("..") ? p : rel;
}

/** Whether `p` lies in `root` or below it (on the paths as written). */
export function inside(root: string, p: string): boolean {
  const rel = relative(resolve(root), resolve(p));
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

/**
 * Whether `p` lies in `root` or below it both as written and where it really is, symbolic links
 * followed in both: a link inside the project that leads out of it is outside. A path to
 * nothing (a missing file, a dangling link) is judged by the nearest folder above it that
 * exists, so that it is then reported as not found, and never read.
 */
export async function insideReal(host: Pick<Host, "cwd" | "realPath">, root: string, p: string): Promise<boolean> {
  const absRoot = resolve(host.cwd, root);
  const abs = resolve(host.cwd, p);
  if (!inside(absRoot, abs)) return false;
  const realRoot = await host.realPath(absRoot);
  if (realRoot === undefined) return false;
  let at = abs;
  let rest = "";
  for (;;) {
    const real = await host.realPath(at);
    if (real !== undefined) return inside(realRoot, rest === "" ? real : join(real, rest));
    const up = dirname(at);
    if (up === at) return false;
    rest = rest === "" ? basename(at) : join(basename(at), rest);
    at = up;
  }
}
