// k8s/probe-host: a probe or lifecycle hook that makes the kubelet connect to another host (Pod Security
// baseline, "Host Probes / Lifecycle Hooks", Kubernetes 1.34+).
import { isMap, type YAMLMap } from 'yaml';
import { defineRule } from '../../server/src/engine/defineRule.js';
import type { YamlNav } from '../../server/src/yaml/nav.js';
import { containerLabel } from './support.js';

/** Where a container lets the kubelet connect somewhere: probes, and the lifecycle hooks under `lifecycle`. */
const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
const HOOKS = ['postStart', 'preStop'] as const;
const HANDLERS = ['httpGet', 'tcpSocket'] as const;

function handlers(nav: YamlNav, container: YAMLMap): { where: string; handler: YAMLMap }[] {
  const found: { where: string; handler: YAMLMap }[] = [];
  const lifecycle = nav.map(container, 'lifecycle');
  const owners = [...PROBES.map((probe) => [probe, nav.map(container, probe)] as const), ...HOOKS.map((hook) => [`lifecycle.${hook}`, nav.map(lifecycle, hook)] as const)];
  for (const [where, owner] of owners) {
    for (const kind of HANDLERS) {
      const handler = nav.map(owner, kind);
      if (isMap(handler)) found.push({ where: `${where}.${kind}`, handler });
    }
  }
  return found;
}

export default defineRule({
  meta: {
    id: 'k8s/probe-host',
    title: 'Probe or lifecycle hook targets another host',
    defaultSeverity: 'warning',
    description: 'Flags a non-empty `host` in the `httpGet` or `tcpSocket` of a container\'s liveness, readiness or startup probe or `postStart`/`preStop` hook, which Pod Security baseline forbids from Kubernetes 1.34.',
    rationale:
      'Probes and hooks are run by the kubelet from the node, not by the pod. A `host` makes the kubelet connect to any address the node can reach (the cloud metadata service, node-local services, other clusters\' endpoints): a pod author gets requests sent from the node\'s network position.',
    remediation: 'Remove `host`: the probe then targets the pod\'s own IP. To check a dependency, do it from inside the container (an `exec` probe or the application\'s health endpoint).',
    peers: {},
    messages: { host: '{{container}} has {{where}} connect to host {{host}} from the node' },
    fixes: [],
    preset: 'recommended',
    scope: 'document',
  },
  checkYaml(file, context) {
    for (const container of file.containers) {
      const nav = container.podSpec.resource.nav;
      for (const { where, handler } of handlers(nav, container.node)) {
        const host = nav.field(handler, 'host');
        if (!host || host.templated || host.value === '' || host.value === null) continue;
        context.report({ messageId: 'host', data: { container: containerLabel(container), where, host: String(host.value) }, range: host.range });
      }
    }
  },
});
