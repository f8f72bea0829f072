// Fix-all (one pass, ESLint semantics) and the CLI's repeated passes: what merges, what waits.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintDocument } from '../../server/src/linter/lint.js';
import { fixAll } from '../../server/src/fixes/fixAll.js';
import { fixFile } from '../../server/src/linter/fixFile.js';
import type { Finding, Fix } from '../../server/src/engine/types.js';
import { dedent, onlyRule } from '../support/ruleTester.js';
import { MERGED_HARDENING_POD } from './fixtures.js';

function only(...ruleIds: string[]) {
  return { rules: Object.assign({}, ...ruleIds.map((id) => onlyRule(id).rules)) };
}

function fixAllOnce(text: string, ...ruleIds: string[]) {
  const result = lintDocument(text, { uri: 'manifest.yaml', config: only(...ruleIds) });
  return { result, fixed: fixAll(text, result.findings, result.file, result.lines) };
}

const pod = (containers: string) => `apiVersion: v1\nkind: Pod\nspec:\n  containers:\n${containers}`;

describe('fixAll', () => {
  it('merges keys several fixes add to one missing securityContext into one block', () => {
    const text = pod('    - name: web\n      image: nginx\n');
    const { fixed } = fixAllOnce(text, 'k8s/run-as-root', 'k8s/writable-root-filesystem', 'k8s/privilege-escalation');
    assert.equal(fixed.applied.length, 3);
    assert.equal(
      fixed.text,
      pod('    - name: web\n      image: nginx\n      securityContext:\n        allowPrivilegeEscalation: false\n        runAsNonRoot: true\n        runAsUser: 10001\n        readOnlyRootFilesystem: true\n'),
    );
  });

  it('applies a fix shared by several findings once, and counts it for each', () => {
    const text = pod('    - name: a\n    - name: b\n    - name: c\n      securityContext: {seccompProfile: {type: RuntimeDefault}}\n');
    const { result, fixed } = fixAllOnce(text, 'k8s/seccomp');
    assert.equal(result.findings.length, 2);
    assert.equal(fixed.applied.length, 2);
    assert.equal(fixed.text.match(/seccompProfile:\n/g)?.length, 1, fixed.text);
  });

  it('plans a preferred fix attached to several findings once, so the other fixes still merge', () => {
    const text = pod('    - name: a\n      securityContext: {privileged: true}\n    - name: b\n');
    const { result } = fixAllOnce(text, 'k8s/privileged-container', 'k8s/run-as-root', 'k8s/writable-root-filesystem');
    const privileged = result.findings.find((f) => f.ruleId === 'k8s/privileged-container');
    assert.ok(privileged);
    // A second finding carrying the same Fix object, as a fix shared by several findings is.
    const findings = [...result.findings, { ...privileged }];
    const fixed = fixAll(text, findings, result.file, result.lines);
    assert.equal(fixed.applied.length, findings.length);
    assert.equal(
      fixed.text,
      pod(
        '    - name: a\n      securityContext: {privileged: false, runAsNonRoot: true, runAsUser: 10001, readOnlyRootFilesystem: true}\n' +
          '    - name: b\n      securityContext:\n        runAsNonRoot: true\n        runAsUser: 10001\n        readOnlyRootFilesystem: true\n',
      ),
    );
  });

  it('never shadows a securityContext a `<<` merge brings: the merged container is fixed through its source', () => {
    const { result, fixed } = fixAllOnce(MERGED_HARDENING_POD, 'k8s/writable-root-filesystem');
    assert.deepEqual(result.findings.map((f) => f.message.match(/"(\w+)"/)?.[1]), ['base', 'web']);
    assert.deepEqual(fixed.applied.map((f) => f.message.match(/"(\w+)"/)?.[1]), ['base']);
    assert.equal(fixed.text, MERGED_HARDENING_POD.replace('capabilities: {drop: [ALL]}}', 'capabilities: {drop: [ALL]}, readOnlyRootFilesystem: true}'));
    // The merged hardening survives the CLI's repeated passes: nothing run-as-root, escalation or capabilities.
    const final = fixFile(MERGED_HARDENING_POD, 'manifest.yaml');
    assert.deepEqual(final.remaining.findings, []);
    assert.equal(final.text, fixed.text);
  });

  it('skips a fix whose edit overlaps one already taken; the next pass (fixFile) applies it', () => {
    const text = pod('    - name: a\n      securityContext:\n        capabilities: {add: [SYS_ADMIN, NET_ADMIN]}\n');
    const { fixed } = fixAllOnce(text, 'k8s/dangerous-capability');
    assert.equal(fixed.applied.length, 1);
    assert.equal(fixed.skipped.length, 1);
    const final = fixFile(text, 'manifest.yaml', only('k8s/dangerous-capability'));
    assert.equal(final.fixedCount, 2);
    assert.deepEqual(final.remaining.findings, []);
    assert.ok(final.text.includes('capabilities: {add: []}'), final.text);
  });

  it('leaves suppressed findings and non-preferred fixes alone', () => {
    const text = dedent(`
      apiVersion: v1
      kind: Pod
      spec:
        # manifestlint-disable-next-line k8s/host-pid -- node exporter reads host processes
        hostPID: true
        containers:
          - name: a
            securityContext: {privileged: true}
    `);
    const { fixed } = fixAllOnce(text, 'k8s/host-pid', 'k8s/privileged-container');
    assert.equal(fixed.applied.length, 1);
    assert.equal(fixed.text, text.replace('{privileged: true}', '{privileged: false}'));
  });

  it('fixFile reports what remains after fixing', () => {
    const text = pod('    - name: a\n      securityContext: {privileged: true}\n  volumes:\n    - name: docker\n      hostPath: {path: /var/run/docker.sock}\n');
    const final = fixFile(text, 'manifest.yaml', only('k8s/privileged-container', 'k8s/host-path'));
    assert.equal(final.fixedCount, 1);
    assert.deepEqual(final.remaining.findings.map((f) => f.ruleId), ['k8s/host-path']);
  });

  it('checks 100,000 fixes for collisions against their neighbours only: every other one overlaps the one before', () => {
    const text = 'x'.repeat(200_001);
    const at = { line: 0, character: 0 };
    // Fix i replaces [2i, 2i + 2) when i is even, [2i - 1, 2i + 1) when odd: it overlaps fix i - 1.
    const findings: Finding[] = Array.from({ length: 100_000 }, (_, i) => {
      const start = i % 2 === 0 ? 2 * i : 2 * i - 1;
      const range = { start, end: start + 2 };
      return { ruleId: 'test/rule', severity: 'warning', message: '', range: { start: at, end: at }, offsets: range, fixes: [{ title: 'y', isPreferred: true, changes: [{ kind: 'text.replace', range, text: 'yy' }] }] };
    });
    const fixed = fixAll(text, findings, undefined);
    assert.equal(fixed.applied.length, 50_000);
    assert.equal(fixed.skipped.length, 50_000);
    assert.equal(fixed.text, 'yyxx'.repeat(50_000) + 'x');
  });

  it('an insertion collides with a replacement around it and a different insertion at its offset, not with its twin', () => {
    const text = 'abcdef';
    const at = { line: 0, character: 0 };
    const finding = (changes: Fix['changes']): Finding => ({ ruleId: 'test/rule', severity: 'warning', message: '', range: { start: at, end: at }, offsets: { start: 0, end: 0 }, fixes: [{ title: 't', isPreferred: true, changes }] });
    const findings = [
      finding([{ kind: 'text.replace', range: { start: 1, end: 3 }, text: 'X' }]),
      finding([{ kind: 'text.replace', range: { start: 2, end: 2 }, text: 'inside' }]),
      finding([{ kind: 'text.replace', range: { start: 4, end: 4 }, text: 'I' }]),
      finding([{ kind: 'text.replace', range: { start: 4, end: 4 }, text: 'I' }]),
      finding([{ kind: 'text.replace', range: { start: 4, end: 4 }, text: 'J' }]),
      finding([{ kind: 'text.replace', range: { start: 3, end: 5 }, text: 'around' }]),
      finding([{ kind: 'text.replace', range: { start: 1, end: 3 }, text: 'X' }]),
    ];
    const fixed = fixAll(text, findings, undefined);
    assert.deepEqual(
      findings.map((f) => fixed.applied.includes(f)),
      [true, false, true, true, false, false, true],
    );
    assert.equal(fixed.text, 'aXdIef');
  });
});
