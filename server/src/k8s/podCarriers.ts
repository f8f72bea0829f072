// Which resources carry a pod, found by API group and kind, and where in each the pod-level fields and
// the container lists are. Data reviewed like code: a new workload kind is a new row, not a new branch.

/** Which kind of container a list holds, as messages name it. */
export type ContainerKind = 'container' | 'initContainer' | 'ephemeralContainer';

/** A place containers are written, relative to a container group (see PodCarrier.groups). */
export interface ContainerSource {
  /** Dotted path (`containers`, `containerSet.containers`). */
  path: string;
  kind: ContainerKind;
  /** The path holds one container mapping (Argo's `container`, `script`), not a list of them. */
  single?: boolean;
  /**
   * Dotted path, relative to the group, of a container whose whole securityContext every container of
   * this source starts from (Tekton's `stepTemplate`, merged into each step).
   */
  template?: string;
}

export interface PodCarrier {
  /** API group: `apps`, `argoproj.io`; `''` for the core group (`apiVersion: v1`). */
  group: string;
  kind: string;
  /**
   * Dotted paths, tried in order, to the mapping that holds the pod-level fields (securityContext,
   * hostNetwork, volumes, automountServiceAccountToken): a Kubernetes PodSpec for most kinds.
   */
  pod: readonly string[];
  /** Dotted path from the resource to the pod template's metadata; absent: beside the pod spec (`template.metadata`). */
  metadata?: string;
  /**
   * Where the containers are grouped, relative to the pod-level mapping: `''` for the pod itself, or
   * paths whose `[]` segments visit every item (`templates[]`: each Argo template runs as its own pod).
   */
  groups?: readonly string[];
  /** Within a group, the pod securityContext its containers inherit, in place of the pod-level one (Argo's template `securityContext`). */
  groupSecurityContext?: string;
  containers: readonly ContainerSource[];
  /**
   * The pod-level fields are set somewhere else (a Tekton Task's pod is shaped by its TaskRun's
   * `podTemplate`): a field the carrier does not write is unknown, never reported as missing.
   */
  podFieldsElsewhere?: boolean;
}

/** The container lists of a Kubernetes PodSpec. */
export const POD_SPEC_CONTAINERS: readonly ContainerSource[] = [
  { path: 'containers', kind: 'container' },
  { path: 'initContainers', kind: 'initContainer' },
  { path: 'ephemeralContainers', kind: 'ephemeralContainer' },
];

/** Kinds whose pod spec sits at `spec.template.spec`, by group. */
const TEMPLATE_SPEC_KINDS: readonly [group: string, kind: string][] = [
  ['apps', 'Deployment'],
  ['apps', 'StatefulSet'],
  ['apps', 'DaemonSet'],
  ['apps', 'ReplicaSet'],
  // Before apps/v1 (Kubernetes < 1.16), still found in old charts and docs.
  ['extensions', 'Deployment'],
  ['extensions', 'DaemonSet'],
  ['extensions', 'ReplicaSet'],
  ['', 'ReplicationController'],
  ['batch', 'Job'],
  // OpenShift; its 3.x manifests wrote `apiVersion: v1`.
  ['apps.openshift.io', 'DeploymentConfig'],
  ['', 'DeploymentConfig'],
  ['argoproj.io', 'Rollout'],
  // Knative serving: a Service here is a workload, not a core Service.
  ['serving.knative.dev', 'Service'],
  ['serving.knative.dev', 'Configuration'],
  ['apps.kruise.io', 'CloneSet'],
  ['apps.kruise.io', 'StatefulSet'],
  ['apps.kruise.io', 'DaemonSet'],
  ['apps.kruise.io', 'BroadcastJob'],
];

/** An Argo Workflows template runs its `container` or `script`, with init containers and sidecars, in a pod of its own. */
const ARGO_TEMPLATE_CONTAINERS: readonly ContainerSource[] = [
  { path: 'container', kind: 'container', single: true },
  { path: 'script', kind: 'container', single: true },
  { path: 'containerSet.containers', kind: 'container' },
  { path: 'initContainers', kind: 'initContainer' },
  { path: 'sidecars', kind: 'container' },
];

const argoWorkflow = (kind: string, workflowSpec: string): PodCarrier => ({
  group: 'argoproj.io',
  kind,
  // The workflow spec holds the pod-level fields every template's pod gets (securityContext, hostNetwork, volumes…).
  pod: [workflowSpec],
  metadata: `${workflowSpec}.podMetadata`,
  groups: ['templates[]'],
  // A template's own securityContext replaces the workflow's for its pod.
  groupSecurityContext: 'securityContext',
  containers: ARGO_TEMPLATE_CONTAINERS,
});

/** A Tekton task's steps start from its `stepTemplate`; sidecars run beside them. */
const TEKTON_TASK_CONTAINERS: readonly ContainerSource[] = [
  { path: 'steps', kind: 'container', template: 'stepTemplate' },
  { path: 'sidecars', kind: 'container' },
];

const tekton = (kind: string, pod: string, groups: readonly string[] = ['']): PodCarrier => ({
  group: 'tekton.dev',
  kind,
  pod: [pod],
  groups,
  containers: TEKTON_TASK_CONTAINERS,
  podFieldsElsewhere: true,
});

export const POD_CARRIERS: readonly PodCarrier[] = [
  { group: '', kind: 'Pod', pod: ['spec'], containers: POD_SPEC_CONTAINERS },
  { group: '', kind: 'PodTemplate', pod: ['template.spec'], containers: POD_SPEC_CONTAINERS },
  ...TEMPLATE_SPEC_KINDS.map(([group, kind]): PodCarrier => ({ group, kind, pod: ['spec.template.spec'], containers: POD_SPEC_CONTAINERS })),
  { group: 'batch', kind: 'CronJob', pod: ['spec.jobTemplate.spec.template.spec'], containers: POD_SPEC_CONTAINERS },
  { group: 'keda.sh', kind: 'ScaledJob', pod: ['spec.jobTargetRef.template.spec'], containers: POD_SPEC_CONTAINERS },
  {
    group: 'apps.kruise.io',
    kind: 'AdvancedCronJob',
    pod: ['spec.template.jobTemplate.spec.template.spec', 'spec.template.broadcastJobTemplate.spec.template.spec'],
    containers: POD_SPEC_CONTAINERS,
  },
  argoWorkflow('Workflow', 'spec'),
  argoWorkflow('WorkflowTemplate', 'spec'),
  argoWorkflow('ClusterWorkflowTemplate', 'spec'),
  argoWorkflow('CronWorkflow', 'spec.workflowSpec'),
  tekton('Task', 'spec'),
  tekton('ClusterTask', 'spec'),
  tekton('TaskRun', 'spec', ['taskSpec']),
  tekton('Pipeline', 'spec', ['tasks[].taskSpec', 'finally[].taskSpec']),
];

/** A team's own resource kind with a Kubernetes PodSpec at `path` (config `podSpecPaths`). */
export interface CustomPodSpecPath {
  /** `acme.io/v1` (that version), or a group alone, `acme.io` (any version). */
  apiVersion: string;
  kind: string;
  /** Dotted path from the resource to the PodSpec, e.g. `spec.template.spec`. */
  path: string;
}

/**
 * The carrier for a resource: the team's own paths first, then the built-in table. `group` is
 * undefined when a Helm template writes the apiVersion: then the kind alone decides.
 */
export function podCarrierOf(apiVersion: string | undefined, kind: string, custom: readonly CustomPodSpecPath[] = []): PodCarrier | undefined {
  const group = apiVersion === undefined ? undefined : groupOf(apiVersion);
  for (const entry of custom) {
    if (entry.kind !== kind) continue;
    if (apiVersion === undefined || entry.apiVersion === apiVersion || entry.apiVersion === group) return { group: group ?? '', kind, pod: [entry.path], containers: POD_SPEC_CONTAINERS };
  }
  return carriersByKind.get(kind)?.find((carrier) => group === undefined || carrier.group === group);
}

/** `apps/v1` → `apps`; `v1` → `''` (the core group). */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.lastIndexOf('/');
  return slash === -1 ? '' : apiVersion.slice(0, slash);
}

const carriersByKind = new Map<string, PodCarrier[]>();
for (const carrier of POD_CARRIERS) {
  const list = carriersByKind.get(carrier.kind);
  if (list) list.push(carrier);
  else carriersByKind.set(carrier.kind, [carrier]);
}
