import { ruleTester } from '../../support/ruleTester.js';

/** A Windows Deployment "agent" whose pod spec (indented 4) ends with `podExtra` and container "exporter" with `containerExtra`. */
const deployment = (podExtra: string, containerExtra = '') =>
  `apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  template:\n    spec:\n      os: {name: windows}\n${podExtra}      containers:\n        - name: exporter\n${containerExtra}`;

ruleTester('k8s/host-process', {
  valid: [
    { name: 'windowsOptions without hostProcess', code: deployment('      securityContext:\n        windowsOptions:\n          runAsUserName: ContainerUser\n') },
    { name: 'hostProcess: false', code: deployment('', '          securityContext:\n            windowsOptions: {hostProcess: false}\n') },
    { name: 'a Helm template decides it', filename: 'chart/templates/ds.yaml', code: deployment('      securityContext:\n        windowsOptions:\n          hostProcess: {{ .Values.hostProcess }}\n') },
  ],
  invalid: [
    {
      name: 'pod level: once for the pod, on the setting',
      code: deployment('      hostNetwork: true\n      securityContext:\n        windowsOptions:\n          hostProcess: true\n          runAsUserName: "NT AUTHORITY\\\\SYSTEM"\n'),
      errors: [{ line: 12, column: 11, endLine: 12, endColumn: 28, severity: 'error', message: 'The pod security context of DaemonSet "agent" runs as a HostProcess container: it has full access to the Windows node' }],
      output: deployment('      hostNetwork: true\n      securityContext:\n        windowsOptions:\n          hostProcess: false\n          runAsUserName: "NT AUTHORITY\\\\SYSTEM"\n'),
    },
    {
      name: 'container level, YAML 1.1 `yes` as Kubernetes reads it',
      code: deployment('', '          securityContext:\n            windowsOptions: {hostProcess: yes}\n'),
      errors: [{ line: 12, column: 30, endLine: 12, endColumn: 46, message: 'Container "exporter" runs as a HostProcess container: it has full access to the Windows node' }],
      output: deployment('', '          securityContext:\n            windowsOptions: {hostProcess: false}\n'),
    },
  ],
});
