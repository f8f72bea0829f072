// `manifestlint scan --fix` applies dockerfile/build-context-secrets' fix: a .dockerignore beside the
// Dockerfile that excludes the secret-looking files COPY . would send (fix-all in the editor leaves
// such an edit of another file out; the CLI writes it, counted among the files it changed).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';

const CLI = resolve('dist/cli.js');
const DOCKERFILE = 'FROM python:3.13-slim\nWORKDIR /app\nCOPY . .\nUSER 10001\n';

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('manifestlint scan --fix and the build context', () => {
  it('creates the .dockerignore that keeps .env and the private key out of the image', () => {
    const root = mkdtempSync(join(tmpdir(), 'manifestlint-cli-context-'));
    try {
      mkdirSync(join(root, '.git'));
      mkdirSync(join(root, 'api/keys'), { recursive: true });
      writeFileSync(join(root, 'api/Dockerfile'), DOCKERFILE);
      writeFileSync(join(root, 'api/.env'), 'DATABASE_URL=postgres://app@db/app\n');
      writeFileSync(join(root, 'api/keys/id_ed25519'), 'not a real key\n');

      const before = run(['scan', '--format', 'json'], root);
      assert.match(before.stdout, /dockerfile\/build-context-secrets/);

      const fixed = run(['scan', '--fix', '--no-color'], root);
      assert.equal(readFileSync(join(root, 'api/.dockerignore'), 'utf8'), '# Secrets never go to the builder (added by manifestlint)\n**/.env*\n**/id_*\n');
      assert.equal(readFileSync(join(root, 'api/Dockerfile'), 'utf8'), DOCKERFILE, 'the Dockerfile itself is not touched');
      assert.match(fixed.stderr, /^manifestlint: fixed 1 problem in 1 file$/m);
      assert.doesNotMatch(fixed.stdout, /build-context-secrets/);
      assert.doesNotMatch(run(['scan', '--format', 'json'], root).stdout, /build-context-secrets/, 'a scan after the fix finds nothing');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
