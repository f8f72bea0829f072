// The language server shell: wires LSP events to the pure engine. Started by the VS Code client over
// IPC, or by any other LSP client with `--stdio`. Knowledge lives in the engine and in lsp/, not here.
import { posix } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionRequest,
  CodeActionResolveRequest,
  CodeLensRequest,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  HoverRequest,
  MessageType,
  ProposedFeatures,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { CODE_ACTION_KINDS, codeActions, codeActionUri, resolveCodeAction } from './lsp/codeActions.js';
import { isCodeLensParams, podSecurityLenses } from './lsp/codeLenses.js';
import { CONFIG_FILE_WATCHERS, WorkspaceConfigService } from './lsp/configService.js';
import { DocumentLinter } from './lsp/documentLinter.js';
import { BASELINE_FILE_WATCHER, EditorBaselines } from './lsp/editorBaseline.js';
import { EditorFindings } from './lsp/editorFindings.js';
import { hover, isHoverParams } from './lsp/hover.js';
import { checkedDocumentEvents } from './lsp/documentSync.js';
import { LintScheduler } from './lsp/lintScheduler.js';
import { OpenDocuments } from './lsp/openDocuments.js';
import { anyParams, isCodeAction, isCodeActionParams } from './lsp/params.js';
import { ScanWorkspaceRequest, SETTINGS_SECTION } from './lsp/protocol.js';
import { RequestGate } from './lsp/requestGate.js';
import { DEFAULT_SETTINGS, toDocumentSettings, type DocumentSettings } from './lsp/settings.js';
import { scannableRoots, WorkspaceScanner } from './lsp/workspaceScan.js';
import { helmHintFor } from './helm/chart.js';
import { isKustomizationFileName, KUSTOMIZATION_FILE_NAMES } from './k8s/kustomize.js';
import { forgetKustomizations, kustomizeHintFor } from './scan/kustomizeHint.js';
import { BUILD_CONTEXT_GLOBS, touchesBuildContext } from './dockerfile/buildContext.js';
import { readBuildContext } from './dockerfile/buildContextFiles.js';
import { languageOf } from './text/fileKinds.js';
import { hasWorkspaceRules } from './linter/workspace.js';
import { WORKSPACE_FILE_GLOBS, WorkspaceIndex } from './lsp/workspaceIndex.js';
import { isConfigFileName } from './config/configFile.js';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const requests = new RequestGate(connection);
const configs = new WorkspaceConfigService({
  publish: (uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics }),
  // A notification, not a request: nothing to await, and no client can fail it.
  warn: (message) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message }),
});
const open = new OpenDocuments({
  settings: settingsFor,
  // Only a values file on disk has chart templates beside it; other URIs are never read from disk.
  helmHint: (uri) => (URI.parse(uri).scheme === 'file' ? helmHintFor(URI.parse(uri).fsPath) : undefined),
  kustomizeHint: (uri) => (URI.parse(uri).scheme === 'file' ? kustomizeHintFor(URI.parse(uri).fsPath) : undefined),
  // A Dockerfile on disk: its folder is the build context .dockerignore filters.
  buildContext: (uri) => {
    const { scheme, fsPath } = URI.parse(uri);
    return scheme === 'file' && languageOf(fsPath, documents.get(uri)?.languageId) === 'dockerfile' ? readBuildContext(fsPath) : undefined;
  },
});
const baselines = new EditorBaselines((message) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message }));
const editorFindings = new EditorFindings((uri) => baselines.forFile(uri));
const workspace = new WorkspaceIndex({
  configFor: (path) => configs.quietConfigFor(path),
  nameOf: (path) => configs.displayPath(path),
  relint: (uris) => {
    for (const uri of uris) lints.schedule(uri, true);
  },
});
const linter = new DocumentLinter({ documents, open, configs, workspace, findings: editorFindings, publish: (params) => connection.sendDiagnostics(params), logError: (message) => connection.console.error(message) });
const lints = new LintScheduler(
  (uri, force) => linter.lint(uri, force),
  (uri) => open.peek(uri)?.lintMs ?? 0,
);
const scanner = new WorkspaceScanner(connection, documents, (uri) => baselines.forFile(uri), (path) => configs.displayPath(path));
let clientHasConfiguration = false;
let clientRegistersConfiguration = false;
let clientCanWatchFiles = false;
let clientHasWorkspaceFolders = false;
let initialFolders: string[] = [];

connection.onInitialize((params): InitializeResult => {
  clientHasConfiguration = Boolean(params.capabilities.workspace?.configuration);
  clientRegistersConfiguration = Boolean(params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration);
  clientCanWatchFiles = Boolean(params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration);
  clientHasWorkspaceFolders = Boolean(params.capabilities.workspace?.workspaceFolders);
  initialFolders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
  configs.setWorkspaceFolders(initialFolders);
  baselines.setWorkspaceFolders(initialFolders);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: true },
      codeLensProvider: { resolveProvider: false },
      hoverProvider: true,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'manifestlint' },
  };
});

/** A registration the client refuses leaves the server working without it (and must not crash it). */
function register(registration: Promise<unknown>, what: string): void {
  registration.catch((error: unknown) => connection.console.warn(`manifestlint: the client refused to ${what}: ${error instanceof Error ? error.message : String(error)}`));
}

connection.onInitialized(() => {
  if (clientRegistersConfiguration) register(connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }), 'notify settings changes');
  // Every client (VS Code, Neovim, Helix, …) tells us about team-config files changed on disk: a
  // `git pull` that changes the policy re-lints open documents without a reload.
  // Kustomizations too: which files they name as patches decides how those files are linted.
  // And .dockerignore files and secret-looking files: they decide what a Dockerfile's COPY . sends.
  // And every manifest and Dockerfile, for the workspace rules' index.
  const globs = [`**/{${KUSTOMIZATION_FILE_NAMES.join(',')}}`, ...BUILD_CONTEXT_GLOBS, ...(hasWorkspaceRules ? WORKSPACE_FILE_GLOBS : [])];
  const watchers = [...CONFIG_FILE_WATCHERS, BASELINE_FILE_WATCHER, ...globs.map((globPattern) => ({ globPattern }))];
  if (clientCanWatchFiles) register(connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }), 'watch config and kustomization files');
  if (hasWorkspaceRules) void workspace.indexFolders(initialFolders);
  if (clientHasWorkspaceFolders) {
    connection.workspace.onDidChangeWorkspaceFolders(async () => {
      const folders = await connection.workspace.getWorkspaceFolders().catch(() => undefined);
      const uris = (folders ?? []).map((folder) => folder.uri);
      if (folders !== undefined)
        onConfigChange(() => {
          configs.setWorkspaceFolders(uris);
          baselines.setWorkspaceFolders(uris);
          if (hasWorkspaceRules) void workspace.indexFolders(uris);
        });
    });
  }
});

function settingsFor(uri: string): Promise<DocumentSettings> {
  if (!clientHasConfiguration) return Promise.resolve(DEFAULT_SETTINGS);
  return connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }).then(toDocumentSettings, () => DEFAULT_SETTINGS);
}

/** Config and settings changes re-lint every open document, whatever `run` says. */
function relintAll(): void {
  for (const document of documents.all()) lints.schedule(document.uri, true);
}

function onConfigChange(apply: () => void): void {
  apply();
  relintAll();
}

// Fires on open too: a document not linted yet is linted whatever `run` says.
documents.onDidChangeContent(({ document }) => {
  if (configs.isConfigDocument(document.uri)) return onConfigChange(() => configs.configDocumentChanged(document.uri, document.getText(), document.version));
  lints.schedule(document.uri);
});
documents.onDidSave(({ document }) => {
  // A client that cannot watch files: saving the Dockerfile reads its build context again.
  open.peek(document.uri)?.forgetBuildContext();
  // A client that cannot watch files still tells us when a kustomization is saved in the editor.
  if (isKustomizationFileName(document.uri)) return onConfigChange(kustomizationsChanged);
  lints.schedule(document.uri, true);
});
documents.onDidClose(({ document }) => {
  lints.cancel(document.uri);
  open.close(document.uri);
  workspace.documentClosed(document.uri);
  if (configs.isConfigDocument(document.uri)) return onConfigChange(() => configs.configDocumentClosed(document.uri));
  void connection.sendDiagnostics({ uri: document.uri, diagnostics: scanner.diagnosticsAfterClose(document.uri, workspace.findingsOf(document.uri)) });
});
connection.onDidChangeWatchedFiles(({ changes: all }) => {
  // Manifests and Dockerfiles changed on disk feed the workspace rules' index, and nothing else.
  const changes = all.filter((change) => !isWorkspaceFileChange(change.uri));
  for (const change of all) if (isWorkspaceFileChange(change.uri)) workspace.fileChanged(change.uri, change.type === FileChangeType.Deleted);
  if (all.length > 0 && changes.length === 0) return;
  const inBuildContext = changes.filter((change) => touchesBuildContext(posix.basename(URI.parse(change.uri).path)));
  // A .dockerignore or a .env changed: only the open Dockerfiles are linted again.
  if (inBuildContext.length > 0) for (const uri of open.forgetBuildContexts()) lints.schedule(uri, true);
  if (changes.length > 0 && inBuildContext.length === changes.length) return;
  onConfigChange(() => {
    configs.filesChanged();
    baselines.forget();
    kustomizationsChanged();
  });
});

/** A manifest or Dockerfile that is neither a team config nor a kustomization: only the workspace index cares. */
function isWorkspaceFileChange(uri: string): boolean {
  const { scheme, fsPath } = URI.parse(uri);
  return scheme === 'file' && languageOf(fsPath) !== undefined && !isConfigFileName(fsPath) && !isKustomizationFileName(fsPath) && !configs.isConfigDocument(uri);
}

function kustomizationsChanged(): void {
  forgetKustomizations();
  open.forgetKustomizeHints();
}
connection.onDidChangeConfiguration(() => {
  open.forgetSettings();
  relintAll();
});

requests.handle(CodeActionRequest.type, isCodeActionParams, async (params) => {
  // A lint still due (changes just typed, fix-all on save) runs now: actions belong to the current text.
  await lints.flush(params.textDocument.uri);
  const linted = linter.linted(params.textDocument.uri);
  return linted ? codeActions(linted, params) : [];
});
requests.handle(CodeActionResolveRequest.type, isCodeAction, (action) => {
  const uri = codeActionUri(action);
  const linted = uri === undefined ? undefined : linter.linted(uri);
  return linted ? resolveCodeAction(action, linted) : action;
});
requests.handle(CodeLensRequest.type, isCodeLensParams, async (params) => {
  await lints.flush(params.textDocument.uri);
  const linted = linter.linted(params.textDocument.uri);
  return linted ? podSecurityLenses(linted) : [];
});
requests.handle(HoverRequest.type, isHoverParams, async (params) => {
  await lints.flush(params.textDocument.uri);
  const linted = linter.linted(params.textDocument.uri);
  const settings = await open.peek(params.textDocument.uri)?.settings();
  return linted && settings ? hover(linted, params.position, editorFindings.shown(linted, settings)) : null;
});
requests.handle(ScanWorkspaceRequest, anyParams, async (_params, token) => {
  const folders = (await connection.workspace.getWorkspaceFolders().catch(() => null))?.map((folder) => folder.uri) ?? initialFolders;
  const scanFolders = await Promise.all(
    scannableRoots(folders).map(async (root) => {
      const settings = await settingsFor(URI.file(root).toString());
      return { spec: { root, configFile: settings.configFile || undefined }, settings };
    }),
  );
  return scanner.scan(scanFolders, filesExclude, token);
});

/** The user's `files.exclude` globs that are switched on, for a workspace folder. */
async function filesExclude(root: string): Promise<string[]> {
  if (!clientHasConfiguration) return [];
  const exclude: unknown = await connection.workspace.getConfiguration({ scopeUri: URI.file(root).toString(), section: 'files.exclude' }).catch(() => ({}));
  return Object.entries(exclude && typeof exclude === 'object' ? exclude : {}).flatMap(([glob, on]) => (on === true ? [glob] : []));
}

connection.onShutdown(() => {
  if (requests.isShutDown) return requests.refusal('shutdown');
  requests.shutdown();
  lints.stop();
  scanner.cancel();
  return undefined;
});

documents.listen(checkedDocumentEvents(connection, (uri) => documents.get(uri)?.version, (message) => connection.console.warn(message)));
connection.listen();
