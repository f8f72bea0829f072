// The reports manifestlint makes about suppressions themselves. They are not rules (nothing to
// configure per domain, nothing to suppress) but findings need an id: SARIF and docs use this table.
import type { Severity } from '../text/severity.js';

export interface SuppressionCheck {
  id: string;
  title: string;
  description: string;
  severity: Severity;
}

export const UNUSED_SUPPRESSION: SuppressionCheck = {
  id: 'manifestlint/unused-suppression',
  title: 'Unused suppression',
  description: 'A suppression comment or annotation names an enabled rule that reports nothing there: remove it so it cannot hide a future finding.',
  severity: 'info',
};

export const LOCKED_SUPPRESSION: SuppressionCheck = {
  id: 'manifestlint/locked-suppression',
  title: 'Suppression of a locked rule',
  description: 'The team config locks this rule: inline suppressions cannot switch it off. Fix the finding, or ask for a reviewed `ignores` entry in the config.',
  severity: 'warning',
};

export const INVALID_SUPPRESSION: SuppressionCheck = {
  id: 'manifestlint/invalid-suppression',
  title: 'Invalid suppression',
  description: 'A suppression comment or annotation names an unknown rule, or lacks the reason that makes it take effect.',
  severity: 'warning',
};

export const SUPPRESSION_CHECKS: readonly SuppressionCheck[] = [UNUSED_SUPPRESSION, LOCKED_SUPPRESSION, INVALID_SUPPRESSION];
