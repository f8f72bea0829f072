// What the server, the CLI and the tests call: text in, findings out. The engine run over the rule
// catalog, with the recommended preset when no config is given, and suppressions applied. Pure.
import { allRules } from '../../../rules/index.js';
import { recommendedConfig } from '../config/presets.js';
import type { LintConfig } from '../engine/config.js';
import { runRules, type EngineOptions, type LintResult } from '../engine/runRules.js';
import type { Finding } from '../engine/types.js';
import { applySuppressions } from '../suppressions/apply.js';

export interface LintOptions extends Omit<EngineOptions, 'config'> {
  /** The effective configuration; the recommended preset when absent. */
  config?: LintConfig;
  /** Keep suppressed findings (marked `suppressed`) instead of dropping them: SARIF wants them. */
  keepSuppressed?: boolean;
}

/** Findings for `text`; throws NotLintedError for a file past a limit (too large, binary, over its time budget). */
export function lint(text: string, options: LintOptions): Finding[] {
  return lintDocument(text, options).findings;
}

export function lintDocument(text: string, options: LintOptions): LintResult {
  const config = options.config ?? recommendedConfig();
  const result = runRules(text, { ...options, config }, allRules);
  if (!result.file) return result;
  const { findings, later } = applySuppressions({ findings: result.findings, file: result.file, lines: result.lines, config, keepSuppressed: options.keepSuppressed ?? false });
  findings.sort(byPosition);
  return { ...result, findings, ...(later.length && { workspaceSuppressions: later }) };
}

function byPosition(a: Finding, b: Finding): number {
  return a.offsets.start - b.offsets.start || a.offsets.end - b.offsets.end || a.ruleId.localeCompare(b.ruleId);
}
