import v8 from "node:v8";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Found } from "../load/discover.js";
import type { Host } from "../cli/host.js";
import type { FromWorker, Rendered, ToWorker, WorkerSetup } from "./batch-protocol.js";
import { BatchUnit } from "./batch-unit.js";
import { discard } from "../emit/staged.js";

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
 * Proposals validated and rendered by the main thread and a pool of worker threads (one per
 * core in all), each share in one pass (see BatchUnit). Outputs are staged as they are made, so
 * documents are never all held in memory; `commit` renames them into place once every share
 * has succeeded, `discard` throws them away otherwise.
 */
export class Batch {
  private readonly local: BatchUnit;
  private readonly workers: Worker[];
  private readonly shares: Found[][];

  constructor(host: Host, files: readonly Found[], count: number, setup: WorkerSetup) {
    // V8 lets a heap that allocates fast grow up to fourfold after each full collection; a
    // batch's live data is small (about 25 MB a thread) and its garbage short-lived, so cap the
    // growth at 1.2×: 1,000 proposals in about 220 MB instead of 250–310 MB, 2% slower.
    // (A flag for the whole process: only set when a batch starts.)
    v8.setFlagsFromString("--heap-growing-percent=20");
    this.shares = Array.from({ length: count }, (_, i) => files.filter((_, k) => k % count === i));
    // The main thread takes the first share: one V8 heap fewer than a worker per share.
    this.local = new BatchUnit(host, setup);
    this.workers = this.shares.slice(1).map(() => new Worker(WORKER, { workerData: setup }));
  }

  /** Build every share at once; what they found and staged, together. */
  async build(): Promise<Rendered> {
    const remote = this.workers.map((w, i) => this.ask(w, this.shares[i + 1]!));
    const settled = await Promise.allSettled([this.local.build(this.shares[0] ?? []), ...remote]);
    const all = settled.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    const failure = settled.find((r) => r.status === "rejected");
    if (failure) {
      // An internal error in one share: what the others staged goes too.
      discard(all.flatMap((a) => a.staged));
      throw failure.reason;
    }
    return {
      diagnostics: all.flatMap((a) => a.diagnostics),
      staged: all.flatMap((a) => a.staged),
      unchanged: all.flatMap((a) => a.unchanged),
      stale: all.flatMap((a) => a.stale),
      expected: all.flatMap((a) => a.expected),
    };
  }

  private ask(worker: Worker, files: readonly Found[]): Promise<Rendered> {
    return new Promise((resolve, reject) => {
      worker.once("message", (m: FromWorker) => {
        worker.off("error", reject);
        if (m.type !== "failed") return resolve(m);
        const { type: _, ...failure } = m;
        reject(Object.assign(new Error(m.message), failure));
      });
      worker.once("error", reject);
      worker.postMessage({ type: "build", files } satisfies ToWorker);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
