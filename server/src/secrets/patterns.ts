// The token-format table: credentials that identify themselves by prefix, alphabet and length, by their
// surroundings (a PEM block, a connection string), or by their issuer's name beside them. The rows live
// in formats/ by kind; this module puts them in the order the scanner (tokens.ts) tries them.
import { vendorKeyed, vendorKeyedPair } from './formats/build.js';
import { ISSUED_FORMATS } from './formats/issued.js';
import { CONTEXT_FORMATS, KEY_BLOCK_FORMATS } from './formats/structural.js';
import type { KeyedPattern, TokenPattern } from './formats/types.js';
import { VENDOR_KEYED_FORMATS } from './formats/vendorKeyed.js';

export type { KeyedPattern, TokenPattern } from './formats/types.js';
export { CREDENTIAL_URL_SCHEMES } from './formats/urls.js';

/**
 * Order matters: when two patterns match overlapping text, the earlier entry wins. Key blocks first
 * (a token inside a key is part of it), then issuer prefixes, then the surroundings-based rows, and
 * the free-form passwords (URLs, connection strings) last among those.
 */
export const TOKEN_PATTERNS: readonly TokenPattern[] = [
  ...KEY_BLOCK_FORMATS,
  ...ISSUED_FORMATS,
  ...VENDOR_KEYED_FORMATS.map(vendorKeyed),
  ...CONTEXT_FORMATS,
];

/** Credentials recognised by shape only under a key that names them (they are otherwise plain base64/hex). */
export const KEYED_PATTERNS: readonly KeyedPattern[] = [
  {
    id: 'aws-secret-access-key',
    description: 'AWS secret access key',
    key: /secretaccesskey$/,
    value: /^[A-Za-z0-9/+]{40}$/,
    minEntropy: 4.0,
    documentedExamples: ['wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
  },
  {
    id: 'twilio-auth-token',
    description: 'Twilio auth token',
    key: /^twilioauthtoken$/,
    value: /^[0-9a-f]{32}$/,
    minEntropy: 3.0,
  },
  ...VENDOR_KEYED_FORMATS.map(vendorKeyedPair),
];
