// Human-readable report: one line per finding (`file:line:col  severity  message  rule-id`), one per
// file that could not be linted, and a summary. Colours only when writing to a terminal; text from the
// repository (names, messages) is printed with its control characters escaped.
import { relative } from 'node:path';
import type { Severity } from '../text/severity.js';
import type { FileResult } from '../scan/scan.js';
import { printable } from './printable.js';
import { countFindings, plural } from './summary.js';

const COLOR: Record<Severity | 'dim' | 'bold', [number, number]> = { error: [31, 39], warning: [33, 39], info: [36, 39], dim: [2, 22], bold: [1, 22] };

export function formatStylish(results: readonly FileResult[], options: { color: boolean; cwd: string }): string {
  const paint = (style: keyof typeof COLOR, text: string) => (options.color ? `\u001b[${COLOR[style][0]}m${text}\u001b[${COLOR[style][1]}m` : text);
  const lines: string[] = [];
  for (const result of results) {
    const file = printable(relative(options.cwd, result.path) || result.path);
    if (result.error) lines.push(`${file}  ${paint('error', 'error')}  ${printable(result.error)}`);
    for (const finding of result.findings) {
      if (finding.suppressed) continue;
      const at = `${file}:${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
      lines.push(`${at}  ${paint(finding.severity, finding.severity.padEnd(7))}  ${printable(finding.message)}  ${paint('dim', printable(finding.ruleId))}`);
    }
  }
  const counts = countFindings(results);
  const total = counts.error + counts.warning + counts.info;
  const linted = plural(results.length - counts.notLinted, 'file');
  // A path, not a file: a folder that could not be read fails as a whole.
  const failed = counts.notLinted ? `${plural(counts.notLinted, 'path')} could not be linted` : '';
  if (total === 0 && !failed) {
    lines.push(`${paint('bold', '✔ no problems')} in ${linted}`);
  } else if (total === 0) {
    lines.push('', paint('error', paint('bold', `✖ ${failed}`)) + `; no problems in ${linted}`);
  } else {
    const worst: Severity = counts.error || failed ? 'error' : counts.warning ? 'warning' : 'info';
    const summary = `✖ ${plural(total, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info) in ${linted}${failed && `; ${failed}`}`;
    lines.push('', paint(worst, paint('bold', summary)));
  }
  return lines.join('\n') + '\n';
}
