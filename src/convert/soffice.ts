import { spawn } from "node:child_process";
import { constants } from "node:fs";
import { access, mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, delimiter, extname, isAbsolute, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { t } from "../i18n/i18n.js";

/**
 * LibreOffice as a converter: find `soffice`, and convert many documents in one headless run.
 * One process for the whole batch because LibreOffice takes seconds to start and converts a
 * document in a fraction of that; a fresh profile per run because a profile in use (a desktop
 * LibreOffice, or another run) makes a headless `soffice` hand its work to that instance or
 * fail without saying why.
 */

/** Set to the soffice program to use instead of the one found on PATH. */
export const SOFFICE_ENV = "BOARDPAPER_SOFFICE";

/** What to do when there is no LibreOffice (read when used: in the language of the run). */
export const installHint = (): string => t("soffice.installHint", { env: SOFFICE_ENV });

/** A conversion that cannot be done: the message says why and what to do. Never a bug. */
export class ConversionError extends Error {
  override readonly name = "ConversionError";
}

type Env = Readonly<Record<string, string | undefined>>;

async function executable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The soffice program: $BOARDPAPER_SOFFICE, else `soffice` or `libreoffice` on PATH. */
export async function findSoffice(env: Env, cwd: string = process.cwd()): Promise<string> {
  const chosen = env[SOFFICE_ENV];
  if (chosen !== undefined && chosen !== "") {
    const path = isAbsolute(chosen) || chosen.includes("/") ? resolve(cwd, chosen) : await onPath(chosen, env);
    if (path && (await executable(path))) return path;
    throw new ConversionError(t("soffice.notExecutable", { env: SOFFICE_ENV, chosen, hint: installHint() }));
  }
  for (const name of ["soffice", "libreoffice"]) {
    const path = await onPath(name, env);
    if (path) return path;
  }
  throw new ConversionError(t("soffice.notFound", { hint: installHint() }));
}

async function onPath(name: string, env: Env): Promise<string | undefined> {
  for (const dir of (env.PATH ?? "").split(delimiter).filter(Boolean)) {
    const path = join(dir, name);
    if (await executable(path)) return path;
  }
  return undefined;
}

export interface PdfExport {
  /** PDF/A-2 (ISO 19005-2) for archiving instead of plain PDF. */
  readonly pdfa: boolean;
}

/**
 * LibreOffice's PDF export options (the `writer_pdf_Export` filter, JSON syntax since 7.4).
 * Tagged PDF carries the headings, lists and tables for screen readers and lets the title
 * and language (from the .docx properties) mark the file; DisplayPDFDocumentTitle makes
 * viewers show the title rather than the file name.
 */
export function pdfFilter(opts: PdfExport): string {
  const options: Record<string, { type: string; value: string }> = {
    UseTaggedPDF: { type: "boolean", value: "true" },
    DisplayPDFDocumentTitle: { type: "boolean", value: "true" },
    ExportBookmarks: { type: "boolean", value: "true" },
    ...(opts.pdfa ? { SelectPdfVersion: { type: "long", value: "2" } } : {}),
  };
  return `pdf:writer_pdf_Export:${JSON.stringify(options)}`;
}

export interface BatchOptions extends PdfExport {
  readonly soffice: string;
  /** Folder the PDFs are written to, one per input, named after it. */
  readonly outDir: string;
  readonly env?: Env;
  /** Overall limit for the run; default: two minutes plus 20 seconds a document. */
  readonly timeoutMs?: number;
}

/**
 * Convert `files` (.docx, with distinct base names) to PDF in one soffice process. Returns the
 * PDF paths in the order of `files`; a file LibreOffice did not convert is an error naming it.
 */
export async function convertBatch(files: readonly string[], opts: BatchOptions): Promise<string[]> {
  if (files.length === 0) return [];
  const names = files.map((f) => basename(f, extname(f)));
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined) throw new Error(`convertBatch: two inputs named ${twice}; their PDFs would overwrite each other`);

  const profile = await mkdtemp(join(tmpdir(), "boardpaper-lo-"));
  try {
    const args = [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      "--headless",
      "--invisible",
      "--nologo",
      "--nodefault",
      "--nolockcheck",
      "--norestore",
      "--convert-to",
      pdfFilter(opts),
      "--outdir",
      opts.outDir,
      ...files,
    ];
    const timeout = opts.timeoutMs ?? 120_000 + 20_000 * files.length;
    const r = await run(opts.soffice, args, opts.env, timeout);
    const produced = new Set(await readdir(opts.outDir).catch(() => [] as string[]));
    const pdfs = names.map((n) => join(opts.outDir, `${n}.pdf`));
    const missing = files.filter((_f, i) => !produced.has(`${names[i]}.pdf`));
    if (r.timedOut) throw new ConversionError(t("soffice.timedOut", { n: files.length, seconds: Math.round(timeout / 1000) }));
    if (r.error) throw new ConversionError(t("soffice.cannotStart", { soffice: opts.soffice, why: r.error.message, hint: installHint() }));
    if (missing.length > 0 || r.code !== 0) {
      const why = [r.stderr, r.stdout].join("\n").split("\n").filter((l) => l.trim() !== "" && !/^convert .* using filter/.test(l) && !/javaldx/.test(l));
      throw new ConversionError(
        (r.code !== 0 ? t("soffice.exited", { soffice: opts.soffice, status: String(r.code ?? r.signal) }) : t("soffice.notEvery", { soffice: opts.soffice })) +
          (missing.length > 0 ? t("soffice.noPdfFor", { files: missing.map((f) => basename(f)).join(", ") }) : "") +
          (why.length > 0 ? `\n  ${why.slice(0, 10).join("\n  ")}` : ""),
      );
    }
    return pdfs;
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}

interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  error?: Error;
}

/** Run a program to its end (or the timeout: then its whole process group is killed). */
function run(program: string, args: readonly string[], env: Env | undefined, timeoutMs: number): Promise<RunResult> {
  return new Promise((done) => {
    // Its own process group, so that a timeout also ends the soffice.bin child it starts.
    const child = spawn(program, args, { env: env ? { ...env } : process.env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    let error: Error | undefined;
    child.stdout.on("data", (d: Buffer) => void (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => void (stderr += d.toString()));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    }, timeoutMs);
    let settled = false;
    const finish = (code: number | null, signal: NodeJS.Signals | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      done({ code, signal, stdout, stderr, timedOut, ...(error ? { error } : {}) });
    };
    child.on("error", (e) => {
      error = e;
      // A program that could not be started emits no "close" on every Node version.
      if (child.pid === undefined) finish(null, null);
    });
    child.on("close", finish);
  });
}
