import { isAbsolute, relative, resolve } from "node:path";

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
