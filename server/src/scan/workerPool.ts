// Lints files in worker threads and outlives its workers. Each worker gets a small batch at a time and
// answers file by file, so the pool knows which file a worker is on. A file whose lint runs past its
// hard time limit (a stuck rule the engine's own budget cannot interrupt), or kills its worker (out of
// memory, a crash), is reported as not linted; the worker is replaced, the rest of its batch handed
// out again, and every other result kept.
import { Worker } from 'node:worker_threads';
import type { ConfigSpec } from './configForScan.js';
import { failedOn, notLinted, type FileResult, type ResultNeeds } from './scan.js';
import type { WorkerReply, WorkerRequest } from './worker.js';

export interface WorkerPoolOptions {
  workerScript: string;
  workers: number;
  /** Heap (old generation) each worker may use: past it the worker is stopped and its file reported. */
  heapMb: number;
  /** Milliseconds one file may take before its worker is stopped. */
  hardTimeoutMs: (path: string) => number;
  config: ConfigSpec;
  needs: ResultNeeds;
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
 * A worker lints one file at a time and keeps nothing, but a file's parse tree lives through many
 * scavenges of a small young generation and is copied each time: measured with the CPU profile of a
 * `--jobs 1` scan of the bench corpus, 8 MB spent 15–17% of the worker's time in the collector, 32 MB
 * 10–12% (and about 20 MB more peak RSS per worker).
 */
const YOUNG_GENERATION_MB = 32;

interface Slot {
  worker: Worker;
  /** Set once the worker has loaded the engine and said so: only then is it given files. */
  ready: boolean;
  /** Indices of the files handed to this worker and not answered yet, in the order it lints them. */
  batch: number[];
  timer?: NodeJS.Timeout;
  /** Why the worker is going away (stopped, crashed): acted on at its 'exit'. */
  stopping?: Stopping;
}

interface Stopping {
  reason: string;
  /** The result for the file to blame. */
  culprit: (path: string) => FileResult;
  /** The file to blame, when known (the one that ran out of time); else the first one not answered. */
  index?: number;
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
      const culprit = (path: string) => notLinted(path, `linting this file took longer than ${seconds} s, so it was stopped.`);
      slot.timer = setTimeout(() => stop(slot, { reason: `no answer within ${seconds} s`, culprit, index }), limitMs);
    };
    const feed = (slot: Slot) => {
      slot.batch = takeBatch();
      if (slot.batch.length === 0) return; // nothing left to hand out: it idles until the scan ends
      const request: WorkerRequest = { files: slot.batch.map((index) => ({ index, path: paths[index] })), config: options.config, needs: options.needs };
      slot.worker.postMessage(request);
      arm(slot);
    };
    const stop = (slot: Slot, stopping: Stopping) => {
      slot.stopping ??= stopping;
      clearTimeout(slot.timer);
      void slot.worker.terminate();
    };
    /**
     * The worker is gone. Node delivers every message a worker posted before its 'exit', so by now the
     * batch holds exactly the files it did not answer (an 'error' can overtake them: judging there
     * would blame a file that was linted). The culprit is reported, the rest handed out again.
     */
    const exited = (slot: Slot, code: number) => {
      if (!slots.delete(slot) || settled) return;
      const stopping = slot.stopping ?? { reason: `it exited with code ${code}`, culprit: (path) => failedOn(path, `the scan worker linting it exited with code ${code}`) };
      // A worker that dies before it is ready is a broken installation, not a file's fault: the scan fails.
      if (!slot.ready) {
        finish(new Error(`the scan worker could not start: ${stopping.reason}`));
        return;
      }
      const blamed = stopping.index ?? slot.batch[0];
      for (const index of slot.batch) if (index !== blamed) handBack.push(index);
      if (workLeft()) start();
      if (blamed !== undefined && slot.batch.includes(blamed)) record(blamed, stopping.culprit(paths[blamed]));
    };

    const start = () => {
      const worker = new Worker(options.workerScript, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB, maxOldGenerationSizeMb: options.heapMb } });
      const slot: Slot = { worker, ready: false, batch: [] };
      slots.add(slot);
      worker.on('message', (reply: WorkerReply) => {
        if (settled) return;
        if (reply.kind === 'ready') {
          slot.ready = true;
          if (!slot.stopping) feed(slot);
          return;
        }
        // An answer is kept even from a worker being stopped: it was linted.
        slot.batch.shift();
        record(reply.index, reply.result);
        if (slot.stopping) return;
        if (slot.batch.length) arm(slot);
        else feed(slot);
      });
      worker.on('error', (error: Error & { code?: string }) =>
        stop(slot, {
          reason: error.message,
          culprit:
            error.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? (path) => notLinted(path, `linting this file needed more than the ${options.heapMb} MB of memory a scan worker may use, so it was stopped.`)
              : (path) => failedOn(path, `the scan worker linting it crashed (${error.message})`),
        }),
      );
      worker.on('exit', (code) => exited(slot, code));
    };

    for (let i = 0; i < options.workers; i++) start();
  });
}
