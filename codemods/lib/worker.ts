// Worker thread entry: receives absolute file paths, migrates them, sends results back. It never
// writes files; the main thread does (and draws progress).
import { parentPort } from "node:worker_threads";
import { processFile } from "./process.js";
import type { ToMain, ToWorker } from "./pool.js";

const port = parentPort;
if (!port) throw new Error("codemods/lib/worker.js must run in a worker thread");

port.on("message", (message: ToWorker) => {
  void processFile(message.path, message.options).then((result) => {
    const reply: ToMain = { id: message.id, result };
    port.postMessage(reply);
  });
});
