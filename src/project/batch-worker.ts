import { basename, dirname, join } from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { nodeHost, tempName } from "../cli/host.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { outputBase } from "../emit/outputs.js";
import { displayPath } from "../load/discover.js";
import { loadFile } from "../load/load-file.js";
import type { LoadedProposal } from "../model/kinds.js";
import { Proposal } from "../model/proposal.js";
import { renderProposal } from "../render/render-proposal.js";
import { TemplateError } from "../template/template-error.js";
import { writerFor } from "../writers/registry.js";
import { resolveLooks } from "./looks.js";
import type { FromWorker, ToWorker, WorkerSetup } from "./batch-protocol.js";
import { mkdir, open, readFile, rm } from "node:fs/promises";

/**
 * A batch worker: loads and validates its share of the proposals, and later renders them,
 * writing each output to a hidden temporary file beside its target. The main thread renames
 * them all once every worker has succeeded, so a failed run changes nothing.
 */
const setup = workerData as WorkerSetup;
const host = nodeHost(process, { cwd: setup.cwd, env: setup.env });
let documents: LoadedProposal[] = [];
let counter = 0;

const post = (m: FromWorker) => parentPort!.postMessage(m);

parentPort!.on("message", (m: ToWorker) => {
  const job = m.type === "load" ? load(m.files) : render();
  job.catch((e: unknown) => post({ type: "failed", message: (e as Error).message, stack: (e as Error).stack ?? "" }));
});

async function load(files: { path: string; root?: string }[]): Promise<void> {
  const diagnostics: Diagnostic[] = [];
  documents = [];
  for (const f of files) {
    const shown = displayPath(host, f.path);
    const r = loadFile(shown, await host.readFile(f.path), Proposal);
    diagnostics.push(...r.diagnostics);
    if (r.ok) documents.push({ kind: "proposal", path: f.path, root: f.root, file: shown, value: r.value, parsed: r.parsed });
  }
  post({ type: "loaded", diagnostics });
}

async function render(): Promise<void> {
  const looks = await resolveLooks(host, documents, setup.look);
  if (!looks.ok) return post({ type: "rendered", diagnostics: looks.diagnostics, staged: [], unchanged: [], stale: [], expected: [] });
  const staged: { temp: string; target: string }[] = [];
  const unchanged: string[] = [];
  const stale: string[] = [];
  const expected: string[] = [];
  try {
    for (const doc of documents) {
      const look = looks.lookOf(doc);
      const tree = renderProposal(doc.value, look);
      const base = outputBase(setup.outDir, doc.path, doc.root);
      for (const format of setup.formats) {
        const w = writerFor(format)!;
        const data = await w.write(tree, { style: look.style, ...(setup.date ? { date: setup.date } : {}) });
        const bytes = typeof data === "string" ? Buffer.from(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
        const target = join(setup.cwd, base + w.extension);
        expected.push(base + w.extension);
        const old = await readFile(target).catch(() => undefined);
        if (old && old.equals(bytes)) {
          unchanged.push(base + w.extension);
          continue;
        }
        if (setup.check) {
          stale.push(base + w.extension);
          continue;
        }
        // Written now, renamed into place by the main thread when every document succeeded.
        await mkdir(dirname(target), { recursive: true });
        const temp = join(dirname(target), tempName(basename(target), process.pid, ++counter));
        const fh = await open(temp, "w");
        try {
          await fh.writeFile(bytes);
        } finally {
          await fh.close();
        }
        staged.push({ temp, target });
      }
    }
  } catch (e) {
    for (const s of staged) await rm(s.temp, { force: true });
    if (e instanceof TemplateError) return post({ type: "rendered", diagnostics: [e.diagnostic], staged: [], unchanged: [], stale: [], expected: [] });
    throw e;
  }
  post({ type: "rendered", diagnostics: [], staged, unchanged, stale, expected });
}

