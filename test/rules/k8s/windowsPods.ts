// Windows pods in rule tables: on a pod that declares `os.name: windows` the Linux-only settings
// (seccomp, capabilities, allowPrivilegeEscalation, readOnlyRootFilesystem, runAsUser) are rejected by
// the API server and not required by Pod Security admission.

/** A Windows Deployment "iis" with container "web" (on line 11) and no security context. */
export const WINDOWS_DEPLOYMENT =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: iis\nspec:\n  template:\n    spec:\n      os:\n        name: windows\n      containers:\n        - name: web\n          image: mcr.microsoft.com/windows/servercore/iis\n';

/** Pods that may run on Linux after all, so the Linux checks apply: container "web" is on line 9. */
export const NOT_DECLARED_WINDOWS = {
  /** Only a node selector: admission still treats it as a Linux pod. */
  nodeSelector: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: iis\nspec:\n  nodeSelector:\n    kubernetes.io/os: windows\n  containers:\n    - name: web\n',
  /** A chart template that declares Windows only under a condition. */
  helmConditional: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: iis\nspec:\n  {{- if .Values.windows }}\n  os: {name: windows}\n  {{- end }}\n  containers:\n    - name: web\n',
};

export const WINDOWS_CASES = [{ name: 'a pod that declares os.name: windows: the setting is Linux-only', code: WINDOWS_DEPLOYMENT }];
