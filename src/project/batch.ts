import { rename, rm } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Found } from "../load/discover.js";
import type { FromWorker, ToWorker, WorkerSetup } from "./batch-protocol.js";

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
 * Proposals rendered by a pool of worker threads, in two steps with a barrier between: all
 * workers load and validate their share; only if nothing is wrong anywhere do they render and
 * stage their outputs; `commit` then renames everything into place. Each worker writes its
 * files as it goes, so documents are never all held in memory.
 */
export class Batch {
  private readonly workers: Worker[];
  private readonly shares: Found[][];

  constructor(files: readonly Found[], count: number, setup: WorkerSetup) {
    this.shares = Array.from({ length: count }, (_, i) => files.filter((_, k) => k % count === i));
    this.workers = this.shares.map(() => new Worker(WORKER, { workerData: setup }));
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
    const answers = await Promise.all(this.workers.map((w, i) => this.ask(w, { type: "load", files: this.shares[i]! }, "loaded")));
    return answers.flatMap((a) => a.diagnostics);
  }

  /** Render every proposal; outputs are staged (or, with check, compared), not yet in place. */
  async render(): Promise<Extract<FromWorker, { type: "rendered" }>> {
    const answers = await Promise.all(this.workers.map((w) => this.ask(w, { type: "render" }, "rendered")));
    return {
      type: "rendered",
      diagnostics: answers.flatMap((a) => a.diagnostics),
      staged: answers.flatMap((a) => a.staged),
      unchanged: answers.flatMap((a) => a.unchanged),
      stale: answers.flatMap((a) => a.stale),
      expected: answers.flatMap((a) => a.expected),
    };
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** Put staged files in place (each rename is atomic). */
export async function commit(staged: readonly { temp: string; target: string }[]): Promise<void> {
  for (const s of staged) await rename(s.temp, s.target);
}

/** Throw staged files away (a run that failed after staging). */
export async function discard(staged: readonly { temp: string; target: string }[]): Promise<void> {
  for (const s of staged) await rm(s.temp, { force: true });
}
