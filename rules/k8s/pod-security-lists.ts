// Data for the Pod Security Standards rules: the field lists Pod Security admission uses, copied from
// github.com/kubernetes/pod-security-admission policy/check_*.go at commit 8f84a87c7f617f64a4ddc1aea24aeeb7a2e07cb8
// (2026-07-01, which knows Kubernetes up to 1.37). A list that changed between releases is a table keyed
// by the first Kubernetes minor version that uses each entry; the newest entry is the default.

/** One list of a versioned table: in force from Kubernetes 1.`sinceMinor` until the next entry. */
export interface VersionedList {
  sinceMinor: number;
  values: ReadonlySet<string>;
}

/** Builds a table where each version's list adds to the one before, as admission's do. */
function growingTable(steps: readonly (readonly [sinceMinor: number, added: readonly string[]])[]): readonly VersionedList[] {
  const table: VersionedList[] = [];
  let values = new Set<string>();
  for (const [sinceMinor, added] of steps) {
    values = new Set([...values, ...added]);
    table.push({ sinceMinor, values });
  }
  return table;
}

/** check_sysctls.go: the "safe" sysctls baseline allows in `spec.securityContext.sysctls[*].name`. */
export const SAFE_SYSCTLS = growingTable([
  [0, ['kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range', 'net.ipv4.ip_unprivileged_port_start']],
  [27, ['net.ipv4.ip_local_reserved_ports']],
  [29, ['net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes']],
  [32, ['net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem']],
  [37, ['net.ipv4.tcp_slow_start_after_idle', 'net.ipv4.tcp_notsent_lowat']],
]);

/** check_seLinuxOptions.go: the SELinux types baseline allows (besides none). */
export const SELINUX_TYPES = growingTable([
  [0, ['container_t', 'container_init_t', 'container_kvm_t']],
  [31, ['container_engine_t']],
]);

/** check_capabilities_baseline.go: the container runtime's default set, which baseline lets a container add back. */
export const BASELINE_CAPABILITIES: readonly string[] = ['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT'];

/** check_capabilities_restricted.go: the one capability restricted lets a container add. */
export const RESTRICTED_CAPABILITIES: readonly string[] = ['NET_BIND_SERVICE'];

/**
 * check_restrictedVolumes.go: the inline volume sources restricted forbids (hostPath too, which
 * k8s/host-path reports). The allowed ones are configMap, csi, downwardAPI, emptyDir, ephemeral, image,
 * persistentVolumeClaim, projected and secret.
 */
export const RESTRICTED_VOLUME_TYPES: readonly string[] = [
  'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'nfs', 'iscsi', 'glusterfs', 'rbd', 'flexVolume', 'cinder', 'cephfs',
  'flocker', 'fc', 'azureFile', 'vsphereVolume', 'quobyte', 'azureDisk', 'portworxVolume', 'photonPersistentDisk', 'scaleIO', 'storageos',
];

/** check_appArmorProfile.go: the profile types allowed in `appArmorProfile.type`. */
export const APPARMOR_PROFILE_TYPES: ReadonlySet<string> = new Set(['RuntimeDefault', 'Localhost']);

/** `1.29`, `v1.29` or `latest`: the Kubernetes version a rule's versioned list is chosen for. */
export const KUBERNETES_VERSION_SCHEMA = {
  type: 'string',
  pattern: '^(latest|v?1\\.[0-9]+)$',
  description: 'The Kubernetes version whose Pod Security admission list applies (`1.29`, `latest`). Default: the newest list.',
} as const;

/** The list of `table` in force for `version` (`latest` or unset: the newest). */
export function listFor(table: readonly VersionedList[], version: string | undefined): ReadonlySet<string> {
  const minor = Number(/^v?1\.(\d+)$/.exec(version ?? '')?.[1] ?? Infinity);
  let chosen = table[0];
  for (const entry of table) if (entry.sinceMinor <= minor) chosen = entry;
  return chosen?.values ?? new Set();
}
