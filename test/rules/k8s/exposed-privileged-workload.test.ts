// k8s/exposed-privileged-workload: an Ingress or HTTPRoute, its Service and the pods it selects, in three files.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintWorkspace } from '../../support/workspaceTester.js';

const RULE = 'k8s/exposed-privileged-workload';
const daemonSet = (settings: string) => `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
  namespace: ops
spec:
  template:
    metadata:
      labels: {app: agent}
    spec:${settings}
      containers:
        - name: agent
          image: ghcr.io/acme/agent:1.0
`;
const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: agent\n  namespace: ops\nspec:\n  selector: {app: agent}\n  ports: [{port: 80, targetPort: 8080}]\n';
const INGRESS = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: public
  namespace: ops
spec:
  rules:
    - host: agent.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: agent
                port: {number: 80}
`;
const ROUTE = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: public
  namespace: ops
spec:
  rules:
    - backendRefs:
        - name: agent
          port: 80
`;

describe(RULE, () => {
  it('reports on the Ingress backend, linking the Service and the workload', () => {
    const found = lintWorkspace(RULE, { 'ingress.yaml': INGRESS, 'service.yaml': SERVICE, 'agent.yaml': daemonSet('\n      hostNetwork: true') });
    assert.deepEqual(found['ingress.yaml'], [
      {
        line: 15,
        column: 23,
        endLine: 15,
        endColumn: 28,
        message: 'Ingress "public" sends outside traffic to Service "agent", whose pods (DaemonSet "agent") run hostNetwork',
        related: [
          { file: 'service.yaml', line: 2, message: 'Service "agent" selects DaemonSet "agent"' },
          { file: 'agent.yaml', line: 2, message: 'DaemonSet "agent" runs hostNetwork' },
        ],
      },
    ]);
  });

  it('follows HTTPRoute backendRefs, and reports privileged containers', () => {
    const privileged = daemonSet('').replace('          image: ghcr.io/acme/agent:1.0\n', '          image: ghcr.io/acme/agent:1.0\n          securityContext: {privileged: true}\n');
    const found = lintWorkspace(RULE, { 'route.yaml': ROUTE, 'service.yaml': SERVICE, 'agent.yaml': privileged });
    assert.deepEqual(found['route.yaml']?.map((f) => [f.line, f.column, f.message]), [[9, 17, 'HTTPRoute "public" sends outside traffic to Service "agent", whose pods (DaemonSet "agent") run privileged']]);
  });

  it('joins each route with the nearest Service and workload of that name: variants of one install are never applied together', () => {
    const variant = (settings: string) => [INGRESS, SERVICE, daemonSet(settings)].join('---\n');
    const found = lintWorkspace(RULE, { 'cloud/all.yaml': variant(''), 'baremetal/all.yaml': variant('\n      hostNetwork: true') });
    assert.deepEqual(Object.keys(found), ['baremetal/all.yaml']);
    assert.deepEqual(found['baremetal/all.yaml']?.map((f) => f.related.map((r) => [r.file, r.line])), [[[undefined, 19], [undefined, 28]]]);
    // Two workloads the Service selects are two objects: the plain one beside it does not hide the privileged one.
    const plainWeb = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: ops\nspec:\n  template:\n    metadata:\n      labels: {app: agent}\n    spec:\n      containers: [{name: web, image: web:1}]\n';
    const both = lintWorkspace(RULE, { 'all.yaml': [INGRESS, SERVICE, plainWeb, daemonSet('\n      hostNetwork: true')].join('---\n') });
    assert.deepEqual(both['all.yaml']?.map((f) => f.message), ['Ingress "public" sends outside traffic to Service "agent", whose pods (DaemonSet "agent") run hostNetwork']);
  });

  it('is quiet for an unprivileged workload, another namespace, a Service that selects other pods, or no route', () => {
    const quiet: Record<string, string>[] = [
      { 'ingress.yaml': INGRESS, 'service.yaml': SERVICE, 'agent.yaml': daemonSet('') },
      { 'ingress.yaml': INGRESS.replace('namespace: ops', 'namespace: web'), 'service.yaml': SERVICE, 'agent.yaml': daemonSet('\n      hostPID: true') },
      { 'ingress.yaml': INGRESS, 'service.yaml': SERVICE.replace('{app: agent}', '{app: web}'), 'agent.yaml': daemonSet('\n      hostPID: true') },
      { 'service.yaml': SERVICE, 'agent.yaml': daemonSet('\n      hostPID: true') },
    ];
    for (const files of quiet) assert.deepEqual(lintWorkspace(RULE, files), {}, JSON.stringify(Object.keys(files)));
  });
});
