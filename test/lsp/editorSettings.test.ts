// Protocol test: the editor-only settings. `minimumSeverity` and `hiddenRules` keep findings out of the
// editor (diagnostics and hovers); `baseline` shows the findings of the workspace folder's
// `.manifestlint-baseline.json` as hints (default), hides them, or shows them as usual. The baseline
// survives edits elsewhere in the file and is read again when it changes on disk.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import {
  ConfigurationRequest,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  FileChangeType,
  HoverRequest,
  type Diagnostic,
  type MarkupContent,
} from 'vscode-languageserver-protocol/node';
import { TestLspClient } from '../support/lspClient.js';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: web\n      securityContext:\n        privileged: true\n';
const PRIVILEGED = { start: { line: 8, character: 8 }, end: { line: 8, character: 24 } };
const CLI = resolve('dist/cli.js');

/** A client whose settings the test changes; each change is announced as VS Code does. */
function clientWithSettings(initial: Record<string, unknown>) {
  const client = new TestLspClient();
  let settings = initial;
  client.connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => settings));
  return {
    client,
    async set(next: Record<string, unknown>, uri: string): Promise<Diagnostic[]> {
      settings = next;
      const published = client.nextDiagnostics(uri);
      await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
      return (await published).diagnostics;
    },
  };
}

const codes = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => d.code).sort();
const messageOf = (diagnostic: Diagnostic): string => (typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value);

describe('minimumSeverity and hiddenRules', () => {
  const { client, set } = clientWithSettings({});
  const uri = 'file:///workspace/settings/pod.yaml';
  let all: Diagnostic[] = [];

  before(async () => {
    await client.initialize(process.cwd(), { workspace: { configuration: true } });
    const published = client.nextDiagnostics(uri);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text: POD } });
    all = (await published).diagnostics;
  });
  after(() => client.dispose());

  it('shows every severity by default', () => {
    assert.deepEqual(new Set(all.map((d) => d.severity)), new Set([DiagnosticSeverity.Error, DiagnosticSeverity.Warning, DiagnosticSeverity.Information]));
  });

  it('minimumSeverity: warning leaves out info findings, error leaves out warnings too', async () => {
    assert.deepEqual(codes(await set({ minimumSeverity: 'warning' }, uri)), codes(all.filter((d) => d.severity !== DiagnosticSeverity.Information)));
    assert.deepEqual(codes(await set({ minimumSeverity: 'error' }, uri)), ['k8s/privileged-container']);
  });

  it('hiddenRules leaves out those rules, and their hovers', async () => {
    const shown = await set({ hiddenRules: ['k8s/privileged-container', 'k8s/seccomp'] }, uri);
    assert.deepEqual(codes(shown), codes(all.filter((d) => d.code !== 'k8s/privileged-container' && d.code !== 'k8s/seccomp')));
    assert.equal(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: PRIVILEGED.start }), null);
  });

  it('a value of the wrong type is read as the default', async () => {
    assert.deepEqual(codes(await set({ minimumSeverity: 'fatal', hiddenRules: 'k8s/seccomp' }, uri)), codes(all));
  });
});

describe('the baseline in the editor', () => {
  const root = mkdtempSync(join(tmpdir(), 'manifestlint-editor-baseline-'));
  const uri = URI.file(join(root, 'pod.yaml')).toString();
  const { client, set } = clientWithSettings({});
  let version = 1;
  const edit = async (text: string): Promise<Diagnostic[]> => {
    version++;
    const published = client.nextDiagnostics(uri, (p) => p.version === version);
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    return (await published).diagnostics;
  };
  let opened: Diagnostic[] = [];

  before(async () => {
    writeFileSync(join(root, 'pod.yaml'), POD);
    execFileSync(process.execPath, [CLI, 'baseline', '.'], { cwd: root });
    await client.initialize(root, { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } });
    const published = client.nextDiagnostics(uri);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version, text: POD } });
    opened = (await published).diagnostics;
  });
  after(() => client.dispose());

  it('shows baselined findings as hints that say so (the default)', () => {
    assert.ok(opened.length > 0);
    for (const diagnostic of opened) {
      assert.equal(diagnostic.severity, DiagnosticSeverity.Hint, String(diagnostic.code));
      assert.match(messageOf(diagnostic), / \(in baseline\)$/);
    }
  });

  it('keeps them hints after lines are added above; a new finding is shown as usual', async () => {
    const edited = `# added above\n${POD.replace('    - name: web\n', '    - name: web\n      ports: [{ containerPort: 80, hostPort: 80 }]\n')}`;
    const diagnostics = await edit(edited);
    const fresh = diagnostics.filter((d) => d.severity !== DiagnosticSeverity.Hint);
    assert.deepEqual(codes(fresh), ['k8s/host-port']);
    assert.ok(!messageOf(fresh[0]).includes('(in baseline)'));
    const privileged = diagnostics.find((d) => d.code === 'k8s/privileged-container');
    assert.equal(privileged?.severity, DiagnosticSeverity.Hint);
    assert.equal(privileged?.range.start.line, 10);
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: privileged.range.start });
    assert.match((hover?.contents as MarkupContent).value, /· in the baseline/);
  });

  it('changing the offending value makes it a new finding', async () => {
    const diagnostics = await edit(POD.replace('privileged: true', 'privileged: yes'));
    assert.equal(diagnostics.find((d) => d.code === 'k8s/privileged-container')?.severity, DiagnosticSeverity.Error);
  });

  it('baseline: hide leaves them out; show shows them as usual', async () => {
    await edit(POD);
    assert.deepEqual(await set({ baseline: 'hide' }, uri), []);
    const shown = await set({ baseline: 'show' }, uri);
    assert.deepEqual(codes(shown), codes(opened));
    assert.ok(shown.every((d) => d.severity !== DiagnosticSeverity.Hint && !messageOf(d).includes('(in baseline)')));
    await set({}, uri);
  });

  it('reads the baseline again when it changes on disk', async () => {
    writeFileSync(join(root, '.manifestlint-baseline.json'), '{\n  "version": 1,\n  "entries": []\n}\n');
    const published = client.nextDiagnostics(uri);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: URI.file(join(root, '.manifestlint-baseline.json')).toString(), type: FileChangeType.Changed }] });
    const diagnostics = (await published).diagnostics;
    assert.deepEqual(codes(diagnostics), codes(opened));
    assert.ok(diagnostics.every((d) => d.severity !== DiagnosticSeverity.Hint));
  });

  it('a file outside the workspace folder is never matched against it', async () => {
    const outside = 'file:///elsewhere/pod.yaml';
    const published = client.nextDiagnostics(outside);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: outside, languageId: 'yaml', version: 1, text: POD } });
    assert.ok((await published).diagnostics.every((d) => d.severity !== DiagnosticSeverity.Hint));
  });
});
