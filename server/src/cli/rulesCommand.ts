// `manifestlint rules`: the rule catalog as a table, JSON or Markdown.
import { parseArgs } from 'node:util';
import { allRules } from '../../../rules/index.js';
import { ruleDocsUrl } from '../engine/docsUrl.js';
import { markdownRuleTable } from '../report/ruleTable.js';
import { UsageError } from '../scan/discover.js';

export const RULES_HELP = `manifestlint rules [--format table|json|markdown]

Lists every rule with its default severity, the preset that enables it and whether it has fixes.`;

export function runRules(argv: string[]): number {
  const { values } = parseArgs({ args: argv, options: { format: { type: 'string', short: 'f', default: 'table' } } });
  const rows = allRules.map(({ meta }) => ({ id: meta.id, severity: meta.defaultSeverity, preset: meta.preset, fixable: meta.fixes.length > 0, title: meta.title, docs: ruleDocsUrl(meta.id) }));
  if (values.format === 'json') {
    process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
  } else if (values.format === 'markdown') {
    process.stdout.write(markdownRuleTable(allRules, ruleDocsUrl) + '\n');
  } else if (values.format === 'table') {
    const width = rows.reduce((widest, r) => Math.max(widest, r.id.length), 0);
    for (const row of rows) process.stdout.write(`${row.id.padEnd(width)}  ${row.severity.padEnd(7)}  ${row.preset.padEnd(11)}  ${row.fixable ? 'fix' : '   '}  ${row.title}\n`);
  } else {
    throw new UsageError(`unknown format "${values.format}" (expected: table, json, markdown)`);
  }
  return 0;
}
