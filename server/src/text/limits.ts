// What one file may cost: a size above which it is not linted, a time budget after which its lint is
// abandoned, and content that is not text at all. A file past a limit gets one clear message instead
// of findings, and every other file is linted as usual.

export interface LintLimits {
  /** Files larger than this many megabytes (of text) are not linted. */
  maxFileSizeMB: number;
  /** A lint still running after this many milliseconds is abandoned (checked between parse and rules). */
  timeBudgetMs: number;
}

export const DEFAULT_LIMITS: LintLimits = { maxFileSizeMB: 5, timeBudgetMs: 5000 };

export type NotLintedReason = 'tooLarge' | 'binary' | 'timeBudget';

/** Thrown by the engine when a file is not linted on purpose; callers show its message, not a crash report. */
export class NotLintedError extends Error {
  constructor(
    readonly reason: NotLintedReason,
    message: string,
  ) {
    super(message);
    this.name = 'NotLintedError';
  }
}

export function effectiveLimits(...layers: (Partial<LintLimits> | undefined)[]): LintLimits {
  const limits = { ...DEFAULT_LIMITS };
  for (const layer of layers) {
    if (layer?.maxFileSizeMB !== undefined) limits.maxFileSizeMB = layer.maxFileSizeMB;
    if (layer?.timeBudgetMs !== undefined) limits.timeBudgetMs = layer.timeBudgetMs;
  }
  return limits;
}

export function maxFileBytes(limits: LintLimits): number {
  return Math.floor(limits.maxFileSizeMB * 1024 * 1024);
}

/** Why a file over the size limit is not linted, and where the limit is set. */
export function tooLargeReason(limits: LintLimits): string {
  return `the file is larger than ${limits.maxFileSizeMB} MB (limits.maxFileSizeMB in the manifestlint config).`;
}

/**
 * Throws NotLintedError when `text` is over the size limit or is binary. Size counts UTF-16 code units,
 * which for a file read from disk is at most its byte count: the CLI checks the byte size before reading.
 */
export function assertLintable(text: string, limits: LintLimits): void {
  if (text.length > maxFileBytes(limits)) throw new NotLintedError('tooLarge', `Not linted: ${tooLargeReason(limits)}`);
  if (looksBinary(text)) throw new NotLintedError('binary', 'Not linted: the file holds binary content, not text.');
}

/** How far into a file to look for a NUL, as git does to tell binary files from text. */
const BINARY_SNIFF_LENGTH = 8000;

/** A NUL among the first few thousand characters: no Dockerfile or YAML file has one. */
export function looksBinary(text: string): boolean {
  const nul = text.indexOf('\u0000');
  return nul !== -1 && nul < BINARY_SNIFF_LENGTH;
}

/** A clock the engine checks between its steps; abandons the lint once the budget is spent. */
export class LintDeadline {
  private readonly deadline: number;

  constructor(
    private readonly budgetMs: number,
    private readonly now: () => number = performance.now.bind(performance),
  ) {
    this.deadline = now() + budgetMs;
  }

  check(): void {
    if (this.now() > this.deadline) {
      throw new NotLintedError('timeBudget', `Not linted: linting this file took longer than ${this.budgetMs} ms (limits.timeBudgetMs in the manifestlint config); it was abandoned.`);
    }
  }
}
