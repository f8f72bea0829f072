// The effective configuration the engine applies to one file (after presets, extends and overrides).
import type { Severity } from '../engine/types.js';

export type RuleSeverity = Severity | 'off';

export interface RuleSetting {
  /** Undefined: the rule decides per finding (its default severity, or a report's own). */
  severity?: RuleSeverity;
  options?: Record<string, unknown>;
}

export interface LintConfig {
  /** Settings by rule id; a rule absent here is off. */
  rules: Record<string, RuleSetting>;
}
