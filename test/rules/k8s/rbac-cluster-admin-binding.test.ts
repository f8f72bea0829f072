import { dedent, ruleTester } from '../../support/ruleTester.js';

const binding = (kind: string, ref: string) =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\nmetadata:\n  name: app\n  namespace: team\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n${ref}subjects:\n  - kind: ServiceAccount\n    name: app\n    namespace: team\n`;

ruleTester('k8s/rbac-cluster-admin-binding', {
  valid: [
    binding('ClusterRoleBinding', '  kind: ClusterRole\n  name: view\n'),
    { name: 'Kubernetes\' own binding', code: binding('ClusterRoleBinding', '  kind: ClusterRole\n  name: cluster-admin\n').replace('name: app\n  namespace', 'name: system:masters\n  namespace') },
    { name: 'a Role named cluster-admin is not the ClusterRole', code: binding('RoleBinding', '  kind: Role\n  name: cluster-admin\n') },
    { name: 'Helm: a templated roleRef name is unknown', filename: 'chart/templates/binding.yaml', code: binding('ClusterRoleBinding', '  kind: ClusterRole\n  name: {{ .Values.role }}\n') },
    {
      name: 'a ClusterRole of the file with * on * of one group only',
      code: dedent(`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: minio}
        rules:
          - {apiGroups: [minio.min.io], resources: ["*"], verbs: ["*"]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: minio}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: minio}
        subjects: [{kind: ServiceAccount, name: minio, namespace: minio}]
      `),
    },
  ],
  invalid: [
    {
      name: 'cluster-admin: an error for the cluster, a warning for one namespace',
      code: binding('ClusterRoleBinding', '  kind: ClusterRole\n  name: cluster-admin\n') + '---\n' + binding('RoleBinding', '  kind: ClusterRole\n  name: "cluster-admin"\n'),
      errors: [
        { line: 9, column: 9, endLine: 9, endColumn: 22, message: 'ClusterRoleBinding "app" grants cluster-admin to ServiceAccount team/app: full control of the cluster', severity: 'error' },
        { line: 23, column: 9, endLine: 23, endColumn: 24, message: 'RoleBinding "app" grants cluster-admin to ServiceAccount team/app: full control of the namespace', severity: 'warning' },
      ],
      output: null,
    },
    {
      name: 'an aggregated ClusterRole of the file that gathers * on *',
      code: dedent(`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: platform}
        aggregationRule:
          clusterRoleSelectors:
            - matchLabels: {aggregate-to-platform: "true"}
        rules: []
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: platform-all
          labels: {aggregate-to-platform: "true"}
        rules:
          - apiGroups: ["*"]
            resources: ["*"]
            verbs: ["*"]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: platform}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: platform}
        subjects: [{kind: Group, name: platform-team}]
      `),
      errors: [{ line: 22, column: 73, endLine: 22, endColumn: 81, message: 'ClusterRoleBinding "platform" grants ClusterRole "platform", which allows every verb on every resource ("*" on "*"), to Group platform-team', severity: 'error' }],
    },
  ],
});
