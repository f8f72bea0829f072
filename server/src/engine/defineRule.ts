// Types a rule module against its own options, then erases them for the catalog: the engine hands
// each rule the options its schema validated, so the narrowing here is the one place that trust lives.
import type { Rule } from './types.js';

export function defineRule<Options extends object = Record<string, unknown>>(rule: Rule<Options>): Rule {
  return rule as unknown as Rule;
}
