// The manifests under examples/k8s are what users try first: the hardened one must stay clean under
// the recommended preset, and the insecure ones must keep showing what manifestlint catches.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { lint } from '../../server/src/linter/lint.js';
import type { Finding } from '../../server/src/engine/types.js';
import { EOL_TABLE_DATE } from '../../server/src/images/eol.js';

/**
 * Judged as of the end-of-life table's date, not today's: the images the examples name reach their end
 * of life one day (postgres 16 in November 2028), and the suite must not start failing on a date.
 */
function lintExample(name: string): Finding[] {
  const path = `examples/k8s/${name}`;
  return lint(readFileSync(path, 'utf8'), { uri: path, now: new Date(EOL_TABLE_DATE) });
}

/** `ruleId@line` for each finding, so a moved or vanished finding fails with a readable diff. */
const summary = (findings: Finding[]) => findings.map((f) => `${f.ruleId}@${f.range.start.line + 1}`);

describe('examples/k8s', () => {
  it('hardened-deployment.yaml has no finding at all under the recommended preset', () => {
    assert.deepEqual(summary(lintExample('hardened-deployment.yaml')), []);
  });

  it('insecure-deployment.yaml shows the node-takeover findings', () => {
    assert.deepEqual(summary(lintExample('insecure-deployment.yaml')), [
      'k8s/seccomp@4',
      'k8s/service-account-token@4',
      'k8s/host-network@22',
      'k8s/root-uid@25',
      'k8s/capabilities-not-dropped@27',
      'k8s/writable-root-filesystem@27',
      'k8s/host-port@37',
      'k8s/privileged-container@39',
      'k8s/dangerous-capability@41',
      'k8s/dangerous-capability@41',
      'k8s/host-path@56',
    ]);
  });

  it('daemonset-node-agent.yaml reports the host access a node agent has', () => {
    const findings = lintExample('daemonset-node-agent.yaml');
    assert.deepEqual(summary(findings), [
      'k8s/seccomp@5',
      'k8s/host-network@25',
      'k8s/host-pid@26',
      'k8s/host-port@47',
      'k8s/dangerous-capability@59',
      'k8s/host-path@67',
      'k8s/host-path@70',
      'k8s/host-path@73',
    ]);
  });

  it('cronjob.yaml: only the two settings it forgot', () => {
    assert.deepEqual(summary(lintExample('cronjob.yaml')), ['k8s/capabilities-not-dropped@28', 'k8s/writable-root-filesystem@28']);
  });

  it('multi-document.yaml: the un-hardened migration Job and init container; the API Deployment is clean', () => {
    const findings = lintExample('multi-document.yaml');
    assert.deepEqual(summary(findings), [
      'k8s/seccomp@21',
      'k8s/service-account-token@21',
      'k8s/capabilities-not-dropped@31',
      'k8s/privilege-escalation@31',
      'k8s/run-as-root@31',
      'k8s/writable-root-filesystem@31',
      'k8s/capabilities-not-dropped@60',
      'k8s/privilege-escalation@60',
      'k8s/writable-root-filesystem@60',
    ]);
  });

  it('windows-exporter.yaml: the HostProcess container and host network, none of the Linux-only settings', () => {
    assert.deepEqual(summary(lintExample('windows-exporter.yaml')), ['k8s/host-network@23', 'k8s/host-process@26', 'k8s/run-as-root@29']);
  });
});
