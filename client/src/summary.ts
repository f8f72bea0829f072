// The findings summary behind the status bar item: counts per rule and severity, the worst files,
// and an HTML page with bar charts that uses the editor's theme colours (readable in light and dark).
// Pure: no `vscode` import, so it is unit-tested in node.

export type SummarySeverity = 'error' | 'warning' | 'info';

export interface SummaryEntry {
  /** A label for the file (workspace-relative path). */
  file: string;
  severity: SummarySeverity;
  rule: string;
}

export interface Counts {
  error: number;
  warning: number;
  info: number;
}

export interface Summary {
  total: Counts;
  byRule: ({ rule: string } & Counts)[];
  worstFiles: ({ file: string } & Counts)[];
}

const emptyCounts = (): Counts => ({ error: 0, warning: 0, info: 0 });
/** Orders by errors, then warnings, then info: the worst first. */
export const countsWeight = (c: Counts) => c.error * 1_000_000 + c.warning * 1_000 + c.info;

export function summarize(entries: readonly SummaryEntry[], worstFileCount = 10): Summary {
  const total = emptyCounts();
  const byRule = new Map<string, Counts>();
  const byFile = new Map<string, Counts>();
  for (const entry of entries) {
    total[entry.severity]++;
    const rule = byRule.get(entry.rule) ?? emptyCounts();
    rule[entry.severity]++;
    byRule.set(entry.rule, rule);
    const file = byFile.get(entry.file) ?? emptyCounts();
    file[entry.severity]++;
    byFile.set(entry.file, file);
  }
  const ranked = <K extends string>(map: Map<string, Counts>, key: K) =>
    [...map.entries()].map(([name, counts]) => ({ [key]: name, ...counts }) as { [P in K]: string } & Counts).sort((a, b) => countsWeight(b) - countsWeight(a) || a[key].localeCompare(b[key]));
  return { total, byRule: ranked(byRule, 'rule'), worstFiles: ranked(byFile, 'file').slice(0, worstFileCount) };
}

/** `$(error) 2  $(warning) 5` for the status bar. */
export function statusText(total: Counts): string {
  return `$(shield) $(error) ${total.error}  $(warning) ${total.warning}`;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function bars(rows: ({ label: string } & Counts)[]): string {
  const max = Math.max(1, ...rows.map((r) => r.error + r.warning + r.info));
  return rows
    .map((r) => {
      const segment = (kind: SummarySeverity) => (r[kind] ? `<span class="bar ${kind}" style="width:${((r[kind] / max) * 100).toFixed(1)}%" title="${r[kind]} ${kind}"></span>` : '');
      return `<tr><th scope="row">${escapeHtml(r.label)}</th><td class="chart">${segment('error')}${segment('warning')}${segment('info')}</td><td class="num">${r.error}</td><td class="num">${r.warning}</td><td class="num">${r.info}</td></tr>`;
    })
    .join('\n');
}

export function renderSummaryHtml(summary: Summary, cspSource: string): string {
  const table = (caption: string, rows: ({ label: string } & Counts)[]) =>
    rows.length
      ? `<table><caption>${caption}</caption><thead><tr><th></th><th></th><th class="num">errors</th><th class="num">warnings</th><th class="num">info</th></tr></thead><tbody>${bars(rows)}</tbody></table>`
      : '';
  const { total } = summary;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'unsafe-inline';">
<title>manifestlint summary</title>
<style>
  body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 1.5em; }
  table { border-collapse: collapse; width: 100%; margin: 1.5em 0; }
  caption { text-align: left; font-weight: 600; margin-bottom: .5em; }
  th, td { padding: .25em .5em; text-align: left; }
  th[scope=row] { font-family: var(--vscode-editor-font-family); font-weight: normal; white-space: nowrap; }
  td.chart { width: 50%; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
  .bar { display: inline-block; height: .9em; vertical-align: middle; }
  .bar.error { background: var(--vscode-charts-red, #e51400); }
  .bar.warning { background: var(--vscode-charts-yellow, #bf8803); }
  .bar.info { background: var(--vscode-charts-blue, #1a85ff); }
  .totals span { margin-right: 1.5em; }
</style></head>
<body>
<h1>manifestlint</h1>
<p class="totals"><span>${total.error} errors</span><span>${total.warning} warnings</span><span>${total.info} info</span></p>
${total.error + total.warning + total.info === 0 ? '<p>No findings in the open and scanned files. Run <b>manifestlint: Scan Workspace</b> to check every file.</p>' : ''}
${table('Findings per rule', summary.byRule.map(({ rule, ...c }) => ({ label: rule, ...c })))}
${table('Files with the most findings', summary.worstFiles.map(({ file, ...c }) => ({ label: file, ...c })))}
</body></html>`;
}
