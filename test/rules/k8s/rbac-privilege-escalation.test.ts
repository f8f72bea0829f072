import { dedent, ruleTester } from '../../support/ruleTester.js';

const role = (kind: string, namespace: string, rules: string) => `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\nmetadata:\n  name: app\n  namespace: ${namespace}\nrules:\n${rules}`;

ruleTester('k8s/rbac-privilege-escalation', {
  valid: [
    role('ClusterRole', 'team', '  - apiGroups: [""]\n    resources: [pods, pods/log]\n    verbs: [get, list, create]\n'),
    { name: 'bind limited to named roles: the recommended pattern', code: role('ClusterRole', 'team', '  - apiGroups: [rbac.authorization.k8s.io]\n    resources: [clusterroles]\n    verbs: [bind]\n    resourceNames: [view]\n') },
    { name: 'reading pods/exec is not creating it', code: role('Role', 'team', '  - apiGroups: [""]\n    resources: [pods/exec]\n    verbs: [get]\n') },
    { name: 'the wrong API group grants nothing', code: role('Role', 'team', '  - apiGroups: [apps]\n    resources: [pods/exec]\n    verbs: [create]\n') },
    { name: 'writing workloads outside kube-system', code: role('Role', 'team', '  - apiGroups: [apps]\n    resources: [deployments]\n    verbs: [create, update]\n') },
    { name: 'a ClusterRole that writes workloads is every controller\'s', code: role('ClusterRole', 'kube-system', '  - apiGroups: [apps]\n    resources: [deployments]\n    verbs: [create, update]\n') },
    { name: '* on pods/exec is the wildcard rule\'s finding only when the resource is *', code: role('Role', 'team', '  - apiGroups: [""]\n    resources: ["*"]\n    verbs: [create]\n') },
    { name: 'Helm: a templated verb is unknown', filename: 'chart/templates/role.yaml', code: role('Role', 'team', '  - apiGroups: [""]\n    resources: [pods/exec]\n    verbs: [{{ .Values.execVerb }}]\n') },
  ],
  invalid: [
    {
      name: 'escalate, bind and impersonate: errors on the verb',
      code: dedent(`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: manager
        rules:
          - apiGroups: [rbac.authorization.k8s.io]
            resources: [roles, clusterroles]
            verbs: [get, bind, escalate]
          - apiGroups: [""]
            resources: ["*"]
            verbs: [impersonate]
      `),
      errors: [
        { line: 8, column: 18, endLine: 8, endColumn: 22, message: 'ClusterRole "manager" may bind roles with permissions it does not hold itself (bind on roles, clusterroles)', severity: 'error' },
        { line: 8, column: 24, endLine: 8, endColumn: 32, message: 'ClusterRole "manager" may write roles with permissions it does not hold itself (escalate on roles, clusterroles)', severity: 'error' },
        { line: 11, column: 13, endLine: 11, endColumn: 24, message: 'ClusterRole "manager" may act as other users, groups or service accounts (impersonate on *)', severity: 'error' },
      ],
      output: null,
    },
    {
      name: 'a shell in pods, through exec, attach (also as */attach) and ephemeral containers',
      code: dedent(`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: debugger
          namespace: team
        rules:
          - apiGroups: [""]
            resources:
              - pods/exec
              - "*/attach"
              - pods/ephemeralcontainers
            verbs: ["*"]
      `),
      errors: [
        { line: 9, column: 9, endLine: 9, endColumn: 18, message: 'Role "debugger" may get a shell in any pod in namespace team (create on pods/exec)', severity: 'warning' },
        { line: 10, column: 9, endLine: 10, endColumn: 19, message: 'Role "debugger" may get a shell in any pod in namespace team (create on */attach)' },
        { line: 11, column: 9, endLine: 11, endColumn: 33, message: 'Role "debugger" may add debug containers to any pod in namespace team (* on pods/ephemeralcontainers)' },
      ],
    },
    {
      name: 'nodes/proxy, tokens, RBAC objects and webhooks',
      code: dedent(`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: operator
        rules:
          - apiGroups: [""]
            resources: [nodes/proxy, serviceaccounts/token]
            verbs: [get, create]
          - apiGroups: [rbac.authorization.k8s.io]
            resources: [rolebindings]
            verbs: [create, patch]
          - apiGroups: [admissionregistration.k8s.io]
            resources: [mutatingwebhookconfigurations]
            verbs: [update]
      `),
      errors: [
        { line: 7, column: 17, endLine: 7, endColumn: 28, message: "ClusterRole \"operator\" reaches the kubelet API of every node (get, create on nodes/proxy), which runs commands in the nodes' pods" },
        { line: 7, column: 30, endLine: 7, endColumn: 51, message: 'ClusterRole "operator" may mint tokens for any service account in every namespace (create on serviceaccounts/token)' },
        { line: 10, column: 17, endLine: 10, endColumn: 29, message: 'ClusterRole "operator" may write rolebindings in every namespace (create, patch), handing its permissions on to anyone' },
        { line: 13, column: 17, endLine: 13, endColumn: 46, message: 'ClusterRole "operator" may change admission webhooks (update on mutatingwebhookconfigurations), which see or rewrite every object the API server admits' },
      ],
    },
    {
      name: 'writing workloads in kube-system',
      code: role('Role', 'kube-system', '  - apiGroups: ["", apps]\n    resources: [pods, daemonsets, configmaps]\n    verbs: [patch]\n'),
      errors: [
        { line: 8, column: 17, endLine: 8, endColumn: 21, message: 'Role "app" may run workloads in kube-system (patch on pods), with the service accounts of cluster add-ons' },
        { line: 8, column: 23, endLine: 8, endColumn: 33, message: 'Role "app" may run workloads in kube-system (patch on daemonsets), with the service accounts of cluster add-ons' },
      ],
    },
  ],
});
