import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Found } from "../load/discover.js";
import type { Host } from "../cli/host.js";
import type { FromWorker, Rendered, ToWorker, WorkerSetup } from "./batch-protocol.js";
import { BatchUnit } from "./batch-unit.js";

/** Below this many proposals, starting workers costs more than it saves. */
export const PARALLEL_FROM = 24;

/** How many workers a run of `n` proposals gets: BOARDPAPER_WORKERS, else one per core. */
export function workerCount(n: number, env: Readonly<Record<string, string | undefined>>): number {
  const asked = env.BOARDPAPER_WORKERS;
  if (asked !== undefined && /^\d+$/.test(asked)) return Math.min(Number(asked), n);
  return n < PARALLEL_FROM ? 0 : Math.min(availableParallelism(), n);
}

/** The compiled worker (tests run the sources, so always point at dist/). */
const WORKER = new URL("../../dist/project/batch-worker.js", import.meta.url);

/**
 * Proposals rendered by the main thread and a pool of worker threads (one per core in all), in
 * two steps with a barrier between: every share is loaded and validated; only if nothing is
 * wrong anywhere is each rendered and staged; `commit` then renames everything into place.
 * Outputs are written as they are made, so documents are never all held in memory.
 */
export class Batch {
  private readonly local: BatchUnit;
  private readonly workers: Worker[];
  private readonly shares: Found[][];

  constructor(host: Host, files: readonly Found[], count: number, setup: WorkerSetup) {
    this.shares = Array.from({ length: count }, (_, i) => files.filter((_, k) => k % count === i));
    // The main thread takes the first share: one V8 heap fewer than a worker per share.
    this.local = new BatchUnit(host, setup);
    // Modest heap limits keep the batch's memory bounded: a document's objects are garbage as
    // soon as its files are written, so a small heap only means more frequent, cheap collections.
    this.workers = this.shares.slice(1).map(() => new Worker(WORKER, { workerData: setup }));
  }

  private ask<T extends FromWorker["type"]>(worker: Worker, message: ToWorker, answer: T): Promise<Extract<FromWorker, { type: T }>> {
    return new Promise((resolve, reject) => {
      const onMessage = (m: FromWorker) => {
        worker.off("message", onMessage);
        worker.off("error", reject);
        if (m.type === "failed") reject(Object.assign(new Error(m.message), { stack: m.stack }));
        else if (m.type === answer) resolve(m as Extract<FromWorker, { type: T }>);
        else reject(new Error(`worker answered ${m.type}, expected ${answer}`));
      };
      worker.on("message", onMessage);
      worker.once("error", reject);
      worker.postMessage(message);
    });
  }

  /** Load and validate every proposal; the diagnostics of all of them. */
  async load(): Promise<Diagnostic[]> {
    const remote = this.workers.map((w, i) => this.ask(w, { type: "load", files: this.shares[i + 1]! }, "loaded").then((a) => a.diagnostics));
    const all = await Promise.all([this.local.load(this.shares[0] ?? []), ...remote]);
    return all.flat();
  }

  /** Render every proposal; outputs are staged (or, with check, compared), not yet in place. */
  async render(): Promise<Rendered> {
    const remote = this.workers.map((w) => this.ask(w, { type: "render" }, "rendered"));
    const all: Rendered[] = await Promise.all([this.local.render(), ...remote]);
    return {
      diagnostics: all.flatMap((a) => a.diagnostics),
      staged: all.flatMap((a) => a.staged),
      unchanged: all.flatMap((a) => a.unchanged),
      stale: all.flatMap((a) => a.stale),
      expected: all.flatMap((a) => a.expected),
    };
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
