// A team config file changes what open documents show at once, without reopening them: when the file
// appears on disk (a `git pull`), and as it is typed in the editor, before it is saved.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { TEAM_DIR, TEAM_HOST_IPC, TEAM_POD_YAML, TEAM_PRIVILEGED } from './fixtures.js';
import { activateManifestlint, closeAllEditorsWithoutSaving, expectDiagnostics, openFixture, rangeOf, workspaceUri } from './support.js';

const CONFIG = `${TEAM_DIR}/.manifestlint.yaml`;

async function edit(document: vscode.TextDocument, change: (edit: vscode.WorkspaceEdit) => void): Promise<void> {
  const workspaceEdit = new vscode.WorkspaceEdit();
  change(workspaceEdit);
  assert.ok(await vscode.workspace.applyEdit(workspaceEdit), `edit applied to ${vscode.workspace.asRelativePath(document.uri)}`);
}

suite('team config re-lints open documents', () => {
  suiteSetup(activateManifestlint);
  teardown(async () => {
    await closeAllEditorsWithoutSaving();
    await vscode.workspace.fs.delete(workspaceUri(CONFIG)).then(undefined, () => undefined);
  });

  test('a config written to disk and then edited in the editor applies to an open manifest', async () => {
    const pod = workspaceUri(TEAM_POD_YAML);
    await openFixture(TEAM_POD_YAML);
    await expectDiagnostics(pod, [TEAM_HOST_IPC, TEAM_PRIVILEGED]);

    await vscode.workspace.fs.writeFile(workspaceUri(CONFIG), Buffer.from('rules:\n  k8s/privileged-container: "off"\n'));
    await expectDiagnostics(pod, [TEAM_HOST_IPC]);

    // Typed into the open config, not saved: the manifest follows each edit.
    const config = (await openFixture(CONFIG)).document;
    await edit(config, (change) => change.insert(config.uri, config.positionAt(config.getText().length), '  k8s/host-ipc: warning\n'));
    await expectDiagnostics(pod, [{ ...TEAM_HOST_IPC, severity: 'warning' }]);

    await edit(config, (change) => change.delete(config.uri, rangeOf(config, '  k8s/privileged-container: "off"\n')));
    await expectDiagnostics(pod, [{ ...TEAM_HOST_IPC, severity: 'warning' }, TEAM_PRIVILEGED]);
  });
});
