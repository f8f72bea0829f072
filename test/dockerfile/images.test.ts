import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseImageRef, withTag } from '../../server/src/dockerfile/images.js';

describe('image references', () => {
  const parts = (text: string) => {
    const ref = parseImageRef(text);
    return ref && [ref.registry, ref.dockerHub, ref.path, ref.name, ref.repository, ref.tag, ref.digest];
  };
  const digest = 'sha256:' + 'f'.repeat(64);

  it('normalizes Docker Hub spellings', () => {
    for (const text of ['node:22', 'library/node:22', 'docker.io/library/node:22', 'index.docker.io/node:22']) assert.deepEqual(parts(text)?.slice(2), ['node', 'node', 'node', '22', undefined], text);
    assert.deepEqual(parts('bitnami/redis'), [undefined, true, 'bitnami/redis', 'redis', 'bitnami/redis', undefined, undefined]);
  });

  it('reads registries (with ports), paths, tags and digests', () => {
    assert.deepEqual(parts('localhost:5000/team/app'), ['localhost:5000', false, 'team/app', 'app', 'localhost:5000/team/app', undefined, undefined]);
    assert.deepEqual(parts(`gcr.io/distroless/static-debian13:nonroot@${digest}`), ['gcr.io', false, 'distroless/static-debian13', 'static-debian13', 'gcr.io/distroless/static-debian13', 'nonroot', digest]);
    const ref = parseImageRef(`node:22@${digest}`);
    assert.deepEqual([ref?.nameEnd, ref?.tagStart, ref?.digestStart], [4, 5, 8]);
  });

  it('rejects what docker would', () => {
    for (const text of ['Ubuntu', 'node:', 'node@sha256:zz', 'a//b', ':tag', '-node', 'node:bad/tag']) assert.equal(parseImageRef(text), undefined, text);
  });

  it('replaces the tag, dropping a digest', () => {
    const ref = parseImageRef(`docker.io/library/node:22@${digest}`);
    assert.ok(ref);
    assert.equal(withTag(ref, '22-slim'), 'docker.io/library/node:22-slim');
  });
});
