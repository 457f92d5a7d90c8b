import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { nodeHost, type Output } from "../src/host/host.js";
import { main } from "../src/cli/main.js";
import { diffLines } from "diff";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const fixture = (...parts: string[]): string => join(ROOT, "test", "fixtures", ...parts);
export const readText = (p: string): string => readFileSync(p, "utf8");

export function tempDir(prefix = "bp-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

function capture(isTTY = false): Output & { text: () => string } {
  let buf = "";
  return { write: (t: string) => void (buf += t), isTTY, text: () => buf };
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the CLI in-process, in `cwd`, with captured output and a chosen environment. */
export async function run(argv: string[], opts: { cwd?: string; env?: Record<string, string>; tty?: boolean } = {}): Promise<RunResult> {
  const stdout = capture(opts.tty);
  const stderr = capture(opts.tty);
  const host = nodeHost(process, { cwd: opts.cwd ?? ROOT, env: opts.env ?? {}, stdout, stderr });
  const code = await main(argv, host);
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/** The lines that differ between two texts (removed and added). */
export function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const removed: string[] = [];
  const added: string[] = [];
  for (const part of diffLines(before, after)) {
    const lines = part.value.replace(/\n$/, "").split("\n");
    if (part.removed) removed.push(...lines);
    if (part.added) added.push(...lines);
  }
  return { removed, added };
}

/** A skeleton from `boardpaper new` with every <<…>> placeholder filled in with a value of its kind. */
export const fillSkeleton = (text: string): string =>
  text
    .replace(/"<<datum JJJJ-MM-DD: [^"]*>>"/g, "2026-03-12")
    .replace(/"<<kies: ([^|"]*?) \|[^"]*>>"/g, (_m, first: string) => first)
    .replace(/"<<getal: [^"]*>>"/g, "1")
    .replace(/"<<vul in: aanvang>>"/g, '"15:00"')
    .replace(/"<<vul in: ([^"]*)>>"/g, (_m, what: string) => `Tekst voor ${what}`);
