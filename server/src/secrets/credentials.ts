// The keyword + literal heuristic: does `key: value` hold a hardcoded credential? Most credentials (a
// database password) have no format of their own, so the key name is the evidence; the placeholder
// filters (placeholders.ts) keep references and stand-ins out.
import type { Severity } from '../text/severity.js';
import { decodeBase64Text } from './base64.js';
import { shannonEntropy } from './entropy.js';
import { credentialKeyStrength, keySegments, type KeyStrength } from './keyNames.js';
import { KEYED_PATTERNS } from './patterns.js';
import { notASecret, shellDefault } from './placeholders.js';
import { scanTokens } from './tokens.js';
import { looksLikeSecret, valueShape } from './valueShapes.js';

export interface Credential {
  secret: string;
  /** Offsets of the secret within the judged value (quotes and `Bearer ` excluded). */
  start: number;
  end: number;
  strength: KeyStrength;
  severity: Severity;
  /** Set when the value has a known shape under this key (`AWS secret access key`). */
  description?: string;
}

/** Shortest literal a strong key makes a finding (`pwd1` yes, `abc` no: too short to be a real password). */
const MIN_STRONG_LENGTH = 4;
/** Weak keys need a value that looks generated (§1.4). */
const MIN_WEAK_LENGTH = 12;
const MIN_WEAK_ENTROPY = 3.0;
/** Capitalised words run together (`TraefikServiceName`, `ProcessId`): under a weak key, the name of what it looks up, not a generated value. */
export const WORDS_NAME = /^[A-Za-z][a-z]{2,}(?:[A-Z][a-z]+)+$/;
const AUTHORIZATION_VALUE = /^(?:Bearer|Basic|Token|Bot)[ \t]+(\S+)$/i;

/** A literal and where it starts in the text it came from: `"abc"` → `abc` at 1. */
export interface Literal {
  text: string;
  start: number;
}

/** Trims spaces and one pair of matching quotes. */
export function unquote(raw: string, start = 0): Literal {
  const trimmedStart = raw.length - raw.trimStart().length;
  let text = raw.trim();
  let at = start + trimmedStart;
  if (text.length >= 2 && (text[0] === '"' || text[0] === "'") && text[text.length - 1] === text[0]) {
    text = text.slice(1, -1);
    at += 1;
  }
  return { text, start: at };
}

/** `Authorization: Bearer <literal>` and friends: the literal after the scheme, or undefined. */
export function authorizationLiteral(value: Literal): Literal | undefined {
  const match = AUTHORIZATION_VALUE.exec(value.text);
  return match?.[1] ? { text: match[1], start: value.start + value.text.length - match[1].length } : undefined;
}

function keyedPattern(key: string, value: string): { description: string } | undefined {
  const compact = key.toLowerCase().replace(/[^a-z0-9]/g, '');
  return KEYED_PATTERNS.find(
    (p) => p.key.test(compact) && p.value.test(value) && shannonEntropy(value) >= p.minEntropy && !p.documentedExamples?.includes(value),
  );
}

/**
 * How much a key name is worth where the pair sits. `explicit`: a container's env, a Dockerfile
 * ARG/ENV, a command-line flag, a ConfigMap key — a name there is chosen for a program to read, so a
 * credential's name with a literal is enough. `generic`: chart values, CI workflows, CRD fields and
 * the config files held in a value, where names are loose: the value must look like a secret too.
 */
export type Evidence = 'explicit' | 'generic';

export interface JudgeOptions {
  evidence?: Evidence;
  /** The strength of a name the caller recognised itself (`sig` in a query string, `_auth` in an .npmrc). */
  strength?: KeyStrength;
}

/**
 * Judges one key/value pair. Values holding a token format are left to the token rule (one finding
 * per secret); `${VAR:-default}` is judged on its default, a base64 value on the text it encodes (a
 * Secret's `data` written where no Secret is modelled: `dGVzdC1hcGkta2V5Cg==` is `test-api-key`).
 */
export function judgeCredential(key: string, rawValue: string, valueStart = 0, options: JudgeOptions = {}): Credential | undefined {
  const isAuthorizationHeader = /^(?:proxy-)?authorization$/i.test(key.trim());
  const strength: KeyStrength | undefined = isAuthorizationHeader ? 'strong' : (options.strength ?? credentialKeyStrength(key));
  if (!strength) return undefined;
  let literal: Literal | undefined = unquote(rawValue, valueStart);
  const fallback = shellDefault(literal.text);
  if (fallback) literal = { text: fallback.text, start: literal.start + fallback.index };
  if (isAuthorizationHeader) literal = authorizationLiteral(literal);
  if (!literal) return undefined;
  const secret = literal.text;
  const segments = keySegments(key);
  if (isNonSecret(secret, segments) || scanTokens(secret).length > 0) return undefined;
  const span = { secret, start: literal.start, end: literal.start + secret.length, strength };
  const keyed = keyedPattern(key, secret);
  if (keyed) return { ...span, severity: 'error', description: keyed.description };
  const decoded = decodeBase64Text(secret)?.trim();
  const value = decoded || secret;
  if (value !== secret && isNonSecret(value, segments)) return undefined;
  if (strength === 'strong') {
    const enough = value.length >= MIN_STRONG_LENGTH && (options.evidence !== 'generic' || looksLikeSecret(value));
    return enough ? { ...span, severity: 'warning' } : undefined;
  }
  const looksGenerated = value.length >= MIN_WEAK_LENGTH && shannonEntropy(value) >= MIN_WEAK_ENTROPY && looksLikeSecret(value) && !WORDS_NAME.test(value);
  return looksGenerated ? { ...span, severity: 'warning' } : undefined;
}

function isNonSecret(value: string, segments: readonly string[]): boolean {
  return notASecret(value) !== undefined || valueShape(value, segments) !== undefined;
}

/** A Kubernetes object name with a separator: `basic-auth`, `db-credentials`, `tls.example`. */
const OBJECT_NAME = /^[a-z0-9]+(?:[-.][a-z0-9]+)+$/;
const SECRET_WORDS: ReadonlySet<string> = new Set(['secret', 'secrets']);

/**
 * In CRDs and chart values, a key whose last word is `secret` (`tlsSecret`, `passwordSecret`, `secret`)
 * usually names a Secret object: a value shaped like an object name is a reference, not the secret.
 */
export function isSecretObjectReference(key: string, value: string): boolean {
  const segments = keySegments(key);
  return SECRET_WORDS.has(segments[segments.length - 1] ?? '') && OBJECT_NAME.test(value.trim());
}
