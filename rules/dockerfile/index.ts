// The Dockerfile rules, in docs order.
import type { Rule } from '../../server/src/engine/types.js';

export const dockerfileRules: Rule[] = [];
