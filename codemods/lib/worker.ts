// Worker thread entry: receives absolute file paths, migrates them, sends results back. It never
// writes files; the main thread does (and draws progress).
import { parentPort, workerData } from "node:worker_threads";
import { processFile, type ProcessOptions } from "./process.js";
import type { ToMain, ToWorker } from "./pool.js";

const options = (workerData as { options: ProcessOptions }).options;
const port = parentPort;
if (!port) throw new Error("codemods/lib/worker.js must run in a worker thread");

port.on("message", (message: ToWorker) => {
  void processFile(message.path, options).then((result) => {
    const reply: ToMain = { id: message.id, result };
    port.postMessage(reply);
  });
});
