// Counts findings by severity across a scan: the summary line, exit codes and the status bar share it.
import type { Severity } from '../engine/types.js';
import type { FileResult } from '../scan/scan.js';

export type SeverityCounts = Record<Severity, number> & { failedFiles: number };

export function countFindings(results: readonly FileResult[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0, failedFiles: 0 };
  for (const result of results) {
    if (result.error) counts.failedFiles++;
    for (const finding of result.findings) if (!finding.suppressed) counts[finding.severity]++;
  }
  return counts;
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
