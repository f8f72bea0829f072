// Finds self-identifying credentials (the token-format table) in a piece of text: one cheap keyword
// test for the whole table, then only the gated regexes, then floors, validators and placeholders.
import type { Severity } from '../text/severity.js';
import { shannonEntropy } from './entropy.js';
import { TOKEN_PATTERNS, type TokenPattern } from './patterns.js';
import { isMaskedToken, notASecret } from './placeholders.js';

export interface TokenMatch {
  pattern: TokenPattern;
  secret: string;
  /** Offsets of the secret within the scanned text. */
  start: number;
  end: number;
  severity: Severity;
}

/** Texts longer than this are scanned up to it (a 1 MB base64 blob must not cost a keystroke). */
const MAX_SCANNED_LENGTH = 64 * 1024;
/** The shortest text any pattern can match (`a://b:c@d` is 9). */
const MIN_SCANNED_LENGTH = 9;
const DOCUMENTED_EXAMPLES: ReadonlySet<string> = new Set(TOKEN_PATTERNS.flatMap((p) => p.documentedExamples ?? []));
const NO_MATCHES: readonly TokenMatch[] = [];

/** Longest first: at a position the alternation then records the longest keyword that starts there. */
const KEYWORDS = [...new Set(TOKEN_PATTERNS.flatMap((p) => p.keywords))].sort((a, b) => b.length - a.length);
/**
 * One pass finds every keyword: a zero-width match at each position where one starts. Every other
 * keyword starting at that position is a prefix of the one recorded, so each keyword stands for the
 * keywords it starts with (`sk-ant-` for `sk`): the set of patterns to run is exact.
 */
const KEYWORD_AT = new RegExp(`(?=(${KEYWORDS.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')}))`, 'gi');
const PATTERNS_BY_KEYWORD = new Map<string, ReadonlySet<TokenPattern>>(
  KEYWORDS.map((keyword) => [keyword, new Set(TOKEN_PATTERNS.filter((p) => p.keywords.some((k) => keyword.startsWith(k))))]),
);

/** The patterns whose keywords occur in `text`, or undefined when none does. */
function gatedPatterns(text: string): Set<TokenPattern> | undefined {
  let gated: Set<TokenPattern> | undefined;
  KEYWORD_AT.lastIndex = 0;
  for (let match = KEYWORD_AT.exec(text); match; match = KEYWORD_AT.exec(text)) {
    KEYWORD_AT.lastIndex = match.index + 1;
    for (const pattern of PATTERNS_BY_KEYWORD.get((match[1] ?? '').toLowerCase()) ?? []) (gated ??= new Set()).add(pattern);
  }
  return gated;
}

export function scanTokens(text: string): readonly TokenMatch[] {
  if (text.length < MIN_SCANNED_LENGTH) return NO_MATCHES;
  const scanned = text.length > MAX_SCANNED_LENGTH ? text.slice(0, MAX_SCANNED_LENGTH) : text;
  const gated = gatedPatterns(scanned);
  if (!gated) return NO_MATCHES;
  const found: TokenMatch[] = [];
  // Table order, so that on overlapping matches the earlier (more specific) entry wins.
  for (const pattern of TOKEN_PATTERNS) {
    if (!gated.has(pattern)) continue;
    const { regex } = pattern;
    regex.lastIndex = 0;
    for (let match = regex.exec(scanned); match; match = regex.exec(scanned)) {
      const accepted = accept(pattern, match);
      if (accepted && !overlapsAny(found, accepted)) found.push(accepted);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

function accept(pattern: TokenPattern, match: RegExpExecArray): TokenMatch | undefined {
  const group = pattern.secretGroup;
  const span = group === undefined ? [match.index, match.index + match[0].length] : match.indices?.[group];
  const secret = group === undefined ? match[0] : match[group];
  if (!span || secret === undefined || secret.length > pattern.maxLength) return undefined;
  if (DOCUMENTED_EXAMPLES.has(secret)) return undefined;
  if (pattern.minEntropy !== undefined && shannonEntropy(secret) < pattern.minEntropy) return undefined;
  if (pattern.freeForm ? notASecret(secret) !== undefined : isMaskedToken(secret)) return undefined;
  if (pattern.validate && !pattern.validate(secret, match)) return undefined;
  return { pattern, secret, start: span[0], end: span[1], severity: pattern.severityOf?.(match) ?? pattern.severity };
}

/** Earlier table entries win: a token inside a URL is reported once, as the token. */
function overlapsAny(found: readonly TokenMatch[], candidate: TokenMatch): boolean {
  return found.some((f) => f.start < candidate.end && candidate.start < f.end);
}
