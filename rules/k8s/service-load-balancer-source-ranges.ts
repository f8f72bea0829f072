// k8s/service-load-balancer-source-ranges: a LoadBalancer Service open to the whole internet.
import { isMap, isScalar } from 'yaml';
import { defineRule } from '../../server/src/engine/defineRule.js';
import { isTemplatedKey } from '../../server/src/k8s/model.js';
import { annotation, annotationsOf, AZURE_ALLOWED_SOURCES, internalLoadBalancerAnnotation, isWholeInternet, serviceType, servicesOf, SOURCE_RANGES_ANNOTATION, type ServiceResource } from '../../server/src/k8s/network.js';
import { nodeRange } from '../../server/src/yaml/nav.js';
import { resourceNameOf } from './support.js';

/** A public site's ports: a load balancer that serves only these is often meant for the internet. */
const WEB_PORTS = new Set([80, 443]);

/** The Service's port numbers as written, each once (443 for TCP and UDP is one port here); templated ones left out. */
function servicePorts({ resource, spec }: ServiceResource): number[] {
  const { nav } = resource;
  const ports = new Set<number>();
  for (const item of nav.items(nav.seq(spec, 'ports'))) {
    const port = isMap(item) ? nav.field(item, 'port') : undefined;
    if (port && !port.templated && typeof port.value === 'number') ports.add(port.value);
  }
  return [...ports];
}

/** `port 80`, `ports 80, 443`, `its ports`. */
function portsLabel(ports: readonly number[]): string {
  return ports.length === 0 ? 'its ports' : `port${ports.length === 1 ? '' : 's'} ${ports.join(', ')}`;
}

export default defineRule({
  meta: {
    id: 'k8s/service-load-balancer-source-ranges',
    title: 'LoadBalancer open to every address',
    defaultSeverity: 'warning',
    description:
      'Flags Services of `type: LoadBalancer` without `loadBalancerSourceRanges` (or the `service.beta.kubernetes.io/load-balancer-source-ranges` annotation, or AKS allowed sources), and source ranges of `0.0.0.0/0` or `::/0`. Load balancers made internal by a cloud annotation (AWS, GKE, AKS, OCI, IBM Cloud, Alibaba Cloud, OpenStack) are not flagged. A load balancer for web ports only (80, 443), often a public site\'s entry point, is information.',
    rationale:
      'A cloud load balancer gets a public address by default: the Service is reachable from the whole internet, and so is every vulnerability and login page behind it. Source ranges make the cloud firewall drop other clients before they reach the cluster.',
    remediation:
      'List the client networks in `spec.loadBalancerSourceRanges`, or make the load balancer internal with your cloud\'s annotation (e.g. `service.beta.kubernetes.io/aws-load-balancer-scheme: internal`, `networking.gke.io/load-balancer-type: Internal`, `service.beta.kubernetes.io/azure-load-balancer-internal: "true"`), or expose HTTP through an Ingress.',
    peers: { kubeLinter: ['exposed-services'], kics: ['Service With External Load Balancer'] },
    messages: {
      open: '{{service}} gets a load balancer open to every address on {{ports}}: set loadBalancerSourceRanges or make it internal',
      openWeb: '{{service}} gets a load balancer open to every address on web {{ports}}: set loadBalancerSourceRanges unless it serves the internet',
      openRange: '{{service}} lets every address through its load balancer ({{range}})',
    },
    fixes: [],
    preset: 'recommended',
    scope: 'document',
  },
  checkYaml(file, context) {
    for (const service of servicesOf(file.resources)) {
      const type = serviceType(service);
      if (type?.value !== 'LoadBalancer') continue;
      const { resource, spec } = service;
      const { nav } = resource;
      const annotations = annotationsOf(resource);
      // A template may add the internal or source-range annotation, or the ranges: unknown.
      if (annotations.templated || isTemplatedKey(nav, spec, 'loadBalancerSourceRanges') || internalLoadBalancerAnnotation(resource, annotations)) continue;
      const data = { service: resourceNameOf(resource) };
      const ranges = nav.items(nav.seq(spec, 'loadBalancerSourceRanges'));
      if (ranges.length > 0) {
        for (const item of ranges) {
          const range = nodeRange(item);
          if (isScalar(item) && typeof item.value === 'string' && isWholeInternet(item.value) && range) context.report({ messageId: 'openRange', data: { ...data, range: item.value.trim() }, range });
        }
        continue;
      }
      const annotated = annotation(resource, annotations, SOURCE_RANGES_ANNOTATION);
      if (annotated && annotated.text.trim() !== '') {
        const open = annotated.text.split(',').find(isWholeInternet);
        if (open) context.report({ messageId: 'openRange', data: { ...data, range: open.trim() }, range: annotated.field.valueRange });
        continue;
      }
      if (AZURE_ALLOWED_SOURCES.some((key) => annotation(resource, annotations, key))) continue;
      const ports = servicePorts(service);
      const web = ports.length > 0 && ports.every((port) => WEB_PORTS.has(port));
      context.report({ messageId: web ? 'openWeb' : 'open', data: { ...data, ports: portsLabel(ports) }, range: type.valueRange, severity: web ? 'info' : 'warning' });
    }
  },
});
