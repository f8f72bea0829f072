// Lints a Compose snippet through the real engine with every rule on (their default options).
import { allRules } from '../../rules/index.js';
import type { LintConfig } from '../../server/src/engine/config.js';
import type { Finding } from '../../server/src/engine/types.js';
import { lintDocument } from '../../server/src/linter/lint.js';

const EVERY_RULE: LintConfig = { rules: Object.fromEntries(allRules.map((rule) => [rule.meta.id, { options: rule.meta.defaultOptions ?? {} }])) };

export function lintCompose(code: string, uri = 'compose.yaml'): Finding[] {
  return lintDocument(code, { uri, config: EVERY_RULE }).findings;
}

/** `3:12-3:17 rule/id`: a finding as a person checks it against the editor. */
export function at(finding: Finding): string {
  const { start, end } = finding.range;
  return `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1} ${finding.ruleId}`;
}
