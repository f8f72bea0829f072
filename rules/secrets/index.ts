// The hardcoded-secret rules, in docs order.
import type { Rule } from '../../server/src/engine/types.js';
import committedSecret from './committed-secret.js';
import hardcodedCredential from './hardcoded-credential.js';
import token from './token.js';

export const secretsRules: Rule[] = [token, hardcodedCredential, committedSecret];
