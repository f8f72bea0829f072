// k8s/host-path: hostPath volumes mount the node's filesystem; some paths hand over the node.
import { isMap } from 'yaml';
import { defineRule } from '../../server/src/engine/defineRule.js';
import { resourceLabel } from './support.js';

/** Paths whose mount is a node takeover (error); any other hostPath is a warning. */
const SENSITIVE_HOST_PATHS: readonly string[] = [
  '/',
  '/etc',
  '/proc',
  '/sys',
  '/root',
  '/boot',
  '/dev',
  '/var/lib/kubelet',
  '/var/lib/docker',
  '/var/lib/containerd',
  '/etc/kubernetes',
  '/var/run/docker.sock',
  '/run/docker.sock',
  '/var/run/containerd/containerd.sock',
  '/run/containerd/containerd.sock',
  '/var/run/crio/crio.sock',
  '/run/crio/crio.sock',
  '/var/run/cri-dockerd.sock',
];

/** `/etc/` and `/etc` are the same mount; a path under a sensitive directory is sensitive too. */
export function isSensitiveHostPath(path: string): boolean {
  const normalized = path.replace(/\/+$/, '') || '/';
  if (normalized === '/') return true;
  return SENSITIVE_HOST_PATHS.some((sensitive) => sensitive !== '/' && (normalized === sensitive || (sensitive !== '/dev' && normalized.startsWith(`${sensitive}/`))));
}

export default defineRule({
  meta: {
    id: 'k8s/host-path',
    title: 'hostPath volume',
    defaultSeverity: 'warning',
    description: 'Flags `hostPath` volumes; sensitive paths (container runtime sockets, `/`, `/etc`, `/proc`, `/sys`, `/var/lib/kubelet`, …) are errors.',
    rationale:
      "A hostPath volume exposes the node's filesystem to the pod. Mounting the container runtime socket or system directories gives the pod control of the node: it can start privileged containers or read kubelet credentials.",
    remediation: 'Use a ConfigMap, Secret, emptyDir, projected or persistent volume instead. If a node agent needs a host path, mount the narrowest path read-only and suppress with a reason.',
    peers: { kubeLinter: ['host-mounts', 'docker-sock', 'writable-host-mount'], trivy: ['KSV023', 'KSV006', 'KSV121'], checkov: ['CKV_K8S_27'], kics: ['Volume Mount With OS Directory Write Permissions'], polaris: ['hostPathSet'] },
    messages: {
      sensitive: '{{resource}} mounts sensitive host path {{path}} (volume "{{volume}}"): this gives the pod control of the node',
      hostPath: '{{resource}} mounts host path {{path}} (volume "{{volume}}")',
    },
    fixes: [],
    preset: 'recommended',
  },
  checkYaml(file, context) {
    for (const podSpec of file.podSpecs) {
      const nav = podSpec.resource.nav;
      for (const volume of nav.items(nav.seq(podSpec.node, 'volumes'))) {
        if (!isMap(volume)) continue;
        const pathField = nav.field(nav.map(volume, 'hostPath'), 'path');
        if (!pathField || typeof pathField.value !== 'string') continue;
        const sensitive = isSensitiveHostPath(pathField.value);
        context.report({
          messageId: sensitive ? 'sensitive' : 'hostPath',
          data: { resource: resourceLabel(podSpec), path: pathField.value, volume: nav.string(volume, 'name') ?? '(unnamed)' },
          range: pathField.range,
          severity: sensitive ? 'error' : undefined,
        });
      }
    }
  },
});
