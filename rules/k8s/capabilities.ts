// Data for the capability rules: which Linux capabilities are dangerous to add, and how to spell them.

/** Capabilities whose addition hands a container host-level power; `ALL` is every one of them. */
export const DANGEROUS_CAPABILITIES: ReadonlyMap<string, string> = new Map([
  ['ALL', 'every capability'],
  ['SYS_ADMIN', 'mount filesystems, use namespaces and much more: close to full root'],
  ['SYS_MODULE', 'load kernel modules'],
  ['SYS_PTRACE', 'trace and inject into other processes'],
  ['SYS_RAWIO', 'raw I/O on devices and memory'],
  ['SYS_BOOT', 'reboot the host'],
  ['SYS_TIME', 'change the host clock'],
  ['NET_ADMIN', 'reconfigure networking (interfaces, routes, iptables)'],
  ['NET_RAW', 'craft raw packets (spoofing, ARP poisoning)'],
  ['DAC_READ_SEARCH', 'bypass file read permissions (open_by_handle_at escapes)'],
  ['DAC_OVERRIDE', 'bypass all file permission checks'],
  ['BPF', 'load BPF programs into the kernel'],
  ['PERFMON', 'use perf events to observe the kernel'],
  ['MAC_ADMIN', 'change the mandatory access control policy'],
  ['MAC_OVERRIDE', 'override mandatory access control'],
  ['SYSLOG', 'read kernel logs (kernel address leaks)'],
  ['LINUX_IMMUTABLE', 'change immutable file attributes'],
  ['SETFCAP', 'set file capabilities on binaries'],
]);

/** `CAP_SYS_ADMIN` and `sys_admin` both mean SYS_ADMIN. */
export function normalizeCapability(name: string): string {
  return name.trim().toUpperCase().replace(/^CAP_/, '');
}
