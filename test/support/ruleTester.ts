// Runs one rule's table of valid and invalid snippets through the real engine, with only that rule
// on, and compares findings with exact 1-based ranges (as an editor shows them). Invalid snippets also
// go through fix-all: the fixed text must parse and lose the fixed findings, and match `output` if given.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rulesById } from '../../rules/index.js';
import type { LintConfig } from '../../server/src/engine/config.js';
import { lintDocument } from '../../server/src/linter/lint.js';
import type { LintResult } from '../../server/src/engine/runRules.js';
import type { Finding } from '../../server/src/engine/types.js';
import type { Severity } from '../../server/src/text/severity.js';
import { fixAll } from '../../server/src/fixes/fixAll.js';
import { fixToEdits } from '../../server/src/fixes/fixToEdits.js';
import { applyEdits } from '../../server/src/text/edits.js';
import { assertFixSound, assertOnlyEditedLinesChanged } from './fixChecks.js';

export interface ValidCase {
  code: string;
  filename?: string;
  options?: Record<string, unknown>;
  /** The config's `dockerfileTarget` (the stage that ships). */
  dockerfileTarget?: string;
  name?: string;
}

export interface ExpectedError {
  /** 1-based, as the editor's status bar shows them. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  messageId?: string;
  /** Exact message text, or a substring test when it is a RegExp. */
  message?: string | RegExp;
  severity?: Severity;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedError[];
  /**
   * The text after fix-all (ESLint semantics: every non-conflicting preferred fix, applied once);
   * `null` asserts that nothing is fixed. Whether or not it is given, any fix applied must leave text
   * that parses, without the fixed findings and without new ones.
   */
  output?: string | null;
  /**
   * The text after each quick fix the findings offer, applied alone, in the order offered: how a fix
   * that fix-all leaves out (not preferred, it changes more than the finding) is proven.
   */
  quickFixOutputs?: string[];
}

export interface RuleTable {
  valid: (string | ValidCase)[];
  invalid: InvalidCase[];
}

/** Removes the indentation common to all lines, so snippets can be indented inside the test file. */
export function dedent(text: string): string {
  const lines = text.replace(/^\n/, '').replace(/\n[ \t]*$/, '\n').split('\n');
  const indents = lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)?.[0].length ?? 0);
  const common = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(common)).join('\n');
}

export function onlyRule(ruleId: string, options?: Record<string, unknown>): LintConfig {
  return { rules: { [ruleId]: { options: { ...rulesById.get(ruleId)?.meta.defaultOptions, ...options } } } };
}

export function lintWithRule(ruleId: string, test: ValidCase): Finding[] {
  return lintResultWithRule(ruleId, test).findings;
}

function lintResultWithRule(ruleId: string, test: ValidCase, code = test.code): LintResult {
  return lintDocument(code, { uri: test.filename ?? 'manifest.yaml', config: { ...onlyRule(ruleId, test.options), dockerfileTarget: test.dockerfileTarget } });
}

/** Applies fix-all once and checks the result; returns the fixed text. */
function checkFixes(ruleId: string, test: InvalidCase, before: LintResult): string {
  const fixed = fixAll(test.code, before.findings, before.file, before.lines);
  if (fixed.text !== test.code) {
    assertOnlyEditedLinesChanged(test.code, fixed.edits, fixed.text, 'fix-all');
    assertFixSound(before, lintResultWithRule(ruleId, test, fixed.text), fixed.edits, fixed.applied, `fix-all output:\n${fixed.text}`);
  }
  return fixed.text;
}

/** Each offered fix applied alone, checked like fix-all's result; the texts in the order offered. */
function quickFixOutputs(ruleId: string, test: InvalidCase, before: LintResult): string[] {
  return before.findings.flatMap((finding) =>
    (finding.fixes ?? []).map((fix) => {
      const edits = fixToEdits(test.code, fix, before.lines, before.file);
      const text = applyEdits(test.code, edits);
      assertOnlyEditedLinesChanged(test.code, edits, text, fix.title);
      assertFixSound(before, lintResultWithRule(ruleId, test, text), edits, [finding], `${fix.title}, output:\n${text}`);
      return text;
    }),
  );
}

function describeFinding(f: Finding): string {
  return `${f.range.start.line + 1}:${f.range.start.character + 1}-${f.range.end.line + 1}:${f.range.end.character + 1} ${f.message}`;
}

export function ruleTester(ruleId: string, table: RuleTable): void {
  const rule = rulesById.get(ruleId);
  describe(ruleId, () => {
    it('is in the catalog', () => assert.ok(rule, `rule ${ruleId} is not registered in rules/index.ts`));
    table.valid.forEach((entry, i) => {
      const test = typeof entry === 'string' ? { code: entry } : entry;
      it(`valid #${i + 1}${test.name ? `: ${test.name}` : ''}`, () => {
        const findings = lintWithRule(ruleId, test);
        assert.deepEqual(findings.map(describeFinding), [], 'expected no findings');
      });
    });
    table.invalid.forEach((test, i) => {
      it(`invalid #${i + 1}${test.name ? `: ${test.name}` : ''}`, () => {
        const result = lintResultWithRule(ruleId, test);
        const findings = result.findings;
        assert.equal(findings.length, test.errors.length, `expected ${test.errors.length} finding(s), got:\n${findings.map(describeFinding).join('\n')}`);
        test.errors.forEach((expected, k) => {
          const found = findings[k];
          const at = {
            line: found.range.start.line + 1,
            column: found.range.start.character + 1,
            endLine: found.range.end.line + 1,
            endColumn: found.range.end.character + 1,
          };
          assert.deepEqual(at, { line: expected.line, column: expected.column, endLine: expected.endLine, endColumn: expected.endColumn }, `range of finding ${k + 1}: ${found.message}`);
          if (expected.severity) assert.equal(found.severity, expected.severity);
          if (typeof expected.message === 'string') assert.equal(found.message, expected.message);
          if (expected.message instanceof RegExp) assert.match(found.message, expected.message);
          if (expected.messageId) {
            const template = rule?.meta.messages[expected.messageId];
            assert.ok(template, `unknown messageId ${expected.messageId}`);
            const pattern = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\{\s*\w+\s*\}\}/g, '[\\s\\S]*')}$`);
            assert.match(found.message, pattern, `message of finding ${k + 1} is not from ${expected.messageId}`);
          }
        });
        const output = checkFixes(ruleId, test, result);
        if (test.output !== undefined) assert.equal(output, test.output ?? test.code, test.output === null ? 'expected no fix to apply' : 'output after fix-all');
        if (test.quickFixOutputs) assert.deepEqual(quickFixOutputs(ruleId, test, result), test.quickFixOutputs, 'text after each quick fix alone');
      });
    });
  });
}
