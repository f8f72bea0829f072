// Protocol test: a workspace rule's diagnostic (a pod in one file runs, as root, the image a Dockerfile
// in another builds) appears, updates and disappears as either file is edited, saved, created or
// deleted, in the open document and in the other one when it is open too.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { DidChangeTextDocumentNotification, DidChangeWatchedFilesNotification, DidOpenTextDocumentNotification, FileChangeType } from 'vscode-languageserver-protocol/node';
import { TestLspClient } from '../support/lspClient.js';

const RULE = 'k8s/image-runs-as-root';
const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: cart\nspec:\n  containers:\n    - name: server\n      image: acme/cartservice:1.4\n';
const HARDENED_POD = POD + '      securityContext:\n        runAsNonRoot: true\n';
const ROOT_DOCKERFILE = 'FROM node:22\nUSER root\nCMD ["node", "server.js"]\n';
const NON_ROOT_DOCKERFILE = 'FROM node:22\nUSER node\nCMD ["node", "server.js"]\n';

const hasRule = (params: PublishDiagnosticsParams) => params.diagnostics.some((d) => d.code === RULE);
const lacksRule = (params: PublishDiagnosticsParams) => !hasRule(params);

describe('language server: workspace rules', () => {
  const client = new TestLspClient();
  const root = mkdtempSync(join(tmpdir(), 'manifestlint-lsp-workspace-'));
  const dockerfile = join(root, 'src', 'cartservice', 'Dockerfile');
  const podUri = URI.file(join(root, 'k8s', 'pod.yaml')).toString();
  const dockerfileUri = URI.file(dockerfile).toString();
  let podVersion = 1;

  const changeDockerfileOnDisk = async (text: string | undefined) => {
    if (text === undefined) unlinkSync(dockerfile);
    else writeFileSync(dockerfile, text);
    const type = text === undefined ? FileChangeType.Deleted : FileChangeType.Changed;
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: dockerfileUri, type }] });
  };
  const editPod = (text: string) =>
    client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: podUri, version: ++podVersion }, contentChanges: [{ text }] });

  before(async () => {
    mkdirSync(join(root, 'k8s'), { recursive: true });
    mkdirSync(join(root, 'src', 'cartservice'), { recursive: true });
    writeFileSync(join(root, 'k8s', 'pod.yaml'), POD);
    writeFileSync(dockerfile, ROOT_DOCKERFILE);
    await client.initialize(root, { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } });
  });
  after(async () => {
    await client.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  it('shows on the pod the Dockerfile that is not open, pointing to it', async () => {
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: podUri, languageId: 'yaml', version: podVersion, text: POD } });
    const shown = await client.nextDiagnostics(podUri, hasRule);
    const diagnostic = shown.diagnostics.find((d) => d.code === RULE);
    assert.equal(diagnostic?.range.start.line, 7);
    assert.equal(diagnostic?.relatedInformation?.[0]?.location.uri, dockerfileUri);
    assert.match(String(diagnostic?.message), /built by src\/cartservice\/Dockerfile, which runs as root/);
  });

  it('goes when the Dockerfile on disk switches to a non-root user, and comes back when it is deleted and created again', async () => {
    await changeDockerfileOnDisk(NON_ROOT_DOCKERFILE);
    await client.nextDiagnostics(podUri, lacksRule);
    await changeDockerfileOnDisk(undefined);
    await changeDockerfileOnDisk(ROOT_DOCKERFILE);
    await client.nextDiagnostics(podUri, hasRule);
  });

  it('with both open: an edit of the pod updates the Dockerfile, and an edit of the Dockerfile updates the pod', async () => {
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: dockerfileUri, languageId: 'dockerfile', version: 1, text: ROOT_DOCKERFILE } });
    await client.nextDiagnostics(dockerfileUri, hasRule);

    await editPod(HARDENED_POD);
    await client.nextDiagnostics(dockerfileUri, lacksRule);
    await editPod(POD);
    await client.nextDiagnostics(dockerfileUri, hasRule);

    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: dockerfileUri, version: 2 }, contentChanges: [{ text: NON_ROOT_DOCKERFILE }] });
    await client.nextDiagnostics(podUri, lacksRule);
  });

  it("a suppression comment in the pod hides the pod's finding, and is not called unused", async () => {
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: dockerfileUri, version: 3 }, contentChanges: [{ text: ROOT_DOCKERFILE }] });
    await client.nextDiagnostics(podUri, hasRule);
    const suppressed = POD.replace('      image:', `      # manifestlint-disable-next-line ${RULE} -- the entrypoint drops root before serving\n      image:`);
    await editPod(suppressed);
    const pod = await client.nextDiagnostics(podUri, (params) => params.version === podVersion);
    assert.deepEqual(pod.diagnostics.filter((d) => d.code === RULE || String(d.code).startsWith('manifestlint/')), []);
  });
});
