// Runs processFile over many files: in this thread (`jobs <= 1`) or on a pool of worker threads.
// Results arrive in completion order; callers sort (the report) or reorder (the diff) themselves.
import { Worker } from "node:worker_threads";
import { processFile, type FileResult, type ProcessOptions, type ProgramLookup } from "./process.js";

export interface ToWorker {
  id: number;
  path: string;
  options: ProcessOptions;
}

export interface ToMain {
  id: number;
  result: FileResult;
}

export interface PoolOptions {
  jobs: number;
  /** The options for one file (from its ESLint config). */
  optionsFor: (path: string) => ProcessOptions;
  /** Type information; only used in this thread (programs cannot cross threads). */
  programsFor?: ProgramLookup;
  onResult: (result: FileResult) => void | Promise<void>;
}

/** Files a worker holds at once: one being processed, one queued so it never waits on the main thread. */
const IN_FLIGHT_PER_WORKER = 2;

export async function runFiles(files: readonly string[], pool: PoolOptions): Promise<void> {
  if (pool.jobs <= 1 || files.length <= 1) {
    for (const file of files) await pool.onResult(await processFile(file, pool.optionsFor(file), pool.programsFor));
    return;
  }
  await runInWorkers(files, pool);
}

async function runInWorkers(files: readonly string[], pool: PoolOptions): Promise<void> {
  const workerCount = Math.min(pool.jobs, files.length);
  let next = 0;
  let remaining = files.length;
  const workerUrl = new URL("./worker.js", import.meta.url);

  await new Promise<void>((resolve, reject) => {
    let settled = false;
    const pending: Array<Promise<void>> = [];
    const finishIfDone = (): void => {
      if (remaining === 0 && !settled) {
        settled = true;
        Promise.all(pending).then(() => resolve(), reject);
      }
    };
    const deliver = (result: FileResult): void => {
      remaining -= 1;
      pending.push(Promise.resolve(pool.onResult(result)));
      finishIfDone();
    };

    const start = (): void => {
      const worker = new Worker(workerUrl);
      const inFlight = new Map<number, string>();
      const feed = (): void => {
        while (inFlight.size < IN_FLIGHT_PER_WORKER && next < files.length) {
          const id = next++;
          const path = files[id] as string;
          inFlight.set(id, path);
          const message: ToWorker = { id, path, options: pool.optionsFor(path) };
          worker.postMessage(message);
        }
        if (inFlight.size === 0) void worker.terminate();
      };
      worker.on("message", (message: ToMain) => {
        inFlight.delete(message.id);
        deliver(message.result);
        feed();
      });
      worker.on("error", (error) => {
        // A crash fails the files it held, not the run: report them and carry on with a new worker.
        const held = [...inFlight.values()];
        inFlight.clear();
        for (const path of held) {
          deliver({ path, status: "failed", sites: [], error: { message: `worker crashed: ${error.message}` } });
        }
        if (next < files.length) start();
      });
      feed();
    };

    for (let i = 0; i < workerCount; i++) start();
  });
}
