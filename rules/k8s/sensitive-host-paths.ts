// Data for k8s/host-path: the node paths whose mount hands the pod the node, and how paths compare.

/** Mounting one of these, anything below it, or a directory that contains it is a node takeover. */
const SENSITIVE_HOST_PATHS: readonly string[] = [
  '/',
  '/etc',
  '/proc',
  '/sys',
  '/root',
  '/boot',
  '/dev',
  '/var/lib/kubelet',
  '/var/lib/docker',
  '/var/lib/containerd',
  // Container runtime sockets: whoever can talk to them can start a privileged container.
  '/var/run/docker.sock',
  '/run/docker.sock',
  '/var/run/dockershim.sock',
  '/var/run/cri-dockerd.sock',
  '/var/run/containerd/containerd.sock',
  '/run/containerd/containerd.sock',
  '/run/k3s/containerd/containerd.sock',
  '/var/run/crio/crio.sock',
  '/run/crio/crio.sock',
  '/run/podman/podman.sock',
  // Windows nodes: the Docker and containerd named pipes.
  '\\\\.\\pipe\\docker_engine',
  '\\\\.\\pipe\\containerd-containerd',
];

/** Below /dev only the whole tree is sensitive: single devices (/dev/fuse, /dev/kvm) are ordinary mounts. */
const ONLY_ITSELF = new Set(['/dev']);

/** `/etc/`, `/etc` and `//etc` are the same mount; Windows pipe names ignore case. */
function normalizeHostPath(path: string): string {
  if (path.startsWith('\\\\')) return path.toLowerCase();
  return path.replace(/\/{2,}/g, '/').replace(/\/+$/, '') || '/';
}

export function isSensitiveHostPath(path: string): boolean {
  const mounted = normalizeHostPath(path);
  return SENSITIVE_HOST_PATHS.some(
    (sensitive) =>
      mounted === sensitive ||
      sensitive.startsWith(`${mounted}/`) || // a directory that contains it: /var/run holds docker.sock
      (sensitive !== '/' && !ONLY_ITSELF.has(sensitive) && mounted.startsWith(`${sensitive}/`)),
  );
}
