// Protocol test: a Kustomize patch opened alone in the editor gets the findings for what it sets, not
// for what it leaves to the base; when its kustomization stops naming it, it is linted as a manifest.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { DidChangeWatchedFilesNotification, DidOpenTextDocumentNotification, FileChangeType } from 'vscode-languageserver-protocol/node';
import { TestLspClient } from '../support/lspClient.js';

const PATCH = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          securityContext: {privileged: true}\n';

describe('language server: a Kustomize patch', () => {
  const client = new TestLspClient();
  const root = mkdtempSync(join(tmpdir(), 'manifestlint-lsp-kustomize-'));
  const kustomization = join(root, 'kustomization.yaml');
  const patchUri = URI.file(join(root, 'debug.yaml')).toString();

  before(async () => {
    mkdirSync(join(root, '.git'));
    writeFileSync(kustomization, 'resources: [deployment.yaml]\npatches:\n  - path: debug.yaml\n');
    writeFileSync(join(root, 'debug.yaml'), PATCH);
    await client.initialize(root);
  });
  after(async () => {
    await client.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  it('is linted for what it sets, and as a manifest once no kustomization names it', async () => {
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: patchUri, languageId: 'yaml', version: 1, text: PATCH } });
    const asPatch = await client.nextDiagnostics(patchUri);
    assert.deepEqual(asPatch.diagnostics.map((d) => `${d.range.start.line + 1} ${String(d.code)}`), ['9 k8s/privileged-container']);

    writeFileSync(kustomization, 'resources: [deployment.yaml, debug.yaml]\n');
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: URI.file(kustomization).toString(), type: FileChangeType.Changed }] });
    const asManifest = await client.nextDiagnostics(patchUri);
    assert.ok(asManifest.diagnostics.length > 3, JSON.stringify(asManifest.diagnostics.map((d) => d.code)));
  });
});
