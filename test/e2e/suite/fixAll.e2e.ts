// Fix-all (`source.fixAll.manifestlint`, what editor.codeActionsOnSave runs): one action, one edit,
// every fixable finding gone, the rest of the file untouched.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FIX_ALL_YAML, ON_OPEN } from './fixtures.js';
import { activateManifestlint, applyCodeAction, closeAllEditorsWithoutSaving, codeActionsAt, expectDiagnostics, openFixture, workspaceUri } from './support.js';

const FIX_ALL = vscode.CodeActionKind.SourceFixAll.append('manifestlint');

suite('fix all', () => {
  suiteSetup(activateManifestlint);
  teardown(closeAllEditorsWithoutSaving);

  test('source.fixAll.manifestlint fixes every finding of the file in one edit', async () => {
    const uri = workspaceUri(FIX_ALL_YAML);
    const document = (await openFixture(FIX_ALL_YAML)).document;
    const before = document.getText().split('\n');
    await expectDiagnostics(uri, ON_OPEN[FIX_ALL_YAML]);

    const whole = new vscode.Range(0, 0, document.lineCount, 0);
    const actions = await codeActionsAt(uri, whole, FIX_ALL);
    assert.deepEqual(actions.map((action) => action.kind?.value), [FIX_ALL.value], 'exactly one fix-all action');
    await applyCodeAction(actions[0]);
    await expectDiagnostics(uri, []);

    const after = document.getText().split('\n');
    assert.ok(!after.some((line) => /hostNetwork|hostIPC/.test(line)), 'host namespaces removed');
    assert.ok(after.includes('            allowPrivilegeEscalation: false'));
    assert.ok(after.includes('            readOnlyRootFilesystem: true'));
    const untouched = before.filter((line) => !/hostNetwork|hostIPC|allowPrivilegeEscalation|readOnlyRootFilesystem/.test(line));
    assert.deepEqual(after.filter((line) => !/allowPrivilegeEscalation|readOnlyRootFilesystem/.test(line)), untouched, 'no other line changed');
  });
});
