// k8s/host-network, k8s/host-pid and k8s/host-ipc share one template, so they share one table shape.
import { dedent, ruleTester } from '../../support/ruleTester.js';

const namespaceRules = [
  { ruleId: 'k8s/host-network', field: 'hostNetwork', shares: 'network namespace' },
  { ruleId: 'k8s/host-pid', field: 'hostPID', shares: 'process namespace' },
  { ruleId: 'k8s/host-ipc', field: 'hostIPC', shares: 'IPC namespace' },
];

for (const { ruleId, field, shares } of namespaceRules) {
  const written = `${field}: true`;
  ruleTester(ruleId, {
    valid: [
      `apiVersion: v1\nkind: Pod\nspec:\n  ${field}: false\n  containers:\n    - name: app\n`,
      { name: 'not a container field', code: `apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: app\n      ${field}: true\n` },
      { name: 'Helm values.yaml', filename: 'values.yaml', code: `${field}: true\nreplicaCount: 1\n` },
      { name: 'YAML 1.1 false (`off`)', code: `apiVersion: v1\nkind: Pod\nspec:\n  ${field}: off\n  containers: []\n` },
      { name: 'a resource without a pod spec', code: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  ${field}: "true"\n` },
    ],
    invalid: [
      {
        name: 'DaemonSet node agent',
        code: dedent(`
          apiVersion: apps/v1
          kind: DaemonSet
          metadata:
            name: node-exporter
          spec:
            selector:
              matchLabels: { app: node-exporter }
            template:
              metadata:
                labels: { app: node-exporter }
              spec:
                ${written}
                containers:
                  - name: node-exporter
                    image: quay.io/prometheus/node-exporter:v1.8.2
        `),
        errors: [{ line: 12, column: 7, endLine: 12, endColumn: 7 + written.length, message: `DaemonSet "node-exporter" shares the host's ${shares} (${field}: true)`, severity: 'error' }],
      },
      {
        name: 'YAML 1.1 true (`yes`), as Kubernetes parses it',
        code: `apiVersion: v1\nkind: Pod\nmetadata: {name: debug}\nspec:\n  ${field}: yes\n  containers: []\n`,
        errors: [{ line: 5, column: 3, endLine: 5, endColumn: 3 + `${field}: yes`.length, message: `Pod "debug" shares the host's ${shares} (${field}: true)` }],
      },
      {
        name: 'flow-style pod spec of an unnamed Pod, CRLF',
        code: `apiVersion: v1\r\nkind: Pod\r\nspec: { ${field}: true, containers: [ { name: app } ] }\r\n`,
        errors: [{ line: 3, column: 9, endLine: 3, endColumn: 9 + written.length, message: `Pod shares the host's ${shares} (${field}: true)` }],
      },
    ],
  });
}
