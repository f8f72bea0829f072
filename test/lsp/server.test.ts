// Protocol test: the built server over stdio lints on open and on every incremental edit, publishes
// versioned diagnostics with rule codes and docs links, says when a document is not linted, and clears
// diagnostics on close.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DidChangeTextDocumentNotification, DidCloseTextDocumentNotification, DidOpenTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import { TestLspClient } from '../support/lspClient.js';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      securityContext:
        runAsNonRoot: true
        seccompProfile: {type: RuntimeDefault}
      automountServiceAccountToken: false
      containers:
        - name: web
          image: ghcr.io/acme/web:1.4.2
          securityContext:
            privileged: true
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities: {drop: [ALL]}
`;

describe('language server over stdio', () => {
  const client = new TestLspClient();
  const uri = 'file:///workspace/deployment.yaml';

  before(() => client.initialize());
  after(() => client.dispose());

  it('publishes the privileged finding on open, at the key/value, with code and docs link', async () => {
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text: DEPLOYMENT } });
    const published = await client.nextDiagnostics(uri);
    assert.equal(published.version, 1);
    assert.deepEqual(
      published.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]),
      [['k8s/privileged-container', 15, 12, 15, 28]],
    );
    const [diagnostic] = published.diagnostics;
    assert.equal(diagnostic.source, 'manifestlint');
    assert.equal(diagnostic.severity, 1);
    assert.match(String(diagnostic.message), /^Container "web" runs privileged/);
    assert.match(diagnostic.codeDescription?.href ?? '', /docs\/rules\/k8s\/privileged-container\.md$/);
  });

  it('re-lints on an incremental edit: typing false clears the finding', async () => {
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 15, character: 24 }, end: { line: 15, character: 28 } }, text: 'false' }],
    });
    const published = await client.nextDiagnostics(uri, (p) => p.version === 2);
    assert.deepEqual(published.diagnostics, []);
  });

  it('brings the finding back when the edit is undone', async () => {
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 3 },
      contentChanges: [{ range: { start: { line: 15, character: 24 }, end: { line: 15, character: 29 } }, text: 'true' }],
    });
    const published = await client.nextDiagnostics(uri, (p) => p.version === 3);
    assert.deepEqual(published.diagnostics.map((d) => d.code), ['k8s/privileged-container']);
  });

  it('reports broken YAML at its position and keeps serving other documents', async () => {
    const broken = 'file:///workspace/broken.yaml';
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: broken, languageId: 'yaml', version: 1, text: 'a: [1, 2\nb: }\n' } });
    const published = await client.nextDiagnostics(broken);
    assert.ok(published.diagnostics.length > 0);
    assert.ok(published.diagnostics.every((d) => d.code === 'k8s/yaml-syntax'));
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 4 },
      contentChanges: [{ range: { start: { line: 15, character: 24 }, end: { line: 15, character: 28 } }, text: 'false' }],
    });
    assert.deepEqual((await client.nextDiagnostics(uri, (p) => p.version === 4)).diagnostics, []);
  });

  it('says once that a binary document is not linted, and goes on linting the others', async () => {
    const binary = 'file:///workspace/binary.yaml';
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: binary, languageId: 'yaml', version: 1, text: 'kind: Pod\n\u0000\u0001\u0002' } });
    const published = await client.nextDiagnostics(binary);
    assert.deepEqual(published.diagnostics.map((d) => [d.code, d.severity]), [['not-linted', 2]]);
    assert.match(String(published.diagnostics[0].message), /^Not linted/);
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 5 },
      contentChanges: [{ range: { start: { line: 15, character: 24 }, end: { line: 15, character: 29 } }, text: 'true' }],
    });
    assert.deepEqual((await client.nextDiagnostics(uri, (p) => p.version === 5)).diagnostics.map((d) => d.code), ['k8s/privileged-container']);
  });

  it('clears diagnostics when the document is closed', async () => {
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    const published = await client.nextDiagnostics(uri, (p) => p.diagnostics.length === 0 && p.version === undefined);
    assert.deepEqual(published.diagnostics, []);
  });

  it('lints a Dockerfile recognised by name alone, and re-lints it as the user types', async () => {
    const dockerfile = 'file:///workspace/api.Dockerfile';
    const text = 'FROM node:20 AS build\nRUN npm ci\n\nFROM node:20\nCOPY --from=build /app /app\nUSER node\nCMD ["node", "/app/server.js"]\n';
    // languageId plaintext: an editor without a Dockerfile mode still gets findings, by file name.
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: dockerfile, languageId: 'plaintext', version: 1, text } });
    const opened = await client.nextDiagnostics(dockerfile);
    const base = opened.diagnostics.find((d) => d.code === 'dockerfile/non-minimal-base-image');
    assert.ok(base, 'the final stage ships the full node image');
    assert.deepEqual(base.range, { start: { line: 3, character: 5 }, end: { line: 3, character: 12 } });
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: dockerfile, version: 2 },
      contentChanges: [{ range: { start: { line: 3, character: 12 }, end: { line: 3, character: 12 } }, text: '-slim' }],
    });
    const edited = await client.nextDiagnostics(dockerfile, (p) => p.version === 2);
    assert.ok(!edited.diagnostics.some((d) => d.code === 'dockerfile/non-minimal-base-image'));
  });
});
