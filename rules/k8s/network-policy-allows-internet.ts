// k8s/network-policy-allows-internet: a NetworkPolicy that lets every address in.
import { isMap } from 'yaml';
import { defineRule } from '../../server/src/engine/defineRule.js';
import { inApiGroup } from '../../server/src/k8s/model.js';
import { isWholeInternet } from '../../server/src/k8s/network.js';
import { resourceNameOf } from './support.js';

export default defineRule({
  meta: {
    id: 'k8s/network-policy-allows-internet',
    title: 'NetworkPolicy allows ingress from every address',
    defaultSeverity: 'warning',
    description: 'Flags NetworkPolicy ingress rules whose `ipBlock.cidr` holds every address (`0.0.0.0/0`, `::/0`, any range with prefix length 0), with or without `except`.',
    rationale:
      'A NetworkPolicy exists to narrow who may connect to the pods it selects. An ipBlock of every address lets in any client that can route to the pods, from the internet when they are exposed, which undoes the isolation for the ports it lists (for all ports when it lists none).',
    remediation: 'List the client networks (the load balancer\'s or the office\'s ranges) in `ipBlock.cidr`, or select the client pods and namespaces with `podSelector` and `namespaceSelector`.',
    peers: {},
    messages: { everyAddress: '{{policy}} allows ingress from every address ({{cidr}})' },
    fixes: [],
    preset: 'recommended',
    scope: 'document',
  },
  checkYaml(file, context) {
    for (const resource of file.resources) {
      if (resource.kind !== 'NetworkPolicy' || !inApiGroup(resource, 'networking.k8s.io')) continue;
      const { nav } = resource;
      for (const rule of nav.items(nav.seq(nav.map(resource.node, 'spec'), 'ingress'))) {
        for (const peer of isMap(rule) ? nav.items(nav.seq(rule, 'from')) : []) {
          const cidr = isMap(peer) ? nav.field(nav.map(peer, 'ipBlock'), 'cidr') : undefined;
          if (!cidr || cidr.templated || typeof cidr.value !== 'string' || !isWholeInternet(cidr.value)) continue;
          context.report({ messageId: 'everyAddress', data: { policy: resourceNameOf(resource), cidr: cidr.value.trim() }, range: cidr.valueRange });
        }
      }
    }
  },
});
