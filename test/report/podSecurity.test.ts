// The Pod Security level of each workload in the JSON and SARIF reports, from a real scan of files.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type * as Sarif from 'sarif';
import { formatJson } from '../../server/src/report/json.js';
import { formatSarif } from '../../server/src/report/sarif.js';
import { lintFile } from '../../server/src/scan/scan.js';

const MANIFESTS = `apiVersion: v1
kind: Pod
metadata: { name: locked-down, namespace: shop }
spec:
  securityContext: { runAsNonRoot: true, seccompProfile: { type: RuntimeDefault } }
  containers:
    - name: app
      securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: [ALL] } }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: agent }
spec:
  template:
    spec:
      automountServiceAccountToken: false
      hostNetwork: true
      containers:
        - name: agent
          securityContext: { runAsNonRoot: true, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: [ALL] }, seccompProfile: { type: RuntimeDefault } }
`;

const root = mkdtempSync(join(tmpdir(), 'manifestlint-report-'));
after(() => rmSync(root, { recursive: true, force: true }));
writeFileSync(join(root, 'workloads.yaml'), MANIFESTS);
writeFileSync(join(root, 'Dockerfile'), 'FROM scratch\n');
const results = [lintFile(join(root, 'workloads.yaml'), () => undefined, { podSecurity: true }), lintFile(join(root, 'Dockerfile'), () => undefined, { podSecurity: true })];

describe('Pod Security levels in reports', () => {
  it('JSON lists each workload with the level it meets, where its kind is written, and what keeps it from the others', () => {
    const [manifest, dockerfile] = JSON.parse(formatJson(results, { cwd: root }));
    assert.deepEqual(manifest.workloads, [
      { kind: 'Pod', name: 'locked-down', namespace: 'shop', line: 2, column: 7, podSecurity: 'restricted', podSecurityViolations: { baseline: [], restricted: [] } },
      { kind: 'Deployment', name: 'agent', line: 11, column: 7, podSecurity: 'privileged', podSecurityViolations: { baseline: ['k8s/host-network'], restricted: ['k8s/host-network'] } },
    ]);
    assert.equal(dockerfile.workloads, undefined, 'a Dockerfile has no workloads');
  });

  it('SARIF stays schema-valid, tags each finding with its workload\'s level and lists every workload on the run', () => {
    const log: Sarif.Log = JSON.parse(formatSarif(results, { cwd: root }));
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync('test/fixtures/schemas/sarif-2.1.0-rtm.5.json', 'utf8')));
    const valid: boolean = validate(log);
    assert.ok(valid, JSON.stringify(validate.errors, null, 2));
    const [run] = log.runs;
    const hostNetwork = run.results?.find((result) => result.ruleId === 'k8s/host-network');
    assert.deepEqual(hostNetwork?.properties, { podSecurity: 'privileged', workload: 'Deployment/agent' });
    assert.deepEqual(
      (run.properties?.workloads as { kind: string; podSecurity: string; artifactLocation: Sarif.ArtifactLocation }[]).map(({ kind, podSecurity, artifactLocation }) => [artifactLocation.uri, kind, podSecurity]),
      [['workloads.yaml', 'Pod', 'restricted'], ['workloads.yaml', 'Deployment', 'privileged']],
    );
  });
});
