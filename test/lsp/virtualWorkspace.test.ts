// Protocol test: in a virtual workspace (VS Code's GitHub Repositories: `vscode-vfs:` URIs) open
// documents are linted from their text, and nothing is read from local paths that merely look alike.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { DidOpenTextDocumentNotification, InitializedNotification, InitializeRequest } from 'vscode-languageserver-protocol/node';
import { ScanWorkspaceRequest } from '../../server/src/lsp/protocol.js';
import { tempWorkspace, type TempWorkspace } from '../config/tempWorkspace.js';
import { TestLspClient } from '../support/lspClient.js';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: web\n      securityContext:\n        privileged: true\n';

describe('language server in a virtual workspace', () => {
  let ws: TempWorkspace;
  let folder: string;
  const client = new TestLspClient();

  before(async () => {
    // A real folder on disk whose path is also the path of the virtual folder's URI: the server must
    // not take one for the other.
    ws = tempWorkspace({ 'pod.yaml': POD, '.manifestlint.yaml': 'extends: []\n' });
    folder = URI.from({ scheme: 'vscode-vfs', authority: 'github', path: URI.file(ws.root).path }).toString();
    await client.connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: folder, workspaceFolders: [{ uri: folder, name: 'repo' }], capabilities: {} });
    await client.connection.sendNotification(InitializedNotification.type, {});
  });
  after(async () => {
    await client.dispose();
    ws.dispose();
  });

  it('lints an open document with the recommended rules (no team config is read from disk)', async () => {
    const uri = `${folder}/pod.yaml`;
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text: POD } });
    const published = await client.nextDiagnostics(uri);
    // The local `.manifestlint.yaml` at the look-alike path turns every rule off; it does not apply here.
    assert.ok(published.diagnostics.some((d) => d.code === 'k8s/privileged-container'));
  });

  it('scans nothing: a virtual folder has no files on this machine', async () => {
    assert.deepEqual(await client.connection.sendRequest(ScanWorkspaceRequest), { files: 0, findings: 0, cancelled: false });
  });
});
