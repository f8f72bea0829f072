// Protocol test: `COPY . .` beside a .env is reported in the editor, and the report goes away once a
// .dockerignore excluding it appears on disk (the client's file watcher tells the server), and comes
// back when that .dockerignore is deleted.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { DidChangeWatchedFilesNotification, DidOpenTextDocumentNotification, FileChangeType, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { TestLspClient } from '../support/lspClient.js';

const DOCKERFILE = 'FROM node:22-alpine\nWORKDIR /app\nCOPY . .\nUSER node\n';
const RULE = 'dockerfile/build-context-secrets';

function reported(params: PublishDiagnosticsParams): string[] {
  return params.diagnostics.filter((d) => d.code === RULE).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.character + 1} ${d.message}`);
}

describe('language server: what a Dockerfile’s build context sends', () => {
  const client = new TestLspClient();
  const root = mkdtempSync(join(tmpdir(), 'manifestlint-lsp-context-'));
  const dockerignore = join(root, '.dockerignore');
  const dockerfileUri = URI.file(join(root, 'Dockerfile')).toString();
  const watched = (type: FileChangeType) => client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: URI.file(dockerignore).toString(), type }] });

  before(async () => {
    writeFileSync(join(root, 'Dockerfile'), DOCKERFILE);
    writeFileSync(join(root, '.env'), 'API_TOKEN=x\n');
    await client.initialize(root);
  });
  after(async () => {
    await client.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  it('reports COPY . with a .env beside it until a .dockerignore excludes it', async () => {
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: dockerfileUri, languageId: 'dockerfile', version: 1, text: DOCKERFILE } });
    const first = await client.nextDiagnostics(dockerfileUri);
    assert.deepEqual(reported(first), ['3:6-7 COPY . copies .env into the image: the build context has no .dockerignore to exclude them']);

    writeFileSync(dockerignore, 'node_modules\n**/.env*\n');
    await watched(FileChangeType.Created);
    const excluded = await client.nextDiagnostics(dockerfileUri);
    assert.deepEqual(reported(excluded), []);

    unlinkSync(dockerignore);
    await watched(FileChangeType.Deleted);
    const deleted = await client.nextDiagnostics(dockerfileUri);
    assert.equal(reported(deleted).length, 1);
  });
});
