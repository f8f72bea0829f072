// Saves an input that broke the linter to a file and describes it in a line or two, so a failing fuzz
// or corpus run says where to look without printing a megabyte of input (or its control bytes).
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { LintJob, LintOutcome } from './watchdog.js';

export const FAILURES_DIR = resolve(__dirname, '..', '..', 'test-results', 'robustness');

/** Writes the input as `<hash>-<name>` under test-results/robustness and returns a short description. */
export function recordFailure(job: LintJob, outcome: LintOutcome): string {
  const hash = createHash('sha256').update(job.text).digest('hex').slice(0, 12);
  const name = job.uri.split('/').pop() ?? 'input';
  mkdirSync(FAILURES_DIR, { recursive: true });
  const path = join(FAILURES_DIR, `${hash}-${name}`);
  writeFileSync(path, job.text);
  const problem = outcome.problems[0]?.split('\n')[0] ?? '';
  return `${outcome.kind} after ${Math.round(outcome.ms)} ms on ${job.text.length} chars (input saved to ${path}): ${printable(problem).slice(0, 300)}`;
}

/** Control characters shown as escapes, so a report never drives the terminal. */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
