// The whole rule catalog: what the engine runs, the docs list and the presets derive from.
import type { Rule } from '../server/src/engine/types.js';
import { dockerfileRules } from './dockerfile/index.js';
import { k8sRules } from './k8s/index.js';
import { secretsRules } from './secrets/index.js';

export const allRules: readonly Rule[] = [...k8sRules, ...dockerfileRules, ...secretsRules];

export const rulesById: ReadonlyMap<string, Rule> = new Map(allRules.map((rule) => [rule.meta.id, rule]));
