// The level a workload meets, from the same rules the pss presets run.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { parseYamlFile } from '../../../server/src/k8s/yamlFile.js';
import { podSecurityLevels } from '../../../rules/k8s/pod-security.js';
import { dedent } from '../../support/ruleTester.js';

const MANIFESTS = dedent(`
  apiVersion: v1
  kind: Pod
  metadata: { name: locked-down }
  spec:
    securityContext: { runAsNonRoot: true, seccompProfile: { type: RuntimeDefault } }
    containers:
      - name: app
        securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: [ALL] } }
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata: { name: plain }
  spec:
    template:
      spec:
        containers:
          - name: app
  ---
  apiVersion: v1
  kind: Service
  metadata: { name: not-a-workload }
  ---
  apiVersion: v1
  kind: List
  items:
    - apiVersion: apps/v1
      kind: DaemonSet
      metadata: { name: agent }
      spec:
        template:
          spec:
            hostNetwork: true
            containers:
              - name: agent
`);

it('gives each workload the most restrictive level it meets, and the rules that keep it from the others', () => {
  const levels = podSecurityLevels(parseYamlFile(MANIFESTS, 'manifests.yaml')).map(({ resource, level, violations }) => ({ name: resource.name, level, violations }));
  assert.deepEqual(levels, [
    { name: 'locked-down', level: 'restricted', violations: { baseline: [], restricted: [] } },
    { name: 'plain', level: 'baseline', violations: { baseline: [], restricted: ['k8s/capabilities-not-dropped', 'k8s/privilege-escalation', 'k8s/run-as-root', 'k8s/seccomp'] } },
    { name: 'agent', level: 'privileged', violations: { baseline: ['k8s/host-network'], restricted: ['k8s/capabilities-not-dropped', 'k8s/host-network', 'k8s/privilege-escalation', 'k8s/run-as-root', 'k8s/seccomp'] } },
  ]);
});

it('judges the pod template whatever a pod-level annotation outside it says', () => {
  // The AppArmor annotation counts on the pod template only, so the level follows the template.
  const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  annotations:\n    container.apparmor.security.beta.kubernetes.io/app: unconfined\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n';
  assert.equal(podSecurityLevels(parseYamlFile(text, 'web.yaml'))[0]?.level, 'baseline');
});
