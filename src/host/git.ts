import { execFile } from "node:child_process";
import { relative, resolve } from "node:path";
import { t } from "../i18n/i18n.js";

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
  if (revision === "" || revision.startsWith("-")) return { ok: false, message: t("git.notRevision", { spec }) };
  const verified = await git(cwd, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${revision}^{commit}`]);
  // git's own words when it has any (not a git repository); with --quiet an unknown revision has none.
  if (!verified.ok) return { ok: false, message: verified.missing ? t("git.missing") : t("git.cannotRead", { object, why: verified.why || t("git.unknownRevision", { revision, spec }) }) };
  const shown = await git(cwd, ["show", "--end-of-options", object]);
  if (!shown.ok) return { ok: false, message: shown.missing ? t("git.missing") : t("git.cannotRead", { object, why: shown.why || t("git.failed") }) };
  return { ok: true, bytes: shown.bytes, label: object };
}


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
