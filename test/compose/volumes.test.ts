import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseShortVolume } from '../../server/src/compose/volumes.js';

describe('Compose short volume syntax, as compose-go reads it', () => {
  const cases: [spec: string, expected: ReturnType<typeof parseShortVolume>][] = [
    ['/var/run/docker.sock:/var/run/docker.sock', { source: '/var/run/docker.sock', target: '/var/run/docker.sock', readOnly: false, bind: true }],
    ['./app:/app:ro', { source: './app', target: '/app', readOnly: true, bind: true }],
    ['.:/src:cached', { source: '.', target: '/src', readOnly: false, bind: true }],
    ['~/.cache:/cache:ro,z', { source: '~/.cache', target: '/cache', readOnly: true, bind: true }],
    ['db-data:/var/lib/postgresql/data', { source: 'db-data', target: '/var/lib/postgresql/data', readOnly: false, bind: false }],
    ['/data', { target: '/data', readOnly: false, bind: false }],
    ['C:\\data:/data', { source: 'C:\\data', target: '/data', readOnly: false, bind: true }],
    ['C:\\data:C:\\target:ro', { source: 'C:\\data', target: 'C:\\target', readOnly: true, bind: true }],
    ['\\\\.\\pipe\\docker_engine:\\\\.\\pipe\\docker_engine', { source: '\\\\.\\pipe\\docker_engine', target: '\\\\.\\pipe\\docker_engine', readOnly: false, bind: true }],
    ['cache:/b', { source: 'cache', target: '/b', readOnly: false, bind: false }],
    ['a:/b', { target: 'a:/b', readOnly: false, bind: false }], // compose-go too reads one letter and a colon as a drive
  ];
  for (const [spec, expected] of cases) it(spec, () => assert.deepEqual(parseShortVolume(spec), expected));

  it('refuses what docker compose refuses: empty, too many colons', () => {
    assert.equal(parseShortVolume(''), undefined);
    assert.equal(parseShortVolume('/a:/b:ro:extra'), undefined);
  });

  it('is linear in the length of the spec (hostile input)', () => {
    assert.equal(parseShortVolume(`/${'a:'.repeat(200_000)}`), undefined);
    assert.equal(parseShortVolume(`/${'a'.repeat(1_000_000)}:/b`)?.target, '/b');
  });
});
