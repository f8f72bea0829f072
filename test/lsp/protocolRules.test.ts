// Protocol test: the built server keeps the rules of the LSP conversation — malformed params answer
// InvalidParams, a cancelled request answers RequestCancelled, nothing is served after `shutdown`, and
// `exit` ends the process with the code the specification gives.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import {
  CancellationTokenSource,
  DidOpenTextDocumentNotification,
  ErrorCodes,
  LSPErrorCodes,
  PublishDiagnosticsNotification,
  ResponseError,
  WorkDoneProgressCreateRequest,
  type CodeActionParams,
  type ResponseMessage,
} from 'vscode-languageserver-protocol/node';
import { ScanWorkspaceRequest } from '../../server/src/lsp/protocol.js';
import { tempWorkspace, type TempWorkspace } from '../config/tempWorkspace.js';
import { TestLspClient } from '../support/lspClient.js';
import { RawLspClient } from './rawClient.js';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: web\n      securityContext:\n        privileged: true\n';
const uri = 'file:///workspace/rules/pod.yaml';
const codeActionParams: CodeActionParams = {
  textDocument: { uri },
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  context: { diagnostics: [], only: ['source.fixAll'] },
};
const errorCode = (response: ResponseMessage) => response.error?.code;

describe('language server: malformed params and cancelled requests', () => {
  const raw = new RawLspClient();

  before(async () => {
    await raw.initialize();
    await raw.send([raw.notification(DidOpenTextDocumentNotification.method, { textDocument: { uri, languageId: 'yaml', version: 1, text: POD } })]);
  });
  after(() => raw.kill());

  it('answers InvalidParams (-32602), not InternalError, to requests with missing or malformed params', async () => {
    const responses = await raw.send([
      raw.request('textDocument/codeAction', { range: codeActionParams.range, context: codeActionParams.context }),
      raw.request('textDocument/codeAction'),
      raw.request('textDocument/codeAction', { ...codeActionParams, context: { diagnostics: [{ message: 'no range' }] } }),
      raw.request('codeAction/resolve', 'not an action'),
    ]);
    assert.deepEqual(responses.map(errorCode), [ErrorCodes.InvalidParams, ErrorCodes.InvalidParams, ErrorCodes.InvalidParams, ErrorCodes.InvalidParams]);
    // …and the server goes on answering well-formed requests.
    const [fine] = await raw.send([raw.request('textDocument/codeAction', codeActionParams)]);
    assert.deepEqual((fine.result as { kind: string }[]).map((action) => action.kind), ['source.fixAll.manifestlint']);
  });

  it('answers RequestCancelled (-32800) to a code action request cancelled before it ran', async () => {
    const request = raw.request('textDocument/codeAction', codeActionParams);
    const [response] = await raw.send([request, raw.notification('$/cancelRequest', { id: request.id })]);
    assert.equal(errorCode(response), LSPErrorCodes.RequestCancelled);
  });
});

describe('language server: a workspace scan cancelled with $/cancelRequest', () => {
  let ws: TempWorkspace;
  let client: TestLspClient;
  let progressStarted: () => void = () => undefined;
  const published: string[] = [];

  before(async () => {
    ws = tempWorkspace({ 'a.yaml': POD });
    for (let i = 0; i < 400; i++) writeFileSync(ws.path(`bulk-${i}.yaml`), POD);
    client = new TestLspClient();
    client.connection.onRequest(WorkDoneProgressCreateRequest.method, () => {
      progressStarted();
      return null;
    });
    client.connection.onNotification(PublishDiagnosticsNotification.type, (params) => void published.push(params.uri));
    await client.initialize(ws.root, { window: { workDoneProgress: true } });
  });
  after(async () => {
    await client.dispose();
    ws.dispose();
  });

  it('stops and answers RequestCancelled', async () => {
    const cancel = new CancellationTokenSource();
    const started = new Promise<void>((resolve) => (progressStarted = resolve));
    const scanning = client.connection.sendRequest(ScanWorkspaceRequest, cancel.token);
    await started;
    cancel.cancel();
    await assert.rejects(scanning, (error: unknown) => error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled);
    // A finished scan publishes before it answers: nothing was.
    assert.deepEqual(published, []);
  });
});

describe('language server: shutdown and exit', () => {
  it('refuses every request after shutdown with InvalidRequest (-32600), then exits with 0 on exit', async () => {
    const raw = new RawLspClient();
    try {
      await raw.initialize();
      const [shutdown] = await raw.send([raw.request('shutdown')]);
      assert.equal(shutdown.error, undefined);
      const responses = await raw.send([raw.request('textDocument/codeAction', codeActionParams), raw.request(ScanWorkspaceRequest.method), raw.request('shutdown')]);
      assert.deepEqual(responses.map(errorCode), [ErrorCodes.InvalidRequest, ErrorCodes.InvalidRequest, ErrorCodes.InvalidRequest]);
      // Notifications are dropped too: a document opened now is not linted (a lint takes milliseconds here).
      await raw.send([raw.notification(DidOpenTextDocumentNotification.method, { textDocument: { uri, languageId: 'yaml', version: 1, text: POD } })]);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      assert.deepEqual(raw.notifications.filter((m) => m.method === PublishDiagnosticsNotification.method), []);
      await raw.send([raw.notification('exit')]);
      assert.equal(await raw.exited, 0);
    } finally {
      raw.kill();
    }
  });

  it('exits with 1 on exit without a shutdown first', async () => {
    const raw = new RawLspClient();
    try {
      await raw.initialize();
      await raw.send([raw.notification('exit')]);
      assert.equal(await raw.exited, 1);
    } finally {
      raw.kill();
    }
  });
});
