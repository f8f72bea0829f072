// Built-in presets: `recommended` ⊂ `strict` ⊂ `all`, derived from each rule's metadata, and the Pod
// Security Standards profiles `pss-baseline` and `pss-restricted`, made of the rules that check them.
import type { PresetName, RuleMeta } from '../engine/types.js';
import { allRules } from '../../../rules/index.js';
import { controlOptions, POD_SECURITY_PROFILES, type PodSecurityProfile } from '../../../rules/k8s/pod-security.js';
import type { LintConfig } from '../engine/config.js';

/** A preset `extends` can name: `manifestlint:<name>`. */
export type BuiltInPreset = PresetName | `pss-${PodSecurityProfile}`;
export const BUILT_IN_PRESETS: readonly BuiltInPreset[] = ['recommended', 'strict', 'all', 'pss-baseline', 'pss-restricted'];

const PRESET_ORDER: Record<PresetName, number> = { recommended: 0, strict: 1, all: 2 };

export function presetConfig(name: BuiltInPreset, rules: readonly { meta: RuleMeta }[] = allRules): LintConfig {
  if (name === 'pss-baseline' || name === 'pss-restricted') return podSecurityConfig(name === 'pss-baseline' ? 'baseline' : 'restricted');
  const config: LintConfig = { rules: {} };
  for (const { meta } of rules) {
    if (PRESET_ORDER[meta.preset] <= PRESET_ORDER[name]) config.rules[meta.id] = { options: meta.defaultOptions };
  }
  return config;
}

/** Every control of the profile, as an error: Pod Security admission would reject the pod. */
function podSecurityConfig(profile: PodSecurityProfile): LintConfig {
  const config: LintConfig = { rules: {} };
  for (const control of POD_SECURITY_PROFILES[profile]) config.rules[control.rule.meta.id] = { severity: 'error', options: controlOptions(control) };
  return config;
}

let recommended: LintConfig | undefined;
/** The configuration in force when a workspace has no config file. */
export function recommendedConfig(): LintConfig {
  recommended ??= presetConfig('recommended');
  return recommended;
}
