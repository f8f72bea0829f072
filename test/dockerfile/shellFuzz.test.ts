// Property test of the shell model (fixed seed): random compositions of shell constructs, nested,
// unbalanced, truncated and mixed with random characters, in every form of RUN. Each must parse into
// commands (no hang, no throw) whose ranges lie inside the document. Run in a worker thread, so a
// hang fails the test with the input that hung instead of stalling the suite.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FuzzMessage, FuzzRequest } from './shellFuzzWorker.js';

const BOOT = join(__dirname, '../../scripts/robustness/tsWorkerBoot.mjs');
const WORKER = pathToFileURL(join(__dirname, 'shellFuzzWorker.ts')).href;
/** Far more than the few seconds the runs take: only a hang reaches it. */
const HANG_MS = 120_000;

/** The inputs that hung the old reader (issue 13), always among the runs. */
const HUNG_BEFORE = [
  'FROM alpine:3.20\nRUN case "$arch" in x86_64) echo 64 ;; esac\n',
  'FROM a\nRUN (cd /x && make)\n',
  'FROM a\nRUN echo $((1 + 2))\n',
  'FROM a\nRUN f() { echo; }; f\n',
  'FROM a\nRUN echo `(uname -m)`\n',
  'FROM a\nRUN ["sh", "-c", "(cd x)"]\n',
  'FROM a\nRUN <<EOF\ncase $1 in a) b;; esac\nEOF\n',
];

function runProperty(request: FuzzRequest): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(BOOT, { workerData: { script: WORKER, ...request } });
    let lastInput = '';
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`no answer within ${HANG_MS} ms; the input being read: ${JSON.stringify(lastInput.slice(0, 2000))}`));
    }, HANG_MS);
    worker.on('message', (message: FuzzMessage) => {
      if ('input' in message) {
        lastInput = message.input;
        return;
      }
      clearTimeout(timer);
      void worker.terminate();
      resolve(message.failure);
    });
    worker.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`the worker died on ${JSON.stringify(lastInput.slice(0, 2000))}: ${error.message}`));
    });
  });
}

describe('shell model: property test (fixed seed)', () => {
  it('hostile scripts in every RUN form: commands come back, every range inside the document', async () => {
    assert.equal(await runProperty({ seed: 1313, numRuns: 300, examples: HUNG_BEFORE }), undefined);
  });
});
