// The effective configuration the engine applies to one file (after presets, extends and overrides).
import type { CustomPodSpecPath } from '../k8s/podCarriers.js';
import type { TeamSecretPattern } from '../secrets/teamPatterns.js';
import type { LintLimits } from '../text/limits.js';
import type { Severity } from '../text/severity.js';

export type RuleSeverity = Severity | 'off';

export interface RuleSetting {
  /** Undefined: the rule decides per finding (its default severity, or a report's own). */
  severity?: RuleSeverity;
  /** Complete options, the rule's defaults already merged in (presets and the resolver do it); absent: the defaults. */
  options?: Record<string, unknown>;
}

/** Whether a rule with this setting runs: a rule the config does not name, or names `off`, does not. */
export function isOn(setting: RuleSetting | undefined): setting is RuleSetting & { severity?: Severity } {
  return setting !== undefined && setting.severity !== 'off';
}

/**
 * A team config `ignores` entry, already matched to this file by its `files` globs: findings of `rule`
 * inside resources that match kind/name/namespace (all given ones) are suppressed with `reason`.
 */
export interface ResourceIgnore {
  rule: string;
  kind?: string;
  name?: string;
  namespace?: string;
  reason: string;
}

export interface LintConfig {
  /** Settings by rule id; a rule absent here is off. */
  rules: Record<string, RuleSetting>;
  /** Rule ids that inline suppressions (comments, annotations) cannot switch off. */
  locked?: readonly string[];
  /** External suppressions from the team config. */
  ignores?: readonly ResourceIgnore[];
  /** Severity of the report on a suppression that hid nothing (default `info`). */
  unusedSuppressions?: RuleSeverity;
  /** The Dockerfile stage that ships (`docker build --target`); the final stage when unset. */
  dockerfileTarget?: string;
  /** The team's own secret patterns that apply to this file (`secrets.patterns`, less those whose `allow.paths` match it). */
  secretPatterns?: readonly TeamSecretPattern[];
  /** What one file may cost (size, time); the defaults when absent. */
  limits?: Partial<LintLimits>;
  /** The team's own resource kinds that carry a PodSpec, and where (config `podSpecPaths`). */
  podSpecPaths?: readonly CustomPodSpecPath[];
}
