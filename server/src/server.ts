// The language server shell: wires LSP events to the pure engine. Started by the VS Code client over
// IPC, or by any other LSP client with `--stdio`. Knowledge lives in the engine, not here.
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  MessageType,
  ProposedFeatures,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeResult,
} from 'vscode-languageserver/node';
import type { LintResult } from './engine/lint.js';
import { CODE_ACTION_KINDS, codeActions, codeActionUri, resolveCodeAction, type LintedDocument } from './lsp/codeActions.js';
import type { HelmHint } from './engine/types.js';
import { helmHintFor } from './scan/scan.js';
import { CONFIG_FILE_WATCHERS, WorkspaceConfigService } from './lsp/configService.js';
import { DEFAULT_SETTINGS, toDocumentSettings, type DocumentSettings } from './lsp/settings.js';
import { validateText } from './lsp/validate.js';
import { SCAN_WORKSPACE_REQUEST, WorkspaceScanner } from './lsp/workspaceScan.js';
import { URI } from 'vscode-uri';
import { YamlDocumentCache } from './yaml/documentCache.js';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const configs = new WorkspaceConfigService({
  publish: (uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics }),
  // A notification, not a request: nothing to await, and no client can fail it.
  warn: (message) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message }),
});

/** The last lint of each open document, by version: code actions resolve findings against it. */
const lintCache = new Map<string, { version: number; result: LintResult }>();
const settingsCache = new Map<string, Promise<DocumentSettings>>();
/** Per open document: a keystroke re-parses only the YAML document it touched. */
const yamlCaches = new Map<string, YamlDocumentCache>();
let clientHasConfiguration = false;
let clientCanWatchFiles = false;
const scanner = new WorkspaceScanner(connection, documents);
let initialRoots: string[] = [];
let clientHasWorkspaceFolders = false;

connection.onInitialize((params): InitializeResult => {
  clientHasConfiguration = Boolean(params.capabilities.workspace?.configuration);
  clientCanWatchFiles = Boolean(params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration);
  initialRoots = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri }] : [])).map((folder) => URI.parse(folder.uri).fsPath);
  clientHasWorkspaceFolders = Boolean(params.capabilities.workspace?.workspaceFolders);
  configs.setWorkspaceFolders(params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []));
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: true },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'manifestlint' },
  };
});

connection.onInitialized(() => {
  if (clientHasConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'manifestlint' });
  // Every client (VS Code, Neovim, Helix, …) tells us about team-config files changed on disk: a
  // `git pull` that changes the policy re-lints open documents without a reload.
  if (clientCanWatchFiles) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: CONFIG_FILE_WATCHERS });
  if (clientHasWorkspaceFolders) {
    connection.workspace.onDidChangeWorkspaceFolders(async () => {
      const folders = (await connection.workspace.getWorkspaceFolders()) ?? [];
      onConfigChange(() => configs.setWorkspaceFolders(folders.map((folder) => folder.uri)));
    });
  }
});

function settingsFor(uri: string): Promise<DocumentSettings> {
  if (!clientHasConfiguration) return Promise.resolve(DEFAULT_SETTINGS);
  let settings = settingsCache.get(uri);
  if (!settings) {
    settings = connection.workspace.getConfiguration({ scopeUri: uri, section: 'manifestlint' }).then(toDocumentSettings, () => DEFAULT_SETTINGS);
    settingsCache.set(uri, settings);
  }
  return settings;
}

async function validate(document: TextDocument): Promise<void> {
  const settings = await settingsFor(document.uri);
  if (!documents.get(document.uri)) return; // closed while settings were fetched
  if (configs.isConfigDocument(document.uri)) return; // the config service publishes config problems
  if (!settings.enable) {
    lintCache.delete(document.uri);
    await connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: [] });
    return;
  }
  const { uri, version } = document;
  const config = configs.configFor(uri, settings.configFile);
  const yamlCache = yamlCaches.get(uri) ?? yamlCaches.set(uri, new YamlDocumentCache()).get(uri);
  const { result, diagnostics, error } = validateText(document.getText(), version, { uri, languageId: document.languageId, config, helm: helmHint(uri), yamlCache });
  if (result) lintCache.set(uri, { version, result });
  else lintCache.delete(uri);
  // One bad document must not take the server down: it gets one diagnostic saying so, and we go on.
  if (error) connection.console.error(`manifestlint failed on ${uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  await connection.sendDiagnostics({ uri, version, diagnostics });
}

/** Which chart templates read which values, for an open values.yaml: read from disk once per open. */
const helmHints = new Map<string, HelmHint | undefined>();
function helmHint(uri: string): HelmHint | undefined {
  if (!helmHints.has(uri)) helmHints.set(uri, URI.parse(uri).scheme === 'file' ? helmHintFor(URI.parse(uri).fsPath) : undefined);
  return helmHints.get(uri);
}

/** Config edits (saved or not) re-lint every open document at once, whatever `run` says. */
function onConfigChange(apply: () => void): void {
  apply();
  for (const document of documents.all()) void validate(document);
}

// Fires on open too: a document not linted yet is linted whatever `run` says.
documents.onDidChangeContent(({ document }) => {
  if (configs.isConfigDocument(document.uri)) return onConfigChange(() => configs.configDocumentChanged(document.uri, document.getText(), document.version));
  void settingsFor(document.uri).then((settings) => {
    return settings.run === 'onType' || !lintCache.has(document.uri) ? validate(document) : undefined;
  });
});
documents.onDidSave(({ document }) => void validate(document));
documents.onDidClose(({ document }) => {
  lintCache.delete(document.uri);
  settingsCache.delete(document.uri);
  helmHints.delete(document.uri);
  yamlCaches.delete(document.uri);
  if (configs.isConfigDocument(document.uri)) return onConfigChange(() => configs.configDocumentClosed(document.uri));
  void connection.sendDiagnostics({ uri: document.uri, diagnostics: scanner.diagnosticsAfterClose(document.uri) });
});

connection.onRequest(SCAN_WORKSPACE_REQUEST, async () => {
  const folders = (await connection.workspace.getWorkspaceFolders().catch(() => null))?.map((f) => URI.parse(f.uri).fsPath) ?? initialRoots;
  const specs = await Promise.all(folders.map(async (root) => ({ root, configFile: (await settingsFor(URI.file(root).toString())).configFile || undefined })));
  return scanner.scan(specs, (root) => filesExclude(root));
});

/** The user's `files.exclude` globs that are switched on, for a workspace folder. */
async function filesExclude(root: string): Promise<string[]> {
  if (!clientHasConfiguration) return [];
  const exclude: unknown = await connection.workspace.getConfiguration({ scopeUri: URI.file(root).toString(), section: 'files.exclude' }).catch(() => ({}));
  return Object.entries(exclude && typeof exclude === 'object' ? exclude : {}).flatMap(([glob, on]) => (on === true ? [glob] : []));
}
connection.onDidChangeWatchedFiles(() => onConfigChange(() => configs.filesChanged()));

/** The cached lint of a document when it is of the version the editor holds now (code actions need that). */
function lintedDocument(uri: string): LintedDocument | undefined {
  const document = documents.get(uri);
  const cached = lintCache.get(uri);
  return document && cached?.version === document.version ? { uri, version: document.version, text: document.getText(), result: cached.result } : undefined;
}

connection.onCodeAction((params) => {
  const linted = lintedDocument(params.textDocument.uri);
  return linted ? codeActions(linted, params) : [];
});
connection.onCodeActionResolve((action) => {
  const uri = codeActionUri(action);
  const linted = uri === undefined ? undefined : lintedDocument(uri);
  return linted ? resolveCodeAction(action, linted) : action;
});

connection.onDidChangeConfiguration(() => {
  settingsCache.clear();
  for (const document of documents.all()) void validate(document);
});

documents.listen(connection);
connection.listen();
