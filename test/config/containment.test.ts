// A cloned repository's config cannot extend the files beside the clone, even when the scan runs from
// a folder above it that is not a repository (a home folder): `extends: ../../.kube/config` is refused
// and nothing of that file is printed. Found in review.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';

const CLI = resolve('dist/cli.js');
const PLANTED = 'ghp_PLANTEDPLANTEDPLANTED12345';
const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostPID: true\n  containers: []\n';

describe('a config inside a repository scanned from a folder that is not one', () => {
  const home = realpathSync(mkdtempSync(join(tmpdir(), 'manifestlint-home-')));
  after(() => execFileSync('rm', ['-rf', home]));
  mkdirSync(join(home, '.kube'));
  writeFileSync(join(home, '.kube', 'config'), `apiVersion: v1\nrules: {${PLANTED}: error}\n`);
  const clone = join(home, 'src', 'evil');
  mkdirSync(join(clone, '.git'), { recursive: true });
  writeFileSync(join(clone, '.manifestlint.yaml'), 'extends: ../../.kube/config\n');
  writeFileSync(join(clone, 'pod.yaml'), POD);
  mkdirSync(join(home, 'src', 'mono', 'app'), { recursive: true });
  mkdirSync(join(home, 'src', 'mono', '.git'));
  writeFileSync(join(home, 'src', 'mono', 'policy.yaml'), 'rules: { k8s/host-pid: warning }\n');
  writeFileSync(join(home, 'src', 'mono', 'app', '.manifestlint.yaml'), 'extends: ../policy.yaml\n');
  writeFileSync(join(home, 'src', 'mono', 'app', 'pod.yaml'), POD);

  function scan(path: string) {
    const result = spawnSync(process.execPath, [CLI, 'scan', path, '--format', 'json'], { cwd: home, encoding: 'utf8', timeout: 30_000 });
    return { ...result, printed: result.stdout + result.stderr };
  }

  it('may not extend a file outside its own repository', () => {
    const result = scan('src/evil');
    assert.equal(result.status, 2, result.printed);
    assert.match(result.printed, /outside the project folder/);
    assert.ok(!result.printed.includes(PLANTED), result.printed);
  });

  it('may still extend a file elsewhere in its own repository', () => {
    const result = scan('src/mono/app');
    assert.equal(result.status, 0, result.printed);
    assert.match(result.stdout, /"ruleId": "k8s\/host-pid"[\s\S]*?"severity": "warning"/);
  });
});
