// Protocol test: the built server applies the workspace's team config, shows config problems in the
// config file, and re-lints open documents at once when the config changes (edited or on disk).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import {
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  FileChangeType,
  RegistrationRequest,
  type Registration,
  ShowMessageNotification,
  type PublishDiagnosticsParams,
  type ShowMessageParams,
} from 'vscode-languageserver-protocol/node';
import { TestLspClient } from '../support/lspClient.js';
import { tempWorkspace, type TempWorkspace } from './tempWorkspace.js';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostPID: true\n  containers:\n    - name: web\n      securityContext:\n        privileged: true\n';
const CONFIG = 'extends: []\nrules:\n  k8s/privileged-container: error\n';

const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => `${d.code}:${d.severity}`).sort();
const same = (expected: string[]) => (p: PublishDiagnosticsParams) => JSON.stringify(codes(p)) === JSON.stringify(expected);

describe('team config in the language server', () => {
  let ws: TempWorkspace;
  let client: TestLspClient;
  let podUri: string;
  let configUri: string;
  const warnings: string[] = [];
  let watchRegistration: Promise<Registration>;

  before(async () => {
    const build = spawnSync(process.execPath, ['esbuild.mjs'], { encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
    ws = tempWorkspace({ '.manifestlint.yaml': CONFIG, 'k8s/pod.yaml': POD });
    podUri = pathToFileURL(ws.path('k8s/pod.yaml')).href;
    configUri = pathToFileURL(ws.path('.manifestlint.yaml')).href;
    client = new TestLspClient();
    client.connection.onNotification(ShowMessageNotification.method, (params: ShowMessageParams) => {
      warnings.push(params.message);
    });
    watchRegistration = new Promise((resolve) => {
      client.connection.onRequest(RegistrationRequest.type, (params) => {
        const watch = params.registrations.find((r) => r.method === DidChangeWatchedFilesNotification.method);
        if (watch) resolve(watch);
      });
    });
    // As Neovim, Helix or VS Code do: the client can watch files for the server.
    await client.initialize(ws.root, { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } });
  });
  after(async () => {
    await client.dispose();
    ws.dispose();
  });

  it('asks the client to watch team config files anywhere in the workspace', { timeout: 5000 }, async () => {
    const watch = await watchRegistration;
    // Among the others (kustomizations, baselines, build contexts, the workspace rules' files).
    const watchers = (watch.registerOptions as { watchers: { globPattern: string }[] }).watchers;
    assert.ok(watchers.some((watcher) => watcher.globPattern === '**/{.manifestlint.yaml,.manifestlint.yml,.manifestlint.json}'), JSON.stringify(watchers));
  });

  it('lints an open document with the discovered config', async () => {
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: podUri, languageId: 'yaml', version: 1, text: POD } });
    await client.nextDiagnostics(podUri, same(['k8s/privileged-container:1']));
  });

  it('an unsaved edit of the config re-lints the open document without reopening it', async () => {
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: configUri, languageId: 'yaml', version: 1, text: CONFIG } });
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: configUri, version: 2 },
      contentChanges: [{ text: `${CONFIG}  k8s/host-pid: warning\n` }],
    });
    await client.nextDiagnostics(podUri, same(['k8s/host-pid:2', 'k8s/privileged-container:1']));
  });

  it('an invalid edit: a config diagnostic at the value, a warning once, and the last valid config stays in force', async () => {
    const pending = client.nextDiagnostics(configUri, (p) => p.diagnostics.length > 0);
    for (const [version, value] of [[3, 'loud'], [4, 'louder']] as const) {
      await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri: configUri, version },
        contentChanges: [{ text: `${CONFIG}  k8s/host-pid: ${value}\n` }],
      });
    }
    const published = await pending;
    assert.deepEqual(
      published.diagnostics.map((d) => [d.code, d.source, d.severity, d.range.start.line, d.range.start.character, d.range.end.character, d.message]),
      [['config', 'manifestlint', 1, 3, 16, 20, 'rules.k8s/host-pid: must be one of off, info, warning, error, or an object']],
    );
    await client.nextDiagnostics(podUri, same(['k8s/host-pid:2', 'k8s/privileged-container:1']));
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /\.manifestlint\.yaml has 1 problem\(s\); the last valid config stays in force until they are fixed\.$/);
  });

  it('fixing the config clears its diagnostics', async () => {
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: configUri, version: 5 },
      contentChanges: [{ text: `${CONFIG}  k8s/host-pid: error\n` }],
    });
    await client.nextDiagnostics(configUri, (p) => p.diagnostics.length === 0);
    await client.nextDiagnostics(podUri, same(['k8s/host-pid:1', 'k8s/privileged-container:1']));
  });

  it('closing the config drops unsaved edits; a change on disk (watched file) applies at once', async () => {
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: configUri } });
    await client.nextDiagnostics(podUri, same(['k8s/privileged-container:1']));
    ws.write('.manifestlint.yaml', 'extends: []\nrules:\n  k8s/host-pid: info\n');
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: configUri, type: FileChangeType.Changed }] });
    await client.nextDiagnostics(podUri, same(['k8s/host-pid:3']));
  });
});
