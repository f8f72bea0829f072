// Shared helpers of the end-to-end suite: fixtures of the test workspace, manifestlint's diagnostics in
// a comparable shape, and waiting for the language server without fixed sleeps.
import * as assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import * as vscode from 'vscode';

const EXTENSION_ID = 'manifestlint.manifestlint';
const SOURCE = 'manifestlint';
const WAIT_MS = 15_000;

/** A diagnostic as a user reads it: rule id, 1-based `line:col-endLine:endCol`, severity, message. */
export interface Seen {
  code: string;
  range: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
  message: string;
}

const SEVERITY_NAMES: Record<vscode.DiagnosticSeverity, Seen['severity']> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'info',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

export function workspaceUri(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the e2e workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, relativePath);
}

/** Checks manifestlint is installed in this VS Code and waits for it to be active (opening a fixture would activate it too). */
export async function activateManifestlint(): Promise<void> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed in this VS Code`);
  await extension.activate();
}

export async function openFixture(relativePath: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(relativePath));
  return vscode.window.showTextDocument(document);
}

export function ruleIdOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === 'object' ? code.value : code);
}

export function manifestlintDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === SOURCE);
}

export function seen(diagnostic: vscode.Diagnostic): Seen {
  const { start, end } = diagnostic.range;
  return {
    code: ruleIdOf(diagnostic),
    range: `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1}`,
    severity: SEVERITY_NAMES[diagnostic.severity],
    message: diagnostic.message,
  };
}

/** What manifestlint currently shows for a file, in document order. */
export function seenIn(uri: vscode.Uri): Seen[] {
  return manifestlintDiagnostics(uri)
    .sort((a, b) => a.range.start.compareTo(b.range.start))
    .map(seen);
}

/** Polls `probe` until it returns a value (not undefined); fails with `what` and the last diagnostics seen. */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until the file's manifestlint diagnostics equal `expected` exactly; on timeout, shows the difference. */
export async function expectDiagnostics(uri: vscode.Uri, expected: readonly Seen[], timeoutMs = WAIT_MS): Promise<void> {
  try {
    await waitFor(`diagnostics of ${vscode.workspace.asRelativePath(uri)}`, () => (isDeepStrictEqual(seenIn(uri), expected) ? true : undefined), timeoutMs);
  } catch (error) {
    assert.deepEqual(seenIn(uri), expected, error instanceof Error ? error.message : String(error));
  }
}

/** The range of the first occurrence of `text` in the document, e.g. to select what to type over. */
export function rangeOf(document: vscode.TextDocument, text: string): vscode.Range {
  const offset = document.getText().indexOf(text);
  assert.ok(offset >= 0, `${JSON.stringify(text)} occurs in ${vscode.workspace.asRelativePath(document.uri)}`);
  return new vscode.Range(document.positionAt(offset), document.positionAt(offset + text.length));
}

/** Closes every editor without saving, so each test starts from the fixtures as committed. */
export async function closeAllEditorsWithoutSaving(): Promise<void> {
  for (const document of vscode.workspace.textDocuments) {
    if (document.isDirty) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** The code actions VS Code's providers offer for a range, edits resolved (as the lightbulb menu does on pick). */
export async function codeActionsAt(uri: vscode.Uri, range: vscode.Range, kind: vscode.CodeActionKind): Promise<vscode.CodeAction[]> {
  const resolveUpTo = 50;
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind.value, resolveUpTo);
  return actions ?? [];
}

/** Applies a code action the way the editor does: its edit, then its command. */
export async function applyCodeAction(action: vscode.CodeAction): Promise<void> {
  assert.ok(action.edit || action.command, `"${action.title}" has an edit or a command`);
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `"${action.title}" edit applied`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}
