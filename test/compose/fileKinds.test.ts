import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isComposeName, languageOf } from '../../server/src/text/fileKinds.js';

describe('Compose file recognition by name', () => {
  it("the names VS Code's YAML extension gives the dockercompose language", () => {
    for (const name of ['compose.yaml', 'compose.yml', 'compose.override.yaml', 'compose.prod.yml', 'docker-compose.yml', 'docker-compose.yaml', 'docker-compose.override.yml', 'docker-compose.dev.yaml', 'my-docker-compose.yml', 'Docker-Compose.YML']) {
      assert.equal(isComposeName(`/repo/deploy/${name}`), true, name);
    }
    assert.equal(isComposeName('file:///c%3A/work/app/docker-compose.yml'), true);
  });

  it('not other YAML files, nor Compose-looking names with another extension', () => {
    for (const name of ['composer.yaml', 'compose.json', 'docker-compose.yml.j2', 'compose-file.txt', 'values.yaml', 'deployment.yaml', 'compose', 'docker.yml', 'composed-docker.yml']) {
      assert.equal(isComposeName(`/repo/${name}`), false, name);
    }
  });

  it('are linted as YAML, so the secrets rules see them too; by language id when untitled', () => {
    assert.equal(languageOf('/repo/compose.yaml'), 'yaml');
    assert.equal(languageOf('/repo/docker-compose.override.yml', 'dockercompose'), 'yaml');
    assert.equal(languageOf('untitled:Untitled-1', 'dockercompose'), 'yaml');
  });

  it('a very long name is judged without backtracking (hostile input)', () => {
    assert.equal(isComposeName(`/repo/${'docker'.repeat(50_000)}.yml`), false);
    assert.equal(isComposeName(`/repo/${'dockercompos'.repeat(50_000)}e.yml`), true);
  });
});
