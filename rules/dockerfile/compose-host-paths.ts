// Data for dockerfile/compose-sensitive-mount: which host paths a Compose bind mount must not hand a
// service. Kubernetes' list (k8s/sensitive-host-paths.ts) with one difference: on a single host, /etc
// holds applications' own config folders (/etc/pihole), so below /etc only the files that control the
// host or hold its credentials count.
import { isSensitiveHostPath } from '../k8s/sensitive-host-paths.js';

/** Below /etc, mounted at all: credentials, and the config of sudo, sshd, cron, systemd, PAM, the runtimes and Kubernetes. */
const ETC_TAKEOVER_PATHS: readonly string[] = [
  '/etc/shadow',
  '/etc/gshadow',
  '/etc/sudoers',
  '/etc/sudoers.d',
  '/etc/ssh',
  '/etc/ssl/private',
  '/etc/crontab',
  '/etc/cron.d',
  '/etc/cron.hourly',
  '/etc/cron.daily',
  '/etc/cron.weekly',
  '/etc/cron.monthly',
  '/etc/systemd',
  '/etc/init.d',
  '/etc/pam.d',
  '/etc/security',
  '/etc/ld.so.preload',
  '/etc/profile.d',
  '/etc/docker',
  '/etc/containerd',
  '/etc/kubernetes',
  '/etc/rancher',
];

/** Below /etc, mounted writable: what the host trusts (users, names, certificate authorities). Read-only they are harmless. */
const ETC_WRITABLE_PATHS: readonly string[] = ['/etc/passwd', '/etc/group', '/etc/hosts', '/etc/resolv.conf', '/etc/ssl', '/etc/pki', '/etc/ca-certificates'];

function isAtOrBelow(path: string, directory: string): boolean {
  return path === directory || path.startsWith(`${directory}/`);
}

/** Whether bind-mounting host `path` (read-only or not) hands the service the host or its secrets. */
export function isSensitiveComposeMount(path: string, readOnly: boolean): boolean {
  if (!isSensitiveHostPath(path)) return false;
  const normalized = path.replace(/\/{2,}/g, '/').replace(/\/+$/, '');
  if (!normalized.startsWith('/etc/')) return true;
  return ETC_TAKEOVER_PATHS.some((p) => isAtOrBelow(normalized, p)) || (!readOnly && ETC_WRITABLE_PATHS.some((p) => isAtOrBelow(normalized, p)));
}
