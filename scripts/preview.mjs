#!/usr/bin/env node
// Page 1 of every document in out/ as a PNG, for people to look at: each .docx through
// LibreOffice (all in one soffice run) and pdftoppm, and each .html printed by headless
// Chromium (its print style sheet) and screenshot as on screen.
//
//   npm run preview [-- [--out DIR] [--all-pages] [--no-html] [FOLDER_OR_FILE...]]
//
// Writes DIR/<path below out>.docx.png, .html-print.png and .html-screen.png (default DIR:
// preview/, which git ignores). Needs soffice and pdftoppm; Chromium (/usr/bin/chromium, or
// BOARDPAPER_CHROMIUM) for the HTML.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), "..");
const { values, positionals } = parseArgs({
  options: { out: { type: "string", default: join(ROOT, "preview") }, "all-pages": { type: "boolean" }, "no-html": { type: "boolean" } },
  allowPositionals: true,
});
const dist = join(ROOT, "dist", "convert", "soffice.js");
if (!existsSync(dist)) {
  console.error("preview: dist/ is missing; run `npm run build` first (npm run preview does)");
  process.exit(2);
}
const { convertBatch, findSoffice } = await import(pathToFileURL(dist).href);

const roots = (positionals.length > 0 ? positionals : [join(ROOT, "out")]).map((p) => resolve(p));
/** Every file below the roots with the extension, with its path relative to its root. */
function files(ext) {
  return roots.flatMap((r) => {
    if (statSync(r).isFile()) return r.endsWith(ext) ? [{ abs: r, rel: basename(r) }] : [];
    return readdirSync(r, { recursive: true })
      .filter((f) => f.endsWith(ext))
      .sort()
      .map((f) => ({ abs: join(r, f), rel: f }));
  });
}

const outDir = resolve(values.out);
const work = mkdtempSync(join(tmpdir(), "boardpaper-preview-"));
const pages = values["all-pages"] ? [] : ["-f", "1", "-l", "1", "-singlefile"];
/** PDF → PNG at 80 dpi: `<target>.png`, or `<target>-N.png` per page with --all-pages. */
function rasterise(pdf, target) {
  mkdirSync(dirname(target), { recursive: true });
  execFileSync("pdftoppm", ["-png", "-r", "80", ...pages, pdf, target]);
}

try {
  const docx = files(".docx");
  if (docx.length > 0) {
    const soffice = await findSoffice(process.env);
    // Numbered copies: documents in different folders share names, LibreOffice names PDFs by input.
    const inputs = docx.map((d, i) => {
      const p = join(work, `${String(i + 1).padStart(4, "0")}-${basename(d.abs)}`);
      copyFileSync(d.abs, p);
      return p;
    });
    mkdirSync(join(work, "pdf"));
    const started = Date.now();
    const pdfs = await convertBatch(inputs, { soffice, outDir: join(work, "pdf"), pdfa: false });
    console.log(`LibreOffice: ${pdfs.length} .docx converted in one run (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    docx.forEach((d, i) => rasterise(pdfs[i], join(outDir, `${d.rel}`)));
  }

  const html = values["no-html"] ? [] : files(".html");
  if (html.length > 0) {
    const { chromium } = await import("playwright-core");
    const browser = await chromium.launch({
      executablePath: process.env.BOARDPAPER_CHROMIUM || "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    try {
      for (const h of html) {
        const page = await browser.newPage({ viewport: { width: 1000, height: 1300 } });
        await page.goto(pathToFileURL(h.abs).href);
        await page.screenshot({ path: join(outDir, `${h.rel}-screen.png`) });
        const pdf = join(work, `${basename(h.rel)}-${Math.random().toString(36).slice(2)}.pdf`);
        await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
        rasterise(pdf, join(outDir, `${h.rel}-print`));
        await page.close();
      }
    } finally {
      await browser.close();
    }
  }
  const made = readdirSync(outDir, { recursive: true }).filter((f) => f.endsWith(".png")).length;
  console.log(`${made} PNG files in ${relative(process.cwd(), outDir) || "."}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
