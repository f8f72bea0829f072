// What the network exposure rules read: a resource's annotations, whether a Service's load balancer
// is internal to the cloud network, and whether an address range is the whole internet.
import type { YAMLMap } from 'yaml';
import type { Field } from '../yaml/nav.js';
import { isTemplatedKey, type K8sResource } from './model.js';

export interface Annotations {
  map?: YAMLMap;
  /** Helm: a template writes the annotations (or adds to them), so any annotation may be present. */
  templated: boolean;
}

export function annotationsOf(resource: K8sResource): Annotations {
  const { nav, metadata } = resource;
  const map = nav.map(metadata, 'annotations');
  return { map, templated: isTemplatedKey(nav, metadata, 'annotations') || (map !== undefined && nav.isTemplated(map)) };
}

/** An annotation's value as the API server stores it (annotations are strings; `true` unquoted is refused, read leniently). */
export function annotation(resource: K8sResource, annotations: Annotations, key: string): { field: Field; text: string } | undefined {
  const field = resource.nav.field(annotations.map, key);
  if (!field || field.templated) return undefined;
  const value = field.value;
  return typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number' ? { field, text: String(value) } : undefined;
}

/**
 * The annotations that make each cloud's controller provision a load balancer reachable only from the
 * cloud network, and whether a value means internal. Sources: the providers' Service annotation docs
 * (AWS cloud provider and Load Balancer Controller, GKE, AKS, OCI, IBM Cloud, Alibaba Cloud, OpenStack).
 */
const INTERNAL_LOAD_BALANCER: readonly { key: string; isInternal: (value: string) => boolean }[] = [
  // The in-tree AWS provider reads any value but "false" as internal (it once took a CIDR).
  { key: 'service.beta.kubernetes.io/aws-load-balancer-internal', isInternal: (value) => value !== '' && value.toLowerCase() !== 'false' },
  { key: 'service.beta.kubernetes.io/aws-load-balancer-scheme', isInternal: (value) => value.toLowerCase() === 'internal' },
  { key: 'networking.gke.io/load-balancer-type', isInternal: (value) => value.toLowerCase() === 'internal' },
  { key: 'cloud.google.com/load-balancer-type', isInternal: (value) => value.toLowerCase() === 'internal' },
  { key: 'service.beta.kubernetes.io/azure-load-balancer-internal', isInternal: (value) => value.toLowerCase() === 'true' },
  { key: 'service.beta.kubernetes.io/oci-load-balancer-internal', isInternal: (value) => value.toLowerCase() === 'true' },
  { key: 'oci.oraclecloud.com/internal-load-balancer', isInternal: (value) => value.toLowerCase() === 'true' },
  { key: 'service.kubernetes.io/ibm-load-balancer-cloud-provider-ip-type', isInternal: (value) => value.toLowerCase() === 'private' },
  { key: 'service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type', isInternal: (value) => value.toLowerCase() === 'intranet' },
  { key: 'service.beta.kubernetes.io/openstack-internal-load-balancer', isInternal: (value) => value.toLowerCase() === 'true' },
];

/** The annotation that makes the Service's load balancer internal, if one does. */
export function internalLoadBalancerAnnotation(resource: K8sResource, annotations: Annotations): Field | undefined {
  for (const { key, isInternal } of INTERNAL_LOAD_BALANCER) {
    const found = annotation(resource, annotations, key);
    if (found && isInternal(found.text.trim())) return found.field;
  }
  return undefined;
}

/** The generic source-range annotation every cloud provider built on the Kubernetes service helpers reads. */
export const SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';
/** AKS restricts its load balancers with these instead (service tags, or IP ranges beside the field). */
export const AZURE_ALLOWED_SOURCES = ['service.beta.kubernetes.io/azure-allowed-service-tags', 'service.beta.kubernetes.io/azure-allowed-ip-ranges'];

const CIDR = /^\s*([0-9a-fA-F:.]+)\/0*(\d+)\s*$/;

/** `0.0.0.0/0`, `::/0`: a range with prefix length 0 holds every address, whatever address it is written with. */
export function isWholeInternet(cidr: string): boolean {
  const match = CIDR.exec(cidr);
  return match !== null && Number(match[2]) === 0 && (match[1].includes('.') || match[1].includes(':'));
}

/** A core `Service` with a spec. */
export interface ServiceResource {
  resource: K8sResource;
  spec: YAMLMap;
}

export function servicesOf(resources: readonly K8sResource[]): ServiceResource[] {
  return resources.flatMap((resource) => {
    const spec = resource.kind === 'Service' && resource.apiVersion === 'v1' ? resource.nav.map(resource.node, 'spec') : undefined;
    return spec ? [{ resource, spec }] : [];
  });
}

/** The Service's `type` when it is written and no template writes it. */
export function serviceType(service: ServiceResource): Field | undefined {
  const type = service.resource.nav.field(service.spec, 'type');
  return type && !type.templated && typeof type.value === 'string' ? type : undefined;
}
