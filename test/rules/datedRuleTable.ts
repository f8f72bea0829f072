// A rule table for rules that judge dates (end of life): like test/support/ruleTester.ts, with the
// day pinned through RunOptions.now so the table never ages. Each invalid case names its findings
// (exact 1-based ranges, message, severity) and the text after its first finding's first quick fix,
// proven sound by re-linting on the same day.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { onlyRule } from '../support/ruleTester.js';
import { assertFixSound } from '../support/fixChecks.js';
import { lintDocument } from '../../server/src/linter/lint.js';
import { fixToEdits } from '../../server/src/fixes/fixToEdits.js';
import { applyEdits } from '../../server/src/text/edits.js';
import type { Finding } from '../../server/src/engine/types.js';

export interface DatedCase {
  name: string;
  code: string;
  filename: string;
  /** `YYYY-MM-DD`, the day the rule judges on. */
  today: string;
  options?: Record<string, unknown>;
  /** `line:column-endLine:endColumn severity message` per finding. */
  findings?: string[];
  /** The text after the first fix of the first finding; null: no fix is offered. */
  fixed?: string | null;
}

function describeFinding(f: Finding): string {
  return `${f.range.start.line + 1}:${f.range.start.character + 1}-${f.range.end.line + 1}:${f.range.end.character + 1} ${f.severity} ${f.message}`;
}

function lintOn(ruleId: string, test: DatedCase, code = test.code) {
  return lintDocument(code, { uri: test.filename, config: onlyRule(ruleId, test.options), now: new Date(`${test.today}T12:00:00Z`) });
}

export function datedRuleTable(ruleId: string, cases: readonly DatedCase[]): void {
  describe(ruleId, () => {
    for (const test of cases) {
      it(test.name, () => {
        const before = lintOn(ruleId, test);
        assert.deepEqual(before.findings.map(describeFinding), test.findings ?? []);
        if (test.fixed === undefined) return;
        const fix = before.findings[0]?.fixes?.[0];
        if (test.fixed === null) return assert.equal(fix, undefined, 'expected no quick fix');
        assert.ok(fix, 'expected a quick fix');
        assert.equal(fix.isPreferred, undefined, 'a new release is for a person to choose: never applied by fix-all');
        const edits = fixToEdits(test.code, fix, before.lines, before.file);
        const output = applyEdits(test.code, edits);
        assert.equal(output, test.fixed);
        assertFixSound(before, lintOn(ruleId, test, output), edits, [before.findings[0]], `${fix.title}:\n${output}`);
      });
    }
  });
}
