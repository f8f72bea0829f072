// The keystroke loop: typing over `privileged: true` re-lints at once (the privileged finding goes, the
// escalation finding it masked appears), undo brings the original findings back.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DEBUG_HOST_PID, PRIVILEGED_YAML, WEB_ESCALATION, WEB_PRIVILEGED } from './fixtures.js';
import { activateManifestlint, closeAllEditorsWithoutSaving, expectDiagnostics, openFixture, rangeOf, workspaceUri } from './support.js';

suite('diagnostics follow typing', () => {
  suiteSetup(activateManifestlint);
  teardown(closeAllEditorsWithoutSaving);

  test('typing false over privileged: true replaces the finding; undo restores it', async () => {
    const uri = workspaceUri(PRIVILEGED_YAML);
    const editor = await openFixture(PRIVILEGED_YAML);
    await expectDiagnostics(uri, [WEB_PRIVILEGED, DEBUG_HOST_PID]);

    const setting = rangeOf(editor.document, 'privileged: true');
    editor.selection = new vscode.Selection(setting.start.translate(0, 'privileged: '.length), setting.end);
    await vscode.commands.executeCommand('type', { text: 'false' });
    assert.equal(editor.document.lineAt(setting.start.line).text.trim(), 'privileged: false');
    await expectDiagnostics(uri, [WEB_ESCALATION, DEBUG_HOST_PID]);

    await vscode.commands.executeCommand('undo');
    await expectDiagnostics(uri, [WEB_PRIVILEGED, DEBUG_HOST_PID]);
  });
});
