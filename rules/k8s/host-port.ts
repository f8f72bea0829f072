// k8s/host-port: a container port bound on the node's network interfaces.
import { isMap } from 'yaml';
import { defineRule } from '../../server/src/engine/defineRule.js';
import { containerLabel } from './support.js';

interface Options {
  /** Host ports the team accepts (Pod Security baseline allows none). */
  allowedHostPorts: number[];
}

export default defineRule<Options>({
  meta: {
    id: 'k8s/host-port',
    title: 'hostPort set',
    defaultSeverity: 'warning',
    description: 'Flags container ports with a `hostPort` (other than 0, which means none), except the ports listed in `allowedHostPorts`; Pod Security baseline allows none.',
    rationale:
      'A hostPort opens the port on the node itself, bypassing NetworkPolicies and Services, limits where the pod can be scheduled (one per node per port) and exposes the workload on the node network.',
    remediation: 'Remove `hostPort` and expose the port through a Service (ClusterIP, NodePort or LoadBalancer) or an Ingress. A node agent that must bind a node port can list it in `allowedHostPorts` (and needs a namespace whose Pod Security level is privileged).',
    peers: { trivy: ['KSV-0024'], checkov: ['CKV_K8S_26'], kics: ['Container Host Port Is Set'], polaris: ['hostPortSet'] },
    messages: { hostPort: '{{container}} binds host port {{port}} on the node' },
    fixes: ['Remove hostPort'],
    preset: 'recommended',
    scope: 'document',
    optionsSchema: {
      type: 'object',
      properties: { allowedHostPorts: { type: 'array', items: { type: 'integer', minimum: 1, maximum: 65535 }, description: 'Host ports not to flag.' } },
      additionalProperties: false,
    },
    defaultOptions: { allowedHostPorts: [] },
  },
  checkYaml(file, context) {
    const allowed = new Set(context.options.allowedHostPorts);
    for (const container of file.containers) {
      const nav = container.podSpec.resource.nav;
      for (const port of nav.items(nav.seq(container.node, 'ports'))) {
        const hostPort = isMap(port) ? nav.field(port, 'hostPort') : undefined;
        if (!hostPort || hostPort.templated || hostPort.value === 0 || hostPort.value === null || (typeof hostPort.value === 'number' && allowed.has(hostPort.value))) continue;
        context.report({
          messageId: 'hostPort',
          data: { container: containerLabel(container), port: String(hostPort.value) },
          range: hostPort.range,
          fixes: [{ title: 'Remove hostPort', isPreferred: true, changes: [{ kind: 'yaml.remove', target: hostPort.pair }] }],
        });
      }
    }
  },
});
