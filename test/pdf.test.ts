import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, run, tempDir, messagesIn } from "./helpers.js";
import { hasProgram, needs } from "./ooxml.js";
import { pdfaPart, pdfInfo, pdfLang, pdfText } from "./pdf-tools.js";

// Written about behaviour, with the English messages (`--lang en`); test/language.test.ts has the Dutch ones.
messagesIn("en");

const SEED = join(ROOT, "data", "proposals", "terugblik-visitaties.yaml");
const MEETING = join(ROOT, "data", "meetings", "ab-2020-10-01.yaml");
/** The in-process CLI gets only the environment it is given: PATH, to find soffice. */
const ENV = { PATH: process.env.PATH ?? "" };

const files = (dir: string) => (readdirSync(dir, { recursive: true }) as string[]).filter((f) => /\.\w+$/.test(f)).sort();

/** A stand-in for soffice that logs each start, then runs the real one (or does nothing). */
function loggingSoffice(dir: string, then: string): { program: string; log: string } {
  const log = join(dir, "soffice.log");
  const program = join(dir, "soffice-logged");
  writeFileSync(program, `#!/bin/sh\necho "$*" >> '${log}'\n${then}\n`);
  chmodSync(program, 0o755);
  return { program, log };
}

const lo = needs("soffice", "pdfinfo", "pdftotext");
describe.skipIf(lo.skip)(`--format pdf: LibreOffice makes the PDFs ${lo.reason}`, () => {
  it("a proposal: only the PDF is written, with its title, language, A4 pages and text", async () => {
    const out = tempDir();
    const r = await run(["build", SEED, "--format", "pdf", "--out", out], { env: ENV });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("converted 1 document to PDF in one LibreOffice run");
    expect(files(out)).toEqual(["terugblik-visitaties.pdf"]);
    const pdf = join(out, "terugblik-visitaties.pdf");
    const info = pdfInfo(pdf);
    expect(info.Title).toBe("Terugblik eerste ronde visitaties 2014-2019");
    expect(info["Page size"]).toMatch(/^595\.\d+ x 841\.\d+ pts \(A4\)$/);
    expect(info.Tagged).toBe("yes");
    expect(Number(info.Pages)).toBeGreaterThan(1);
    expect(pdfLang(pdf)).toBe("nl-NL");
    expect(pdfaPart(pdf)).toBeUndefined();
    const text = pdfText(pdf);
    expect(text).toContain("Het algemeen bestuur wordt verzocht:");
    expect(text).toContain("Pagina 1 van");
  });

  it("a meeting: every document in ONE soffice process, beside the other formats", async () => {
    const out = tempDir();
    const soffice = loggingSoffice(tempDir("bp-so-"), `exec soffice "$@"`);
    const r = await run(["agenda", MEETING, "--format", "docx,pdf,html", "--out", out], { env: { ...ENV, BOARDPAPER_SOFFICE: soffice.program } });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const pdfs = files(out).filter((f) => f.endsWith(".pdf"));
    expect(pdfs).toEqual(["agenda.pdf", "besluitenlijst.pdf", "terugblik-visitaties.pdf", "vaststelling-vergaderschema-2021-hamerstuk.pdf", "vervanging-tankautospuiten.pdf"]);
    // A .pdf beside every .docx; the bundle stays HTML only.
    expect(files(out).filter((f) => f.endsWith(".docx")).map((f) => f.replace(".docx", ".pdf"))).toEqual(pdfs);
    expect(files(out)).toContain("bundle.html");
    expect(r.stdout).toContain(`converted ${pdfs.length} documents to PDF in one LibreOffice run`);
    const starts = readFileSync(soffice.log, "utf8").trim().split("\n");
    expect(starts).toHaveLength(1);
    expect(starts[0]!.match(/\.docx/g)).toHaveLength(pdfs.length);
    expect(pdfInfo(join(out, "agenda.pdf")).Title).toBe("Agenda algemeen bestuur 1 oktober 2020");
    expect(pdfInfo(join(out, "besluitenlijst.pdf")).Title).toBe("Besluitenlijst algemeen bestuur 1 oktober 2020");
    expect(pdfText(join(out, "agenda.pdf"))).toContain("Vervangingsprogramma tankautospuiten 2021-2027");
    for (const p of pdfs) expect(pdfLang(join(out, p)), p).toBe("nl-NL");
  });

  it("build of a folder: the PDFs of documents with the same name stay apart", async () => {
    const out = tempDir();
    const r = await run(["build", "data", "--format", "pdf", "--out", out], { env: ENV });
    expect(r.code, r.stderr).toBe(0);
    const pdfs = files(out);
    expect(pdfs).toEqual(expect.arrayContaining(["proposals/terugblik-visitaties.pdf", "meetings/ab-2020-10-01/terugblik-visitaties.pdf"]));
    expect(pdfs.every((f) => f.endsWith(".pdf"))).toBe(true);
    // The stamped copy carries the meeting's agenda number, the plain one its own.
    expect(pdfText(join(out, "meetings/ab-2020-10-01/terugblik-visitaties.pdf"))).toContain("agendapunt 8");
    expect(pdfText(join(out, "proposals/terugblik-visitaties.pdf"))).toContain("agendapunt 9");
  });

  it("--pdfa: PDF/A-2, still with title and language", async () => {
    const out = tempDir();
    const r = await run(["build", SEED, "--format", "pdf", "--pdfa", "--out", out], { env: ENV });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("to PDF/A-2 in one LibreOffice run");
    const pdf = join(out, "terugblik-visitaties.pdf");
    expect(pdfaPart(pdf)).toBe("2");
    expect(pdfInfo(pdf).Title).toBe("Terugblik eerste ronde visitaties 2014-2019");
    expect(pdfLang(pdf)).toBe("nl-NL");
  });
});

describe("--format pdf without LibreOffice, or when it fails: a clear error, nothing written", () => {
  it("no soffice on PATH: says what to install, exit 1", async () => {
    const out = tempDir();
    const r = await run(["build", SEED, "--format", "docx,pdf", "--out", out], { env: { PATH: tempDir("bp-empty-path-") } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("boardpaper build: error: PDF output needs LibreOffice, and no `soffice` program was found on PATH");
    expect(r.stderr).toContain("apt-get install libreoffice-writer-nogui");
    expect(r.stderr).toContain("BOARDPAPER_SOFFICE");
    expect(r.stderr).toContain("Nothing was written.");
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(files(out)).toEqual([]);
  });

  it("BOARDPAPER_SOFFICE naming a missing program: the same for agenda", async () => {
    const out = tempDir();
    const r = await run(["agenda", MEETING, "--format", "pdf", "--out", out], { env: { ...ENV, BOARDPAPER_SOFFICE: "/nonexistent/soffice" } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("boardpaper agenda: error: BOARDPAPER_SOFFICE is set to `/nonexistent/soffice`, which is not an executable program");
    expect(files(out)).toEqual([]);
  });

  it.skipIf(!hasProgram("sh"))("a soffice that makes no PDF: names the documents, exit 1, not even the .docx is written", async () => {
    const out = tempDir();
    const soffice = loggingSoffice(tempDir("bp-so-"), `echo "Error: source file could not be loaded" >&2\nexit 0`);
    const r = await run(["build", SEED, "--format", "docx,pdf", "--out", out], { env: { ...ENV, BOARDPAPER_SOFFICE: soffice.program } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("did not convert every document; no PDF for 0001-terugblik-visitaties.docx");
    expect(r.stderr).toContain("Error: source file could not be loaded");
    expect(files(out)).toEqual([]);
    expect(existsSync(soffice.log)).toBe(true);
  });

  it("--pdfa without pdf, and --check with pdf, are usage errors", async () => {
    const a = await run(["build", SEED, "--pdfa", "--out", tempDir()], { env: ENV });
    expect(a.code).toBe(2);
    expect(a.stderr).toContain("--pdfa chooses PDF/A for the PDF output: add pdf to --format");
    const b = await run(["build", "--check", "--format", "docx,pdf"], { env: ENV });
    expect(b.code).toBe(2);
    expect(b.stderr).toContain("--check cannot compare PDF files");
  });

  it("the help of build and agenda names pdf, --pdfa and why --check leaves PDF out", async () => {
    for (const command of ["build", "agenda"]) {
      const r = await run([command, "--help"]);
      expect(r.stdout).toMatch(/docx, html, text, pdf/);
      expect(r.stdout).toContain("--pdfa");
      expect(r.stdout).toContain("LibreOffice");
    }
    expect((await run(["build", "--help"])).stdout).toContain("(not with pdf: a PDF's bytes differ from run to run)");
  });
});
