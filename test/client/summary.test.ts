// The status bar counts and the summary page the user opens from it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderSummaryHtml, statusText, summarize } from '../../client/src/summary.js';

const entries = [
  { file: 'k8s/api.yaml', severity: 'error' as const, rule: 'k8s/privileged-container' },
  { file: 'k8s/api.yaml', severity: 'warning' as const, rule: 'k8s/run-as-root' },
  { file: 'k8s/web.yaml', severity: 'warning' as const, rule: 'k8s/run-as-root' },
  { file: 'k8s/web.yaml', severity: 'warning' as const, rule: 'k8s/run-as-root' },
  { file: 'Dockerfile', severity: 'info' as const, rule: 'dockerfile/image-digest' },
];

describe('findings summary', () => {
  const summary = summarize(entries);

  it('counts by severity for the status bar', () => {
    assert.deepEqual(summary.total, { error: 1, warning: 3, info: 1 });
    assert.equal(statusText(summary.total), '$(shield) $(error) 1  $(warning) 3');
  });

  it('ranks rules and files by severity first, then count', () => {
    assert.deepEqual(summary.byRule.map((r) => r.rule), ['k8s/privileged-container', 'k8s/run-as-root', 'dockerfile/image-digest']);
    assert.deepEqual(summary.worstFiles.map((f) => [f.file, f.error, f.warning]), [['k8s/api.yaml', 1, 1], ['k8s/web.yaml', 0, 2], ['Dockerfile', 0, 0]]);
  });

  it('renders bars with theme colours and escapes file names', () => {
    const html = renderSummaryHtml(summarize([{ file: '<script>.yaml', severity: 'error', rule: 'k8s/host-pid' }]), 'vscode-resource:');
    assert.match(html, /var\(--vscode-charts-red/);
    assert.match(html, /&#60;script&#62;\.yaml/);
    assert.doesNotMatch(html, /<script>/);
    assert.match(html, /Content-Security-Policy/);
  });

  it('tells the user how to scan when there is nothing to show', () => {
    assert.match(renderSummaryHtml(summarize([]), 'x'), /Scan Workspace/);
  });
});
