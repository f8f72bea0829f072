// Human-readable report: one line per finding (`file:line:col  severity  message  rule-id`) and a
// summary. Colours only when writing to a terminal.
import { relative } from 'node:path';
import type { Severity } from '../engine/types.js';
import type { FileResult } from '../scan/scan.js';
import { countFindings, plural } from './summary.js';

const COLOR: Record<Severity | 'dim' | 'bold', [number, number]> = { error: [31, 39], warning: [33, 39], info: [36, 39], dim: [2, 22], bold: [1, 22] };

export function formatStylish(results: readonly FileResult[], options: { color: boolean; cwd: string }): string {
  const paint = (style: keyof typeof COLOR, text: string) => (options.color ? `\u001b[${COLOR[style][0]}m${text}\u001b[${COLOR[style][1]}m` : text);
  const lines: string[] = [];
  for (const result of results) {
    const file = relative(options.cwd, result.path) || result.path;
    if (result.error) lines.push(`${file}  ${paint('error', 'error')}  ${result.error}`);
    for (const finding of result.findings) {
      if (finding.suppressed) continue;
      const at = `${file}:${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
      lines.push(`${at}  ${paint(finding.severity, finding.severity.padEnd(7))}  ${finding.message}  ${paint('dim', finding.ruleId)}`);
    }
  }
  const counts = countFindings(results);
  const total = counts.error + counts.warning + counts.info;
  const scanned = plural(results.length, 'file');
  const failed = counts.failedFiles ? `, ${plural(counts.failedFiles, 'file')} could not be linted` : '';
  if (total === 0) {
    lines.push(`${paint('bold', '✔ no problems')} in ${scanned}${failed}`);
  } else {
    const worst: Severity = counts.error ? 'error' : counts.warning ? 'warning' : 'info';
    lines.push('', paint(worst, paint('bold', `✖ ${plural(total, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info) in ${scanned}${failed}`)));
  }
  return lines.join('\n') + '\n';
}
