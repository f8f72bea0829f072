// The CLI's `--fix`: lint, apply every preferred fix, re-lint, repeat until nothing changes.
import type { LintConfig } from '../engine/config.js';
import { lintDocument, type LintOptions } from './lint.js';
import type { LintResult } from '../engine/runRules.js';
import { fixAll } from '../fixes/fixAll.js';

/** Enough for fixes that wait on a collision; a fix that keeps re-appearing must not loop forever. */
const MAX_PASSES = 10;

export interface FixFileResult {
  text: string;
  /** The lint of the original text: still true of the file when the fixed text cannot be written. */
  found: LintResult;
  /** Findings fixed over all passes. */
  fixedCount: number;
  /** The lint of the fixed text: what it still reports. */
  remaining: LintResult;
}

export function fixFile(text: string, uri: string, config?: LintConfig, options: Omit<LintOptions, 'uri' | 'config'> = {}): FixFileResult {
  const lintOptions: LintOptions = { ...options, uri, config };
  let current = text;
  let result = lintDocument(current, lintOptions);
  const found = result;
  let fixedCount = 0;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const fixed = fixAll(current, result.findings, result.file, result.lines);
    if (fixed.applied.length === 0 || fixed.text === current) break;
    const next = lintDocument(fixed.text, lintOptions);
    // A pass that breaks the YAML is a fix-layer bug: keep the last good text rather than write it.
    if (syntaxErrorCount(next) > syntaxErrorCount(result)) break;
    current = fixed.text;
    result = next;
    fixedCount += fixed.applied.length;
  }
  return { text: current, found, fixedCount, remaining: result };
}

function syntaxErrorCount(result: LintResult): number {
  return result.file?.language === 'yaml' ? result.file.syntaxErrors.length : 0;
}
