// Lints files in worker threads and outlives its workers. Each worker gets a small batch at a time and
// answers file by file, so the pool knows which file a worker is on. A file whose lint runs past its
// hard time limit (a stuck rule the engine's own budget cannot interrupt), or kills its worker (out of
// memory, a crash), is reported as not linted; the worker is replaced, the rest of its batch handed
// out again, and every other result kept.
import { Worker } from 'node:worker_threads';
import type { ConfigSpec } from './configForScan.js';
import { failedOn, notLinted, type FileResult } from './scan.js';
import type { WorkerReply, WorkerRequest } from './worker.js';

export interface WorkerPoolOptions {
  workerScript: string;
  workers: number;
  /** Heap (old generation) each worker may use: past it the worker is stopped and its file reported. */
  heapMb: number;
  /** Milliseconds one file may take before its worker is stopped. */
  hardTimeoutMs: (path: string) => number;
  config: ConfigSpec;
  keepSuppressed: boolean;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export class ScanCancelledError extends Error {
  constructor() {
    super('scan cancelled');
  }
}

/** Files per message: enough to amortise messaging, few enough to balance the load. */
const BATCH_SIZE = 16;
/**
 * A worker lints one file at a time and keeps nothing, so a smaller young generation than V8's default
 * costs no time; measured on the bench corpus with `--jobs 2`: peak RSS 185–191 → 167–171 MB, same wall time.
 */
const YOUNG_GENERATION_MB = 8;

interface Slot {
  worker: Worker;
  /** Set once the worker has loaded the engine and said so: only then is it given files. */
  ready: boolean;
  /** Indices of the files handed to this worker and not answered yet, in the order it lints them. */
  batch: number[];
  timer?: NodeJS.Timeout;
}

/** How many workers a scan of `files` files may use: no more than there are batches. */
export function workersFor(files: number, jobs: number): number {
  return Math.max(1, Math.min(jobs, Math.ceil(files / BATCH_SIZE)));
}

export function lintInWorkers(paths: readonly string[], options: WorkerPoolOptions): Promise<FileResult[]> {
  return new Promise((resolve, reject) => {
    const results = new Array<FileResult>(paths.length);
    const slots = new Set<Slot>();
    /** Files whose worker was lost before it got to them: handed out before any new file. */
    const handBack: number[] = [];
    let next = 0;
    let done = 0;
    let settled = false;

    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      for (const slot of slots) retire(slot);
      if (error) reject(error);
      else resolve(results);
    };
    const onAbort = () => finish(new ScanCancelledError());
    options.signal?.addEventListener('abort', onAbort);

    const retire = (slot: Slot) => {
      slots.delete(slot);
      clearTimeout(slot.timer);
      void slot.worker.terminate();
    };
    const workLeft = () => handBack.length > 0 || next < paths.length;
    const takeBatch = (): number[] => {
      const batch = handBack.splice(0, BATCH_SIZE);
      while (batch.length < BATCH_SIZE && next < paths.length) batch.push(next++);
      return batch;
    };
    const record = (index: number, result: FileResult) => {
      results[index] = result;
      done++;
      options.onProgress?.(done, paths.length);
      if (done === paths.length) finish();
    };

    /** Starts the clock for the file the worker is on now. */
    const arm = (slot: Slot) => {
      clearTimeout(slot.timer);
      const index = slot.batch[0];
      if (index === undefined) return;
      const limitMs = options.hardTimeoutMs(paths[index]);
      const seconds = Math.round(limitMs / 100) / 10;
      slot.timer = setTimeout(() => lose(slot, (path) => notLinted(path, `linting this file took longer than ${seconds} s, so it was stopped.`)), limitMs);
    };
    const feed = (slot: Slot) => {
      slot.batch = takeBatch();
      if (slot.batch.length === 0) return; // nothing left to hand out: it idles until the scan ends
      const request: WorkerRequest = { files: slot.batch.map((index) => ({ index, path: paths[index] })), config: options.config, keepSuppressed: options.keepSuppressed };
      slot.worker.postMessage(request);
      arm(slot);
    };
    /** The worker is stuck or gone: `culprit` is the result for the file it was on; the rest of its batch goes back. */
    const lose = (slot: Slot, culprit: (path: string) => FileResult) => {
      if (!slots.has(slot)) return; // already handled ('error' is followed by 'exit')
      retire(slot);
      const [current, ...rest] = slot.batch;
      for (const index of rest) handBack.push(index);
      if (workLeft()) start();
      if (current !== undefined) record(current, culprit(paths[current]));
    };
    /** A worker that dies before it is ready is a broken installation, not a file's fault: the scan fails. */
    const died = (slot: Slot, describe: () => string, culprit: (path: string) => FileResult) => {
      if (slot.ready) lose(slot, culprit);
      else if (slots.has(slot)) finish(new Error(`the scan worker could not start: ${describe()}`));
    };

    const start = () => {
      const worker = new Worker(options.workerScript, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB, maxOldGenerationSizeMb: options.heapMb } });
      const slot: Slot = { worker, ready: false, batch: [] };
      slots.add(slot);
      worker.on('message', (reply: WorkerReply) => {
        if (!slots.has(slot)) return; // a late answer from a worker already given up on
        if (reply.kind === 'ready') {
          slot.ready = true;
          feed(slot);
          return;
        }
        slot.batch.shift();
        record(reply.index, reply.result);
        if (slot.batch.length) arm(slot);
        else feed(slot);
      });
      worker.on('error', (error: Error & { code?: string }) =>
        died(
          slot,
          () => error.message,
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? (path) => notLinted(path, `linting this file needed more than the ${options.heapMb} MB of memory a scan worker may use, so it was stopped.`)
            : (path) => failedOn(path, `the scan worker linting it crashed (${error.message})`),
        ),
      );
      worker.on('exit', (code) => died(slot, () => `it exited with code ${code}`, (path) => failedOn(path, `the scan worker linting it exited with code ${code}`)));
    };

    for (let i = 0; i < options.workers; i++) start();
  });
}
