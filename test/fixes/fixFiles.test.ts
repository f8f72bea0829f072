// `scan --fix` never loses or mangles the user's data: bytes the fixes do not change stay as they were
// (or the file is not rewritten at all), the file is replaced in one step or not at all, with its mode,
// and an edit made while the fixes ran is never overwritten.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { chmodSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readTextFile } from '../../server/src/files/readText.js';
import { replaceIfUnchanged } from '../../server/src/fixes/atomicReplace.js';
import { fixFiles } from '../../server/src/scan/fixFiles.js';
import { tempWorkspace, type TempWorkspace } from '../config/tempWorkspace.js';
import { PRIVILEGED_POD, PRIVILEGED_LINE } from './fixtures.js';

const ADD_DOCKERFILE = 'FROM ghcr.io/acme/base:1.0\nADD config.json /app/\nUSER 10001\n';
const FIXED_DOCKERFILE = 'FROM ghcr.io/acme/base:1.0\nCOPY config.json /app/\nUSER 10001\n';

let ws: TempWorkspace;
before(() => {
  const build = spawnSync(process.execPath, ['esbuild.mjs'], { encoding: 'utf8' });
  assert.equal(build.status, 0, build.stderr);
  ws = tempWorkspace();
});
after(() => ws.dispose());

/** Fixes the workspace files at `paths` (relative) as `scan --fix` does. */
function fix(...paths: string[]) {
  return fixFiles(
    paths.map((p) => ws.path(p)),
    { root: ws.root },
  );
}

/** Files of a folder other than the ones a test put there: a temporary file left behind would show. */
function strayFiles(folder: string, expected: readonly string[]): string[] {
  return readdirSync(ws.path(folder)).filter((name) => !expected.includes(name));
}

describe('scan --fix keeps every byte it does not change', () => {
  it('a file that is not valid UTF-8: not rewritten (byte for byte), its findings reported with the reason', () => {
    const bytes = Buffer.concat([Buffer.from(PRIVILEGED_POD), Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from(' (Latin-1)\n')]);
    mkdirSync(ws.path('latin1'));
    writeFileSync(ws.path('latin1/pod.yaml'), bytes);
    const run = fix('latin1/pod.yaml');
    assert.deepEqual(readFileSync(ws.path('latin1/pod.yaml')), bytes);
    assert.equal(run.changedFiles, 0);
    const [result] = run.results;
    assert.equal(result.error, 'Not fixed: the file is not valid UTF-8, and rewriting it would replace the bytes that are not; its findings are shown as read.');
    assert.deepEqual(result.findings.map((f) => [f.ruleId, f.range.start.line]), [['k8s/privileged-container', PRIVILEGED_LINE]]);
  });

  it('a byte-order mark and CRLF line endings stay as they are', () => {
    mkdirSync(ws.path('crlf'));
    const text = `\uFEFF${PRIVILEGED_POD.replace(/\n/g, '\r\n')}`;
    writeFileSync(ws.path('crlf/pod.yaml'), text);
    const run = fix('crlf/pod.yaml');
    assert.equal(run.changedFiles, 1);
    const written = readFileSync(ws.path('crlf/pod.yaml'));
    assert.deepEqual([...written.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const fixed = written.toString('utf8');
    assert.equal(fixed, text.replace('privileged: true', 'privileged: false'));
  });
});

describe('scan --fix replaces a file in one step, or not at all', () => {
  it('keeps the file mode (0755), and a symlink stays a link to the fixed file', () => {
    mkdirSync(ws.path('mode'));
    writeFileSync(ws.path('mode/Dockerfile'), ADD_DOCKERFILE);
    chmodSync(ws.path('mode/Dockerfile'), 0o755);
    writeFileSync(ws.path('mode/real.Dockerfile'), ADD_DOCKERFILE);
    symlinkSync('real.Dockerfile', ws.path('mode/link.Dockerfile'));
    const run = fix('mode/Dockerfile', 'mode/link.Dockerfile');
    assert.deepEqual(run.results.map((r) => r.error), [undefined, undefined]);
    assert.equal(run.changedFiles, 2);
    assert.equal(readFileSync(ws.path('mode/Dockerfile'), 'utf8'), FIXED_DOCKERFILE);
    assert.equal(statSync(ws.path('mode/Dockerfile')).mode & 0o7777, 0o755);
    assert.ok(lstatSync(ws.path('mode/link.Dockerfile')).isSymbolicLink());
    assert.equal(readFileSync(ws.path('mode/real.Dockerfile'), 'utf8'), FIXED_DOCKERFILE);
    assert.deepEqual(strayFiles('mode', ['Dockerfile', 'real.Dockerfile', 'link.Dockerfile']), []);
  });

  it('a disk that fails mid-write: the original intact, no temporary file left, the failure reported', () => {
    mkdirSync(ws.path('full'));
    writeFileSync(ws.path('full/Dockerfile'), ADD_DOCKERFILE);
    const read = readTextFile(ws.path('full/Dockerfile'), { maxBytes: 1024 });
    assert.ok(read.ok);
    // Writes half of what it is given, then reports the disk full.
    const diskFull = (fd: number, buffer: Buffer, offset: number, length: number): number => {
      fs.writeSync(fd, buffer, offset, Math.floor(length / 2));
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    };
    const result = replaceIfUnchanged(ws.path('full/Dockerfile'), FIXED_DOCKERFILE, read, { ...fs, writeSync: diskFull });
    assert.deepEqual(result, { ok: false, reason: 'failed', message: 'Not fixed: cannot write the fixed file (ENOSPC: no space left on device, write); the file is unchanged.' });
    assert.equal(readFileSync(ws.path('full/Dockerfile'), 'utf8'), ADD_DOCKERFILE);
    assert.deepEqual(strayFiles('full', ['Dockerfile']), []);
  });

  it('a read-only folder: exit 2, the original intact and the failure reported, not "fixed"', { skip: process.platform === 'win32' && 'POSIX permissions' }, () => {
    mkdirSync(ws.path('readonly'));
    writeFileSync(ws.path('readonly/Dockerfile'), ADD_DOCKERFILE);
    chmodSync(ws.path('readonly/Dockerfile'), 0o666);
    chmodSync(ws.path('readonly'), 0o555);
    chmodSync(ws.root, 0o755);
    // Root writes anywhere: the CLI runs as `nobody` then, for whom the folder is read-only too.
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    try {
      const cli = spawnSync(process.execPath, [resolve('dist/cli.js'), 'scan', '--fix', '--format', 'json', 'Dockerfile'], { cwd: ws.path('readonly'), encoding: 'utf8', ...asUser });
      assert.equal(cli.status, 2, cli.stderr);
      assert.equal(cli.stderr, 'manifestlint: fixed 0 problems in 0 files\n');
      const [result] = JSON.parse(cli.stdout) as { error: string; findings: { ruleId: string }[] }[];
      assert.match(result.error, /^Not fixed: cannot write the fixed file \(EACCES: .*\); the file is unchanged\.$/);
      assert.deepEqual(result.findings.map((f) => f.ruleId), ['dockerfile/add-instead-of-copy']);
      assert.equal(readFileSync(ws.path('readonly/Dockerfile'), 'utf8'), ADD_DOCKERFILE);
    } finally {
      chmodSync(ws.path('readonly'), 0o755);
    }
  });

  it('an edit saved while the fixes ran is not overwritten', () => {
    mkdirSync(ws.path('edited'));
    writeFileSync(ws.path('edited/Dockerfile'), ADD_DOCKERFILE);
    const read = readTextFile(ws.path('edited/Dockerfile'), { maxBytes: 1024 });
    assert.ok(read.ok);
    const edited = ADD_DOCKERFILE.replace('base:1.0', 'base:1.1'); // same size: only the content tells
    writeFileSync(ws.path('edited/Dockerfile'), edited);
    const result = replaceIfUnchanged(ws.path('edited/Dockerfile'), FIXED_DOCKERFILE, read);
    assert.deepEqual(result, { ok: false, reason: 'changed', message: 'Not fixed: the file changed on disk while it was being fixed; run the fix again.' });
    assert.equal(readFileSync(ws.path('edited/Dockerfile'), 'utf8'), edited);
    assert.deepEqual(strayFiles('edited', ['Dockerfile']), []);
  });
});
