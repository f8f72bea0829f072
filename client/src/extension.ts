// The VS Code side: starts the manifestlint language server, forwards settings, and offers the
// workspace scan with a status bar summary and a findings view. All linting knowledge lives in the server.
import * as path from 'node:path';
import { commands, languages, StatusBarAlignment, Uri, ViewColumn, window, workspace, type ExtensionContext, type WebviewPanel } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { DOCKERFILE_NAME_PATTERNS } from '../../server/src/text/fileKinds';
import { ScanWorkspaceRequest, SERVER_EXEC_ARGV, SETTINGS_SECTION } from '../../server/src/lsp/protocol';
import { createFindingsView } from './findingsView';
import { publishedFindings } from './publishedFindings';
import { renderSummaryHtml, statusText, summarize } from './summary';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: SERVER_EXEC_ARGV } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Any scheme: the server lints a document's text, so files of a virtual workspace (`vscode-vfs:`) and
    // untitled editors are linted too, with the recommended rules when no team config on disk applies.
    documentSelector: [
      { language: 'yaml' },
      { language: 'helm' },
      { language: 'dockerfile' },
      // VS Code gives Compose files (compose.yaml, docker-compose.yml, …) a language of their own.
      { language: 'dockercompose' },
      { pattern: `**/{${DOCKERFILE_NAME_PATTERNS.join(',')}}` },
      // JSON team configs, so unsaved edits re-lint open documents as YAML configs do (configs are read from disk only).
      { scheme: 'file', pattern: '**/.manifestlint.json' },
    ],
    // Config files on disk: the server registers its own watchers (workspace/didChangeWatchedFiles), as with any client.
    // Granting workspace trust fires a settings change too: a restricted setting's workspace value then reaches the server.
    synchronize: { configurationSection: SETTINGS_SECTION },
  };
  client = new LanguageClient('manifestlint', 'manifestlint', serverOptions, clientOptions);

  const status = window.createStatusBarItem('manifestlint.status', StatusBarAlignment.Left, 10);
  status.name = 'manifestlint';
  status.command = 'manifestlint.showSummary';
  status.tooltip = 'manifestlint findings: click for a summary';
  let summaryPanel: WebviewPanel | undefined;
  const findingsView = createFindingsView(context.workspaceState);

  const refresh = () => {
    const findings = publishedFindings();
    findingsView.update(findings);
    const summary = summarize(findings);
    status.text = statusText(summary.total);
    status.show();
    if (summaryPanel) summaryPanel.webview.html = renderSummaryHtml(summary, summaryPanel.webview.cspSource);
  };

  context.subscriptions.push(
    status,
    findingsView,
    languages.onDidChangeDiagnostics(refresh),
    commands.registerCommand('manifestlint.scanWorkspace', async () => {
      if (!workspace.workspaceFolders?.some((folder) => folder.uri.scheme === 'file')) {
        void window.showInformationMessage('manifestlint: Scan Workspace needs a workspace folder on disk; open files are linted as you edit them.');
        return undefined;
      }
      const result = await client?.sendRequest(ScanWorkspaceRequest);
      if (result && !result.cancelled) void window.showInformationMessage(`manifestlint: scanned ${result.files} files, ${result.findings} findings.`);
      return result;
    }),
    commands.registerCommand('manifestlint.showSummary', () => {
      if (summaryPanel) summaryPanel.reveal();
      else {
        summaryPanel = window.createWebviewPanel('manifestlint.summary', 'manifestlint summary', ViewColumn.Active, { enableScripts: false });
        summaryPanel.onDidDispose(() => (summaryPanel = undefined));
      }
      refresh();
    }),
    // The walkthrough's sample: an untitled editor, so nothing is written to the user's workspace.
    commands.registerCommand('manifestlint.openSample', async () => {
      const sample = await workspace.fs.readFile(Uri.joinPath(context.extensionUri, 'walkthrough', 'sample-pod.yaml'));
      await window.showTextDocument(await workspace.openTextDocument({ language: 'yaml', content: new TextDecoder().decode(sample) }));
    }),
    commands.registerCommand('manifestlint.restartServer', async () => {
      await client?.restart();
      void window.showInformationMessage('manifestlint: language server restarted');
    }),
  );
  refresh();
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
