// Checks every fix must pass, shared by the rule tables and the round-trip test: the fixed text parses,
// the fixed findings are gone, nothing new is reported, and text outside the edits is byte-identical.
import assert from 'node:assert/strict';
import type { LintResult } from '../../server/src/engine/runRules.js';
import type { Finding } from '../../server/src/engine/types.js';
import type { TextEdit } from '../../server/src/text/edits.js';

export function syntaxErrorsOf(result: LintResult): string[] {
  return result.file?.language === 'yaml' ? result.file.syntaxErrors.map((e) => e.message) : [];
}

/** Where an offset of the fixed text was in the original: text inside an edit maps to the edit's start. */
function originalOffset(offset: number, edits: readonly TextEdit[]): number {
  let delta = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    if (offset < edit.start + delta) break;
    if (offset < edit.start + delta + edit.newText.length) return edit.start;
    delta += edit.newText.length - (edit.end - edit.start);
  }
  return offset - delta;
}

/**
 * `after` (the lint of the text fixed by `edits`) may only report what `before` reported, less the
 * `fixed` findings. A finding counts as the same when it has the same rule and either the same message
 * or the same start once mapped back through the edits (a fix may change another finding's wording,
 * e.g. the image it names). `mayAppear` names rules a fix legitimately brings to light (fixing
 * `privileged: true` makes allowPrivilegeEscalation matter).
 */
export function assertFixSound(
  before: LintResult,
  after: LintResult,
  edits: readonly TextEdit[],
  fixed: readonly Finding[],
  context: string,
  mayAppear: ReadonlySet<string> = new Set(),
): void {
  assert.ok(syntaxErrorsOf(after).length <= syntaxErrorsOf(before).length, `${context}: the fixed text no longer parses:\n${syntaxErrorsOf(after).join('\n')}`);
  const unmatched = before.findings.filter((finding) => !fixed.includes(finding));
  for (const finding of after.findings) {
    const start = originalOffset(finding.offsets.start, edits);
    const same = unmatched.findIndex((old) => old.ruleId === finding.ruleId && (old.message === finding.message || old.offsets.start === start));
    if (same !== -1) {
      unmatched.splice(same, 1);
      continue;
    }
    if (mayAppear.has(finding.ruleId)) continue;
    const stillThere = fixed.some((old) => old.ruleId === finding.ruleId && (old.message === finding.message || old.offsets.start === start));
    assert.fail(`${context}: after the fix, "${finding.ruleId}: ${finding.message}" is reported (${stillThere ? 'the fixed finding is still there' : 'a new finding'})`);
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
