// Built-in presets, derived from each rule's metadata: `recommended` ⊂ `strict` ⊂ `all`.
import type { PresetName, RuleMeta } from '../engine/types.js';
import { allRules } from '../../../rules/index.js';
import type { LintConfig } from '../engine/config.js';

const PRESET_ORDER: Record<PresetName, number> = { recommended: 0, strict: 1, all: 2 };

export function presetConfig(name: PresetName, rules: readonly { meta: RuleMeta }[] = allRules): LintConfig {
  const config: LintConfig = { rules: {} };
  for (const { meta } of rules) {
    if (PRESET_ORDER[meta.preset] <= PRESET_ORDER[name]) config.rules[meta.id] = { options: meta.defaultOptions };
  }
  return config;
}

let recommended: LintConfig | undefined;
/** The configuration in force when a workspace has no config file. */
export function recommendedConfig(): LintConfig {
  recommended ??= presetConfig('recommended');
  return recommended;
}
