// Counts findings by severity across a scan: the summary line and the exit code share it.
import type { Severity } from '../text/severity.js';
import type { FileResult } from '../scan/scan.js';

/** `notLinted`: results that carry an error instead of a lint (a file or a folder that could not be linted). */
export type SeverityCounts = Record<Severity, number> & { notLinted: number };

export function countFindings(results: readonly FileResult[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0, notLinted: 0 };
  for (const result of results) {
    if (result.error) counts.notLinted++;
    for (const finding of result.findings) if (!finding.suppressed) counts[finding.severity]++;
  }
  return counts;
}

export function plural(count: number, word: string, words = `${word}s`): string {
  return `${count} ${count === 1 ? word : words}`;
}
