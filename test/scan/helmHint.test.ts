// Reading a chart's templates for a values file's lint: only regular files inside the chart, never a
// link out of it, each within a size limit. (A FIFO or a device among the templates would block or
// flood an in-process test of a regression: test/cli/robustness.test.ts covers those under a timeout.)
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { helmHintFor } from '../../server/src/helm/chart.js';
import { lintFile } from '../../server/src/scan/scan.js';

const TEMPLATE = 'spec:\n  securityContext: {{ toYaml .Values.securityContext | nindent 4 }}\n';

const created: string[] = [];
after(() => created.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function temporary(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

function chart(): string {
  const root = join(temporary('manifestlint-chart-'), 'chart');
  mkdirSync(join(root, 'templates'), { recursive: true });
  writeFileSync(join(root, 'Chart.yaml'), 'apiVersion: v2\nname: web\nversion: 1.0.0\n');
  writeFileSync(join(root, 'values.yaml'), 'securityContext:\n  privileged: true\n');
  writeFileSync(join(root, 'templates', 'deployment.yaml'), TEMPLATE);
  return root;
}

describe('the Helm hint of a values file', () => {
  it('passes over links to files or folders outside the chart', () => {
    const root = chart();
    const outside = temporary('manifestlint-outside-');
    writeFileSync(join(outside, 'leak.yaml'), 'x: {{ .Values.leaked }}\n');
    symlinkSync(join(outside, 'leak.yaml'), join(root, 'templates', 'leak.yaml'));
    symlinkSync(outside, join(root, 'templates', 'linked-folder'));
    assert.deepEqual(helmHintFor(join(root, 'values.yaml'))?.valuesConsumers, { securityContext: ['templates/deployment.yaml'] });
  });

  it('leaves out a template over the size limit, and reads the others', () => {
    const root = chart();
    writeFileSync(join(root, 'templates', 'huge.yaml'), `x: {{ .Values.huge }}\n${'#'.repeat(2048)}\n`);
    assert.deepEqual(helmHintFor(join(root, 'values.yaml'), 1024)?.valuesConsumers, { securityContext: ['templates/deployment.yaml'] });
  });

  it('reads templates in subfolders, however deep', () => {
    const root = chart();
    let dir = join(root, 'templates');
    for (let i = 0; i < 100; i++) mkdirSync((dir = join(dir, 'd')));
    writeFileSync(join(dir, 'deep.yaml'), TEMPLATE);
    const [deep] = helmHintFor(join(root, 'values.yaml'))?.valuesConsumers.securityContext ?? [];
    assert.equal(deep, `templates/${'d/'.repeat(100)}deep.yaml`);
  });

  it('lets the values file be linted with the hint', () => {
    const root = chart();
    const result = lintFile(join(root, 'values.yaml'), () => undefined);
    assert.match(result.findings.find((f) => f.ruleId === 'k8s/helm-insecure-values')?.message ?? '', /read by templates\/deployment\.yaml/);
  });
});
