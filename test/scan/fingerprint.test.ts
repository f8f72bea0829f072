// A finding's fingerprint must survive the edits a pull request makes elsewhere in the file, and change
// when the offending value does: otherwise a baseline reports old findings as new, or hides new ones.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintDocument } from '../../server/src/linter/lint.js';
import { fingerprints } from '../../server/src/linter/fingerprint.js';
import { presetConfig } from '../../server/src/config/presets.js';

const config = presetConfig('all');

/** ruleId → fingerprints of the findings of `rule` (several: in order). */
function printsOf(text: string, uri = 'app.yaml'): Map<string, string[]> {
  const result = lintDocument(text, { uri, config });
  const prints = fingerprints(result, text);
  const byRule = new Map<string, string[]>();
  result.findings.forEach((finding, i) => byRule.set(finding.ruleId, [...(byRule.get(finding.ruleId) ?? []), prints[i]]));
  return byRule;
}

const deployment = (name: string, privileged: string, extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  labels:
    app: ${name}${extra}
spec:
  template:
    spec:
      containers:
        - name: sidecar
          image: envoy:1.31
        - name: web
          image: nginx:1.27
          securityContext:
            privileged: ${privileged}
`;

const privilegedPrint = (text: string) => printsOf(text).get('k8s/privileged-container');

describe('finding fingerprints', () => {
  const original = `${deployment('api', 'true')}---\n${deployment('worker', 'false')}`;

  it('survive lines added above, documents reordered, and an unrelated key renamed', () => {
    const before = privilegedPrint(original);
    assert.equal(before?.length, 1);
    assert.deepEqual(privilegedPrint(`# a comment\n# and another\n${original}`), before);
    assert.deepEqual(privilegedPrint(`${deployment('worker', 'false')}---\n${deployment('api', 'true')}`), before);
    assert.deepEqual(privilegedPrint(`${deployment('api', 'true', '\n    tier: web')}---\n${deployment('worker', 'false')}`), before);
    assert.deepEqual(privilegedPrint(original.replace('app: api', 'application: api')), before);
  });

  it('survive containers reordered (list items are known by name)', () => {
    const reordered = original.replace(/( {8}- name: sidecar\n {10}image: envoy:1.31\n)( {8}- name: web\n(?: {10}.*\n| {12}.*\n)+?)(?=---)/, '$2$1');
    assert.notEqual(reordered, original);
    assert.deepEqual(privilegedPrint(reordered), privilegedPrint(original));
  });

  it('change when the offending value, the resource or the container changes', () => {
    const before = privilegedPrint(original)?.[0];
    assert.notEqual(privilegedPrint(original.replace('privileged: true', 'privileged: yes'))?.[0], before);
    assert.notEqual(privilegedPrint(original.replace('name: api', 'name: api-v2'))?.[0], before);
    assert.notEqual(privilegedPrint(original.replace('- name: web', '- name: frontend'))?.[0], before);
  });

  it('in a Dockerfile, survive lines added above and change with the instruction', () => {
    const dockerfile = 'FROM node:22\nUSER root\nRUN curl -fsSL https://get.example.com | sh\n';
    const before = printsOf(dockerfile, 'Dockerfile').get('dockerfile/pipe-to-shell');
    assert.equal(before?.length, 1);
    assert.deepEqual(printsOf(`# syntax=docker/dockerfile:1\n\n${dockerfile}`, 'Dockerfile').get('dockerfile/pipe-to-shell'), before);
    assert.notDeepEqual(printsOf(dockerfile.replace('get.example.com', 'other.example.com | bash'), 'Dockerfile').get('dockerfile/pipe-to-shell'), before);
  });
});
