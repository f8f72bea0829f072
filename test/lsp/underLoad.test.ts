// Protocol test: the built server under a burst of edits lints the newest version only, answers code
// actions for the text as it is now (even while the lint waits for the client's settings), and ignores
// a change whose version goes backwards.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CodeActionRequest,
  ConfigurationRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  type CodeAction,
  type LogMessageParams,
  type NotificationMessage,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { TestLspClient } from '../support/lspClient.js';
import { RawLspClient } from './rawClient.js';

const POD = '# notes: \napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: web\n      securityContext:\n        privileged: true\n';
const PRIVILEGED_LINE = 9;
const VALUE_AT = '        privileged: '.length;

/** The change that replaces the privileged value (`true` or `false`, of `length` characters) with `text`. */
const setPrivileged = (length: number, text: string) => ({ range: { start: { line: PRIVILEGED_LINE, character: VALUE_AT }, end: { line: PRIVILEGED_LINE, character: VALUE_AT + length } }, text });
const privileged = (diagnostics: { code?: unknown }[]) => diagnostics.some((d) => d.code === 'k8s/privileged-container');

describe('language server under a burst of changes', () => {
  const raw = new RawLspClient();
  const uri = 'file:///workspace/burst/pod.yaml';

  before(() => raw.initialize());
  after(() => raw.kill());

  const isPublished = (m: NotificationMessage) => m.method === PublishDiagnosticsNotification.method && (m.params as PublishDiagnosticsParams).uri === uri;
  const publishedFor = async (version: number) => (await raw.nextNotification((m) => isPublished(m) && (m.params as PublishDiagnosticsParams).version === version, true)).params as PublishDiagnosticsParams;

  it('lints a burst of 2,000 changes read together once or a few times, not once per version, and ends on the newest', async () => {
    await raw.send([raw.notification(DidOpenTextDocumentNotification.method, { textDocument: { uri, languageId: 'yaml', version: 1, text: POD } })]);
    assert.ok(privileged((await publishedFor(1)).diagnostics));
    const before = raw.notifications.length;
    const changes = [];
    for (let version = 2; version <= 2000; version++) {
      const at = { line: 0, character: 9 + version - 2 };
      changes.push(raw.notification(DidChangeTextDocumentNotification.method, { textDocument: { uri, version }, contentChanges: [{ range: { start: at, end: at }, text: 'x' }] }));
    }
    // The last change fixes the finding: the final diagnostics must say so.
    changes.push(raw.notification(DidChangeTextDocumentNotification.method, { textDocument: { uri, version: 2001 }, contentChanges: [setPrivileged(4, 'false')] }));
    await raw.send(changes);
    const last = await publishedFor(2001);
    assert.ok(!privileged(last.diagnostics));

    const versions = raw.notifications
      .slice(before)
      .filter(isPublished)
      .map((m) => (m.params as PublishDiagnosticsParams).version ?? 0);
    assert.ok(versions.length < 100, `linted ${versions.length} versions of 2,000 changes`);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), 'never an older version after a newer one');
  });

  it('answers code actions sent right behind a change for the changed text (fix-all on save)', async () => {
    const fixAll = raw.request('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    // privileged goes back to true in version 2002; the request is read in the same chunk as the change.
    const [response] = await raw.send([raw.notification(DidChangeTextDocumentNotification.method, { textDocument: { uri, version: 2002 }, contentChanges: [setPrivileged(5, 'true')] }), fixAll]);
    const actions = response.result as CodeAction[];
    assert.deepEqual(actions.map((a) => [a.kind, (a.data as { version: number }).version]), [['source.fixAll.manifestlint', 2002]]);
  });
});

describe('language server given a change whose version goes backwards', () => {
  const client = new TestLspClient();
  const uri = 'file:///workspace/reordered/pod.yaml';
  const logged: string[] = [];

  before(async () => {
    client.connection.onNotification(LogMessageNotification.type, (params: LogMessageParams) => void logged.push(params.message));
    await client.initialize();
  });
  after(() => client.dispose());

  it('ignores it with a warning: the text and diagnostics stay those of the newest version', async () => {
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text: POD } });
    assert.ok(privileged((await client.nextDiagnostics(uri, (p) => p.version === 1)).diagnostics));
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 5 }, contentChanges: [setPrivileged(4, 'false')] });
    assert.ok(!privileged((await client.nextDiagnostics(uri, (p) => p.version === 5)).diagnostics));

    // A stale change (version 3) would turn privileged back on; the next real change is version 6.
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 3 }, contentChanges: [setPrivileged(5, 'true')] });
    const at = { line: 0, character: 9 };
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 6 }, contentChanges: [{ range: { start: at, end: at }, text: 'x' }] });
    assert.ok(!privileged((await client.nextDiagnostics(uri, (p) => p.version === 6)).diagnostics));
    assert.ok(
      logged.some((message) => message.includes('version 3') && message.includes('version 5')),
      `a warning names both versions; logged: ${logged.join(' | ')}`,
    );
  });
});

describe('language server asked for code actions while a lint waits for the settings', () => {
  const client = new TestLspClient();
  const uri = 'file:///workspace/slow-settings/pod.yaml';
  let settingsAsked: () => void = () => undefined;
  let answerSettings: () => void = () => undefined;

  before(async () => {
    client.connection.onRequest(ConfigurationRequest.type, (params) => {
      settingsAsked();
      return new Promise((resolve) => (answerSettings = () => resolve(params.items.map(() => ({})))));
    });
    await client.initialize(process.cwd(), { workspace: { configuration: true } });
  });
  after(() => client.dispose());

  it('answers once that lint is done, with the actions of the opened text', async () => {
    const asked = new Promise<void>((resolve) => (settingsAsked = resolve));
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text: POD } });
    await asked; // the lint has started and waits for the client
    const actions = client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    answerSettings();
    assert.deepEqual(((await actions) as CodeAction[]).map((a) => a.kind), ['source.fixAll.manifestlint']);
  });
});
