// How a row of the format tables becomes a TokenPattern: token boundaries, the assignment shape of
// "vendor name near a value" formats, and the validators several formats share.
import type { Severity } from '../../text/severity.js';
import { shannonEntropy } from '../entropy.js';
import type { KeyedPattern, TokenPattern } from './types.js';

/** Not preceded by a token character: a cheap word boundary that also treats `_` and `-` as inside. */
const START = String.raw`(?<![A-Za-z0-9_-])`;
const END = String.raw`(?![A-Za-z0-9_-])`;

/** The rows' regexes bound their own length (bounded quantifiers): this only caps what a message describes. */
const BOUNDED_BY_REGEX = 16_384;

/** A global regex for a token that stands on its own: `body` between token boundaries. */
export function token(body: string, flags = 'g'): RegExp {
  return new RegExp(`${START}${body}${END}`, flags);
}

/** A token that names its issuer by prefix (`ghp_`, `glpat-`, `xoxb-`): one row of the issued-token table. */
export interface IssuedFormat {
  id: string;
  description: string;
  source: string;
  keywords: readonly string[];
  /** The token, between token boundaries (regex source; bounded quantifiers, no nested repetition). */
  body: string;
  /** Default 3.0 bits per character. */
  minEntropy?: number;
  severity?: Severity;
  /** Regex flags beyond `g` (`i` when the issuer's alphabet is case-insensitive). */
  flags?: string;
  checksum?: string;
  validate?(secret: string, match: RegExpExecArray): boolean;
  documentedExamples?: readonly string[];
}

export function issued(format: IssuedFormat): TokenPattern {
  const { body, flags = '', minEntropy = 3.0, severity = 'error', ...rest } = format;
  return { ...rest, regex: token(body, `g${flags}`), maxLength: BOUNDED_BY_REGEX, minEntropy, severity };
}

/**
 * A secret that only its issuer's name beside it identifies (`DISCORD_TOKEN=<64 hex>`): one row of the
 * vendor-keyed table, after gitleaks' shape `<name>… = <value>` (the name anywhere in the key).
 */
export interface VendorKeyedFormat {
  id: string;
  description: string;
  source: string;
  /** Lower-case spellings of the issuer's name as it appears in keys (`new-relic`, `newrelic`). */
  names: readonly string[];
  /** The value (regex source, matched case-insensitively as gitleaks does). */
  value: string;
  /** Default 3.0 bits per character. */
  minEntropy?: number;
}

const ESCAPE = /[.*+?^${}()|[\]\\]/g;
/** Up to 20 key characters after the name, then `=`, `:`, `:=`, `=>`, `,` (JSON, YAML, shell, Go, PHP) with quotes around. */
const ASSIGNMENT = String.raw`[\w.-]{0,20}[ \t'"]{0,3}(?:=>|:{1,3}=|=|:|,)[ \t'"\x60=]{0,5}`;

export function vendorKeyed(format: VendorKeyedFormat): TokenPattern {
  const { names, value, minEntropy = 3.0, ...rest } = format;
  const name = names.map((n) => n.replace(ESCAPE, '\\$&')).join('|');
  return {
    ...rest,
    keywords: names,
    regex: new RegExp(`(?:${name})${ASSIGNMENT}(${value})(?![\\w.+/=-])`, 'dgi'),
    secretGroup: 1,
    maxLength: BOUNDED_BY_REGEX,
    minEntropy,
    severity: 'error',
  };
}

/** The same row, read as a YAML/env key and its value (`hardcoded-credential` names the issuer with it). */
export function vendorKeyedPair(format: VendorKeyedFormat): KeyedPattern {
  const compact = [...new Set(format.names.map((n) => n.replace(/[^a-z0-9]/g, '')))];
  return {
    id: format.id,
    description: format.description,
    key: new RegExp(compact.join('|')),
    value: new RegExp(`^(?:${format.value})$`, 'i'),
    minEntropy: format.minEntropy ?? 3.0,
  };
}

/** A PEM body: base64 lines, with optional `Proc-Type:`-style headers and `\n` escapes (RUN echo, JSON). */
export function isRealPemBody(body: string): boolean {
  const base64 = body
    .replace(/^[ \t]*[A-Za-z-]+:.*$/gm, '')
    .replace(/\\[nr]/g, '')
    .replace(/[\s"']/g, '');
  if (base64.length < 64 || !/^[A-Za-z0-9+/=]+$/.test(base64)) return false;
  return shannonEntropy(base64) >= 3.0;
}

/** The first dot-separated part decodes to a JSON object with an `alg`: a JWT header. */
export function hasJwtHeader(secret: string): boolean {
  try {
    const header: unknown = JSON.parse(Buffer.from(secret.slice(0, secret.indexOf('.')), 'base64url').toString('utf8'));
    return typeof header === 'object' && header !== null && typeof (header as { alg?: unknown }).alg === 'string';
  } catch {
    return false;
  }
}
