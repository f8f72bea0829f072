// k8s/port-mismatch: a Service, the pods it selects and the Dockerfile of their image, in separate files.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintWorkspace } from '../../support/workspaceTester.js';

const RULE = 'k8s/port-mismatch';
const deployment = (port: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    metadata:
      labels: {app: api}
    spec:
      containers:
        - name: api
          image: ghcr.io/acme/api:2.1
          ports:
            - ${port}
`;
const service = (targetPort: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: api\nspec:\n  selector: {app: api}\n  ports:\n    - port: 80\n      targetPort: ${targetPort}\n`;
const DOCKERFILE = 'FROM node:22-slim\nEXPOSE 8080\nUSER node\nCMD ["node", "server.js"]\n';

describe(RULE, () => {
  it('reports a targetPort none of the selected pods declares, by number or by name', () => {
    const numbered = lintWorkspace(RULE, { 'svc.yaml': service('8000'), 'deploy.yaml': deployment('containerPort: 8080') });
    assert.deepEqual(numbered['svc.yaml']?.map((f) => [f.line, f.column, f.endColumn, f.message]), [[9, 19, 23, 'targetPort 8000 of Service "api": none of the pods it selects (Deployment "api") declares that port']]);
    const named = lintWorkspace(RULE, { 'svc.yaml': service('web'), 'deploy.yaml': deployment('{name: http, containerPort: 8080}') });
    assert.equal(named['svc.yaml']?.length, 1);
  });

  it('reports a containerPort the image\'s Dockerfile does not EXPOSE, linking the EXPOSE line', () => {
    const found = lintWorkspace(RULE, { 'deploy.yaml': deployment('containerPort: 9090'), 'api/Dockerfile': DOCKERFILE });
    assert.deepEqual(found['deploy.yaml'], [
      { line: 14, column: 30, endLine: 14, endColumn: 34, message: 'containerPort 9090 of container "api": its image\'s Dockerfile (api/Dockerfile) does not EXPOSE it', related: [{ file: 'api/Dockerfile', line: 2, message: 'The image exposes these ports' }] },
    ]);
  });

  it('is quiet when the ports agree, or when a side declares none', () => {
    const quiet: Record<string, string>[] = [
      { 'svc.yaml': service('8080'), 'deploy.yaml': deployment('containerPort: 8080'), 'api/Dockerfile': DOCKERFILE },
      { 'svc.yaml': service('http'), 'deploy.yaml': deployment('{name: http, containerPort: 8080}') },
      { 'svc.yaml': service('8000'), 'deploy.yaml': deployment('containerPort: 8080').replace(/ {10}ports:\n.*\n/, '') },
      { 'deploy.yaml': deployment('containerPort: 9090'), 'api/Dockerfile': DOCKERFILE.replace('EXPOSE 8080\n', '') },
      { 'deploy.yaml': deployment('containerPort: 8081'), 'api/Dockerfile': DOCKERFILE.replace('EXPOSE 8080', 'EXPOSE 8080-8089/tcp') },
    ];
    for (const files of quiet) assert.deepEqual(lintWorkspace(RULE, files), {}, JSON.stringify(Object.keys(files)));
  });
});
