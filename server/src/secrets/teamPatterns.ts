// A team's own secret patterns (`secrets.patterns` in the config): checked when the config is read,
// compiled once per config into a scanner that runs beside the built-in formats. Findings name the
// pattern's id.
import { compileTeamRegex } from './regexSafety.js';
import { TokenScanner } from './tokens.js';
import type { TokenPattern } from './patterns.js';

/** One entry of `secrets.patterns`, as the config schema guarantees it. */
export interface TeamSecretPattern {
  id: string;
  regex: string;
  /** What the secret is, for messages (default: the id). */
  description?: string;
  /** The regex runs only on text holding one of these (case-insensitive); none: on every value. */
  keywords?: string[];
  /** Shannon entropy floor on the secret, in bits per character. */
  entropy?: number;
  /** Files (globs, relative to the config's folder) and exact values the pattern never reports. */
  allow?: { paths?: string[]; values?: string[] };
}

export interface TeamPatternProblem {
  /** The entry's key the problem is about. */
  field: 'regex' | 'keywords';
  message: string;
}

/** What is wrong with an entry beyond the schema: a regex that does not compile or is unsafe, a non-ASCII keyword. */
export function teamPatternProblems(pattern: TeamSecretPattern): TeamPatternProblem[] {
  const problems: TeamPatternProblem[] = [];
  const compiled = compileTeamRegex(pattern.regex);
  if ('problem' in compiled) problems.push({ field: 'regex', message: `the regex ${compiled.problem}` });
  if (pattern.keywords?.some((k) => /[^\x20-\x7e]/.test(k))) problems.push({ field: 'keywords', message: 'keywords must be printable ASCII (they prefilter the text byte by byte)' });
  return problems;
}

function toTokenPattern(pattern: TeamSecretPattern): TokenPattern | undefined {
  const compiled = compileTeamRegex(pattern.regex);
  if ('problem' in compiled) return undefined; // reported as a config problem; the config is not used then
  // The first capture group is the secret when there is one (as in gitleaks); otherwise the whole match.
  const groups = new RegExp(`${compiled.regex.source}|`, compiled.regex.flags.replace('g', '')).exec('')?.length ?? 1;
  return {
    id: pattern.id,
    description: `secret (team pattern ${pattern.id}${pattern.description ? `: ${pattern.description}` : ''})`,
    keywords: (pattern.keywords ?? []).map((k) => k.toLowerCase()),
    regex: compiled.regex,
    secretGroup: groups > 1 ? 1 : undefined,
    maxLength: 16_384,
    minEntropy: pattern.entropy,
    severity: 'error',
    allowedValues: pattern.allow?.values?.length ? new Set(pattern.allow.values) : undefined,
  };
}

const scanners = new WeakMap<readonly TeamSecretPattern[], TokenScanner | undefined>();

/** The scanner for a config's team patterns (compiled once per config), or undefined when it has none. */
export function teamScanner(patterns: readonly TeamSecretPattern[] | undefined): TokenScanner | undefined {
  if (!patterns || patterns.length === 0) return undefined;
  if (scanners.has(patterns)) return scanners.get(patterns);
  const compiled = patterns.map(toTokenPattern).filter((p): p is TokenPattern => p !== undefined);
  const scanner = compiled.length ? new TokenScanner(compiled, 1) : undefined;
  scanners.set(patterns, scanner);
  return scanner;
}
