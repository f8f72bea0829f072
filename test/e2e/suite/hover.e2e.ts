// Hovers as VS Code shows them: on a finding, its rule's title, why it matters, how to fix it and a
// link to its page; on a workload's `kind:`, the Pod Security level it meets.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ON_OPEN, PRIVILEGED_YAML, WEB_PRIVILEGED } from './fixtures.js';
import { activateManifestlint, closeAllEditorsWithoutSaving, expectDiagnostics, openFixture, rangeOf, workspaceUri } from './support.js';

/** The Markdown of every hover VS Code's providers give at a position (ours and any other extension's). */
async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n\n');
}

suite('hover', () => {
  suiteSetup(activateManifestlint);
  teardown(closeAllEditorsWithoutSaving);

  test("a finding's hover gives its rule's title, why, how to fix and its page", async () => {
    const editor = await openFixture(PRIVILEGED_YAML);
    const uri = workspaceUri(PRIVILEGED_YAML);
    await expectDiagnostics(uri, ON_OPEN[PRIVILEGED_YAML]);
    const [line, column] = WEB_PRIVILEGED.range.split(/[:-]/).map(Number);
    const text = await hoverText(uri, new vscode.Position(line - 1, column));
    assert.match(text, /\*\*Privileged container\*\* · `k8s\/privileged-container`/);
    assert.match(text, /\*\*How to fix:\*\*/);
    assert.match(text, /\[Rule documentation\]\(https:\/\/[^)]+\/docs\/rules\/k8s\/privileged-container\.md\)/);
    // And on the Deployment's kind, the level its pod template meets.
    const kind = rangeOf(editor.document, 'Deployment');
    assert.match(await hoverText(uri, kind.start.translate(0, 1)), /\*\*Pod Security: privileged\*\*/);
  });
});
