// Protocol test: the built server puts a "Pod Security: <level>" code lens on each workload's `kind:`,
// for the text the editor holds now.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { CodeLensRequest, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, type CodeLens } from 'vscode-languageserver-protocol/node';
import { TestLspClient } from '../support/lspClient.js';

const uri = 'file:///workspace/app/workloads.yaml';
const MANIFESTS = `apiVersion: v1
kind: Pod
metadata: { name: locked-down }
spec:
  securityContext: { runAsNonRoot: true, seccompProfile: { type: RuntimeDefault } }
  containers:
    - name: app
      securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: [ALL] } }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: plain }
spec:
  template:
    spec:
      containers:
        - name: app
---
apiVersion: v1
kind: Service
metadata: { name: web }
`;

const client = new TestLspClient();
before(async () => {
  await client.initialize();
  await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text: MANIFESTS } });
});
after(() => client.dispose());

const lenses = async () =>
  ((await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) ?? []).map(({ range, command }: CodeLens) => ({ line: range.start.line, character: range.start.character, title: command?.title }));

it('labels each workload with the Pod Security level it meets, on its kind, and nothing else', async () => {
  assert.deepEqual(await lenses(), [
    { line: 1, character: 6, title: 'Pod Security: restricted' },
    { line: 10, character: 6, title: 'Pod Security: baseline' },
  ]);
});

it('follows the text as it is edited', async () => {
  const privileged = MANIFESTS.replace('        - name: app\n', '        - name: app\n          securityContext: { privileged: true }\n');
  await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: privileged }] });
  assert.deepEqual((await lenses()).map((lens) => lens.title), ['Pod Security: restricted', 'Pod Security: privileged']);
});

it('says why in the tooltip', async () => {
  const [, plain] = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) ?? [];
  assert.match(plain?.command?.tooltip ?? '', /^Not baseline because of k8s\/privileged-container\. Not restricted because of .*k8s\/run-as-root/);
});

it('answers InvalidParams to a request without a document', async () => {
  await assert.rejects(client.connection.sendRequest('textDocument/codeLens', { textDocument: {} }), (error: { code?: number }) => error.code === -32602);
});

it('says that a Helm template\'s level is only what the template shows', async () => {
  const chartUri = 'file:///workspace/chart/templates/deployment.yaml';
  const template = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "app.fullname" . }}\nspec:\n  template:\n    spec:\n      securityContext: {{- toYaml .Values.podSecurityContext | nindent 8 }}\n      containers:\n        - name: app\n          securityContext: {{- toYaml .Values.securityContext | nindent 12 }}\n';
  await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: chartUri, languageId: 'helm', version: 1, text: template } });
  const [lens] = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: chartUri } })) ?? [];
  assert.match(lens?.command?.title ?? '', /^Pod Security: \w+ \(as far as the template shows\)$/);
});
