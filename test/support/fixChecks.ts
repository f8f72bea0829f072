// Checks every fix must pass, shared by the rule tables and the round-trip test: the fixed text parses,
// the fixed findings are gone, nothing new is reported, and text outside the edits is byte-identical.
import assert from 'node:assert/strict';
import type { LintResult } from '../../server/src/engine/lint.js';
import type { Finding } from '../../server/src/engine/types.js';
import type { TextEdit } from '../../server/src/fixes/textEdits.js';

export function syntaxErrorsOf(result: LintResult): string[] {
  return result.file?.language === 'yaml' ? result.file.syntaxErrors.map((e) => e.message) : [];
}

function findingKey(finding: Finding): string {
  return `${finding.ruleId}: ${finding.message}`;
}

/**
 * `after` (the lint of the fixed text) may only report what `before` reported, less the `fixed` findings
 * (compared by rule and message, since positions move). `mayAppear` names rules a fix legitimately
 * brings to light (fixing `privileged: true` makes allowPrivilegeEscalation matter).
 */
export function assertFixSound(before: LintResult, after: LintResult, fixed: readonly Finding[], context: string, mayAppear: ReadonlySet<string> = new Set()): void {
  assert.ok(syntaxErrorsOf(after).length <= syntaxErrorsOf(before).length, `${context}: the fixed text no longer parses:\n${syntaxErrorsOf(after).join('\n')}`);
  const expected = new Map<string, number>();
  for (const finding of before.findings) expected.set(findingKey(finding), (expected.get(findingKey(finding)) ?? 0) + 1);
  for (const finding of fixed) {
    const left = expected.get(findingKey(finding)) ?? 0;
    expected.set(findingKey(finding), left - 1);
  }
  for (const finding of after.findings) {
    const key = findingKey(finding);
    const left = expected.get(key) ?? 0;
    if (left <= 0 && mayAppear.has(finding.ruleId)) continue;
    assert.ok(left > 0, `${context}: after the fix, "${key}" is reported (${fixed.some((f) => findingKey(f) === key) ? 'the fixed finding is still there' : 'a new finding'})`);
    expected.set(key, left - 1);
  }
}

/**
 * Every line before the first edited line and after the last one is byte-identical in the output (line
 * breaks included): a fix never re-serializes the document around what it changes.
 */
export function assertOnlyEditedLinesChanged(original: string, edits: readonly TextEdit[], output: string, context: string): void {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  if (sorted.length === 0) return assert.equal(output, original, `${context}: no edits, yet the text changed`);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  const head = original.slice(0, original.lastIndexOf('\n', first.start - 1) + 1);
  const tailStart = original.indexOf('\n', last.end);
  const tail = tailStart === -1 ? '' : original.slice(tailStart);
  assert.ok(output.startsWith(head), `${context}: a line before the edit changed`);
  assert.ok(output.endsWith(tail), `${context}: a line after the edit changed`);
}
