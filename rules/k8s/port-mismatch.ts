// k8s/port-mismatch (workspace, info): the ports three files declare for one app disagree. A Service's
// targetPort that no selected pod declares, or a containerPort the image's Dockerfile does not EXPOSE,
// is usually a typo or a stale copy: traffic goes nowhere, or to a port nobody meant to open.
import { parseImageRef } from '../../server/src/dockerfile/images.js';
import { defineRule } from '../../server/src/engine/defineRule.js';
import type { Located, WorkspaceFile } from '../../server/src/engine/types.js';
import { imageMatcher, type BuiltImage } from './workspace-images.js';
import { selects, servicesOf, workloadsOf, type ServiceSummary, type WorkloadSummary } from './workspace-services.js';

const EXPOSED_PORT = /^(\d+)(?:-(\d+))?(?:\/(?:tcp|udp|sctp))?$/i;

type Summary =
  | { kind: 'dockerfile'; exposes: { low: number; high: number }[]; at?: Located }
  | { kind: 'manifests'; services: ServiceSummary[]; workloads: WorkloadSummary[] };

export default defineRule({
  meta: {
    id: 'k8s/port-mismatch',
    title: 'Ports that do not match across files',
    defaultSeverity: 'info',
    description:
      "Flags a Service `targetPort` that none of the pods it selects (same namespace, anywhere in the workspace) declares as a `containerPort` (by number, or by name for a named port), when those pods declare ports; and a `containerPort` that the Dockerfile building the container's image (matched by name as `k8s/image-runs-as-root` matches them: the image's last path segment is the Dockerfile's folder or its parent) does not EXPOSE, when it exposes any.",
    rationale:
      'Ports are declared three times for one app (Dockerfile, pod, Service), usually by hand. When they drift, a Service routes to a closed port (an outage) or a pod opens a port the image was never meant to serve (often a debug or admin port).',
    remediation: 'Make the Service `targetPort`, the `containerPort` and the Dockerfile `EXPOSE` name the same port; prefer a named container port (`name: http`) as the Service\'s `targetPort`.',
    peers: {},
    messages: {
      targetPort: 'targetPort {{port}} of {{service}}: none of the pods it selects ({{workloads}}) declares that port',
      notExposed: 'containerPort {{port}} of container "{{container}}": its image\'s Dockerfile ({{dockerfile}}) does not EXPOSE it',
    },
    fixes: [],
    preset: 'strict',
    scope: 'document',
  },
  summarize(file, context): Summary | undefined {
    if (file.language === 'dockerfile') {
      const expose = file.finalStage?.instructions.filter((instruction) => instruction.keyword === 'EXPOSE') ?? [];
      const exposes = expose.flatMap((instruction) =>
        instruction.operands.flatMap((word) => {
          const match = EXPOSED_PORT.exec(word.value);
          return match ? [{ low: Number(match[1]), high: Number(match[2] ?? match[1]) }] : [];
        }),
      );
      return exposes.length ? { kind: 'dockerfile', exposes, at: context.locate(expose[0].range) } : { kind: 'dockerfile', exposes };
    }
    const services = servicesOf(file, context);
    const workloads = workloadsOf(file, context);
    return services.length || workloads.length ? { kind: 'manifests', services, workloads } : undefined;
  },
  checkWorkspace(files: readonly WorkspaceFile<Summary>[], context) {
    const dockerfiles = new Map<string, { exposes: { low: number; high: number }[]; at?: Located }>();
    const workloads: WorkloadSummary[] = [];
    for (const { file, summary } of files) {
      if (summary.kind === 'dockerfile') dockerfiles.set(file, summary);
      else for (const workload of summary.workloads) workloads.push(workload);
    }
    const matchImage = imageMatcher([...dockerfiles.keys()].map((path): BuiltImage => ({ path })), {});
    for (const { file, summary } of files) {
      if (summary.kind !== 'manifests') continue;
      for (const service of summary.services) {
        const selected = workloads.filter((workload) => selects(service, workload));
        const declared = selected.flatMap((workload) => workload.containers.flatMap((container) => container.ports));
        if (declared.length === 0) continue;
        for (const { targetPort, at } of service.ports) {
          const matches = declared.some((port) => (typeof targetPort === 'number' ? port.containerPort === targetPort : port.name === targetPort));
          if (!matches) context.report({ file, messageId: 'targetPort', data: { port: String(targetPort), service: service.label, workloads: [...new Set(selected.map((workload) => workload.label))].join(', ') }, at });
        }
      }
      for (const workload of summary.workloads) {
        for (const container of workload.containers) {
          const ref = container.image === undefined ? undefined : parseImageRef(container.image);
          const built = ref && matchImage(ref);
          const dockerfile = built && dockerfiles.get(built.path);
          if (!built || !dockerfile?.at || dockerfile.exposes.length === 0) continue;
          const exposeAt = dockerfile.at;
          for (const port of container.ports) {
            if (dockerfile.exposes.some(({ low, high }) => low <= port.containerPort && port.containerPort <= high)) continue;
            context.report({
              file,
              messageId: 'notExposed',
              data: { port: port.containerPort, container: container.name, dockerfile: context.nameOf(built.path) },
              at: port.at,
              related: [{ file: built.path, message: 'The image exposes these ports', at: exposeAt }],
            });
          }
        }
      }
    }
  },
});
