// Lints inputs one at a time in a worker thread under a watchdog: an input that hangs past its budget
// or kills the worker (out of memory, stack) is recorded as such and the next input gets a fresh
// worker. Shared by the fuzz suite, `npm run fuzz` and `npm run corpus`.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LintLimits } from '../../server/src/text/limits.js';

export interface LintJob {
  text: string;
  uri: string;
  /** Also run the fix layer (fix-all) over the input. */
  fix?: boolean;
  limits?: Partial<LintLimits>;
}

export interface LintOutcome {
  /** ok; invalid (a finding with a bad range or message); notLinted (a limit, by design); threw; hung; died. */
  kind: 'ok' | 'invalid' | 'notLinted' | 'threw' | 'hung' | 'died';
  ms: number;
  findings: { ruleId: string; line: number; message: string }[];
  problems: string[];
}

const BOOT = join(__dirname, 'tsWorkerBoot.mjs');
const WORKER = pathToFileURL(join(__dirname, 'lintWorker.ts')).href;

const WORKER_START_GRACE_MS = 20_000;

/** A generous budget in proportion to the input: a linear lint takes a fraction of it, a hang or a quadratic one blows it. */
export function proportionalBudget(job: LintJob): number {
  return 2000 + job.text.length / 20;
}

export interface WatchdogOptions {
  /** Milliseconds an input may take before it counts as hung. */
  budgetMs: (job: LintJob) => number;
  /** Heap of the worker; an input that needs more is recorded as `died`. */
  heapMb?: number;
}

export class LintWatchdog {
  private worker?: Worker;

  constructor(private readonly options: WatchdogOptions) {}

  run(job: LintJob): Promise<LintOutcome> {
    // A new worker first loads and compiles the engine: that time is not the input's.
    const budget = this.options.budgetMs(job) + (this.worker ? 0 : WORKER_START_GRACE_MS);
    const worker = this.ensureWorker();
    const started = performance.now();
    return new Promise((resolve) => {
      const done = (outcome: LintOutcome) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        resolve(outcome);
      };
      const lost = (kind: 'hung' | 'died', problem: string) => {
        this.worker = undefined;
        void worker.terminate();
        done({ kind, ms: performance.now() - started, findings: [], problems: [problem] });
      };
      const onMessage = (outcome: LintOutcome) => done(outcome);
      const onError = (error: Error) => lost('died', error.message);
      const onExit = (code: number) => lost('died', `worker exited with code ${code}`);
      const timer = setTimeout(() => lost('hung', `no answer within ${budget} ms`), budget);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(job);
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = undefined;
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(BOOT, { workerData: { script: WORKER }, resourceLimits: { maxOldGenerationSizeMb: this.options.heapMb ?? 1024 }, stdout: true, stderr: true });
    // A worker being terminated after a hang may still die of its heap: that is already recorded, not an unhandled error.
    worker.on('error', () => undefined);
    this.worker = worker;
    return worker;
  }
}

/** Whether an outcome is a defect: everything but a clean lint and a deliberate "not linted". */
export function isDefect(outcome: LintOutcome): boolean {
  return outcome.kind !== 'ok' && outcome.kind !== 'notLinted';
}
