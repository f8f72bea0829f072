// The typed Kubernetes model rules see: resources, the pod spec each workload carries, every
// container kind, and each container's effective security context, all with source ranges.
import { isMap, isScalar, type Document, type Node, type YAMLMap } from 'yaml';
import type { OffsetRange } from '../text/positions.js';
import { nodeRange, TreeField, type Field, type YamlNav } from '../yaml/nav.js';
import { podCarrierOf, type ContainerKind, type ContainerSource, type CustomPodSpecPath, type PodCarrier } from './podCarriers.js';

export type { ContainerKind } from './podCarriers.js';

/** What the model needs beside the document: the config's pod carriers, and whether it is a patch. */
export interface ModelOptions {
  /** The team's own resource kinds that carry a PodSpec (config `podSpecPaths`). */
  podSpecPaths?: readonly CustomPodSpecPath[];
  /**
   * The document sets some fields of resources defined elsewhere (a Kustomize patch): a field it does
   * not write is unknown, never reported as missing; the values it writes are checked as usual.
   */
  partial?: boolean;
}

/** Pod-level securityContext fields that each container inherits unless it sets its own. */
export const INHERITED_FIELDS = ['runAsUser', 'runAsGroup', 'runAsNonRoot', 'seLinuxOptions', 'seccompProfile', 'appArmorProfile', 'windowsOptions'] as const;
/** Fields that exist only on a container's securityContext. */
export const CONTAINER_ONLY_FIELDS = ['privileged', 'allowPrivilegeEscalation', 'capabilities', 'readOnlyRootFilesystem', 'procMount'] as const;

export type SecurityContextField = (typeof INHERITED_FIELDS)[number] | (typeof CONTAINER_ONLY_FIELDS)[number];
const SECURITY_CONTEXT_FIELDS: readonly SecurityContextField[] = [...INHERITED_FIELDS, ...CONTAINER_ONLY_FIELDS];

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
  /** A Kustomize patch: it sets some fields of a resource defined elsewhere (see ModelOptions.partial). */
  partial?: boolean;
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

/**
 * Whether the resource's apiVersion is of one of the API `groups` (`networking.k8s.io` for
 * `networking.k8s.io/v1` or a beta). A Helm chart's templated apiVersion (`{{ include
 * "common.capabilities.networkPolicy.apiVersion" . }}`, one per cluster version) counts: the kind decides.
 */
export function inApiGroup(resource: K8sResource, ...groups: string[]): boolean {
  return groups.some((group) => resource.apiVersion.startsWith(`${group}/`)) || resource.nav.field(resource.node, 'apiVersion')?.templated === true;
}

export function buildResources(doc: Document.Parsed, nav: YamlNav, options: ModelOptions = {}): K8sResource[] {
  const root = nav.resolve(doc.contents);
  if (!isMap(root)) return [];
  if (options.partial) openDocuments.add(nav);
  const resource = toResource(root, nav, options);
  if (!resource) return [];
  if (resource.kind !== 'List' && !resource.kind.endsWith('List')) return [resource];
  // `kind: List` (and typed lists such as DeploymentList) wrap resources in `items`.
  return nav.items(nav.seq(root, 'items')).flatMap((item) => {
    const inner = isMap(item) ? toResource(item, nav, options) : undefined;
    return inner ? [inner] : [];
  });
}

function toResource(node: YAMLMap, nav: YamlNav, options: ModelOptions): K8sResource | undefined {
  const apiVersionField = nav.field(node, 'apiVersion');
  const kindField = nav.field(node, 'kind');
  if (typeof apiVersionField?.value !== 'string' || !kindField || typeof kindField.value !== 'string') return undefined;
  const metadata = nav.map(node, 'metadata');
  const resource: K8sResource = {
    apiVersion: apiVersionField.value,
    kind: kindField.value,
    name: nav.displayString(metadata, 'name'),
    namespace: nav.displayString(metadata, 'namespace'),
    node,
    nav,
    get kindRange() {
      return kindField.valueRange;
    },
    metadata,
    ...(options.partial && { partial: true }),
  };
  // A Helm chart often writes the apiVersion with a template (`{{ include "common.capabilities…" }}`): the kind decides.
  const carrier = podCarrierOf(apiVersionField.templated ? undefined : resource.apiVersion, resource.kind, options.podSpecPaths);
  if (carrier) resource.podSpec = buildPodSpec(resource, carrier, nav);
  return resource;
}

function buildPodSpec(resource: K8sResource, carrier: PodCarrier, nav: YamlNav): PodSpec | undefined {
  const found = firstMapAt(nav, resource.node, carrier.pod);
  if (!found) return undefined;
  const { node, path } = found;
  const metadata = carrier.metadata
    ? nav.mapAt(resource.node, carrier.metadata.split('.'))
    : path.length > 1 ? nav.map(nav.mapAt(resource.node, path.slice(0, -1)), 'metadata') : resource.metadata;
  const podSpec: PodSpec = { resource, node, metadata, securityContext: nav.map(node, 'securityContext'), containers: [], windows: runsOnWindows(node, nav) };
  if (carrier.podFieldsElsewhere) openMapsOf(nav).add(node);
  for (const group of mapsAt(nav, node, carrier.groups ?? [''])) {
    const groupContext = carrier.groupSecurityContext ? nav.map(group, carrier.groupSecurityContext) : undefined;
    const inherited = groupContext ?? podSpec.securityContext;
    for (const source of carrier.containers) addContainers(podSpec, group, source, inherited, nav);
  }
  // A workflow whose templates run no container (only steps or DAGs that call other templates) makes no pod.
  if (carrier.groups && podSpec.containers.length === 0) return undefined;
  return podSpec;
}

function addContainers(podSpec: PodSpec, group: YAMLMap, source: ContainerSource, podContext: YAMLMap | undefined, nav: YamlNav): void {
  const path = source.path.split('.');
  const parent = nav.mapAt(group, path.slice(0, -1));
  const key = path[path.length - 1];
  const template = source.template ? nav.map(nav.mapAt(group, source.template.split('.')), 'securityContext') : undefined;
  const defaults = { pod: podContext, template };
  if (source.single) {
    // Argo's `container:`/`script:` has no name of its own: messages use the template's, findings sit on the key.
    const field = nav.field(parent, key);
    if (field && isMap(field.node)) podSpec.containers.push(buildContainer(podSpec, field.node, source.kind, defaults, nav, { name: nav.displayString(group, 'name'), anchor: () => field.keyRange }));
    return;
  }
  for (const item of nav.items(nav.seq(parent, key))) {
    if (isMap(item)) podSpec.containers.push(buildContainer(podSpec, item, source.kind, defaults, nav));
  }
}

/** The first of `paths` (dotted) that leads to a mapping, with its keys. */
function firstMapAt(nav: YamlNav, root: YAMLMap, paths: readonly string[]): { node: YAMLMap; path: string[] } | undefined {
  for (const dotted of paths) {
    const path = dotted.split('.');
    const node = nav.mapAt(root, path);
    if (node) return { node, path };
  }
  return undefined;
}

/** The mappings at each dotted path below `root`; a `name[]` segment visits every mapping item of that list; `''` is `root`. */
function mapsAt(nav: YamlNav, root: YAMLMap, paths: readonly string[]): YAMLMap[] {
  const found: YAMLMap[] = [];
  for (const dotted of paths) {
    let current: YAMLMap[] = [root];
    for (const segment of dotted ? dotted.split('.') : []) {
      const next: YAMLMap[] = [];
      for (const map of current) {
        if (!segment.endsWith('[]')) {
          const child = nav.map(map, segment);
          if (child) next.push(child);
          continue;
        }
        for (const item of nav.items(nav.seq(map, segment.slice(0, -2)))) if (isMap(item)) next.push(item);
      }
      current = next;
    }
    for (const map of current) found.push(map);
  }
  return found;
}

/** A Helm `if` around the declaration may render a Linux pod: then the Linux checks stay on. */
function runsOnWindows(podSpec: YAMLMap, nav: YamlNav): boolean {
  const os = nav.field(nav.map(podSpec, 'os'), 'name');
  return typeof os?.value === 'string' && os.value.toLowerCase() === 'windows' && !os.templated && !nav.isConditional(os.node);
}

/** The securityContexts a container starts from: a template's (all fields) and the pod's (the inherited ones). */
interface Defaults {
  pod?: YAMLMap;
  template?: YAMLMap;
}

/** `unnamed`: the name and anchor of a container that has no `name` of its own. */
function buildContainer(podSpec: PodSpec, node: YAMLMap, kind: ContainerKind, defaults: Defaults, nav: YamlNav, unnamed?: { name?: string; anchor: () => OffsetRange }): Container {
  const nameField = nav.field(node, 'name');
  const securityContext = nav.map(node, 'securityContext');
  return {
    kind,
    name: nav.displayString(node, 'name') ?? unnamed?.name ?? '(unnamed)',
    get anchor() {
      return nameField?.valueRange ?? unnamed?.anchor() ?? firstKeyRange(node);
    },
    node,
    podSpec,
    securityContext,
    effective: effectiveSecurityContext(defaults, securityContext, nav),
  };
}

/**
 * The container's own fields, then a template's (Tekton's `stepTemplate`), then the pod's inherited ones.
 * Fields the container shares with others are marked `pod`, so rules report them once, where written.
 */
function effectiveSecurityContext(defaults: Defaults, own: YAMLMap | undefined, nav: YamlNav): EffectiveSecurityContext {
  const effective: EffectiveSecurityContext = {};
  for (const key of SECURITY_CONTEXT_FIELDS) {
    const mine = nav.field(own, key);
    if (mine) {
      effective[key] = effectiveField(key, mine, 'container');
      continue;
    }
    const shared = nav.field(defaults.template, key) ?? (isInherited(key) ? nav.field(defaults.pod, key) : undefined);
    if (shared) effective[key] = effectiveField(key, shared, 'pod');
  }
  return effective;
}

function isInherited(field: SecurityContextField): boolean {
  return (INHERITED_FIELDS as readonly string[]).includes(field);
}

const BOOLEAN_FIELDS: ReadonlySet<SecurityContextField> = new Set(['runAsNonRoot', 'privileged', 'allowPrivilegeEscalation', 'readOnlyRootFilesystem']);

/** A field in force for a container; like every field, its ranges are read from the tree when asked. */
class EffectiveTreeField extends TreeField implements EffectiveField {
  constructor(
    field: Field,
    value: unknown,
    readonly origin: EffectiveField['origin'],
  ) {
    super(value, field.pair, field.node);
    if (field.templated) this.templated = true;
  }
}

/** Boolean settings carry the value Kubernetes reads (`privileged: yes` is `true`), so rules compare booleans. */
function effectiveField(key: SecurityContextField, field: Field, origin: EffectiveField['origin']): EffectiveField {
  return new EffectiveTreeField(field, BOOLEAN_FIELDS.has(key) ? (booleanValue(field) ?? field.value) : field.value, origin);
}

/**
 * Kubernetes parses manifests as YAML 1.1 (go-yaml v2), where these plain words are booleans, while
 * the `yaml` package reads YAML 1.2, where they are strings. `hostPID: yes` must not slip through.
 */
const YAML_1_1_BOOLEANS: ReadonlyMap<string, boolean> = new Map([
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON'].map((word) => [word, true] as const),
  ...['n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF'].map((word) => [word, false] as const),
]);

/** A field's value as Kubernetes reads a boolean field; undefined when it is not a boolean at all, or a template decides it. */
export function booleanValue(field: Field | undefined): boolean | undefined {
  if (field?.templated) return undefined; // the chart's values decide it
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
 * Where a field the YAML does not write is unknown rather than unset, by document. Navs are built
 * afresh by each parse (the parsed documents may be cached and reused, the model never is), so a
 * document read once as a patch is not one the next time.
 */
const openDocuments = new WeakSet<YamlNav>();
const openMaps = new WeakMap<YamlNav, WeakSet<YAMLMap>>();

function openMapsOf(nav: YamlNav): WeakSet<YAMLMap> {
  let maps = openMaps.get(nav);
  if (!maps) openMaps.set(nav, (maps = new WeakSet()));
  return maps;
}

/** Whether a key `map` does not write is decided elsewhere: by the base of a patch, or a Tekton TaskRun's pod template. */
function isDecidedElsewhere(nav: YamlNav, map: YAMLMap): boolean {
  return openDocuments.has(nav) || (openMaps.get(nav)?.has(map) ?? false);
}

/**
 * Whether `key` in `map` is unknown, so rules treat it as neither set nor unset: a Helm template may
 * write it (its value is an action, or the mapping gets lines from a line-only `include`/`toYaml`), or
 * the map does not write it and something else decides it (a Kustomize patch's base, a TaskRun).
 */
export function isTemplatedKey(nav: YamlNav, map: YAMLMap | undefined, key: string): boolean {
  if (!map) return false;
  if (isDecidedElsewhere(nav, map) && !nav.field(map, key)) return true;
  if (!nav.templates) return false;
  return nav.isTemplated(map) || nav.field(map, key)?.templated === true;
}

/**
 * Whether `field` is unknown for this container, so rules must neither flag nor trust it: a Helm
 * template decides it (its written value is an action, or the securityContext it would come from is
 * filled by one: the container's, which also overrides a pod-level value, or the pod's for an
 * inherited field), or it is not written and something else decides it (see isTemplatedKey).
 */
export function isTemplatedSetting(container: Container, field: SecurityContextField): boolean {
  const nav = container.podSpec.resource.nav;
  const setting = container.effective[field];
  if (setting?.templated) return true;
  if (setting?.origin === 'container') return false;
  if (isTemplatedKey(nav, container.node, 'securityContext') || isTemplatedKey(nav, container.securityContext, field)) return true;
  if (setting || !isInherited(field)) return false;
  const podSpec = container.podSpec;
  return isTemplatedKey(nav, podSpec.node, 'securityContext') || isTemplatedKey(nav, podSpec.securityContext, field);
}
