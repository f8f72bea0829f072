// Credentials inside a piece of free text held in one value: the `key=value` lines of a config file,
// the command lines of a script (`curl -u user:token`, `mysql -pSECRET`, `export TOKEN=…`), and the
// pairs of formats pasted into it (JSON, XML, .npmrc, URL queries). One finding per secret.
import { assignmentsIn } from './assignments.js';
import { findCliCredentials, shellWords } from './cliFlags.js';
import { judgeCredential, type Credential } from './credentials.js';
import { embeddedPairs, type EmbeddedPair } from './embedded.js';
import { scanTokensInChunks } from './chunkedTokens.js';
import { looksLikeSecret } from './valueShapes.js';

export interface TextCredential {
  judged: Credential;
  /** The name the secret was found under (`password`, `access_token`). */
  pairKey: string;
  /** Set for a command line: how the secret was passed (`-p`, `--password`, `X-Api-Key header`). */
  via?: string;
}

/** Whether the text may hold a command line: several lines, or a flag. */
function mayHoldCommands(text: string): boolean {
  return text.includes('\n') || text.includes(' -');
}

/** Comment lines (`# file_key=…` in a sample config) blanked out, so offsets stay those of `text`. */
function withoutCommentLines(text: string): string {
  return text.includes('#') ? text.replace(/^([ \t]*)(#.*)$/gm, (_line, indent: string, comment: string) => indent + ' '.repeat(comment.length)) : text;
}

/**
 * Every credential found in `text`, offsets in `text`, in no particular order. Names in config files
 * and pasted formats are loose, so they need a value that looks like a secret (`generic` evidence).
 */
export function textCredentials(text: string): TextCredential[] {
  const candidates: TextCredential[] = [];
  for (const line of assignmentsIn(text)) {
    const judged = judgeCredential(line.key, line.value, line.valueStart, { evidence: 'generic' });
    if (judged) candidates.push({ judged, pairKey: line.key });
  }
  for (const pair of embeddedPairs(text)) addJudgedPair(candidates, pair);
  if (mayHoldCommands(text)) {
    for (const cli of findCliCredentials(shellWords(withoutCommentLines(text)))) {
      // A `NAME=value` word is a config line as much as a command: loose names, as above.
      if (cli.via.endsWith('=') && !looksLikeSecret(cli.secret)) continue;
      candidates.push({ judged: { secret: cli.secret, start: cli.start, end: cli.end, strength: 'strong', severity: cli.severity ?? 'warning' }, pairKey: cli.via, via: cli.via });
    }
  }
  return candidates.length === 0 ? candidates : oneFindingPerSpan(candidates, scanTokensInChunks(text));
}

/** Adds a pasted pair's credential, if it holds one, to `candidates`. */
function addJudgedPair(candidates: TextCredential[], pair: EmbeddedPair): void {
  const judged = judgeCredential(pair.key, pair.value, pair.valueStart, { evidence: 'generic', strength: pair.strength });
  if (judged) candidates.push({ judged, pairKey: pair.key });
}

/**
 * Credentials in formats pasted into a word or an instruction (a URL's query, JSON, XML, .npmrc), for
 * callers that read command lines themselves; spans the token rule reports are left to it.
 */
export function pastedCredentials(text: string): TextCredential[] {
  const pairs = embeddedPairs(text);
  if (pairs.length === 0) return [];
  const candidates: TextCredential[] = [];
  for (const pair of pairs) addJudgedPair(candidates, pair);
  return candidates.length === 0 ? candidates : oneFindingPerSpan(candidates, scanTokensInChunks(text));
}

/**
 * Drops candidates that overlap a token (the token rule reports it) or an earlier-starting candidate;
 * on the same start, the first reader wins (lines, then pasted formats, then commands). One sort, one sweep.
 */
function oneFindingPerSpan(candidates: TextCredential[], tokens: readonly { start: number; end: number }[]): TextCredential[] {
  const spans = [
    ...tokens.map((token) => ({ start: token.start, end: token.end, order: -1, candidate: undefined })),
    ...candidates.map((candidate, order) => ({ start: candidate.judged.start, end: candidate.judged.end, order, candidate })),
  ].sort((a, b) => a.start - b.start || a.order - b.order);
  const kept: TextCredential[] = [];
  let coveredTo = -1;
  for (const span of spans) {
    if (span.start < coveredTo) continue;
    coveredTo = span.end;
    if (span.candidate) kept.push(span.candidate);
  }
  return kept;
}
