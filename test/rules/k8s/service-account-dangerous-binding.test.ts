// k8s/service-account-dangerous-binding: a pod in one file, the binding and the role in others.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintWorkspace } from '../../support/workspaceTester.js';

const RULE = 'k8s/service-account-dangerous-binding';
const deployment = (serviceAccount?: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    spec:${serviceAccount ? `\n      serviceAccountName: ${serviceAccount}` : ''}
      containers:
        - name: web
          image: ghcr.io/acme/web:1.0
`;
const binding = (role: string, account = 'web', kind = 'ClusterRoleBinding', roleKind = 'ClusterRole') => `apiVersion: rbac.authorization.k8s.io/v1
kind: ${kind}
metadata:
  name: web-binding
  namespace: shop
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ${roleKind}
  name: ${role}
subjects:
  - kind: ServiceAccount
    name: ${account}
    namespace: shop
`;
const role = (name: string, rules: string, kind = 'ClusterRole') => `apiVersion: rbac.authorization.k8s.io/v1
kind: ${kind}
metadata:
  name: ${name}
  namespace: shop
rules:
${rules}`;

describe(RULE, () => {
  it('reports on the pod\'s serviceAccountName, naming and linking the binding in the other file', () => {
    const found = lintWorkspace(RULE, { 'app/web.yaml': deployment('web'), 'rbac/binding.yaml': binding('cluster-admin') });
    assert.deepEqual(found['app/web.yaml'], [
      {
        line: 9,
        column: 27,
        endLine: 9,
        endColumn: 30,
        message: 'Deployment "web" runs as service account "web", which ClusterRoleBinding "web-binding" (rbac/binding.yaml) binds to ClusterRole "cluster-admin": it allows every permission on every resource',
        related: [{ file: 'rbac/binding.yaml', line: 9, message: 'ClusterRoleBinding "web-binding" binds service account "web" to ClusterRole "cluster-admin"' }],
      },
    ]);
  });

  it('judges roles of the workspace by what they grant, and the default service account on the kind', () => {
    const secretsReader = role('reader', '  - apiGroups: [""]\n    resources: [secrets]\n    verbs: [get, list]\n');
    const found = lintWorkspace(RULE, { 'web.yaml': deployment(), 'binding.yaml': binding('reader', 'default'), 'role.yaml': secretsReader });
    assert.equal(found['web.yaml']?.[0]?.line, 2);
    assert.match(found['web.yaml']?.[0]?.message ?? '', /ClusterRole "reader": it allows reading Secrets$/);
    const execRole = role('debug', '  - apiGroups: [""]\n    resources: [pods/exec]\n    verbs: [create]\n', 'Role');
    const exec = lintWorkspace(RULE, { 'web.yaml': deployment('web'), 'binding.yaml': binding('debug', 'web', 'RoleBinding', 'Role'), 'role.yaml': execRole });
    assert.match(exec['web.yaml']?.[0]?.message ?? '', /Role "debug": it allows exec into pods$/);
  });

  it('resolves an aggregated ClusterRole across files: it holds the rules of the labelled roles it selects', () => {
    const aggregated = 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: web-role\naggregationRule:\n  clusterRoleSelectors:\n    - matchLabels: {acme.io/aggregate-to-web: "true"}\nrules: []\n';
    const lender = role('secrets-lender', '  - apiGroups: [""]\n    resources: [secrets]\n    verbs: [list]\n').replace('  namespace: shop\n', '  labels: {acme.io/aggregate-to-web: "true"}\n');
    const found = lintWorkspace(RULE, { 'web.yaml': deployment('web'), 'binding.yaml': binding('web-role'), 'aggregated.yaml': aggregated, 'lender.yaml': lender });
    assert.match(found['web.yaml']?.[0]?.message ?? '', /ClusterRole "web-role": it allows reading Secrets$/);
    assert.deepEqual(lintWorkspace(RULE, { 'web.yaml': deployment('web'), 'binding.yaml': binding('web-role'), 'aggregated.yaml': aggregated }), {});
  });

  it('joins a pod with the nearest definition of each binding and role: variants of one install are never applied together', () => {
    const variant = (role: string) => `${deployment('web')}---\n${binding(role)}`;
    // One deploy.yaml per provider, each with the same binding: one finding each, on its own binding.
    const providers = lintWorkspace(RULE, { 'deploy/aws/deploy.yaml': variant('cluster-admin'), 'deploy/gcp/deploy.yaml': variant('cluster-admin'), 'deploy/kind/deploy.yaml': variant('cluster-admin') });
    for (const provider of ['aws', 'gcp', 'kind']) {
      assert.deepEqual(providers[`deploy/${provider}/deploy.yaml`]?.map((f) => f.message.includes(`(deploy/${provider}/deploy.yaml)`)), [true], provider);
    }
    // The same role name, harmless in one variant and reading Secrets in the other: each binding reads its own.
    const reader = (verbs: string) => role('reader', `  - apiGroups: [""]\n    resources: [${verbs}]\n    verbs: [get]\n`);
    const roles = lintWorkspace(RULE, { 'dev/web.yaml': deployment('web'), 'dev/binding.yaml': binding('reader'), 'dev/role.yaml': reader('configmaps'), 'prod/web.yaml': deployment('web'), 'prod/binding.yaml': binding('reader'), 'prod/role.yaml': reader('secrets') });
    assert.deepEqual(Object.keys(roles), ['prod/web.yaml']);
    // Overlays side by side are each deployable over one base: equally near, both are reported.
    const overlays = lintWorkspace(RULE, { 'base/web.yaml': deployment('web'), 'overlays/dev/binding.yaml': binding('cluster-admin'), 'overlays/prod/binding.yaml': binding('edit') });
    assert.deepEqual(overlays['base/web.yaml']?.map((f) => f.related[0]?.file), ['overlays/dev/binding.yaml', 'overlays/prod/binding.yaml']);
    // Bindings whose names a template writes are not one object: the nearer one hides nothing.
    const templated = (role: string, suffix: string) => binding(role).replace('name: web-binding', `name: "{{ .Release.Name }}-${suffix}"`);
    const chart = lintWorkspace(RULE, { 'templates/web.yaml': `${deployment('web')}---\n${templated('view', 'view')}`, 'templates/admin.yaml': templated('cluster-admin', 'admin') });
    assert.deepEqual(chart['templates/web.yaml']?.map((f) => f.related[0]?.file), ['templates/admin.yaml']);
  });

  it('is quiet for a harmless role, another account, a role limited to named objects, or a templated account', () => {
    const viewer = role('viewer', '  - apiGroups: [""]\n    resources: [configmaps]\n    verbs: [get]\n');
    const named = role('one-secret', '  - apiGroups: [""]\n    resources: [secrets]\n    resourceNames: [web-tls]\n    verbs: [get]\n');
    const quiet: Record<string, string>[] = [
      { 'web.yaml': deployment('web'), 'binding.yaml': binding('viewer'), 'role.yaml': viewer },
      { 'web.yaml': deployment('web'), 'binding.yaml': binding('cluster-admin', 'other') },
      { 'web.yaml': deployment('web'), 'binding.yaml': binding('one-secret'), 'role.yaml': named },
      { 'web.yaml': deployment('web'), 'binding.yaml': binding('view') },
      { 'web.yaml': deployment('{{ .Values.serviceAccount }}'), 'binding.yaml': binding('cluster-admin') },
      { 'web.yaml': deployment('web') },
    ];
    for (const files of quiet) assert.deepEqual(lintWorkspace(RULE, files), {}, JSON.stringify(Object.keys(files)));
  });
});
