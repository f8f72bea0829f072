// Finds self-identifying credentials (the token-format table, and a team's own patterns) in a piece of
// text: one keyword pass over the text for the whole table, then only the regexes of the formats whose
// keyword occurs, then floors, validators and placeholders.
import type { Severity } from '../text/severity.js';
import { shannonEntropy } from './entropy.js';
import { KeywordIndex } from './keywordIndex.js';
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
/** The shortest text any built-in pattern can match (`a://b:c@d` is 9). */
const MIN_SCANNED_LENGTH = 9;
const NO_MATCHES: readonly TokenMatch[] = [];

/** A compiled set of patterns: its keyword index, and which patterns each keyword gates. */
export class TokenScanner {
  private readonly keywords: KeywordIndex;
  /** For each keyword id, the indexes of the patterns it gates. */
  private readonly gates: (readonly number[])[];
  /** Patterns without keywords: they always run. */
  private readonly ungated: readonly number[];
  private readonly documentedExamples: ReadonlySet<string>;
  private readonly minLength: number;
  /** Per pattern, the scan that last gated it (a counter, so no set is allocated per scan). */
  private readonly gatedIn: Uint32Array;
  private scanCount = 0;

  constructor(readonly patterns: readonly TokenPattern[], minLength = MIN_SCANNED_LENGTH) {
    const keywordIds = new Map<string, number>();
    const gates: number[][] = [];
    const ungated: number[] = [];
    patterns.forEach((pattern, index) => {
      if (pattern.keywords.length === 0) ungated.push(index);
      for (const keyword of pattern.keywords) {
        let id = keywordIds.get(keyword);
        if (id === undefined) {
          id = gates.length;
          keywordIds.set(keyword, id);
          gates.push([]);
        }
        gates[id].push(index);
      }
    });
    this.keywords = new KeywordIndex([...keywordIds.keys()]);
    this.gates = gates;
    this.ungated = ungated;
    this.documentedExamples = new Set(patterns.flatMap((p) => p.documentedExamples ?? []));
    this.minLength = minLength;
    this.gatedIn = new Uint32Array(patterns.length);
  }

  /** Every credential in `text` (up to its first 64 KB), in text order; overlapping matches go to the earlier pattern. */
  scan(text: string): readonly TokenMatch[] {
    if (text.length < this.minLength) return NO_MATCHES;
    const scanned = text.length > MAX_SCANNED_LENGTH ? text.slice(0, MAX_SCANNED_LENGTH) : text;
    const gated = this.gatedPatterns(scanned);
    if (gated.length === 0) return NO_MATCHES;
    const found: TokenMatch[] = [];
    for (const index of gated) {
      const pattern = this.patterns[index];
      const { regex } = pattern;
      regex.lastIndex = 0;
      for (let match = regex.exec(scanned); match; match = regex.exec(scanned)) {
        if (match[0].length === 0) regex.lastIndex++; // a team's pattern may match the empty string
        const accepted = this.accept(pattern, match);
        if (accepted && !overlapsAny(found, accepted)) found.push(accepted);
      }
    }
    return found.sort((a, b) => a.start - b.start);
  }

  /** Indexes of the patterns to run on `text`, in table order (earlier, more specific entries win overlaps). */
  private gatedPatterns(text: string): number[] {
    const scan = ++this.scanCount;
    const gated: number[] = [...this.ungated];
    for (const index of this.ungated) this.gatedIn[index] = scan;
    this.keywords.find(text, (id) => {
      for (const index of this.gates[id]) {
        if (this.gatedIn[index] === scan) continue;
        this.gatedIn[index] = scan;
        gated.push(index);
      }
    });
    return gated.length > 1 ? gated.sort((a, b) => a - b) : gated;
  }

  private accept(pattern: TokenPattern, match: RegExpExecArray): TokenMatch | undefined {
    const group = pattern.secretGroup;
    const span = group === undefined ? [match.index, match.index + match[0].length] : match.indices?.[group];
    const secret = group === undefined ? match[0] : match[group];
    if (!span || !secret || secret.length > pattern.maxLength) return undefined;
    if (this.documentedExamples.has(secret) || pattern.allowedValues?.has(secret)) return undefined;
    if (pattern.minEntropy !== undefined && shannonEntropy(secret) < pattern.minEntropy) return undefined;
    if (pattern.freeForm ? notASecret(secret) !== undefined : isMaskedToken(secret)) return undefined;
    if (pattern.validate && !pattern.validate(secret, match)) return undefined;
    return { pattern, secret, start: span[0], end: span[1], severity: pattern.severityOf?.(match) ?? pattern.severity };
  }
}

const BUILT_IN = new TokenScanner(TOKEN_PATTERNS);

/**
 * The credentials in `text`: the built-in formats, then a team's own patterns (`secrets.patterns`),
 * which never re-report a span a built-in format already reported.
 */
export function scanTokens(text: string, team?: TokenScanner): readonly TokenMatch[] {
  const builtIn = BUILT_IN.scan(text);
  if (!team) return builtIn;
  const extra = team.scan(text).filter((m) => !overlapsAny(builtIn, m));
  return extra.length === 0 ? builtIn : [...builtIn, ...extra].sort((a, b) => a.start - b.start);
}

/** Earlier table entries win: a token inside a URL is reported once, as the token. */
function overlapsAny(found: readonly TokenMatch[], candidate: TokenMatch): boolean {
  return found.some((f) => f.start < candidate.end && candidate.start < f.end);
}
