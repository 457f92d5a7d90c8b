import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { nodeHost, type Output } from "../src/host/host.js";
import { main } from "../src/cli/main.js";
import { diffLines } from "diff";
import { afterAll, beforeAll } from "vitest";
import { setLanguage, type Language } from "../src/i18n/i18n.js";

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

/**
 * The language of the messages a test file's runs ask for (BOARDPAPER_LANG, unless the run's own
 * environment names one): Dutch, as users get, unless the file says otherwise. Files whose
 * tests are about something other than the wording (limits, hostile input, file names) and
 * whose expectations were written in English call `messagesIn("en")` at the top, which also
 * sets the language of the core for what they call directly (validate, the server).
 */
let testLang: Language = "nl";
export function messagesIn(lang: Language): void {
  testLang = lang;
  let before: Language = "nl";
  beforeAll(() => void (before = setLanguage(lang)));
  afterAll(() => {
    setLanguage(before);
    testLang = "nl";
  });
}
const withLang = (env: Record<string, string> | undefined): Record<string, string> => ({ BOARDPAPER_LANG: testLang, ...env });

/** Run the CLI in-process, in `cwd`, with captured output and a chosen environment. */
export async function run(argv: string[], opts: { cwd?: string; env?: Record<string, string>; tty?: boolean } = {}): Promise<RunResult> {
  const stdout = capture(opts.tty);
  const stderr = capture(opts.tty);
  const host = nodeHost(process, { cwd: opts.cwd ?? ROOT, env: withLang(opts.env), stdout, stderr });
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

/** Every file below `dir` with the hash of its contents (a link as its target, not followed). */
export function filesSnapshot(dir: string): Map<string, string> {
  const m = new Map<string, string>();
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isSymbolicLink()) m.set(p, `-> ${readlinkSync(p)}`);
      else m.set(p, createHash("sha256").update(readFileSync(p)).digest("hex"));
    }
  };
  walk(dir);
  return m;
}

/** The child reports its own peak memory (kB) on fd 3 as it exits, whatever its exit code. */
const REPORT_PEAK_RSS = "data:text/javascript,import{writeSync}from'node:fs';process.on('exit',()=>{try{writeSync(3,String(process.resourceUsage().maxRSS))}catch{}})";

/**
 * Run the installed command line (`node bin/boardpaper.js`, the compiled dist/ that vitest's
 * global setup builds) as a child process, for what a hostile input costs the whole process:
 * its wall time and its peak memory (maximum resident set size, in MB; NaN when the process
 * died before it could report, e.g. killed at `timeoutMs`).
 */
export function runBin(argv: string[], opts: { cwd: string; env?: Record<string, string>; timeoutMs?: number }): Promise<RunResult & { ms: number; peakMb: number; signal: NodeJS.Signals | null }> {
  return new Promise((done, fail) => {
    const start = performance.now();
    const child = spawn(process.execPath, ["--import", REPORT_PEAK_RSS, join(ROOT, "bin", "boardpaper.js"), ...argv], {
      cwd: opts.cwd,
      env: { ...process.env, ...withLang(opts.env) },
      stdio: ["ignore", "pipe", "pipe", "pipe"],
      timeout: opts.timeoutMs ?? 120_000,
    });
    const streams = { stdout: "", stderr: "", peak: "" };
    child.stdout!.on("data", (c: Buffer) => void (streams.stdout += c.toString("utf8")));
    child.stderr!.on("data", (c: Buffer) => void (streams.stderr += c.toString("utf8")));
    (child.stdio[3] as Readable).on("data", (c: Buffer) => void (streams.peak += c.toString("utf8")));
    child.on("error", fail);
    child.on("close", (code, signal) => {
      const ms = performance.now() - start;
      const peakMb = streams.peak === "" ? Number.NaN : Number(streams.peak) / 1024;
      done({ code: code ?? -1, signal, stdout: streams.stdout, stderr: streams.stderr, ms, peakMb });
    });
  });
}
