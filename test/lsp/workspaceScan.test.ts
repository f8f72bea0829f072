// "Scan Workspace" over LSP: diagnostics for files that are not open (the workspace rules' too),
// progress that can be cancelled, and no stale results after a rescan or when a scanned file is closed.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { DidCloseTextDocumentNotification, DidOpenTextDocumentNotification, WorkDoneProgressCancelNotification, WorkDoneProgressCreateRequest, type WorkDoneProgressCreateParams } from 'vscode-languageserver-protocol/node';
import { TestLspClient } from '../support/lspClient.js';

const PRIVILEGED = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: web\n      securityContext:\n        privileged: true\n';
const FIXED = PRIVILEGED.replace('privileged: true', 'privileged: false');

describe('workspace scan over LSP', () => {
  const root = mkdtempSync(join(tmpdir(), 'manifestlint-scan-'));
  const uriOf = (rel: string) => URI.file(join(root, rel)).toString();
  const client = new TestLspClient();
  const progressTokens: (string | number)[] = [];

  before(async () => {
    writeFileSync(join(root, 'a.yaml'), PRIVILEGED);
    mkdirSync(join(root, 'sub'));
    writeFileSync(join(root, 'sub', 'b.yaml'), PRIVILEGED);
    client.connection.onRequest(WorkDoneProgressCreateRequest.method, (params: WorkDoneProgressCreateParams) => {
      progressTokens.push(params.token);
      return null;
    });
    await client.initialize(root, { window: { workDoneProgress: true } });
  });
  after(() => client.dispose());

  it('publishes diagnostics for files that are not open', async () => {
    const a = client.nextDiagnostics(uriOf('a.yaml'));
    const b = client.nextDiagnostics(uriOf('sub/b.yaml'));
    const result = await client.connection.sendRequest('manifestlint/scanWorkspace');
    assert.deepEqual(result, { files: 2, findings: (await a).diagnostics.length + (await b).diagnostics.length, cancelled: false });
    assert.ok((await a).diagnostics.some((d) => d.code === 'k8s/privileged-container'));
    assert.ok(progressTokens.length > 0, 'the scan reported work-done progress');
  });

  it('runs the workspace rules over the files it scanned, as manifestlint scan does', async () => {
    const a = client.nextDiagnostics(uriOf('a.yaml'));
    await client.connection.sendRequest('manifestlint/scanWorkspace');
    const finding = (await a).diagnostics.find((d) => d.code === 'k8s/namespace-without-network-policy');
    assert.match(String(finding?.message), /^Pod "p" is in the namespace it is applied to, which no NetworkPolicy in the workspace selects/);
  });

  it('clears a file that became clean on the next scan', async () => {
    writeFileSync(join(root, 'a.yaml'), FIXED);
    const a = client.nextDiagnostics(uriOf('a.yaml'));
    await client.connection.sendRequest('manifestlint/scanWorkspace');
    assert.ok(!(await a).diagnostics.some((d) => d.code === 'k8s/privileged-container'));
  });

  it('keeps the live lint of an open document and shows the saved file again on close', async () => {
    const uri = uriOf('sub/b.yaml');
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text: FIXED } });
    const live = await client.nextDiagnostics(uri, (p) => p.version === 1);
    assert.ok(!live.diagnostics.some((d) => d.code === 'k8s/privileged-container'), 'unsaved edit is what counts while open');
    const afterClose = client.nextDiagnostics(uri);
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    assert.ok((await afterClose).diagnostics.some((d) => d.code === 'k8s/privileged-container'), 'the file on disk is still privileged');
    assert.ok((await afterClose).diagnostics.some((d) => d.code === 'k8s/namespace-without-network-policy'), 'the workspace rules still speak of it');
  });

  it('can be cancelled through its progress', async () => {
    for (let i = 0; i < 400; i++) writeFileSync(join(root, `bulk-${i}.yaml`), PRIVILEGED);
    const before = progressTokens.length;
    const scanning = client.connection.sendRequest('manifestlint/scanWorkspace');
    while (progressTokens.length === before) await new Promise((r) => setTimeout(r, 5));
    await client.connection.sendNotification(WorkDoneProgressCancelNotification.type, { token: progressTokens[progressTokens.length - 1] });
    assert.deepEqual(await scanning, { files: 0, findings: 0, cancelled: true });
  });
});
