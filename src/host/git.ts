import { execFile } from "node:child_process";
import { relative, resolve } from "node:path";

export type GitRead = { ok: true; bytes: Uint8Array; label: string } | { ok: false; message: string };

/**
 * The contents of a file at a git revision: `REV:path` as git writes it (path from the
 * repository root, or `./path` from the working folder), or a revision plus the working-tree
 * path of the newer version (`diff HEAD~1 data/x.yaml`).
 *
 * A revision is never read as an option: one starting with `-` is refused, it is first checked
 * to name a commit (`rev-parse --verify --quiet --end-of-options REV^{commit}`), and `show`
 * gets `--end-of-options` before it, so `--output=FILE` cannot make git write a file.
 */
export async function readFromGit(cwd: string, spec: string, newerPath: string): Promise<GitRead> {
  const colon = spec.indexOf(":");
  const revision = colon >= 0 ? spec.slice(0, colon) : spec;
  const path = colon >= 0 ? spec.slice(colon + 1) : `./${relative(cwd, resolve(cwd, newerPath)).split("\\").join("/")}`;
  const object = `${revision}:${path}`;
  if (revision === "" || revision.startsWith("-")) return { ok: false, message: `\`${spec}\` is neither a file nor a git revision (a revision never starts with \`-\`)` };
  const verified = await git(cwd, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${revision}^{commit}`]);
  // git's own words when it has any (not a git repository); with --quiet an unknown revision has none.
  if (!verified.ok) return { ok: false, message: verified.missing ? MISSING : `cannot read \`${object}\` from git: ${verified.why || `unknown revision \`${revision}\` (and \`${spec}\` is no file)`}` };
  const shown = await git(cwd, ["show", "--end-of-options", object]);
  if (!shown.ok) return { ok: false, message: shown.missing ? MISSING : `cannot read \`${object}\` from git: ${shown.why || "git failed"}` };
  return { ok: true, bytes: shown.bytes, label: object };
}

const MISSING = "git is not installed; give OLD as a file instead";

type GitRun = { ok: true; bytes: Uint8Array } | { ok: false; missing: boolean; why: string };

function git(cwd: string, args: string[]): Promise<GitRun> {
  return new Promise((done) => {
    execFile("git", args, { cwd, encoding: "buffer", maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (!err) return done({ ok: true, bytes: new Uint8Array(stdout as Buffer) });
      const why = (stderr as Buffer).toString("utf8").trim().split("\n")[0] ?? "";
      done({ ok: false, missing: (err as NodeJS.ErrnoException).code === "ENOENT", why });
    });
  });
}
