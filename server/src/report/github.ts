// GitHub Actions: workflow commands that annotate the pull request's diff (`::error file=…,line=…::`),
// and a Markdown job summary with the findings counted by rule.
import { relative, sep } from 'node:path';
import { allRules } from '../../../rules/index.js';
import { ruleDocsUrl } from '../engine/docsUrl.js';
import type { Severity } from '../text/severity.js';
import type { FileResult } from '../scan/scan.js';
import { printable } from './printable.js';
import { countFindings, plural } from './summary.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };
const titles = new Map(allRules.map(({ meta }) => [meta.id, meta.title]));

export function formatGithubAnnotations(results: readonly FileResult[], options: { cwd: string }): string {
  const lines: string[] = [];
  for (const result of results) {
    const file = (relative(options.cwd, result.path) || result.path).split(sep).join('/');
    if (result.error) lines.push(`::error file=${property(file)},title=manifestlint::${data(result.error)}`);
    for (const finding of result.findings) {
      if (finding.suppressed) continue;
      const { start, end } = finding.range;
      const where = `file=${property(file)},line=${start.line + 1},endLine=${end.line + 1},col=${start.character + 1},endColumn=${end.character + 1}`;
      lines.push(`::${COMMAND[finding.severity]} ${where},title=${property(finding.ruleId)}::${data(finding.message)}`);
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

/** The job summary: totals, then one row per rule with its count by severity, worst rules first. */
export function formatGithubSummary(results: readonly FileResult[], extra: string[] = []): string {
  const counts = countFindings(results);
  const byRule = new Map<string, Record<Severity, number>>();
  for (const result of results) {
    for (const finding of result.findings) {
      if (finding.suppressed) continue;
      const row = byRule.get(finding.ruleId) ?? { error: 0, warning: 0, info: 0 };
      row[finding.severity]++;
      byRule.set(finding.ruleId, row);
    }
  }
  const rows = [...byRule.entries()].sort(([a, x], [b, y]) => y.error - x.error || y.warning - x.warning || y.info - x.info || (a < b ? -1 : 1));
  const total = counts.error + counts.warning + counts.info;
  const lines = ['## manifestlint', '', total === 0 ? `No problems in ${plural(results.length - counts.notLinted, 'file')}.` : `${plural(total, 'problem')}: ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info, in ${plural(results.length - counts.notLinted, 'file')}.`];
  if (counts.notLinted) lines.push('', `${plural(counts.notLinted, 'path')} could not be linted.`);
  for (const line of extra) lines.push('', line);
  if (rows.length) {
    lines.push('', '| Rule | | Errors | Warnings | Info |', '|---|---|---:|---:|---:|');
    for (const [ruleId, row] of rows) lines.push(`| [\`${ruleId}\`](${ruleDocsUrl(ruleId)}) | ${markdown(titles.get(ruleId) ?? '')} | ${row.error} | ${row.warning} | ${row.info} |`);
  }
  return lines.join('\n') + '\n';
}

/**
 * A workflow command's message: `%`, CR and LF escaped (GitHub's toCommandValue), so that text from the
 * repository can neither end the command nor start another; other controls as the terminal report shows them.
 */
function data(text: string): string {
  return printable(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** A workflow command's property value: also `:` and `,`, which end a property. */
function property(text: string): string {
  return data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function markdown(text: string): string {
  return text.replace(/[|\\`*_[\]<>]/g, (char) => `\\${char}`);
}
