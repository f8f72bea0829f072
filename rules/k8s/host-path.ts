// k8s/host-path: hostPath volumes mount the node's filesystem; some paths hand over the node.
import { isMap } from 'yaml';
import { defineRule } from '../../server/src/engine/defineRule.js';
import { isSensitiveHostPath } from './sensitive-host-paths.js';
import { resourceLabel } from './support.js';

export default defineRule({
  meta: {
    id: 'k8s/host-path',
    title: 'hostPath volume',
    defaultSeverity: 'warning',
    description: 'Flags `hostPath` volumes; sensitive paths (container runtime sockets, `/`, `/etc`, `/proc`, `/sys`, `/var/lib/kubelet`, on Windows nodes the system drive, `C:\\Windows` and the kubelet and runtime state, …) are errors.',
    rationale:
      "A hostPath volume exposes the node's filesystem to the pod. Mounting the container runtime socket or system directories gives the pod control of the node: it can start privileged containers or read kubelet credentials.",
    remediation: 'Use a ConfigMap, Secret, emptyDir, projected or persistent volume instead. If a node agent needs a host path, mount the narrowest path read-only and suppress with a reason.',
    peers: { kubeLinter: ['sensitive-host-mounts', 'docker-sock', 'writable-host-mount'], trivy: ['KSV-0023', 'KSV-0006', 'KSV-0121'], checkov: ['CKV_K8S_27'], kics: ['Volume Mount With OS Directory Write Permissions'], polaris: ['hostPathSet'] },
    messages: {
      sensitive: '{{resource}} mounts sensitive host path {{path}} (volume "{{volume}}"): the pod can read or take over the node through it',
      hostPath: '{{resource}} mounts host path {{path}} (volume "{{volume}}")',
    },
    fixes: [],
    preset: 'recommended',
    scope: 'document',
  },
  checkYaml(file, context) {
    for (const podSpec of file.podSpecs) {
      const nav = podSpec.resource.nav;
      for (const volume of nav.items(nav.seq(podSpec.node, 'volumes'))) {
        if (!isMap(volume)) continue;
        const pathField = nav.field(nav.map(volume, 'hostPath'), 'path');
        if (!pathField || pathField.templated || typeof pathField.value !== 'string') continue;
        const sensitive = isSensitiveHostPath(pathField.value);
        context.report({
          messageId: sensitive ? 'sensitive' : 'hostPath',
          data: { resource: resourceLabel(podSpec), path: pathField.value, volume: nav.displayString(volume, 'name') ?? '(unnamed)' },
          range: pathField.range,
          severity: sensitive ? 'error' : undefined,
        });
      }
    }
  },
});
