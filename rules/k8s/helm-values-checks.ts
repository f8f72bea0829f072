// Data for k8s/helm-insecure-values: the settings a chart's values feed into pod specs, which values
// are insecure, and the safe value a fix sets. Mirrors the k8s rules that check rendered manifests.
import type { Severity } from '../../server/src/text/severity.js';
import { SUGGESTED_NON_ROOT_UID } from './support.js';

export interface ValuesCheck {
  /** The key, below a security-context mapping (`seccompProfile.type`) or anywhere (`hostNetwork`). */
  path: readonly string[];
  insecure: boolean | number | string;
  severity: Severity;
  /** The value the fix sets; no fix when absent. */
  safe?: boolean | number | string;
  /** For messages: what the insecure value does. */
  effect: string;
  /** A container-only field: not checked in a `podSecurityContext`, where Kubernetes has no such field. */
  containerOnly?: boolean;
}

/** Checked inside any mapping whose key ends in `securityContext` (`podSecurityContext`, `containerSecurityContext`…). */
export const SECURITY_CONTEXT_CHECKS: readonly ValuesCheck[] = [
  { path: ['privileged'], containerOnly: true, insecure: true, safe: false, severity: 'error', effect: 'runs the container privileged, with full access to the host' },
  { path: ['allowPrivilegeEscalation'], containerOnly: true, insecure: true, safe: false, severity: 'warning', effect: 'allows privilege escalation' },
  { path: ['runAsUser'], insecure: 0, safe: SUGGESTED_NON_ROOT_UID, severity: 'error', effect: 'runs as root' },
  { path: ['runAsNonRoot'], insecure: false, safe: true, severity: 'warning', effect: 'lets the container run as root' },
  { path: ['readOnlyRootFilesystem'], containerOnly: true, insecure: false, safe: true, severity: 'warning', effect: 'leaves the root filesystem writable' },
  { path: ['procMount'], containerOnly: true, insecure: 'Unmasked', safe: 'Default', severity: 'error', effect: 'mounts /proc unmasked' },
  { path: ['seccompProfile', 'type'], insecure: 'Unconfined', safe: 'RuntimeDefault', severity: 'error', effect: 'disables seccomp' },
  { path: ['windowsOptions', 'hostProcess'], insecure: true, safe: false, severity: 'error', effect: 'runs a Windows HostProcess container, with full access to the node' },
];

/** Pod-spec switches, checked wherever they appear in the values (`hostNetwork`, `controller.hostNetwork`). */
export const POD_SPEC_CHECKS: readonly ValuesCheck[] = [
  { path: ['hostNetwork'], insecure: true, safe: false, severity: 'error', effect: "shares the host's network namespace" },
  { path: ['hostPID'], insecure: true, safe: false, severity: 'error', effect: "shares the host's process namespace" },
  { path: ['hostIPC'], insecure: true, safe: false, severity: 'error', effect: "shares the host's IPC namespace" },
];

/** Checked inside any mapping under an `image` key (`image.tag`, `controller.image.tag`). */
export const IMAGE_CHECKS: readonly ValuesCheck[] = [
  { path: ['tag'], insecure: 'latest', severity: 'warning', effect: 'deploys whatever image was pushed last, so a rollout is neither reproducible nor reviewed' },
];

/** Keys most chart values files have at the top level: a values file without any of them is not a chart's. */
export const CHART_VALUES_KEYS: ReadonlySet<string> = new Set([
  'image',
  'replicaCount',
  'securityContext',
  'podSecurityContext',
  'containerSecurityContext',
  'serviceAccount',
  'service',
  'ingress',
  'resources',
  'nodeSelector',
  'tolerations',
  'affinity',
  'global',
  'nameOverride',
  'fullnameOverride',
  'imagePullSecrets',
  'podAnnotations',
]);
