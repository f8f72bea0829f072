// The shape of a token format: what the scanner (tokens.ts) needs to find one, and what the docs and
// messages say about it. Data only.
import type { Severity } from '../../text/severity.js';

export interface TokenPattern {
  /** Stable id, used in messages, docs and tests (a team pattern's own id). */
  id: string;
  /** What the credential is, in the user's words (`GitHub personal access token`). */
  description: string;
  /** Where the format is documented (the issuer's docs, or the peer rule it comes from); absent for a team's own pattern. */
  source?: string;
  /** Lower-case substrings; the regex runs only when the text contains one of them. None: it always runs. */
  keywords: readonly string[];
  /** Global; `d` (indices) when `secretGroup` is set. */
  regex: RegExp;
  /** Capture group holding the secret itself; the whole match when absent. */
  secretGroup?: number;
  /** Longest secret the format allows (a bound on what a message could ever describe). */
  maxLength: number;
  /** Shannon entropy floor on the secret, in bits per character (study §1.3 "Floor"). */
  minEntropy?: number;
  severity: Severity;
  /**
   * The secret is free-form (a password after `:` in a URL, after `Password=`): judge it with the
   * placeholder filters (§1.5) rather than trusting the format.
   */
  freeForm?: boolean;
  /** The issuer's checksum, in words (`CRC32 of the random part, base62`): `validate` checks it. */
  checksum?: string;
  /** Extra check on a match: a checksum, a JWT header, a real PEM body, the URL scheme. */
  validate?(secret: string, match: RegExpExecArray): boolean;
  /** A severity that depends on the match (credentials for `localhost` are a warning). */
  severityOf?(match: RegExpExecArray): Severity;
  /** Issuers' documented example values: never reported. */
  documentedExamples?: readonly string[];
  /** Values a team accepts for this pattern (its `allow` list): never reported. */
  allowedValues?: ReadonlySet<string>;
}

/** A key name that makes a value of a given shape a known credential (§1.3 #3 and #10). */
export interface KeyedPattern {
  id: string;
  description: string;
  /** Tested against the key with `_`, `-`, `.` and spaces removed, lower-cased. */
  key: RegExp;
  value: RegExp;
  minEntropy: number;
  documentedExamples?: readonly string[];
}
