import { mkdir, open, readFile, rm } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { tempName, type Host } from "../cli/host.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { outputBase } from "../emit/outputs.js";
import { displayPath, type Found } from "../load/discover.js";
import { loadFile } from "../load/load-file.js";
import type { LoadedProposal } from "../model/kinds.js";
import { Proposal } from "../model/proposal.js";
import { renderProposal } from "../render/render-proposal.js";
import { TemplateError } from "../template/template-error.js";
import { writerFor } from "../writers/registry.js";
import type { Rendered, WorkerSetup } from "./batch-protocol.js";
import { resolveLooks } from "./looks.js";

let counter = 0;

/**
 * One share of a batch: loads and validates its proposals, and later renders them, writing
 * each output to a hidden temporary file beside its target (or, with check, comparing). Runs
 * in a worker thread, or in the main thread for the main thread's own share.
 */
export class BatchUnit {
  private documents: LoadedProposal[] = [];

  constructor(
    private readonly host: Host,
    private readonly setup: WorkerSetup,
  ) {}

  async load(files: readonly Found[]): Promise<Diagnostic[]> {
    const diagnostics: Diagnostic[] = [];
    this.documents = [];
    for (const f of files) {
      const shown = displayPath(this.host, f.path);
      const r = loadFile(shown, await this.host.readFile(f.path), Proposal);
      diagnostics.push(...r.diagnostics);
      if (r.ok) this.documents.push({ kind: "proposal", path: f.path, root: f.root, file: shown, value: r.value, parsed: r.parsed });
    }
    return diagnostics;
  }

  async render(): Promise<Rendered> {
    const { setup } = this;
    const empty = { diagnostics: [], staged: [], unchanged: [], stale: [], expected: [] };
    const looks = await resolveLooks(this.host, this.documents, setup.look);
    if (!looks.ok) return { ...empty, diagnostics: looks.diagnostics };
    const out: Rendered = { diagnostics: [], staged: [], unchanged: [], stale: [], expected: [] };
    try {
      for (const doc of this.documents) {
        const look = looks.lookOf(doc);
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
