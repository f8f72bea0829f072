// Reading workspace files safely: regular files only (a FIFO never blocks), size checked before
// reading, links out of the root not followed, invalid UTF-8 flagged rather than silently replaced.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readTextFile, resolvesInside } from '../../server/src/files/readText.js';

const MB = 1024 * 1024;

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ml-read-'));
  mkdirSync(join(dir, 'root'));
  return join(dir, 'root');
}

describe('readTextFile', () => {
  it('reads a regular file, keeping a byte order mark', () => {
    const root = workspace();
    writeFileSync(join(root, 'a.yaml'), '\uFEFFkind: Pod\n');
    const result = readTextFile(join(root, 'a.yaml'), { maxBytes: MB, root });
    assert.ok(result.ok);
    assert.equal(result.text, '\uFEFFkind: Pod\n');
    assert.equal(result.validUtf8, true);
  });

  it('refuses a FIFO at once instead of waiting for a writer', () => {
    const root = workspace();
    execFileSync('mkfifo', [join(root, 'Dockerfile')]);
    const result = readTextFile(join(root, 'Dockerfile'), { maxBytes: MB, root });
    assert.deepEqual(result.ok ? 'read' : result.failure, 'notRegularFile');
  });

  it('refuses a device behind a symlink, and any link out of the root', () => {
    const root = workspace();
    symlinkSync('/dev/zero', join(root, 'zero.yaml'));
    writeFileSync(join(root, '..', 'secret.yaml'), 'password: hunter2\n');
    symlinkSync(join(root, '..', 'secret.yaml'), join(root, 'outside.yaml'));
    const zero = readTextFile(join(root, 'zero.yaml'), { maxBytes: MB, root });
    const outside = readTextFile(join(root, 'outside.yaml'), { maxBytes: MB, root });
    assert.equal(zero.ok ? 'read' : zero.failure, 'outsideRoot');
    assert.equal(outside.ok ? 'read' : outside.failure, 'outsideRoot');
    assert.equal(readTextFile('/dev/zero', { maxBytes: MB }).ok, false);
  });

  it('checks the size before reading', () => {
    const root = workspace();
    writeFileSync(join(root, 'big.yaml'), 'a'.repeat(2 * MB));
    const result = readTextFile(join(root, 'big.yaml'), { maxBytes: MB, root });
    assert.equal(result.ok ? 'read' : result.failure, 'tooLarge');
  });

  it('flags bytes that are not UTF-8', () => {
    const root = workspace();
    writeFileSync(join(root, 'latin1.yaml'), Buffer.from([0x61, 0x3a, 0x20, 0xe9, 0x0a]));
    const result = readTextFile(join(root, 'latin1.yaml'), { maxBytes: MB, root });
    assert.ok(result.ok);
    assert.equal(result.validUtf8, false);
  });

  it('says a missing file is missing', () => {
    const result = readTextFile(join(workspace(), 'nope.yaml'), { maxBytes: MB });
    assert.equal(result.ok ? 'read' : result.failure, 'missing');
  });
});

describe('resolvesInside', () => {
  it('says a path through a link out of the root is outside, whether or not its target exists', () => {
    const root = workspace();
    mkdirSync(join(root, '..', 'outside'));
    writeFileSync(join(root, '..', 'outside', 'secret.yaml'), 'a: 1\n');
    symlinkSync(join(root, '..', 'outside'), join(root, 'link'));
    assert.equal(resolvesInside(join(root, 'link', 'secret.yaml'), root), false);
    assert.equal(resolvesInside(join(root, 'link', 'no-such-file.yaml'), root), false);
    assert.equal(resolvesInside(join(root, 'policy', 'no-such-file.yaml'), root), true);
  });
});
