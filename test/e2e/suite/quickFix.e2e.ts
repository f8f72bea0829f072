// Quick fixes as the lightbulb offers them (vscode.executeCodeActionProvider), applied through the
// workspace edit API: the finding goes away and the file says what the fix's title promised.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DEBUG_HOST_PID, PRIVILEGED_YAML, WEB_ESCALATION, WEB_PRIVILEGED } from './fixtures.js';
import { activateManifestlint, applyCodeAction, closeAllEditorsWithoutSaving, codeActionsAt, expectDiagnostics, manifestlintDiagnostics, openFixture, ruleIdOf, workspaceUri } from './support.js';

async function quickFixFor(uri: vscode.Uri, ruleId: string, title: string): Promise<vscode.CodeAction> {
  const diagnostic = manifestlintDiagnostics(uri).find((candidate) => ruleIdOf(candidate) === ruleId);
  assert.ok(diagnostic, `${ruleId} is reported`);
  const actions = await codeActionsAt(uri, diagnostic.range, vscode.CodeActionKind.QuickFix);
  const action = actions.find((candidate) => candidate.title === title);
  assert.ok(action, `"${title}" is offered; offered: ${JSON.stringify(actions.map((candidate) => candidate.title))}`);
  return action;
}

suite('quick fixes', () => {
  suiteSetup(activateManifestlint);
  teardown(closeAllEditorsWithoutSaving);

  test('"Set privileged: false" is the preferred fix and clears the finding', async () => {
    const uri = workspaceUri(PRIVILEGED_YAML);
    const editor = await openFixture(PRIVILEGED_YAML);
    await expectDiagnostics(uri, [WEB_PRIVILEGED, DEBUG_HOST_PID]);

    const fix = await quickFixFor(uri, WEB_PRIVILEGED.code, 'Set privileged: false');
    assert.equal(fix.isPreferred, true);
    await applyCodeAction(fix);
    assert.equal(editor.document.lineAt(19).text, '            privileged: false');
    await expectDiagnostics(uri, [WEB_ESCALATION, DEBUG_HOST_PID]);
  });

  test('"Disable … for this line" silences only that finding with a comment', async () => {
    const uri = workspaceUri(PRIVILEGED_YAML);
    const editor = await openFixture(PRIVILEGED_YAML);
    await expectDiagnostics(uri, [WEB_PRIVILEGED, DEBUG_HOST_PID]);

    await applyCodeAction(await quickFixFor(uri, WEB_PRIVILEGED.code, `Disable ${WEB_PRIVILEGED.code} for this line`));
    assert.match(editor.document.lineAt(19).text, new RegExp(`^ {12}# manifestlint-disable-next-line ${WEB_PRIVILEGED.code}\\b`));
    assert.equal(editor.document.lineAt(20).text, '            privileged: true');
    await expectDiagnostics(uri, [{ ...DEBUG_HOST_PID, range: '31:3-31:16' }]);
  });
});
