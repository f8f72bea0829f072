// k8s/service-external-ips: externalIPs, with which a Service can capture traffic to any address.
import { isScalar } from 'yaml';
import { defineRule } from '../../server/src/engine/defineRule.js';
import { servicesOf } from '../../server/src/k8s/network.js';
import { nodeRange } from '../../server/src/yaml/nav.js';
import { resourceNameOf } from './support.js';

export default defineRule({
  meta: {
    id: 'k8s/service-external-ips',
    title: 'Service with externalIPs',
    defaultSeverity: 'warning',
    description: 'Flags the addresses of a Service\'s `spec.externalIPs`.',
    rationale:
      'Every node routes traffic for an external IP to the Service, whoever owns the address: a Service that claims the address of another service, inside or outside the cluster, intercepts its traffic (CVE-2020-8554, not fixed in Kubernetes; the DenyServiceExternalIPs admission plugin blocks the field).',
    remediation: 'Remove `externalIPs` and expose the Service through a LoadBalancer, an Ingress or a Gateway. If the addresses are needed, allow them for this Service only with an admission policy.',
    peers: { trivy: ['KSV-0108'] },
    messages: { externalIp: '{{service}} claims external IP {{address}}: every node routes its traffic to the Service (CVE-2020-8554)' },
    fixes: [],
    preset: 'recommended',
    scope: 'document',
  },
  checkYaml(file, context) {
    for (const { resource, spec } of servicesOf(file.resources)) {
      const { nav } = resource;
      for (const item of nav.items(nav.seq(spec, 'externalIPs'))) {
        const range = nodeRange(item);
        if (!isScalar(item) || typeof item.value !== 'string' || nav.isTemplated(item) || !range) continue;
        context.report({ messageId: 'externalIp', data: { service: resourceNameOf(resource), address: item.value }, range });
      }
    }
  },
});
