// k8s/namespace-without-network-policy: workloads and NetworkPolicies across the files of a workspace.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintWorkspace } from '../../support/workspaceTester.js';

const RULE = 'k8s/namespace-without-network-policy';
const deployment = (namespace?: string, labels = 'app: web') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web${namespace ? `\n  namespace: ${namespace}` : ''}
spec:
  template:
    metadata:
      labels:
        ${labels}
    spec:
      containers:
        - name: web
          image: ghcr.io/acme/web:1.0
`;
const policy = (namespace?: string, selector = '{}') => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: deny${namespace ? `\n  namespace: ${namespace}` : ''}
spec:
  podSelector: ${selector}
  policyTypes: [Ingress, Egress]
`;

describe(RULE, () => {
  it('reports a workload no policy of its namespace selects, on its kind, as info, with a policy file to create', () => {
    const found = lintWorkspace(RULE, { 'shop/web.yaml': deployment('shop'), 'other/policy.yaml': policy('billing') });
    assert.deepEqual(found['shop/web.yaml'], [
      {
        line: 2,
        column: 7,
        endLine: 2,
        endColumn: 17,
        message: 'Deployment "web" is in namespace "shop", which no NetworkPolicy in the workspace selects: every pod can reach it and it can reach every pod',
        related: [],
      },
    ]);
  });

  it('offers to create a default-deny policy for the namespace beside the manifest', async () => {
    const { lintDocument } = await import('../../../server/src/linter/lint.js');
    const { workspaceFindings } = await import('../../../server/src/linter/workspace.js');
    const config = { rules: { [RULE]: {} } };
    const summaries = lintDocument(deployment('shop'), { uri: '/repo/shop/web.yaml', config, summarize: true }).summaries ?? {};
    const [finding] = workspaceFindings(new Map([['/repo/shop/web.yaml', summaries]]), () => config).get('/repo/shop/web.yaml') ?? [];
    const change = finding?.fixes?.[0]?.changes[0];
    assert.equal(change?.kind, 'file.edit');
    assert.ok(change?.kind === 'file.edit' && change.path === '/repo/shop/networkpolicy-default-deny-shop.yaml' && change.before === undefined);
    assert.match(change?.kind === 'file.edit' ? change.text : '', /kind: NetworkPolicy\nmetadata:\n {2}name: default-deny\n {2}namespace: shop\nspec:\n {2}podSelector: \{\}\n {2}policyTypes: \[Ingress, Egress\]\n$/);
  });

  it('is quiet when a policy in the same namespace selects the pods (all of them, by its labels, or by a selector it cannot read)', () => {
    const quiet: Record<string, string>[] = [
      { 'web.yaml': deployment('shop'), 'policy.yaml': policy('shop') },
      { 'web.yaml': deployment('shop'), 'policy.yaml': policy('shop', '{matchLabels: {app: web}}') },
      { 'web.yaml': deployment('shop'), 'policy.yaml': policy('shop', '{matchExpressions: [{key: app, operator: Exists}]}') },
      { 'web.yaml': deployment(), 'policy.yaml': policy() },
      { 'web.yaml': `${deployment()}---\n${policy()}` },
      { 'policy.yaml': policy('shop') },
    ];
    for (const files of quiet) assert.deepEqual(lintWorkspace(RULE, files), {}, JSON.stringify(files));
  });

  it("counts a chart's NetworkPolicy whose apiVersion and namespace a template writes, as charts do", () => {
    const template = [
      'kind: NetworkPolicy',
      'apiVersion: {{ include "common.capabilities.networkPolicy.apiVersion" . }}',
      'metadata:',
      '  name: {{ include "app.fullname" . }}',
      '  namespace: {{ include "common.names.namespace" . | quote }}',
      'spec:',
      '  podSelector:',
      '    matchLabels: {{- include "common.labels.matchLabels" . | nindent 6 }}',
      '      app.kubernetes.io/component: web',
      '',
    ].join('\n');
    const workload = deployment(undefined, 'app.kubernetes.io/component: web');
    assert.deepEqual(lintWorkspace(RULE, { 'chart/templates/deployment.yaml': workload, 'chart/templates/networkpolicy.yaml': template }), {});
  });

  it('a policy selecting other labels, or in another namespace, does not cover the workload', () => {
    assert.equal(lintWorkspace(RULE, { 'web.yaml': deployment('shop'), 'policy.yaml': policy('shop', '{matchLabels: {app: api}}') })['web.yaml']?.length, 1);
    assert.equal(lintWorkspace(RULE, { 'web.yaml': deployment(), 'policy.yaml': policy('shop') })['web.yaml']?.length, 1);
  });
});
