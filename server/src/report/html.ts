// A single self-contained HTML page for a reviewer: totals by severity and by rule as a bar chart, then
// the findings grouped by file, each with its source lines and the fixes it offers. It loads nothing
// (inline styles, a Content-Security-Policy that forbids every request), and a secret a finding points
// at is masked in the source lines as it is in messages.
import { relative } from 'node:path';
import { allRules } from '../../../rules/index.js';
import { ruleDocsUrl } from '../engine/docsUrl.js';
import type { Finding } from '../engine/types.js';
import type { Severity } from '../text/severity.js';
import type { FileResult } from '../scan/scan.js';
import { countFindings, plural } from './summary.js';

export interface HtmlOptions {
  cwd: string;
  /** The file's text as it was linted, for source lines; undefined when it cannot be read again. */
  readSource(path: string): string | undefined;
  /** When the report was made (ISO date), shown in its header. */
  generatedAt: string;
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const titles = new Map(allRules.map(({ meta }) => [meta.id, meta.title]));
/** Lines of source shown around a finding. */
const CONTEXT_LINES = 1;
/** Rules whose range is a secret value: it is masked in the source lines. */
const revealsSecret = (ruleId: string) => ruleId.startsWith('secrets/') || ruleId.includes('secret');

export function formatHtml(results: readonly FileResult[], options: HtmlOptions): string {
  const counts = countFindings(results);
  const shown = results.map((result) => ({ result, findings: result.findings.filter((finding) => !finding.suppressed) })).filter(({ result, findings }) => findings.length || result.error);
  const byRule = new Map<string, number>();
  for (const { findings } of shown) for (const finding of findings) byRule.set(finding.ruleId, (byRule.get(finding.ruleId) ?? 0) + 1);
  const rules = [...byRule.entries()].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
  const total = counts.error + counts.warning + counts.info;
  const files = results.length - counts.notLinted;

  const body = [
    `<header><h1>manifestlint report</h1><p>${escape(`${plural(total, 'problem')} in ${plural(files, 'file')}`)}${counts.notLinted ? escape(`; ${plural(counts.notLinted, 'path')} not linted`) : ''} · ${escape(options.generatedAt)}</p></header>`,
    '<section class="charts">',
    chart('By severity', 'severity', SEVERITIES.map((severity) => [severity, counts[severity], severity])),
    chart('By rule', 'rule', rules.map(([ruleId, count]) => [ruleId, count, 'rule'])),
    '</section>',
    ...shown.map(({ result, findings }) => fileSection(result, findings, options)),
  ];
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>manifestlint report</title>
<style>${STYLE}</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}

/** A horizontal bar chart; each bar carries its label and count as data attributes (tests read them). */
function chart(title: string, kind: string, bars: [label: string, count: number, style: string][]): string {
  const max = bars.reduce((most, [, count]) => Math.max(most, count), 1);
  const rows = bars.map(
    ([label, count, style]) =>
      `<div class="bar-row" data-chart="${kind}" data-label="${escape(label)}" data-count="${count}"><span class="bar-label">${escape(label)}</span><span class="bar ${style}" style="width:${((100 * count) / max).toFixed(1)}%"></span><span class="bar-count">${count}</span></div>`,
  );
  return `<figure class="chart"><figcaption>${escape(title)}</figcaption>${rows.join('') || '<p>none</p>'}</figure>`;
}

function fileSection(result: FileResult, findings: Finding[], options: HtmlOptions): string {
  const file = relative(options.cwd, result.path) || result.path;
  const source = findings.length ? options.readSource(result.path) : undefined;
  const lines = source === undefined ? undefined : masked(source, findings).split('\n');
  const items = findings.map((finding) => {
    const { start, end } = finding.range;
    const fixes = finding.fixes?.map((fix) => `<li>${escape(fix.title)}</li>`).join('') ?? '';
    return `<li class="finding ${finding.severity}" data-rule="${escape(finding.ruleId)}">
<p><span class="severity">${finding.severity}</span> <a href="${escape(ruleDocsUrl(finding.ruleId))}"><code>${escape(finding.ruleId)}</code></a> ${escape(titles.get(finding.ruleId) ?? '')} · line ${start.line + 1}</p>
<p class="message">${escape(finding.message)}</p>
${lines ? snippet(lines, start.line, end.line) : ''}${fixes ? `<p>Quick fix:</p><ul class="fixes">${fixes}</ul>` : ''}
</li>`;
  });
  const error = result.error ? `<p class="not-linted">${escape(result.error)}</p>` : '';
  return `<section class="file"><h2>${escape(file)}</h2>${error}<ol class="findings">${items.join('\n')}</ol></section>`;
}

function snippet(lines: string[], first: number, last: number): string {
  const from = Math.max(0, first - CONTEXT_LINES);
  const to = Math.min(lines.length - 1, last + CONTEXT_LINES);
  const rows: string[] = [];
  for (let i = from; i <= to; i++) rows.push(`<span class="${i >= first && i <= last ? 'hit' : ''}"><span class="ln">${i + 1}</span>${escape(lines[i].replace(/\r$/, ''))}</span>`);
  return `<pre class="source">${rows.join('\n')}</pre>`;
}

/** The source with each secret a finding points at masked, keeping its first characters as messages do. */
function masked(source: string, findings: readonly Finding[]): string {
  const secrets = findings.filter((finding) => revealsSecret(finding.ruleId)).sort((a, b) => a.offsets.start - b.offsets.start);
  let out = '';
  let at = 0;
  for (const { offsets } of secrets) {
    if (offsets.end <= at) continue;
    const start = Math.max(at, offsets.start);
    const value = source.slice(start, offsets.end);
    const shown = Math.min(4, Math.floor(value.length / 4));
    out += source.slice(at, start) + value.slice(0, shown) + value.slice(shown).replace(/[^\n]/g, '•');
    at = offsets.end;
  }
  return out + source.slice(at);
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]);
}

const STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:0 auto;max-width:72rem;padding:1rem 2rem;color:#1f2328}
h1{font-size:1.5rem;margin:.5rem 0}h2{font-size:1rem;font-family:ui-monospace,monospace;border-bottom:1px solid #d0d7de;padding-bottom:.25rem}
.charts{display:grid;grid-template-columns:1fr 2fr;gap:2rem}.chart{margin:0}.chart figcaption{font-weight:600;margin-bottom:.5rem}
.bar-row{display:grid;grid-template-columns:16rem 1fr 3rem;align-items:center;gap:.5rem;margin:.15rem 0}
.bar-label{overflow:hidden;text-overflow:ellipsis;white-space:nowrap;font-family:ui-monospace,monospace;font-size:12px}
.bar{height:.9rem;min-width:2px;border-radius:2px;background:#8250df}.bar.error{background:#cf222e}.bar.warning{background:#bf8700}.bar.info{background:#0969da}
.bar-count{text-align:right;font-variant-numeric:tabular-nums}
.findings{list-style:none;padding:0}.finding{border-left:4px solid #0969da;padding:.25rem .75rem;margin:.75rem 0}
.finding.error{border-color:#cf222e}.finding.warning{border-color:#bf8700}
.severity{text-transform:uppercase;font-size:11px;font-weight:700}.message{margin:.25rem 0}
.source{background:#f6f8fa;padding:.5rem;overflow-x:auto;font-size:12px}.source .hit{background:#fff8c5;display:inline-block;min-width:100%}
.ln{display:inline-block;width:3rem;color:#6e7781;user-select:none}.not-linted{color:#cf222e}
`;
