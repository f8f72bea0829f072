// Windows pods in rule tables: the Linux-only settings (seccomp, capabilities, allowPrivilegeEscalation,
// readOnlyRootFilesystem, runAsUser) do nothing there, and the API server rejects them on `os.name: windows`.

/** A Windows Deployment "iis" with container "web" (on line 11) and no security context. */
export const WINDOWS_DEPLOYMENT =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: iis\nspec:\n  template:\n    spec:\n      os:\n        name: windows\n      containers:\n        - name: web\n          image: mcr.microsoft.com/windows/servercore/iis\n';

/** The same pod told apart by its node selector only (no `os` field). */
export const WINDOWS_NODE_SELECTOR_POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: iis\nspec:\n  nodeSelector:\n    kubernetes.io/os: windows\n  containers:\n    - name: web\n';

export const WINDOWS_CASES = [
  { name: 'Windows pod (os.name): the setting is Linux-only', code: WINDOWS_DEPLOYMENT },
  { name: 'Windows pod (kubernetes.io/os node selector): the setting is Linux-only', code: WINDOWS_NODE_SELECTOR_POD },
];
