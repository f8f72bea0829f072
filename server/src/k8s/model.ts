// The typed Kubernetes model rules see: resources, the pod spec each workload carries, every
// container kind, and each container's effective security context, all with source ranges.
import { isMap, isScalar, type Document, type Node, type YAMLMap } from 'yaml';
import type { OffsetRange } from '../text/positions.js';
import { nodeRange, type Field, type YamlNav } from '../yaml/nav.js';

/** Where each workload kind keeps its pod spec, and the pod template's metadata beside it. */
const POD_SPEC_PATHS: Record<string, readonly string[]> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
  PodTemplate: ['template', 'spec'],
};

export type ContainerKind = 'container' | 'initContainer' | 'ephemeralContainer';
const CONTAINER_LISTS: readonly [string, ContainerKind][] = [
  ['containers', 'container'],
  ['initContainers', 'initContainer'],
  ['ephemeralContainers', 'ephemeralContainer'],
];

/** Pod-level securityContext fields that each container inherits unless it sets its own. */
export const INHERITED_FIELDS = ['runAsUser', 'runAsGroup', 'runAsNonRoot', 'seLinuxOptions', 'seccompProfile', 'appArmorProfile', 'windowsOptions'] as const;
/** Fields that exist only on a container's securityContext. */
export const CONTAINER_ONLY_FIELDS = ['privileged', 'allowPrivilegeEscalation', 'capabilities', 'readOnlyRootFilesystem', 'procMount'] as const;

export type SecurityContextField = (typeof INHERITED_FIELDS)[number] | (typeof CONTAINER_ONLY_FIELDS)[number];

/** A security setting in force for a container, and whether it was written on the pod or the container. */
export interface EffectiveField extends Field {
  origin: 'pod' | 'container';
}

export type EffectiveSecurityContext = Partial<Record<SecurityContextField, EffectiveField>>;

export interface K8sResource {
  apiVersion: string;
  kind: string;
  name?: string;
  namespace?: string;
  /** The resource's top-level mapping. */
  node: YAMLMap;
  nav: YamlNav;
  /** The `kind` value: where resource-level findings about missing fields sit. */
  kindRange: OffsetRange;
  metadata?: YAMLMap;
  podSpec?: PodSpec;
}

export interface PodSpec {
  resource: K8sResource;
  node: YAMLMap;
  /** The pod template's (or the Pod's) metadata: annotations such as seccomp and suppressions live here. */
  metadata?: YAMLMap;
  /** The pod-level securityContext mapping, when written. */
  securityContext?: YAMLMap;
  containers: Container[];
  /**
   * The pod declares `os.name: windows`: the API server rejects the Linux-only settings (seccomp,
   * capabilities, allowPrivilegeEscalation, readOnlyRootFilesystem, runAsUser, …) and Pod Security
   * admission does not require them. A node selector alone does not count, as for admission.
   */
  windows: boolean;
}

export interface Container {
  kind: ContainerKind;
  name: string;
  /** The name's value (or the item's start when unnamed): where findings about missing fields sit. */
  anchor: OffsetRange;
  node: YAMLMap;
  podSpec: PodSpec;
  /** The container's own securityContext mapping, when written. */
  securityContext?: YAMLMap;
  effective: EffectiveSecurityContext;
}

export function buildResources(doc: Document.Parsed, nav: YamlNav): K8sResource[] {
  const root = nav.resolve(doc.contents);
  if (!isMap(root)) return [];
  const resource = toResource(root, nav);
  if (!resource) return [];
  if (resource.kind !== 'List' && !resource.kind.endsWith('List')) return [resource];
  // `kind: List` (and typed lists such as DeploymentList) wrap resources in `items`.
  return nav.items(nav.seq(root, 'items')).flatMap((item) => {
    const inner = isMap(item) ? toResource(item, nav) : undefined;
    return inner ? [inner] : [];
  });
}

function toResource(node: YAMLMap, nav: YamlNav): K8sResource | undefined {
  const apiVersion = nav.string(node, 'apiVersion');
  const kindField = nav.field(node, 'kind');
  if (!apiVersion || !kindField || typeof kindField.value !== 'string') return undefined;
  const metadata = nav.map(node, 'metadata');
  const resource: K8sResource = {
    apiVersion,
    kind: kindField.value,
    name: nav.displayString(metadata, 'name'),
    namespace: nav.displayString(metadata, 'namespace'),
    node,
    nav,
    kindRange: kindField.valueRange,
    metadata,
  };
  const path = POD_SPEC_PATHS[resource.kind];
  const specNode = path && nav.mapAt(node, path);
  if (path && specNode) {
    const templateMetadata = path.length > 1 ? nav.map(nav.mapAt(node, path.slice(0, -1)), 'metadata') : metadata;
    resource.podSpec = buildPodSpec(resource, specNode, templateMetadata, nav);
  }
  return resource;
}

function buildPodSpec(resource: K8sResource, node: YAMLMap, metadata: YAMLMap | undefined, nav: YamlNav): PodSpec {
  const podSpec: PodSpec = { resource, node, metadata, securityContext: nav.map(node, 'securityContext'), containers: [], windows: runsOnWindows(node, nav) };
  for (const [listKey, kind] of CONTAINER_LISTS) {
    for (const item of nav.items(nav.seq(node, listKey))) {
      if (isMap(item)) podSpec.containers.push(buildContainer(podSpec, item, kind, nav));
    }
  }
  return podSpec;
}

/** A Helm `if` around the declaration may render a Linux pod: then the Linux checks stay on. */
function runsOnWindows(podSpec: YAMLMap, nav: YamlNav): boolean {
  const os = nav.field(nav.map(podSpec, 'os'), 'name');
  return typeof os?.value === 'string' && os.value.toLowerCase() === 'windows' && !os.templated && !nav.isConditional(os.node);
}

function buildContainer(podSpec: PodSpec, node: YAMLMap, kind: ContainerKind, nav: YamlNav): Container {
  const nameField = nav.field(node, 'name');
  const securityContext = nav.map(node, 'securityContext');
  return {
    kind,
    name: nav.displayString(node, 'name') ?? '(unnamed)',
    anchor: nameField?.valueRange ?? firstKeyRange(node),
    node,
    podSpec,
    securityContext,
    effective: effectiveSecurityContext(podSpec.securityContext, securityContext, nav),
  };
}

function effectiveSecurityContext(pod: YAMLMap | undefined, own: YAMLMap | undefined, nav: YamlNav): EffectiveSecurityContext {
  const effective: EffectiveSecurityContext = {};
  for (const key of INHERITED_FIELDS) {
    const mine = nav.field(own, key);
    const inherited = mine ? undefined : nav.field(pod, key);
    if (mine) effective[key] = effectiveField(key, mine, 'container');
    else if (inherited) effective[key] = effectiveField(key, inherited, 'pod');
  }
  for (const key of CONTAINER_ONLY_FIELDS) {
    const mine = nav.field(own, key);
    if (mine) effective[key] = effectiveField(key, mine, 'container');
  }
  return effective;
}

const BOOLEAN_FIELDS: ReadonlySet<SecurityContextField> = new Set(['runAsNonRoot', 'privileged', 'allowPrivilegeEscalation', 'readOnlyRootFilesystem']);

/** Boolean settings carry the value Kubernetes reads (`privileged: yes` is `true`), so rules compare booleans. */
function effectiveField(key: SecurityContextField, field: Field, origin: EffectiveField['origin']): EffectiveField {
  const value = BOOLEAN_FIELDS.has(key) ? (booleanValue(field) ?? field.value) : field.value;
  return { ...field, value, origin };
}

/**
 * Kubernetes parses manifests as YAML 1.1 (go-yaml v2), where these plain words are booleans, while
 * the `yaml` package reads YAML 1.2, where they are strings. `hostPID: yes` must not slip through.
 */
const YAML_1_1_BOOLEANS: ReadonlyMap<string, boolean> = new Map([
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON'].map((word) => [word, true] as const),
  ...['n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF'].map((word) => [word, false] as const),
]);

/** A field's value as Kubernetes reads a boolean field; undefined when it is not a boolean at all. */
export function booleanValue(field: Field | undefined): boolean | undefined {
  const value = field?.value;
  if (typeof value === 'boolean') return value;
  const plain = isScalar(field?.node) && field.node.type === 'PLAIN';
  return typeof value === 'string' && plain ? YAML_1_1_BOOLEANS.get(value) : undefined;
}

function firstKeyRange(node: YAMLMap): OffsetRange {
  const first = node.items[0];
  return nodeRange(first?.key as Node | undefined) ?? nodeRange(node) ?? { start: 0, end: 0 };
}

/**
 * Helm: whether a template may write `key` into `map`: its value is an action, or the mapping gets
 * lines from a line-only `include`/`toYaml`. Rules treat such a key as unknown: neither set nor unset.
 */
export function isTemplatedKey(nav: YamlNav, map: YAMLMap | undefined, key: string): boolean {
  if (!nav.templates || !map) return false;
  return nav.isTemplated(map) || nav.field(map, key)?.templated === true;
}

/**
 * Helm: whether a template decides `field` for this container, so rules must neither flag nor trust
 * it: its written value is an action, or the securityContext it would come from is filled by one (the
 * container's, which also overrides a pod-level value, or the pod's for an inherited field).
 */
export function isTemplatedSetting(container: Container, field: SecurityContextField): boolean {
  const nav = container.podSpec.resource.nav;
  if (!nav.templates) return false;
  const setting = container.effective[field];
  if (setting?.templated) return true;
  if (setting?.origin === 'container') return false;
  if (isTemplatedKey(nav, container.node, 'securityContext') || isTemplatedKey(nav, container.securityContext, field)) return true;
  if (setting || !(INHERITED_FIELDS as readonly string[]).includes(field)) return false;
  const podSpec = container.podSpec;
  return isTemplatedKey(nav, podSpec.node, 'securityContext') || isTemplatedKey(nav, podSpec.securityContext, field);
}
