import { execFile } from "node:child_process";
import { relative, resolve } from "node:path";

export type GitRead = { ok: true; bytes: Uint8Array; label: string } | { ok: false; message: string };

/**
 * The contents of a file at a git revision: `REV:path` as git writes it (path from the
 * repository root, or `./path` from the working folder), or a revision plus the working-tree
 * path of the newer version (`diff HEAD~1 data/x.yaml`).
 */
export function readFromGit(cwd: string, spec: string, newerPath: string): Promise<GitRead> {
  const colon = spec.indexOf(":");
  const revision = colon >= 0 ? spec.slice(0, colon) : spec;
  const path = colon >= 0 ? spec.slice(colon + 1) : `./${relative(cwd, resolve(cwd, newerPath)).split("\\").join("/")}`;
  const object = `${revision}:${path}`;
  return new Promise((done) => {
    execFile("git", ["show", object], { cwd, encoding: "buffer", maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) {
        const why = (stderr as Buffer).toString("utf8").trim().split("\n")[0] ?? "";
        const missing = (err as NodeJS.ErrnoException).code === "ENOENT";
        done({ ok: false, message: missing ? "git is not installed; give OLD as a file instead" : `cannot read \`${object}\` from git: ${why || err.message}` });
      } else {
        done({ ok: true, bytes: new Uint8Array(stdout as Buffer), label: object });
      }
    });
  });
}
