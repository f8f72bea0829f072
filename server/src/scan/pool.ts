// Lints many files across worker threads (one per core by default) and returns results in the order
// of the input paths, whatever finished first. Every file is linted in a worker, never in this thread:
// a worker can be stopped when a file hangs it and replaced when a file kills it, so one bad file
// costs its own result, not the scan (see workerPool.ts). A worker starts in tens of milliseconds.
import { existsSync } from 'node:fs';
import { availableParallelism, totalmem } from 'node:os';
import { join } from 'node:path';
import { effectiveLimits, type LintLimits } from '../text/limits.js';
import { ScanConfig, type ConfigSpec } from './configForScan.js';
import { KustomizeLookup } from './kustomizeHint.js';
import { lintFile, type FileResult, type ResultNeeds } from './scan.js';
import { lintInWorkers, ScanCancelledError, workersFor } from './workerPool.js';

export { ScanCancelledError };

export interface ScanOptions {
  /** Worker threads to lint with. Default: one per core, at most 8. */
  jobs?: number;
  config: ConfigSpec;
  /** The config object that selected the files (built from `config`), reused here to read each file's limits. */
  scanConfig?: ScanConfig;
  /** What the report needs of each file beyond its findings. */
  needs?: ResultNeeds;
  /** Called after each file with the number done so far. */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** The bundled worker entry; defaults to the one beside this bundle (dist/scan-worker.js). */
  workerScript?: string;
  /** Milliseconds one file may take before its worker is stopped; default from the file's time budget (`hardTimeoutMs`). */
  hardTimeoutMs?: number;
  /** Heap each worker may use, in MB; default from the machine's memory (`workerHeapMb`). */
  workerHeapMb?: number;
}

export const WORKER_SCRIPT = join(__dirname, 'scan-worker.js');
/** Without workers: files linted between two yields to the event loop. */
const FILES_PER_TURN = 16;

export function defaultJobs(): number {
  return Math.min(availableParallelism(), 8);
}

/**
 * The engine checks its time budget between steps, so a lint may overrun it by one step (a parse, a
 * rule); only a lint stuck far past it is stopped from outside.
 */
export function hardTimeoutMs(limits: LintLimits): number {
  return Math.max(20_000, 4 * limits.timeBudgetMs);
}

/** Half the machine's memory shared among the workers, within what one large file needs and V8's usual ceiling. */
export function workerHeapMb(workers: number): number {
  const share = Math.floor(totalmem() / (1024 * 1024) / 2 / workers);
  return Math.min(Math.max(share, 1024), 4096);
}

export async function scanFiles(paths: readonly string[], options: ScanOptions): Promise<FileResult[]> {
  if (options.signal?.aborted) throw new ScanCancelledError();
  if (paths.length === 0) return [];
  const workerScript = options.workerScript ?? WORKER_SCRIPT;
  if (!existsSync(workerScript)) return scanInThread(paths, options); // run from sources (tests): no bundle to start
  const { configFor } = options.scanConfig ?? new ScanConfig(options.config);
  const workers = workersFor(paths.length, options.jobs ?? defaultJobs());
  return lintInWorkers(paths, {
    workerScript,
    workers,
    heapMb: options.workerHeapMb ?? workerHeapMb(workers),
    hardTimeoutMs: (path) => options.hardTimeoutMs ?? hardTimeoutMs(effectiveLimits(configFor(path)?.limits)),
    config: options.config,
    needs: options.needs ?? {},
    onProgress: options.onProgress,
    signal: options.signal,
  });
}

/** Lints in this thread, yielding to the event loop now and then so progress and cancellation get through. */
async function scanInThread(paths: readonly string[], options: ScanOptions): Promise<FileResult[]> {
  const { configFor } = options.scanConfig ?? new ScanConfig(options.config);
  const kustomizations = new KustomizeLookup();
  const results: FileResult[] = [];
  for (const path of paths) {
    if (options.signal?.aborted) throw new ScanCancelledError();
    results.push(lintFile(path, configFor, options.needs, kustomizations));
    options.onProgress?.(results.length, paths.length);
    if (results.length % FILES_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  return results;
}
