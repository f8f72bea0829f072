import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isDockerfileName, languageOf } from '../../server/src/text/fileKinds.js';

describe('Dockerfile recognition', () => {
  it('by name: Dockerfile, Dockerfile.*, *.Dockerfile, *.dockerfile, Containerfile, Containerfile.*', () => {
    for (const name of ['Dockerfile', 'Dockerfile.prod', 'Dockerfile.dev.arm64', 'api.Dockerfile', 'web.dockerfile', 'Containerfile', 'Containerfile.ci']) {
      assert.equal(isDockerfileName(`/repo/services/${name}`), true, name);
    }
  });

  it('in URIs and Windows paths, percent-encoded names included', () => {
    assert.equal(isDockerfileName('file:///c%3A/work/api/Dockerfile'), true);
    assert.equal(isDockerfileName('C:\\work\\api\\worker.Dockerfile'), true);
    assert.equal(isDockerfileName('file:///repo/My%20App.dockerfile'), true);
  });

  it('in paths, # ? and % are part of the name; in URIs they start a fragment, a query or an escape', () => {
    assert.equal(languageOf('/repo/pod#1.yaml'), 'yaml');
    assert.equal(languageOf('/repo/what?.yaml'), 'yaml');
    assert.equal(isDockerfileName('/repo/Dockerfile.100%'), true);
    assert.equal(languageOf('file:///repo/pod%231.yaml'), 'yaml');
    assert.equal(languageOf('file:///repo/pod.yaml#L3'), 'yaml');
  });

  it('not files that only mention Docker', () => {
    for (const name of ['Dockerfilex', 'Dockerfiles', 'docker-compose.yml', 'Dockerfile/', 'notes.dockerfile.md', '.dockerignore', 'Containerfiles']) {
      assert.equal(isDockerfileName(`/repo/${name}`), false, name);
    }
  });

  it('by editor language id, whatever the name', () => {
    assert.equal(languageOf('untitled:Untitled-1', 'dockerfile'), 'dockerfile');
    assert.equal(languageOf('/repo/build/prod.df', 'dockerfile'), 'dockerfile');
    assert.equal(languageOf('/repo/Containerfile.ci'), 'dockerfile');
    assert.equal(languageOf('/repo/README.md'), undefined);
  });
});
