// The hardcoded-secret rules, in docs order.
import type { Rule } from '../../server/src/engine/types.js';

export const secretsRules: Rule[] = [];
