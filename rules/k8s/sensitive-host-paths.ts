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
  // Windows nodes: the Docker and containerd named pipes, the system drive, the kubelet's and the runtimes' state
  // (compared lower case with forward slashes: `C:\var\lib\kubelet` is `c:/var/lib/kubelet`).
  '\\\\.\\pipe\\docker_engine',
  '\\\\.\\pipe\\containerd-containerd',
  'c:',
  'c:/windows',
  'c:/var/lib/kubelet',
  'c:/k', // the kubelet's binaries and kubeconfig on AKS and aks-engine Windows nodes
  'c:/programdata/docker',
  'c:/programdata/containerd',
];

/**
 * Only the path itself (and what contains it) is sensitive, not what lies below: a root's subfolders are
 * ordinary mounts, and so are single devices under /dev (/dev/fuse, /dev/kvm).
 */
const ONLY_ITSELF = new Set(['/', 'c:', '/dev']);

const WINDOWS_DRIVE_PATH = /^[a-z]:/i;

/** `/etc/`, `/etc` and `//etc` are the same mount; Windows paths and pipe names ignore case. */
function normalizeHostPath(path: string): string {
  if (path.startsWith('\\\\')) return path.toLowerCase();
  const slashed = WINDOWS_DRIVE_PATH.test(path) ? path.toLowerCase().replace(/\\/g, '/') : path;
  return slashed.replace(/\/{2,}/g, '/').replace(/\/+$/, '') || '/';
}

export function isSensitiveHostPath(path: string): boolean {
  const mounted = normalizeHostPath(path);
  return SENSITIVE_HOST_PATHS.some(
    (sensitive) =>
      mounted === sensitive ||
      sensitive.startsWith(`${mounted}/`) || // a directory that contains it: /var/run holds docker.sock
      (!ONLY_ITSELF.has(sensitive) && mounted.startsWith(`${sensitive}/`)),
  );
}
