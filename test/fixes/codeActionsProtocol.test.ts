// Protocol test: the built server advertises quick fixes and fix-all, lists actions for a diagnostic
// without edits, and resolves them (codeAction/resolve) to versioned edits that fix the finding.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CodeActionRequest,
  CodeActionResolveRequest,
  DidOpenTextDocumentNotification,
  InitializeRequest,
  type CodeAction,
  type TextDocumentEdit,
} from 'vscode-languageserver-protocol/node';
import { TestLspClient } from '../support/lspClient.js';
import { PRIVILEGED_POD as POD } from './fixtures.js';


describe('code actions over stdio', () => {
  const client = new TestLspClient();
  const uri = 'file:///workspace/pod.yaml';

  before(() => client.initialize());
  after(() => client.dispose());

  it('advertises quickfix and source.fixAll.manifestlint with resolve support', async () => {
    const other = new TestLspClient();
    try {
      const result = await other.connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
      assert.deepEqual(result.capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.manifestlint'], resolveProvider: true });
    } finally {
      other.dispose();
    }
  });

  it('lists the actions for a diagnostic and resolves the preferred fix to a versioned edit', async () => {
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text: POD } });
    const { diagnostics } = await client.nextDiagnostics(uri);
    assert.deepEqual(diagnostics.map((d) => d.code), ['k8s/privileged-container']);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } })) as CodeAction[];
    assert.deepEqual(actions.map((a) => a.title).slice(0, 2), ['Set privileged: false', 'Harden container securityContext']);
    assert.ok(actions.every((a) => a.edit === undefined), 'listing must not compute edits');

    const resolved = await client.connection.sendRequest(CodeActionResolveRequest.type, actions[0]);
    const change = resolved.edit?.documentChanges?.[0] as TextDocumentEdit;
    assert.deepEqual(change.textDocument, { uri, version: 1 });
    assert.deepEqual(change.edits, [{ range: { start: { line: 12, character: 20 }, end: { line: 12, character: 24 } }, newText: 'false' }]);
  });

  it('answers a source.fixAll request (as editor.codeActionsOnSave sends) with one resolvable action', async () => {
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    assert.deepEqual(actions.map((a) => a.kind), ['source.fixAll.manifestlint']);
    const resolved = await client.connection.sendRequest(CodeActionResolveRequest.type, actions[0]);
    assert.equal((resolved.edit?.documentChanges?.[0] as TextDocumentEdit).edits.length, 1);
  });
});
