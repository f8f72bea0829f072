// `manifestlint rules`: the rule catalog as a table, JSON or Markdown.
import { parseArgs } from 'node:util';
import { allRules } from '../../../rules/index.js';
import { ruleDocsUrl } from '../engine/docsUrl.js';
import { EOL_TABLE_DATE, EOL_TABLE_SOURCE } from '../images/eol.js';
import { EOL_MESSAGES } from '../images/eolRuleText.js';
import { markdownRuleTable } from '../report/ruleTable.js';
import { UsageError } from '../scan/discover.js';

export const RULES_HELP = `manifestlint rules [--format table|json|markdown]

Lists every rule with its default severity, the preset that enables it and whether it has fixes, and
the date of the end-of-life table the end-of-life rules judge images by (npm run data:eol refreshes it).`;

/** The end-of-life rules (Dockerfile, Kubernetes, Compose) share their messages: that is how they are found. */
const EOL_RULES: ReadonlySet<string> = new Set(allRules.filter(({ meta }) => meta.messages === EOL_MESSAGES).map(({ meta }) => meta.id));

/** They judge by a table that ages: say how old it is. */
export const EOL_TABLE_LINE = `End-of-life table (${[...EOL_RULES].join(', ')}): taken on ${EOL_TABLE_DATE} from ${EOL_TABLE_SOURCE}`;

export function runRules(argv: string[]): number {
  const { values } = parseArgs({ args: argv, options: { format: { type: 'string', short: 'f', default: 'table' } } });
  const rows = allRules.map(({ meta }) => ({ id: meta.id, severity: meta.defaultSeverity, preset: meta.preset, fixable: meta.fixes.length > 0, title: meta.title, docs: ruleDocsUrl(meta.id), ...(EOL_RULES.has(meta.id) && { eolTableTakenOn: EOL_TABLE_DATE }) }));
  if (values.format === 'json') {
    process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
  } else if (values.format === 'markdown') {
    process.stdout.write(markdownRuleTable(allRules, ruleDocsUrl) + `\n\n${EOL_TABLE_LINE}\n`);
  } else if (values.format === 'table') {
    const width = rows.reduce((widest, r) => Math.max(widest, r.id.length), 0);
    for (const row of rows) process.stdout.write(`${row.id.padEnd(width)}  ${row.severity.padEnd(7)}  ${row.preset.padEnd(11)}  ${row.fixable ? 'fix' : '   '}  ${row.title}\n`);
    process.stdout.write(`\n${EOL_TABLE_LINE}\n`);
  } else {
    throw new UsageError(`unknown format "${values.format}" (expected: table, json, markdown)`);
  }
  return 0;
}
