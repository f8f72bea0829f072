// The RBAC model: roles and their policy rules, bindings with roleRef and subjects, list items as
// Kubernetes decodes them (null is the core group), Helm-templated values left unknown, the
// authorizer's `*/subresource` form, and aggregated ClusterRoles resolved within the file.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { OffsetRange } from '../../server/src/text/positions.js';
import { aggregates, boundRoles, coversApiGroup, namesResource, rbacModel, type RbacList } from '../../server/src/k8s/rbac.js';
import { parseYamlFile } from '../../server/src/k8s/yamlFile.js';
import { dedent, lintWithRule } from '../support/ruleTester.js';

const textAt = (text: string, range: OffsetRange) => text.slice(range.start, range.end);
const values = (list: RbacList) => list.items.map((item) => item.value);

describe('k8s rbac model', () => {
  it('reads each policy rule list with the range of every item', () => {
    const text = dedent(`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        name: reader
      rules:
        - apiGroups: ["", apps]
          resources: [pods, "deployments"]
          verbs: [get, list]
          resourceNames: [web]
    `);
    const [role] = rbacModel(parseYamlFile(text, 'r.yaml')).roles;
    assert.equal(role.kind, 'ClusterRole');
    assert.equal(role.name, 'reader');
    const [rule] = role.rules;
    assert.deepEqual(values(rule.apiGroups), ['', 'apps']);
    assert.deepEqual(values(rule.resources), ['pods', 'deployments']);
    assert.deepEqual(values(rule.verbs), ['get', 'list']);
    assert.deepEqual(values(rule.resourceNames), ['web']);
    assert.deepEqual(rule.resources.items.map((item) => textAt(text, item.range)), ['pods', '"deployments"']);
  });

  it('reads a null item as the empty string, as the API server decodes it: the core group', () => {
    const text = 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nrules:\n  - apiGroups:\n      - ~\n      -\n    resources: [secrets]\n    verbs: [get, 7]\n';
    const [rule] = rbacModel(parseYamlFile(text, 'r.yaml')).roles[0].rules;
    assert.deepEqual(values(rule.apiGroups), ['', '']);
    assert.ok(coversApiGroup(rule, ''));
    assert.deepEqual(values(rule.verbs), ['get'], 'a number is no verb');
  });

  it('ignores kinds named Role in other API groups, and reads a chart whose apiVersion is templated', () => {
    const other = rbacModel(parseYamlFile('apiVersion: example.com/v1\nkind: Role\nrules: [{verbs: ["*"]}]\n', 'r.yaml'));
    assert.equal(other.roles.length, 0);
    const chart = rbacModel(parseYamlFile('apiVersion: {{ include "rbac.apiVersion" . }}\nkind: Role\nmetadata:\n  name: {{ .Release.Name }}\nrules:\n  - verbs: [get, {{ .Values.verb }}]\n', 'chart/templates/role.yaml'));
    assert.equal(chart.roles.length, 1);
    assert.equal(chart.roles[0].name, undefined, 'a templated name is unknown');
    const [rule] = chart.roles[0].rules;
    assert.deepEqual(values(rule.verbs), ['get']);
    assert.equal(rule.verbs.templated, true);
  });

  it('names a subresource with `*/sub` as the authorizer does, and `pods/*` not at all', () => {
    const item = (value: string) => ({ value, node: undefined as never, range: { start: 0, end: 0 } });
    assert.ok(namesResource(item('pods/exec'), ['pods/exec']));
    assert.ok(namesResource(item('*/exec'), ['pods/exec']));
    assert.ok(!namesResource(item('pods/*'), ['pods/exec']));
    assert.ok(!namesResource(item('*'), ['pods/exec']));
  });

  it('reads bindings: roleRef, subjects, and the roles of the file they bind (a Role only in its namespace)', () => {
    const text = dedent(`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata: {name: app, namespace: a}
      rules: []
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata: {name: app, namespace: b}
      rules: []
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata: {name: app, namespace: b}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: app}
      subjects:
        - {kind: ServiceAccount, name: api, namespace: b}
        - {kind: Group, name: {{ .Values.group }}}
    `);
    const model = rbacModel(parseYamlFile(text, 'chart/templates/rbac.yaml'));
    const [binding] = model.bindings;
    assert.equal(binding.roleRef?.name, 'app');
    assert.equal(textAt(text, binding.roleRef?.range ?? { start: 0, end: 0 }), 'app');
    assert.deepEqual(binding.subjects.map((s) => `${s.kind}:${s.namespace}/${s.name}`), ['ServiceAccount:b/api']);
    assert.deepEqual(boundRoles(model, binding).map((role) => role.namespace), ['b']);
  });

  it('tells which ClusterRoles of the file an aggregated ClusterRole gathers', () => {
    const text = dedent(`
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: monitoring}
      aggregationRule:
        clusterRoleSelectors:
          - matchLabels: {rbac.example.com/aggregate-to-monitoring: "true"}
      rules: []
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        name: monitoring-endpoints
        labels: {rbac.example.com/aggregate-to-monitoring: "true"}
      rules:
        - {apiGroups: [""], resources: [endpoints], verbs: [get]}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: unrelated, labels: {other: "true"}}
      rules:
        - {apiGroups: [""], resources: [secrets], verbs: [get]}
    `);
    const [aggregated, ...others] = rbacModel(parseYamlFile(text, 'r.yaml')).roles;
    assert.deepEqual(others.map((other) => aggregates(aggregated, other)), [true, false]);
    assert.equal(aggregates(others[0], aggregated), false, 'a role that aggregates nothing gathers nothing');
  });
});

describe('k8s rbac model at scale', () => {
  it('hundreds of bindings of an aggregated ClusterRole: each role answered once, every binding reported', () => {
    const role = (name: string, extra: string) => `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: ${name}\n${extra}`;
    const docs = [role('platform', 'aggregationRule:\n  clusterRoleSelectors:\n    - matchLabels: {to-platform: "true"}\nrules: []\n')];
    for (let i = 0; i < 400; i++) docs.push(role(`lender-${i}`, `  labels: {other: "${i}"}\nrules: [{apiGroups: ["*"], resources: ["*"], verbs: ["*"]}]\n`));
    docs.push(role('all', '  labels: {to-platform: "true"}\nrules: [{apiGroups: ["*"], resources: ["*"], verbs: ["*"]}]\n'));
    for (let i = 0; i < 400; i++) docs.push(`apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: b${i}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: platform}\nsubjects: [{kind: Group, name: g${i}}]\n`);
    const findings = lintWithRule('k8s/rbac-cluster-admin-binding', { code: docs.join('---\n') });
    assert.equal(findings.length, 400);
  });
});
