import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import type { Output } from "../emit/output.js";
import { docxWriter } from "../writers/docx/docx-writer.js";
import type { Writer } from "../writers/writer.js";
import { convertBatch, type PdfExport } from "./soffice.js";

/**
 * PDF is not a writer of the document tree, so it is not in src/writers/registry.ts. The
 * registry's writers are pure: tree in, the same bytes out, in-process. A PDF is LibreOffice's
 * rendering of the docx writer's output: it runs a program, takes seconds, and its bytes
 * change from run to run (LibreOffice stamps the time and a random id into it), so
 * `build --check` cannot compare it either. It is a conversion that follows the writers.
 */
export const PDF = { format: "pdf", extension: ".pdf" } as const;

/** What `--format` asked for: the tree writers, and whether PDF is made from the .docx. */
export interface Formats {
  readonly writers: readonly Writer[];
  readonly pdf: boolean;
}

/** The writers to render with: PDF needs the .docx even when the .docx is not asked for. */
export function renderWriters(f: Formats): Writer[] {
  return f.pdf && !f.writers.includes(docxWriter) ? [...f.writers, docxWriter] : [...f.writers];
}

export interface PdfOptions extends PdfExport {
  readonly soffice: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * The outputs with a .pdf beside every .docx, all converted in one LibreOffice run; .docx
 * outputs that were made only for the conversion are dropped. Nothing is written to the
 * output folder here: the PDFs come back as outputs, for `emit` to write atomically with the
 * rest (so a failed conversion writes nothing at all).
 */
export async function withPdfs(outputs: readonly Output[], f: Formats, opts: PdfOptions): Promise<{ outputs: Output[]; converted: number }> {
  if (!f.pdf) return { outputs: [...outputs], converted: 0 };
  const docx = outputs.filter((o) => o.path.endsWith(docxWriter.extension));
  const work = await mkdtemp(join(tmpdir(), "boardpaper-pdf-"));
  try {
    // Documents of different folders may share a name (a proposal and its stamped copy), and
    // LibreOffice names each PDF after its input: number the inputs to keep them apart.
    const inputs = docx.map((o, i) => join(work, `${String(i + 1).padStart(4, "0")}-${basename(o.path)}`));
    await Promise.all(docx.map((o, i) => writeFile(inputs[i]!, o.data)));
    const outDir = join(work, "pdf");
    await mkdir(outDir);
    const pdfs = await convertBatch(inputs, { ...opts, outDir });
    const pdfOf = new Map<Output, Output>();
    for (const [i, o] of docx.entries()) {
      pdfOf.set(o, { path: o.path.slice(0, -docxWriter.extension.length) + PDF.extension, data: new Uint8Array(await readFile(pdfs[i]!)) });
    }
    const keepDocx = f.writers.includes(docxWriter);
    const result = outputs.flatMap((o) => {
      const pdf = pdfOf.get(o);
      if (!pdf) return [o];
      return keepDocx ? [o, pdf] : [pdf];
    });
    return { outputs: result, converted: docx.length };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
