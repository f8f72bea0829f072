import { dedent, ruleTester } from '../../support/ruleTester.js';

const role = (kind: string, rules: string) => `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\nmetadata:\n  name: app\n  namespace: team\nrules:\n${rules}`;

ruleTester('k8s/rbac-wildcard', {
  valid: [
    role('ClusterRole', '  - apiGroups: [""]\n    resources: [pods, services]\n    verbs: [get, list, watch]\n'),
    { name: 'limited to named objects', code: role('Role', '  - apiGroups: [""]\n    resources: [configmaps]\n    resourceNames: [app-config]\n    verbs: ["*"]\n') },
    { name: 'a non-resource URL rule', code: role('ClusterRole', '  - nonResourceURLs: [/metrics]\n    verbs: ["*"]\n') },
    { name: 'a * inside a name is no wildcard', code: role('ClusterRole', '  - apiGroups: [""]\n    resources: ["pods/*"]\n    verbs: [get]\n') },
    { name: 'another API group\'s Role kind', code: 'apiVersion: example.com/v1\nkind: Role\nrules:\n  - verbs: ["*"]\n    resources: ["*"]\n    apiGroups: ["*"]\n' },
    { name: 'Helm: templated lists are unknown', filename: 'chart/templates/role.yaml', code: 'apiVersion: {{ include "rbac.apiVersion" . }}\nkind: ClusterRole\nmetadata:\n  name: {{ .Release.Name }}\nrules:\n  - apiGroups: {{ toYaml .Values.groups }}\n    resources:\n      - {{ .Values.resource }}\n    verbs: [get]\n' },
  ],
  invalid: [
    {
      name: 'cluster-admin in all but name, with the other wildcards related',
      code: role('ClusterRole', '  - apiGroups: ["*"]\n    resources: ["*"]\n    verbs: ["*"]\n'),
      errors: [{ line: 9, column: 13, endLine: 9, endColumn: 16, message: 'ClusterRole "app" grants every verb on every resource in every API group ("*" on "*") in every namespace', severity: 'error' }],
      output: null,
    },
    {
      name: 'every verb and resource of the core group: a warning; of a custom group: information',
      code: dedent(`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: app
          namespace: team
        rules:
          - apiGroups: [""]
            resources: ['*']
            verbs: ['*']
          - apiGroups: [minio.min.io, metrics.k8s.io]
            resources: ['*']
            verbs: ['*']
      `),
      errors: [
        { line: 9, column: 13, endLine: 9, endColumn: 16, message: 'Role "app" grants every verb on every resource ("*" on "*") of the core API group in namespace team', severity: 'warning' },
        { line: 12, column: 13, endLine: 12, endColumn: 16, message: 'Role "app" grants every verb on every resource ("*" on "*") of API groups minio.min.io, metrics.k8s.io in namespace team', severity: 'info' },
      ],
    },
    {
      name: 'every resource read: Secrets included',
      code: role('ClusterRole', '  - apiGroups: ["", apps]\n    resources: ["*"]\n    verbs: [get, list, watch]\n'),
      errors: [{ line: 8, column: 17, endLine: 8, endColumn: 20, message: 'ClusterRole "app" grants get, list, watch on every resource ("*") of API groups "", apps in every namespace, Secrets included', severity: 'warning' }],
    },
    {
      name: 'every resource of every group, some verbs',
      code: role('ClusterRole', '  - apiGroups: ["*"]\n    resources: ["*"]\n    verbs: [delete, get, patch]\n'),
      errors: [{ line: 8, column: 17, endLine: 8, endColumn: 20, message: 'ClusterRole "app" grants delete, get, patch on every resource ("*") of every API group in every namespace, Secrets included', severity: 'warning' }],
    },
    {
      name: 'every verb on sensitive resources: a warning; on events: information',
      code: role('ClusterRole', '  - apiGroups: [""]\n    resources: [events]\n    verbs: ["*"]\n  - apiGroups: [apps]\n    resources: [deployments, deployments/scale]\n    verbs:\n      - "*"\n'),
      errors: [
        { line: 9, column: 13, endLine: 9, endColumn: 16, message: 'ClusterRole "app" grants every verb ("*") on events in every namespace', severity: 'info' },
        { line: 13, column: 9, endLine: 13, endColumn: 12, message: 'ClusterRole "app" grants every verb ("*") on deployments, deployments/scale in every namespace', severity: 'warning' },
      ],
    },
    {
      name: 'only the API groups are open',
      code: role('Role', '  - apiGroups: ["*"]\n    resources: [deployments]\n    verbs: [get]\n'),
      errors: [{ line: 7, column: 17, endLine: 7, endColumn: 20, message: 'Role "app" grants on deployments in every API group ("*"), including groups that CRDs add later', severity: 'info' }],
    },
  ],
});
