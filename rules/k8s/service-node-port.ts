// k8s/service-node-port: a Service opened on a port of every node.
import { defineRule } from '../../server/src/engine/defineRule.js';
import { serviceType, servicesOf } from '../../server/src/k8s/network.js';
import { resourceNameOf } from './support.js';

export default defineRule({
  meta: {
    id: 'k8s/service-node-port',
    title: 'NodePort Service',
    defaultSeverity: 'info',
    description: 'Flags Services of `type: NodePort`.',
    rationale:
      'A NodePort Service listens on a port of every node, on every node address: whoever reaches any node reaches the Service, around Ingress controllers and load balancer source ranges. Node firewalls are often wider than intended.',
    remediation: 'Use `type: ClusterIP` behind an Ingress or Gateway, or a LoadBalancer with `loadBalancerSourceRanges`; if a NodePort is needed, restrict the nodes\' firewall to the clients.',
    peers: { kubeLinter: ['exposed-services'], kics: ['Service Type is NodePort'] },
    messages: { nodePort: '{{service}} listens on a port of every node (type: NodePort)' },
    fixes: [],
    preset: 'recommended',
    scope: 'document',
  },
  checkYaml(file, context) {
    for (const service of servicesOf(file.resources)) {
      const type = serviceType(service);
      if (type?.value === 'NodePort') context.report({ messageId: 'nodePort', data: { service: resourceNameOf(service.resource) }, range: type.valueRange });
    }
  },
});
