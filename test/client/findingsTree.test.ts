// The findings view's tree: grouped by rule (then file) or by file, with counts, worst rules first,
// findings in line order, and ids that stay the same when the tree is rebuilt.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countsText, groupFindings, total, type FindingEntry, type GroupNode, type TreeNode } from '../../client/src/findingsTree.js';

const entry = (file: string, rule: string, severity: FindingEntry<string>['severity'], line: number): FindingEntry<string> => ({ file, rule, severity, line, message: `${rule} at ${file}:${line}`, location: `${file}:${line}` });
const entries = [
  entry('k8s/web.yaml', 'k8s/run-as-root', 'warning', 12),
  entry('k8s/api.yaml', 'k8s/run-as-root', 'warning', 3),
  entry('k8s/api.yaml', 'k8s/privileged-container', 'error', 9),
  entry('k8s/api.yaml', 'k8s/run-as-root', 'warning', 30),
  entry('Dockerfile', 'dockerfile/image-digest', 'info', 0),
];

const outline = (nodes: readonly TreeNode<string>[]): unknown[] =>
  nodes.map((node) => (node.kind === 'group' ? { [`${node.label} (${total(node.counts)})`]: outline(node.children) } : `${node.description}`));

describe('findings view tree', () => {
  it('groups by rule, worst first, then by file, with counts', () => {
    assert.deepEqual(outline(groupFindings(entries, 'rule')), [
      { 'k8s/privileged-container (1)': [{ 'k8s/api.yaml (1)': ['line 10'] }] },
      { 'k8s/run-as-root (3)': [{ 'k8s/api.yaml (2)': ['line 4', 'line 31'] }, { 'k8s/web.yaml (1)': ['line 13'] }] },
      { 'dockerfile/image-digest (1)': [{ 'Dockerfile (1)': ['line 1'] }] },
    ]);
  });

  it('groups by file, in path order, naming the rule of each finding', () => {
    assert.deepEqual(outline(groupFindings(entries, 'file')), [
      { 'Dockerfile (1)': ['dockerfile/image-digest · line 1'] },
      { 'k8s/api.yaml (3)': ['k8s/run-as-root · line 4', 'k8s/privileged-container · line 10', 'k8s/run-as-root · line 31'] },
      { 'k8s/web.yaml (1)': ['k8s/run-as-root · line 13'] },
    ]);
  });

  it('carries each finding to where it is, and gives a file group its first finding\'s place', () => {
    const [api] = groupFindings(entries, 'file').slice(1) as GroupNode<string>[];
    assert.equal(api.by, 'file');
    assert.equal(api.first, 'k8s/api.yaml:3');
    assert.deepEqual(api.children.map((node) => node.kind === 'finding' && node.location), ['k8s/api.yaml:3', 'k8s/api.yaml:9', 'k8s/api.yaml:30']);
  });

  it('gives the worst severity and counts in words', () => {
    const [privileged, runAsRoot] = groupFindings(entries, 'rule');
    assert.equal(privileged.severity, 'error');
    assert.equal(countsText(runAsRoot.counts), '3 warnings');
    assert.equal(countsText({ error: 1, warning: 1, info: 2 }), '1 error, 1 warning, 2 info');
  });

  it('gives every node an id that is unique and the same when rebuilt', () => {
    const ids = (nodes: readonly TreeNode<string>[]): string[] => nodes.flatMap((node) => [node.id, ...(node.kind === 'group' ? ids(node.children) : [])]);
    for (const grouping of ['rule', 'file'] as const) {
      const first = ids(groupFindings(entries, grouping));
      assert.equal(new Set(first).size, first.length);
      assert.deepEqual(ids(groupFindings([...entries].reverse(), grouping)), first);
    }
  });

  it('is empty without findings', () => {
    assert.deepEqual(groupFindings([], 'rule'), []);
  });
});
