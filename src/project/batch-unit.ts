import { mkdir, open, readFile, rm } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { tempName, type Host } from "../cli/host.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { outputBase } from "../emit/outputs.js";
import { displayPath, type Found } from "../load/discover.js";
import { loadProposal } from "../load/load-proposal.js";
import { renderProposal } from "../render/render-proposal.js";
import { TemplateError } from "../template/template-error.js";
import { writerFor } from "../writers/registry.js";
import type { Rendered, WorkerSetup } from "./batch-protocol.js";
import { lookResolver, type LookResolver } from "./looks.js";

let counter = 0;

/**
 * One share of a batch: loads and validates its proposals, and later renders them, writing
 * each output to a hidden temporary file beside its target (or, with check, comparing). Runs
 * in a worker thread, or in the main thread for the main thread's own share.
 */
export class BatchUnit {
  private files: readonly Found[] = [];
  /** House styles and templates, loaded once for all documents of this share. */
  private readonly looks: LookResolver;

  constructor(
    private readonly host: Host,
    private readonly setup: WorkerSetup,
  ) {
    this.looks = lookResolver(host, [], setup.look);
  }

  /**
   * Validate this share. Nothing is kept: a parsed YAML document (with its positions) is large,
   * and holding hundreds of them between the steps would cost more memory than parsing again.
   */
  async load(files: readonly Found[]): Promise<Diagnostic[]> {
    this.files = files;
    const diagnostics: Diagnostic[] = [];
    for (const f of files) diagnostics.push(...(await this.read(f)).diagnostics);
    return diagnostics;
  }

  private async read(f: Found) {
    const r = loadProposal(displayPath(this.host, f.path), await this.host.readFile(f.path), f.path, f.root);
    return { doc: r.ok ? r.doc : undefined, diagnostics: r.diagnostics };
  }

  async render(): Promise<Rendered> {
    const { setup } = this;
    const empty = { diagnostics: [], staged: [], unchanged: [], stale: [], expected: [] };
    const out: Rendered = { diagnostics: [], staged: [], unchanged: [], stale: [], expected: [] };
    try {
      for (const f of this.files) {
        const { doc } = await this.read(f);
        if (!doc) continue;
        const look = await this.looks.lookFor(doc.path);
        if (!look) {
          for (const s of out.staged) await rm(s.temp, { force: true });
          return { ...empty, diagnostics: this.looks.diagnostics };
        }
        const tree = renderProposal(doc.value, look);
        const base = outputBase(setup.outDir, doc.path, doc.root);
        for (const format of setup.formats) {
          const w = writerFor(format)!;
          const data = await w.write(tree, { style: look.style, ...(setup.date ? { date: setup.date } : {}) });
          const bytes = typeof data === "string" ? Buffer.from(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
          const path = base + w.extension;
          const target = resolve(setup.cwd, path);
          out.expected.push(path);
          const old = await readFile(target).catch(() => undefined);
          if (old && old.equals(bytes)) out.unchanged.push(path);
          else if (setup.check) out.stale.push(path);
          else out.staged.push({ temp: await stage(target, bytes), target });
        }
      }
    } catch (e) {
      for (const s of out.staged) await rm(s.temp, { force: true });
      if (e instanceof TemplateError) return { ...empty, diagnostics: [e.diagnostic] };
      throw e;
    }
    return out;
  }
}

/** Write a temporary file beside the target; the caller renames it into place later. */
async function stage(target: string, bytes: Buffer): Promise<string> {
  await mkdir(dirname(target), { recursive: true });
  const temp = join(dirname(target), tempName(basename(target), process.pid, ++counter));
  const fh = await open(temp, "w");
  try {
    await fh.writeFile(bytes);
  } finally {
    await fh.close();
  }
  return temp;
}
