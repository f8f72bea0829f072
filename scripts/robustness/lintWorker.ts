// Worker side of the watchdog: lints (and fixes) what it is sent and reports what a user would see go
// wrong: an exception, a range outside the document, a control byte in a message. A hang or an
// out-of-memory death is the watchdog's to notice.
import { parentPort } from 'node:worker_threads';
import { lintDocument } from '../../server/src/linter/lint.js';
import { NotLintedError } from '../../server/src/text/limits.js';
import { fixFile } from '../../server/src/linter/fixFile.js';
import type { Finding } from '../../server/src/engine/types.js';
import type { LintJob, LintOutcome } from './watchdog.js';

// C0 controls but tab and line breaks, ESC-led sequences, DEL and C1 controls: none belongs in a message.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

function check(job: LintJob): LintOutcome {
  const started = performance.now();
  try {
    const result = lintDocument(job.text, { uri: job.uri, limits: job.limits });
    const problems = result.findings.flatMap((finding) => problemsOf(finding, job.text.length, result.lines.lineCount));
    if (job.fix) fixFile(job.text, job.uri, undefined, { limits: job.limits });
    return { kind: problems.length ? 'invalid' : 'ok', ms: performance.now() - started, findings: summary(result.findings), problems };
  } catch (error) {
    if (error instanceof NotLintedError) return { kind: 'notLinted', ms: performance.now() - started, findings: [], problems: [error.message] };
    return { kind: 'threw', ms: performance.now() - started, findings: [], problems: [error instanceof Error ? (error.stack ?? error.message) : String(error)] };
  }
}

function problemsOf(finding: Finding, length: number, lineCount: number): string[] {
  const problems: string[] = [];
  const { start, end } = finding.offsets;
  if (!(0 <= start && start <= end && end <= length)) problems.push(`${finding.ruleId}: offsets ${start}-${end} outside 0-${length}`);
  if (finding.range.end.line >= lineCount + 1 || finding.range.start.line > finding.range.end.line) problems.push(`${finding.ruleId}: range lines ${finding.range.start.line}-${finding.range.end.line} of ${lineCount}`);
  if (CONTROL.test(finding.message)) problems.push(`${finding.ruleId}: control character in message ${JSON.stringify(finding.message)}`);
  return problems;
}

function summary(findings: readonly Finding[]): LintOutcome['findings'] {
  return findings.map((finding) => ({ ruleId: finding.ruleId, line: finding.range.start.line + 1, message: finding.message }));
}

parentPort?.on('message', (job: LintJob) => parentPort?.postMessage(check(job)));
