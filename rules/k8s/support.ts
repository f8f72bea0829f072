// What Kubernetes rules share: walking containers and their effective security settings, naming
// them in messages, and the structured fixes that set or insert a securityContext field.
import { isMap, isScalar, type Scalar, type YAMLMap } from 'yaml';
import type { Fix, FixChange, Report, YamlPlain } from '../../server/src/engine/types.js';
import type { OffsetRange } from '../../server/src/text/positions.js';
import { booleanValue, isTemplatedSetting, type Container, type EffectiveField, type K8sResource, type PodSpec, type SecurityContextField } from '../../server/src/k8s/model.js';
import type { YamlFile } from '../../server/src/k8s/yamlFile.js';
import { nodeRange } from '../../server/src/yaml/nav.js';
import { normalizeCapability } from './capabilities.js';

/** A non-root UID for the inserted `runAsUser`: above 10000 so it cannot collide with host users. */
export const SUGGESTED_NON_ROOT_UID = 10001;

const CONTAINER_LABEL: Record<Container['kind'], string> = {
  container: 'Container',
  initContainer: 'Init container',
  ephemeralContainer: 'Ephemeral container',
};

/** `Container "web"`, `Init container "migrate"`: how messages name a container. */
export function containerLabel(container: Container): string {
  return `${CONTAINER_LABEL[container.kind]} "${container.name}"`;
}

/** `Deployment "api"`: how messages name the resource that owns a pod spec. */
export function resourceLabel(podSpec: PodSpec): string {
  return resourceNameOf(podSpec.resource);
}

/** `Secret "db"`, or just the kind when the resource has no name: how messages name any resource. */
export function resourceNameOf({ kind, name }: K8sResource): string {
  return name ? `${kind} "${name}"` : kind;
}

/**
 * Visits each container's effective value of `field`. A value written at pod level is visited once,
 * with the first container that inherits it, so one pod-level setting yields one finding, not one
 * per container. `subject` names who sets it: the container, or the pod's security context.
 * Settings a Helm template decides are unknown and not visited.
 */
export function forEachEffectiveSetting(
  file: YamlFile,
  field: SecurityContextField,
  visit: (setting: EffectiveField | undefined, container: Container, subject: string) => void,
): void {
  const seenPodSettings = new Set<EffectiveField['node']>();
  for (const container of file.containers) {
    if (isTemplatedSetting(container, field)) continue;
    const setting = container.effective[field];
    if (setting?.origin === 'pod') {
      if (seenPodSettings.has(setting.node)) continue;
      seenPodSettings.add(setting.node);
      visit(setting, container, `The pod security context of ${resourceLabel(container.podSpec)}`);
    } else {
      visit(setting, container, containerLabel(container));
    }
  }
}

/** Fix: set an existing security setting to `value`. */
export function setSettingFix(setting: EffectiveField, value: boolean | string | number, key: string): Fix {
  return { title: `Set ${key}: ${value}`, changes: [{ kind: 'yaml.set', node: setting.node, value }] };
}

/** Fix: add `securityContext.<key>: value` to a container (inserting the mapping if needed). */
export function insertContainerSettingFix(container: Container, key: string, value: YamlPlain): Fix {
  return {
    title: `Add securityContext.${key}: ${JSON.stringify(value)} to ${containerLabel(container)}`,
    changes: [{ kind: 'yaml.insert', map: container.node, path: ['securityContext', key], value }],
  };
}

/**
 * The common shape of "this container-level boolean must be `expected`": report a written wrong value
 * on the value itself (fix: set it), a missing one on the container's name (fix: insert it).
 */
export function requireContainerBoolean(
  file: YamlFile,
  key: 'allowPrivilegeEscalation' | 'readOnlyRootFilesystem',
  expected: boolean,
  report: (r: Report) => void,
  /** Containers for which the setting is moot (and the fix would be rejected by the API server). */
  isExempt?: (container: Container) => boolean,
): void {
  for (const container of file.containers) {
    // Both settings are Linux-only: on a Windows pod they do nothing, and the API server rejects them.
    if (container.podSpec.windows || isExempt?.(container) || isTemplatedSetting(container, key)) continue;
    const setting = container.effective[key];
    if (setting?.value === expected) continue;
    const data = { container: containerLabel(container), value: String(setting?.value ?? '') };
    report(
      setting
        ? { messageId: 'wrongValue', data, range: setting.range, fixes: withHardening(container, [{ ...setSettingFix(setting, expected, key), isPreferred: true }], setting) }
        : { messageId: 'missing', data, range: container.anchor, fixes: withHardening(container, [{ ...insertContainerSettingFix(container, key, expected), isPreferred: true }]) },
    );
  }
}

/**
 * Visits every securityContext written in the file: each pod's, then its containers', with the words
 * messages use for who sets it. For settings admission checks wherever they are written (AppArmor,
 * SELinux, HostProcess), not only where they take effect.
 */
export function forEachSecurityContext(file: YamlFile, visit: (securityContext: YAMLMap, subject: string, podSpec: PodSpec) => void): void {
  for (const podSpec of file.podSpecs) {
    if (podSpec.securityContext) visit(podSpec.securityContext, `The pod security context of ${resourceLabel(podSpec)}`, podSpec);
    for (const container of podSpec.containers) if (container.securityContext) visit(container.securityContext, containerLabel(container), podSpec);
  }
}

/**
 * The pod runs in its own user namespace (`hostUsers: false`): root inside maps to an unprivileged
 * user on the node, so Pod Security admission (1.35+) lets it run as root and unmask /proc.
 */
export function runsInUserNamespace(podSpec: PodSpec): boolean {
  const setting = podSpec.resource.nav.field(podSpec.node, 'hostUsers');
  return setting !== undefined && !setting.templated && booleanValue(setting) === false;
}

/** The pod-level anchor for findings about a missing pod spec field: the resource's `kind`. */
export function podAnchor(podSpec: PodSpec): OffsetRange {
  return podSpec.resource.kindRange;
}

/** One entry of a container's `capabilities.add` or `capabilities.drop`, aliases resolved. */
export interface CapabilityEntry {
  /** As written (`CAP_SYS_ADMIN`, `net_raw`), for messages and fix titles. */
  written: string;
  /** Upper case without the `CAP_` prefix, for comparisons. */
  capability: string;
  node: Scalar;
  range: OffsetRange;
}

/** The string entries of the container's own `securityContext.capabilities.<list>`. */
export function capabilityEntries(container: Container, list: 'add' | 'drop'): CapabilityEntry[] {
  const nav = container.podSpec.resource.nav;
  const entries: CapabilityEntry[] = [];
  for (const node of nav.items(nav.seq(nav.map(container.securityContext, 'capabilities'), list))) {
    const range = nodeRange(node);
    if (!isScalar(node) || typeof node.value !== 'string' || !range) continue;
    entries.push({ written: node.value, capability: normalizeCapability(node.value), node, range });
  }
  return entries;
}

const HARDENED_FIELDS: readonly SecurityContextField[] = ['allowPrivilegeEscalation', 'privileged', 'runAsNonRoot', 'runAsUser', 'readOnlyRootFilesystem', 'capabilities', 'seccompProfile'];

/**
 * Fix: "Harden container securityContext": inserts or completes the recommended container block in one
 * edit (allowPrivilegeEscalation: false, privileged: false, runAsNonRoot: true, a non-zero runAsUser,
 * readOnlyRootFilesystem: true, capabilities.drop [ALL], seccompProfile RuntimeDefault unless the pod
 * confines it). Pod-level values that fall short are overridden on the container, not changed for the pod.
 * Undefined when there is nothing to add, or a Helm template decides one of these settings.
 */
function hardenContainerFix(container: Container): Fix | undefined {
  if (HARDENED_FIELDS.some((field) => isTemplatedSetting(container, field))) return undefined;
  const { effective, node } = container;
  const changes: FixChange[] = [];
  const ensure = (key: SecurityContextField, value: boolean | number, isGood: (current: unknown) => boolean) => {
    const setting = effective[key];
    if (setting && isGood(setting.value)) return;
    if (setting?.origin === 'container') changes.push({ kind: 'yaml.set', node: setting.node, value });
    else changes.push({ kind: 'yaml.insert', map: node, path: ['securityContext', key], value });
  };
  // The API server rejects allowPrivilegeEscalation: false beside an added SYS_ADMIN (which the block keeps).
  if (!capabilityEntries(container, 'add').some((entry) => entry.capability === 'SYS_ADMIN')) ensure('allowPrivilegeEscalation', false, (v) => v === false);
  if (effective.privileged?.value === true) changes.push({ kind: 'yaml.set', node: effective.privileged.node, value: false });
  ensure('runAsNonRoot', true, (v) => v === true);
  ensure('runAsUser', SUGGESTED_NON_ROOT_UID, (v) => typeof v === 'number' && v > 0);
  ensure('readOnlyRootFilesystem', true, (v) => v === true);
  const nav = container.podSpec.resource.nav;
  if (!capabilityEntries(container, 'drop').some((entry) => entry.capability === 'ALL')) {
    const drop = nav.seq(nav.map(container.securityContext, 'capabilities'), 'drop');
    changes.push(drop ? { kind: 'yaml.append', seq: drop, value: 'ALL' } : { kind: 'yaml.insert', map: node, path: ['securityContext', 'capabilities', 'drop'], value: ['ALL'] });
  }
  const seccomp = effective.seccompProfile;
  const seccompType = seccomp && isMap(seccomp.node) ? nav.field(seccomp.node, 'type') : undefined;
  if (seccompType?.value === 'Unconfined' && seccomp?.origin === 'container') changes.push({ kind: 'yaml.set', node: seccompType.node, value: 'RuntimeDefault' });
  else if (!seccompType || seccompType.value === 'Unconfined') changes.push({ kind: 'yaml.insert', map: node, path: ['securityContext', 'seccompProfile', 'type'], value: 'RuntimeDefault' });
  return changes.length ? { title: 'Harden container securityContext', changes } : undefined;
}

/**
 * `fixes` plus "Harden container securityContext" as an extra, non-preferred fix: it changes more than
 * the finding asks (a read-only root or a new UID can break an app), so Ctrl+. offers it but fix-all and
 * save never apply it. Left out when the finding is about a pod-level `setting`, which hardening one
 * container would not fix, and on Windows pods.
 */
export function withHardening(container: Container, fixes: Fix[], setting?: EffectiveField): Fix[] {
  // Hardening writes Linux-only settings, which a Windows pod must not carry.
  const harden = setting?.origin === 'pod' || container.podSpec.windows ? undefined : hardeningFixOf(container);
  return harden ? [...fixes, harden] : fixes;
}

/**
 * Every container-level finding of a container offers the same hardening fix: built once per container,
 * and one object, so the lightbulb can list it once. An entry lives as long as its container, which is
 * kept with its document's parse (k8s/documentModels.ts): the fix names tree nodes, which the parse
 * cache moves, never offsets, so it stays right.
 */
const hardeningFixes = new WeakMap<Container, Fix | undefined>();

function hardeningFixOf(container: Container): Fix | undefined {
  if (!hardeningFixes.has(container)) hardeningFixes.set(container, hardenContainerFix(container));
  return hardeningFixes.get(container);
}
