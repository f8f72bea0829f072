// The VS Code side: starts the manifestlint language server, forwards settings, and offers the
// workspace scan with a status bar summary. All linting knowledge lives in the server.
import * as path from 'node:path';
import { commands, DiagnosticSeverity, languages, StatusBarAlignment, ViewColumn, window, workspace, type ExtensionContext, type WebviewPanel } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { DOCKERFILE_NAME_PATTERNS } from '../../server/src/engine/fileKinds';
import { SERVER_EXEC_ARGV } from '../../server/src/lsp/serverProcess';
import { renderSummaryHtml, statusText, summarize, type SummaryEntry, type SummarySeverity } from './summary';

const SCAN_WORKSPACE_REQUEST = 'manifestlint/scanWorkspace';
const SEVERITY: Partial<Record<DiagnosticSeverity, SummarySeverity>> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info',
};

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: SERVER_EXEC_ARGV } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'yaml' },
      { language: 'helm' },
      { language: 'dockerfile' },
      { scheme: 'file', pattern: `**/{${DOCKERFILE_NAME_PATTERNS.join(',')}}` },
      // JSON team configs, so unsaved edits re-lint open documents as YAML configs do.
      { scheme: 'file', pattern: '**/.manifestlint.json' },
    ],
    // Config files on disk: the server registers its own watchers (workspace/didChangeWatchedFiles), as with any client.
    synchronize: { configurationSection: 'manifestlint' },
  };
  client = new LanguageClient('manifestlint', 'manifestlint', serverOptions, clientOptions);

  const status = window.createStatusBarItem('manifestlint.status', StatusBarAlignment.Left, 10);
  status.name = 'manifestlint';
  status.command = 'manifestlint.showSummary';
  status.tooltip = 'manifestlint findings: click for a summary';
  let summaryPanel: WebviewPanel | undefined;

  /** Every manifestlint diagnostic VS Code holds: open files and the last workspace scan. */
  const entries = (): SummaryEntry[] =>
    languages.getDiagnostics().flatMap(([uri, diagnostics]) =>
      diagnostics.flatMap((d) => {
        const severity = SEVERITY[d.severity];
        return d.source === 'manifestlint' && severity ? [{ file: workspace.asRelativePath(uri), severity, rule: String(typeof d.code === 'object' ? d.code.value : d.code) }] : [];
      }),
    );
  const refresh = () => {
    const summary = summarize(entries());
    status.text = statusText(summary.total);
    status.show();
    if (summaryPanel) summaryPanel.webview.html = renderSummaryHtml(summary, summaryPanel.webview.cspSource);
  };

  context.subscriptions.push(
    status,
    languages.onDidChangeDiagnostics(refresh),
    commands.registerCommand('manifestlint.scanWorkspace', async () => {
      const result = await client?.sendRequest<{ files: number; findings: number; cancelled: boolean }>(SCAN_WORKSPACE_REQUEST);
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
