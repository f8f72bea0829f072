// What workspace rules that follow traffic share: workloads with their pod labels, ports and risky
// settings, Services with their selectors and ports, and which workloads a Service selects. Kept as
// plain data in summaries (rules/k8s/exposed-privileged-workload.ts, port-mismatch.ts).
import { isMap, isScalar, type YAMLMap } from 'yaml';
import type { Located, SummaryContext } from '../../server/src/engine/types.js';
import { booleanValue, type K8sResource } from '../../server/src/k8s/model.js';
import type { YamlFile } from '../../server/src/k8s/yamlFile.js';
import type { YamlNav } from '../../server/src/yaml/nav.js';
import { resourceLabel } from './support.js';

export interface WorkloadSummary {
  /** Undefined: not written, or written by a template. */
  namespace?: string;
  /** Undefined when a template writes it. */
  name?: string;
  label: string;
  labels: Record<string, string>;
  at: Located;
  /** What gives the pod the node (`privileged`, `hostNetwork`, …); empty for a pod that stays in its sandbox. */
  risks: string[];
  containers: { name: string; image?: string; ports: { containerPort: number; name?: string; at: Located }[] }[];
}

export interface ServiceSummary {
  namespace?: string;
  name: string;
  label: string;
  /** Undefined when the Service selects no pods itself (no selector, or a templated one). */
  selector?: Record<string, string>;
  ports: { targetPort: number | string; at: Located }[];
  at: Located;
}

/** The file's complete workloads (a Kustomize patch, a partial resource, sets a few fields of one defined elsewhere). */
export function workloadsOf(file: YamlFile, context: SummaryContext): WorkloadSummary[] {
  const workloads: WorkloadSummary[] = [];
  for (const podSpec of file.podSpecs) {
    if (podSpec.resource.partial) continue;
    const { nav } = podSpec.resource;
    const privileged = podSpec.containers.some((container) => container.effective.privileged?.value === true) ? ['privileged'] : [];
    const risks = privileged.concat(['hostNetwork', 'hostPID', 'hostIPC'].filter((key) => booleanValue(nav.field(podSpec.node, key)) === true));
    workloads.push({
      namespace: writtenNamespace(podSpec.resource),
      name: writtenMetadata(podSpec.resource, 'name'),
      label: resourceLabel(podSpec),
      labels: plainStrings(nav, nav.map(podSpec.metadata, 'labels')),
      at: context.locate(podSpec.resource.kindRange),
      risks,
      containers: podSpec.containers.map((container) => {
        const image = nav.field(container.node, 'image');
        const ports = nav.items(nav.seq(container.node, 'ports')).flatMap((item) => {
          const port = isMap(item) ? nav.field(item, 'containerPort') : undefined;
          if (!isMap(item) || !port || port.templated || typeof port.value !== 'number') return [];
          return [{ containerPort: port.value, name: nav.string(item, 'name'), at: context.locate(port.valueRange) }];
        });
        return { name: container.name, image: image && !image.templated && typeof image.value === 'string' ? image.value : undefined, ports };
      }),
    });
  }
  return workloads;
}

export function servicesOf(file: YamlFile, context: SummaryContext): ServiceSummary[] {
  return file.resources.flatMap((resource) => {
    if (resource.kind !== 'Service' || resource.apiVersion !== 'v1' || resource.name === undefined || resource.partial) return [];
    const { nav } = resource;
    const spec = nav.map(resource.node, 'spec');
    const selectorMap = nav.map(spec, 'selector');
    const selector = selectorMap && !nav.isTemplated(selectorMap) ? plainStrings(nav, selectorMap) : undefined;
    const ports = nav.items(nav.seq(spec, 'ports')).flatMap((item) => {
      const target = isMap(item) ? (nav.field(item, 'targetPort') ?? nav.field(item, 'port')) : undefined;
      if (!target || target.templated || (typeof target.value !== 'number' && typeof target.value !== 'string')) return [];
      return [{ targetPort: target.value, at: context.locate(target.valueRange) }];
    });
    return [{ namespace: writtenNamespace(resource), name: resource.name, label: `Service "${resource.name}"`, selector: selector && Object.keys(selector).length ? selector : undefined, ports, at: context.locate(resource.kindRange) }];
  });
}

/** The Service selects the workload's pods: same namespace, and the pod template carries every selector label. */
export function selects(service: ServiceSummary, workload: WorkloadSummary): boolean {
  const { selector } = service;
  return selector !== undefined && service.namespace === workload.namespace && Object.entries(selector).every(([key, value]) => workload.labels[key] === value);
}

/** The namespace as written; undefined when unwritten or written by a template (unknown until applied). */
export function writtenNamespace(resource: K8sResource): string | undefined {
  return writtenMetadata(resource, 'namespace');
}

/** A metadata string as written; undefined when unwritten or written by a template. */
function writtenMetadata(resource: K8sResource, key: 'name' | 'namespace'): string | undefined {
  const field = resource.nav.field(resource.metadata, key);
  return field && !field.templated && typeof field.value === 'string' ? field.value : undefined;
}

/** A mapping's entries whose key and value are written out (templated ones are unknown and left out). */
export function plainStrings(nav: YamlNav, map: YAMLMap | undefined): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const pair of isMap(map) ? map.items : []) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    const field = key === undefined ? undefined : nav.field(map, key);
    if (key !== undefined && field && !field.templated && ['string', 'number', 'boolean'].includes(typeof field.value)) entries[key] = String(field.value);
  }
  return entries;
}
