// k8s/exposed-privileged-workload (workspace): an Ingress or a Gateway API HTTPRoute sends outside
// traffic to a Service whose pods run privileged or share the node's namespaces. Each file alone is
// fine to its own rule; together they put a pod that owns the node one request away from the internet.
import { isMap, type YAMLMap } from 'yaml';
import { defineRule } from '../../server/src/engine/defineRule.js';
import type { Located, SummaryContext, WorkspaceFile } from '../../server/src/engine/types.js';
import type { YamlFile } from '../../server/src/k8s/yamlFile.js';
import { inApiGroup } from '../../server/src/k8s/model.js';
import { selects, servicesOf, workloadsOf, writtenNamespace, type ServiceSummary, type WorkloadSummary } from './workspace-services.js';
import { nearestDefinitions, objectIdentity } from './workspace-definitions.js';

interface Route {
  namespace?: string;
  label: string;
  /** Each backend Service the route sends traffic to, where it is named. */
  backends: { service: string; at: Located }[];
}

interface Summary {
  routes: Route[];
  services: ServiceSummary[];
  workloads: WorkloadSummary[];
}

export default defineRule({
  meta: {
    id: 'k8s/exposed-privileged-workload',
    title: 'Outside traffic reaches a privileged pod',
    defaultSeverity: 'warning',
    description:
      'Flags an Ingress backend or an HTTPRoute `backendRef` whose Service (same namespace, anywhere in the workspace) selects pods that run privileged or with `hostNetwork`, `hostPID` or `hostIPC`. Reported on the backend\'s service name, linking to the Service and the workload. A Service or workload defined in several files (one install\'s variants per cloud or environment) is read where it is nearest to the route: in its file, else under the deepest folder they share.',
    rationale:
      'A privileged or host-namespace pod owns the node it runs on. Reachable from outside the cluster, one remote code execution in it is a node compromise, and from there every pod and secret on that node.',
    remediation: 'Take the privileges off the exposed workload (a separate, unexposed agent can keep them), or do not route outside traffic to it.',
    peers: {},
    messages: {
      exposed: '{{route}} sends outside traffic to Service "{{service}}", whose pods ({{workload}}) run {{risks}}',
    },
    fixes: [],
    preset: 'recommended',
    scope: 'document',
  },
  summarize(file, context): Summary | undefined {
    if (file.language !== 'yaml') return undefined;
    const summary = { routes: routesOf(file, context), services: servicesOf(file, context), workloads: workloadsOf(file, context) };
    return summary.routes.length || summary.services.length || summary.workloads.length ? summary : undefined;
  },
  checkWorkspace(files: readonly WorkspaceFile<Summary>[], context) {
    const services = files.flatMap(({ file, summary }) => summary.services.map((service) => ({ file, service })));
    const workloads = files.flatMap(({ file, summary }) => summary.workloads.map((workload) => ({ file, workload })));
    if (workloads.length === 0) return;
    for (const { file, summary } of files) {
      for (const route of summary.routes) {
        for (const backend of route.backends) {
          const named = services.filter(({ service }) => service.name === backend.service && service.namespace === route.namespace);
          for (const { file: serviceFile, service } of nearestDefinitions(file, named)) {
            const selected = workloads.filter(({ workload }) => selects(service, workload));
            // Of each workload the Service selects, the definition nearest to it: a privileged one is reached.
            const target = nearestDefinitions(serviceFile, selected, ({ workload }) => objectIdentity(workload)).find(({ workload }) => workload.risks.length > 0);
            if (!target) continue;
            context.report({
              file,
              messageId: 'exposed',
              data: { route: route.label, service: service.name, workload: target.workload.label, risks: target.workload.risks.join(', ') },
              at: backend.at,
              related: [
                { file: serviceFile, message: `${service.label} selects ${target.workload.label}`, at: service.at },
                { file: target.file, message: `${target.workload.label} runs ${target.workload.risks.join(', ')}`, at: target.workload.at },
              ],
            });
          }
        }
      }
    }
  },
});

/** Ingresses (networking.k8s.io v1 and v1beta1) and Gateway API HTTPRoutes with the Services they route to. */
function routesOf(file: YamlFile, context: SummaryContext): Route[] {
  return file.resources.flatMap((resource): Route[] => {
    const { nav } = resource;
    const spec = nav.map(resource.node, 'spec');
    const label = resource.name === undefined ? resource.kind : `${resource.kind} "${resource.name}"`;
    const backends: Route['backends'] = [];
    const add = (map: YAMLMap | undefined, key: string) => {
      const name = nav.field(map, key);
      if (name && !name.templated && typeof name.value === 'string') backends.push({ service: name.value, at: context.locate(name.valueRange) });
    };
    if (resource.kind === 'Ingress' && inApiGroup(resource, 'networking.k8s.io', 'extensions')) {
      const ingressBackend = (backend: YAMLMap | undefined) => {
        add(nav.map(backend, 'service'), 'name'); // v1
        add(backend, 'serviceName'); // v1beta1
      };
      ingressBackend(nav.map(spec, 'defaultBackend') ?? nav.map(spec, 'backend'));
      for (const rule of nav.items(nav.seq(spec, 'rules'))) {
        for (const path of isMap(rule) ? nav.items(nav.seq(nav.map(rule, 'http'), 'paths')) : []) if (isMap(path)) ingressBackend(nav.map(path, 'backend'));
      }
    } else if (resource.kind === 'HTTPRoute' && inApiGroup(resource, 'gateway.networking.k8s.io')) {
      for (const rule of nav.items(nav.seq(spec, 'rules'))) {
        for (const ref of isMap(rule) ? nav.items(nav.seq(rule, 'backendRefs')) : []) {
          const kind = isMap(ref) ? nav.string(ref, 'kind') : undefined;
          if (isMap(ref) && (kind === undefined || kind === 'Service')) add(ref, 'name');
        }
      }
    } else {
      return [];
    }
    return backends.length ? [{ namespace: writtenNamespace(resource), label, backends }] : [];
  });
}
