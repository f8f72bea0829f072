// Protocol test: with `manifestlint.run: onSave` the built server lints a document when it opens and
// when it is saved, not as the user types; code actions then answer for the last saved lint only. The
// client reads settings but refuses dynamic registrations, as some editors do: the server goes on.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CodeActionRequest,
  ConfigurationRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { TestLspClient } from '../support/lspClient.js';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: web\n      securityContext:\n        privileged: true\n';
const VALUE = { start: { line: 8, character: 20 }, end: { line: 8, character: 24 } };

describe('language server with run: onSave', () => {
  const client = new TestLspClient();
  const uri = 'file:///workspace/on-save/pod.yaml';
  const published: PublishDiagnosticsParams[] = [];

  before(async () => {
    client.connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => ({ run: 'onSave' })));
    await client.initialize(process.cwd(), { workspace: { configuration: true } });
  });
  after(() => client.dispose());

  it('lints on open, not on change, and again on save', async () => {
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text: POD } });
    assert.ok((await client.nextDiagnostics(uri, (p) => p.version === 1)).diagnostics.some((d) => d.code === 'k8s/privileged-container'));
    client.connection.onNotification(PublishDiagnosticsNotification.type, (params) => void published.push(params));

    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ range: VALUE, text: 'false' }] });
    // A request runs a lint that is due: with onSave there is none for a change, and no actions for an unsaved version.
    const actions = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: VALUE, context: { diagnostics: [], only: ['source.fixAll'] } });
    assert.deepEqual(actions, []);
    assert.deepEqual(published, [], 'nothing linted while typing');

    const saved = new Promise<PublishDiagnosticsParams>((resolve) => client.connection.onNotification(PublishDiagnosticsNotification.type, resolve));
    await client.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
    const afterSave = await saved;
    assert.equal(afterSave.version, 2);
    assert.ok(!afterSave.diagnostics.some((d) => d.code === 'k8s/privileged-container'));
  });
});
