import { parentPort, workerData } from "node:worker_threads";
import { nodeHost } from "../cli/host.js";
import type { FromWorker, ToWorker, WorkerSetup } from "./batch-protocol.js";
import { BatchUnit } from "./batch-unit.js";

/** A batch worker thread: a BatchUnit driven by messages from the main thread. */
const setup = workerData as WorkerSetup;
const unit = new BatchUnit(nodeHost(process, { cwd: setup.cwd, env: setup.env }), setup);
const post = (m: FromWorker) => parentPort!.postMessage(m);

parentPort!.on("message", (m: ToWorker) => {
  unit
    .build(m.files)
    .then((r) => post({ type: "built", ...r }))
    .catch((e: unknown) => {
      const { message, stack = "", code, syscall, path } = e as NodeJS.ErrnoException;
      post({ type: "failed", message, stack, ...(code ? { code } : {}), ...(syscall ? { syscall } : {}), ...(path ? { path } : {}) });
    });
});
