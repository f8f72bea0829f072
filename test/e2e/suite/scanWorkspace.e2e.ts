// The Scan Workspace command reports files nobody opened, in the Problems panel (VS Code's diagnostics).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { UNOPENED_HOST_NETWORK, UNOPENED_YAML } from './fixtures.js';
import { activateManifestlint, closeAllEditorsWithoutSaving, expectDiagnostics, workspaceUri } from './support.js';

interface ScanResult {
  files: number;
  findings: number;
  cancelled: boolean;
}

suite('scan workspace', () => {
  suiteSetup(activateManifestlint);
  teardown(closeAllEditorsWithoutSaving);

  test('manifestlint.scanWorkspace reports a file that was never opened', async () => {
    const unopened = workspaceUri(UNOPENED_YAML);
    assert.ok(!vscode.workspace.textDocuments.some((document) => document.uri.toString() === unopened.toString()), `${UNOPENED_YAML} is not open`);
    await expectDiagnostics(unopened, []);

    const result = await vscode.commands.executeCommand<ScanResult>('manifestlint.scanWorkspace');
    assert.equal(result.cancelled, false);
    assert.ok(result.files >= 4, `scanned the fixture workspace's manifests (${result.files} files)`);
    await expectDiagnostics(unopened, [UNOPENED_HOST_NETWORK]);
    assert.ok(!vscode.workspace.textDocuments.some((document) => document.uri.toString() === unopened.toString()), 'the scan did not open it');
  });
});
