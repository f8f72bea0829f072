// The Pod Security Standards in manifestlint's terms: which rules, with which options, make up the
// baseline and restricted profiles (the `manifestlint:pss-*` presets), and the level a workload meets,
// found by running those same rules: the controls are written once, in the rules.
import type { Rule } from '../../server/src/engine/types.js';
import type { K8sResource } from '../../server/src/k8s/model.js';
import type { YamlFile } from '../../server/src/k8s/yamlFile.js';
import { lastAtOrBefore } from '../../server/src/text/sortedSearch.js';
import { nodeRange } from '../../server/src/yaml/nav.js';
import addedCapability from './added-capability.js';
import apparmor from './apparmor.js';
import capabilitiesNotDropped from './capabilities-not-dropped.js';
import hostIpc from './host-ipc.js';
import hostNetwork from './host-network.js';
import hostPath from './host-path.js';
import hostPid from './host-pid.js';
import hostPort from './host-port.js';
import hostProcess from './host-process.js';
import { BASELINE_CAPABILITIES, RESTRICTED_CAPABILITIES } from './pod-security-lists.js';
import privilegeEscalation from './privilege-escalation.js';
import privilegedContainer from './privileged-container.js';
import probeHost from './probe-host.js';
import restrictedVolumeType from './restricted-volume-type.js';
import rootUid from './root-uid.js';
import runAsRoot from './run-as-root.js';
import seccomp from './seccomp.js';
import selinux from './selinux.js';
import unmaskedProc from './unmasked-proc.js';
import unsafeSysctl from './unsafe-sysctl.js';

export type PodSecurityProfile = 'baseline' | 'restricted';
/** The most restrictive Pod Security level a workload passes; `privileged` is unrestricted. */
export type PodSecurityLevel = 'privileged' | PodSecurityProfile;

/** One control of a profile: a rule, and the options that make it check what admission checks. */
export interface PodSecurityControl {
  rule: Rule;
  options?: Record<string, unknown>;
}

/** Pod Security baseline, control by control (kubernetes.io/docs/concepts/security/pod-security-standards). */
const BASELINE: readonly PodSecurityControl[] = [
  { rule: hostProcess }, // HostProcess
  { rule: hostNetwork }, // Host Namespaces
  { rule: hostPid },
  { rule: hostIpc },
  { rule: privilegedContainer }, // Privileged Containers
  { rule: addedCapability, options: { allowedCapabilities: BASELINE_CAPABILITIES } }, // Capabilities
  { rule: hostPath }, // HostPath Volumes
  { rule: hostPort, options: { allowedHostPorts: [] } }, // Host Ports
  { rule: probeHost }, // Host Probes / Lifecycle Hooks
  { rule: apparmor }, // AppArmor
  { rule: selinux }, // SELinux
  { rule: unmaskedProc, options: { allowInUserNamespace: true } }, // /proc Mount Type
  { rule: seccomp, options: { requireProfile: false } }, // Seccomp
  { rule: unsafeSysctl }, // Sysctls
];

/** Restricted is baseline with some controls tightened, plus its own. */
const TIGHTENED: ReadonlyMap<Rule, Record<string, unknown>> = new Map<Rule, Record<string, unknown>>([
  [addedCapability, { allowedCapabilities: RESTRICTED_CAPABILITIES }],
  [unmaskedProc, { allowInUserNamespace: false }],
  [seccomp, { requireProfile: true }],
]);
const RESTRICTED: readonly PodSecurityControl[] = [
  ...BASELINE.map((control) => ({ rule: control.rule, options: TIGHTENED.get(control.rule) ?? control.options })),
  { rule: restrictedVolumeType }, // Volume Types
  { rule: privilegeEscalation }, // Privilege Escalation
  { rule: runAsRoot, options: { requireRunAsNonRoot: true } }, // Running as Non-root
  { rule: rootUid }, // Running as Non-root user
  { rule: capabilitiesNotDropped }, // Capabilities: drop ALL (adding only NET_BIND_SERVICE is above)
];

export const POD_SECURITY_PROFILES: Readonly<Record<PodSecurityProfile, readonly PodSecurityControl[]>> = { baseline: BASELINE, restricted: RESTRICTED };

/** A control's complete options: the rule's defaults with the profile's settings over them. */
export function controlOptions(control: PodSecurityControl): Record<string, unknown> {
  return { ...control.rule.meta.defaultOptions, ...control.options };
}

export interface WorkloadPodSecurity {
  resource: K8sResource;
  level: PodSecurityLevel;
  /** The rules whose findings keep the workload from each profile, sorted; empty when it passes. */
  violations: Record<PodSecurityProfile, string[]>;
}

/**
 * The Pod Security level each workload of the file meets, as admission would judge its pod template
 * (whatever the team config turns on or suppresses: admission reads neither).
 */
export function podSecurityLevels(file: YamlFile): WorkloadPodSecurity[] {
  const workloads = [...new Set(file.podSpecs.map((podSpec) => podSpec.resource))];
  const violations = new Map(workloads.map((resource) => [resource, { baseline: new Set<string>(), restricted: new Set<string>() }]));
  const ownerAt = resourceAt(workloads);
  for (const profile of ['baseline', 'restricted'] as const) {
    for (const control of POD_SECURITY_PROFILES[profile]) {
      const report = ({ range }: { range: { start: number } }) => {
        const owner = ownerAt(range.start);
        if (owner) violations.get(owner)?.[profile].add(control.rule.meta.id);
      };
      control.rule.checkYaml?.(file, { options: controlOptions(control), uri: file.uri, report });
    }
  }
  return workloads.map((resource) => {
    const found = violations.get(resource) ?? { baseline: new Set<string>(), restricted: new Set<string>() };
    const level: PodSecurityLevel = found.baseline.size ? 'privileged' : found.restricted.size ? 'baseline' : 'restricted';
    return { resource, level, violations: { baseline: [...found.baseline].sort(), restricted: [...found.restricted].sort() } };
  });
}

/** The workload whose text holds an offset, by binary search over the resources in document order. */
function resourceAt(workloads: readonly K8sResource[]): (offset: number) => K8sResource | undefined {
  const spans = workloads.flatMap((resource) => {
    const range = nodeRange(resource.node);
    return range ? [{ resource, ...range }] : [];
  });
  spans.sort((a, b) => a.start - b.start);
  const starts = spans.map((span) => span.start);
  return (offset) => {
    const span = spans[lastAtOrBefore(starts, offset)];
    return span && offset >= span.start && offset < span.end ? span.resource : undefined;
  };
}
