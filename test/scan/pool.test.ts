// The scan's worker pool outlives its workers: a file that hangs a worker or kills it (a crash, out of
// memory) is reported as not linted, its worker replaced, and every other file's result kept, in order.
// Workers run a stand-in script whose files misbehave by name (fixtures/trapWorker.mjs).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { ScanCancelledError, scanFiles, type ScanOptions } from '../../server/src/scan/pool.js';

const TRAP_WORKER = resolve('test/scan/fixtures/trapWorker.mjs');
const BROKEN_WORKER = resolve('test/scan/fixtures/brokenWorker.mjs');
/** Generous for a CI machine, short enough for the suite. */
const TEST_TIMEOUT = { timeout: 60_000 };

const created: string[] = [];
after(() => created.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function pathsWith(traps: Record<number, string>, count: number): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'manifestlint-pool-'));
  created.push(dir);
  return Array.from({ length: count }, (_, i) => join(dir, `${String(i).padStart(3, '0')}-${traps[i] ?? 'ok.yaml'}`));
}

function options(overrides: Partial<ScanOptions> = {}): ScanOptions {
  return { config: { root: tmpdir() }, workerScript: TRAP_WORKER, jobs: 2, hardTimeoutMs: 1500, workerHeapMb: 64, ...overrides };
}

describe('scan worker pool', () => {
  it('reports a file that hangs its worker as not linted, and keeps every other result in order', TEST_TIMEOUT, async () => {
    const paths = pathsWith({ 3: 'hang.yaml', 40: 'hang.yaml' }, 60);
    const results = await scanFiles(paths, options());
    assert.deepEqual(results.map((r) => r.path), paths);
    assert.deepEqual(
      results.filter((r) => r.error).map((r) => [r.path, r.error, r.notLinted]),
      [paths[3], paths[40]].map((path) => [path, 'Not linted: linting this file took longer than 1.5 s, so it was stopped.', true]),
    );
  });

  it('reports a file that crashes its worker, or exhausts its memory, and goes on with a new worker', TEST_TIMEOUT, async () => {
    const paths = pathsWith({ 0: 'crash.yaml', 17: 'oom.yaml', 18: 'crash.yaml', 50: 'crash.yaml' }, 70);
    const progress: number[] = [];
    const results = await scanFiles(paths, options({ onProgress: (done) => progress.push(done) }));
    assert.deepEqual(results.map((r) => r.path), paths);
    const failed = results.flatMap((r, index) => (r.error ? [[index, r.error, Boolean(r.notLinted)]] : []));
    assert.deepEqual(failed, [
      [0, 'manifestlint failed on this file: the scan worker linting it crashed (boom)', false],
      [17, 'Not linted: linting this file needed more than the 64 MB of memory a scan worker may use, so it was stopped.', true],
      [18, 'manifestlint failed on this file: the scan worker linting it crashed (boom)', false],
      [50, 'manifestlint failed on this file: the scan worker linting it crashed (boom)', false],
    ]);
    assert.deepEqual(progress, Array.from({ length: 70 }, (_, i) => i + 1), 'progress counts every file once');
  });

  it('blames the file that crashed, not those answered just before it (the crash can overtake their answers)', TEST_TIMEOUT, async () => {
    const paths = pathsWith({ 15: 'crash.yaml', 31: 'crash.yaml' }, 40);
    const results = await scanFiles(paths, options({ jobs: 1 }));
    assert.deepEqual(results.flatMap((r, index) => (r.error ? [index] : [])), [15, 31]);
  });

  it('fails the scan when the worker cannot even start, instead of blaming each file', TEST_TIMEOUT, async () => {
    await assert.rejects(scanFiles(pathsWith({}, 5), options({ workerScript: BROKEN_WORKER })), /the scan worker could not start: cannot load the engine/);
  });

  it('can be cancelled while a worker is stuck', TEST_TIMEOUT, async () => {
    const controller = new AbortController();
    const scanning = scanFiles(pathsWith({ 0: 'hang.yaml' }, 3), options({ signal: controller.signal, hardTimeoutMs: 60_000 }));
    setTimeout(() => controller.abort(), 300);
    await assert.rejects(scanning, ScanCancelledError);
  });

  it('lints nothing, quickly, when there is nothing to lint', async () => {
    assert.deepEqual(await scanFiles([], options()), []);
  });
});
