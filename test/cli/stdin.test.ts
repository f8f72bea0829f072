// `scan -` lints standard input (`helm template … | manifestlint scan -`), named and configured by
// --stdin-filename; a file named on the command line is linted whatever its extension; a Kustomize
// patch named alone is linted for what it sets.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { PRIVILEGED_POD } from './pods.js';

const CLI = resolve('dist/cli.js');

function run(args: string[], cwd: string, input?: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', input });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const ruleIds = (stdout: string) => (JSON.parse(stdout) as { filePath: string; findings: { ruleId: string; line: number }[] }[]).flatMap((file) => file.findings.map((f) => `${file.filePath}:${f.line} ${f.ruleId}`));

describe('manifestlint scan -', () => {
  const dir = mkdtempSync(join(tmpdir(), 'manifestlint-stdin-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, '.git'));

  it('lints standard input as YAML, reported as <stdin>, exit 1 on an error', () => {
    const result = run(['scan', '-', '-f', 'json'], dir, PRIVILEGED_POD);
    assert.equal(result.status, 1, result.stderr);
    assert.ok(ruleIds(result.stdout).includes('<stdin>:10 k8s/privileged-container'), result.stdout);
  });

  it('--stdin-filename picks the language and the config of that file', () => {
    writeFileSync(join(dir, '.manifestlint.yaml'), 'overrides:\n  - files: ["dev/**"]\n    rules: { k8s/privileged-container: off }\n');
    const asDev = run(['scan', '-', '--stdin-filename', 'dev/pod.yaml', '-f', 'json'], dir, PRIVILEGED_POD);
    assert.ok(!ruleIds(asDev.stdout).some((id) => id.endsWith('k8s/privileged-container')), asDev.stdout);
    const dockerfile = run(['scan', '-', '--stdin-filename', 'Dockerfile', '-f', 'json'], dir, 'FROM ubuntu\n');
    assert.deepEqual(ruleIds(dockerfile.stdout).filter((id) => id.includes('dockerfile/image-latest')), ['Dockerfile:1 dockerfile/image-latest']);
    rmSync(join(dir, '.manifestlint.yaml'));
  });

  it('refuses to mix - with paths, and --fix on standard input (exit 2)', () => {
    assert.equal(run(['scan', '-', 'x.yaml'], dir, '').status, 2);
    assert.equal(run(['scan', '-', '--fix'], dir, '').status, 2);
    assert.equal(run(['scan', '--stdin-filename', 'a.yaml', '.'], dir).status, 2);
  });

  it('a file named explicitly is linted whatever its extension', () => {
    writeFileSync(join(dir, 'rendered.txt'), PRIVILEGED_POD);
    const result = run(['scan', 'rendered.txt', '-f', 'json'], dir);
    assert.equal(result.status, 1, result.stderr);
    assert.ok(ruleIds(result.stdout).includes('rendered.txt:10 k8s/privileged-container'), result.stdout);
    // In a folder scan, a .txt is still not a manifest.
    assert.ok(!ruleIds(run(['scan', '.', '-f', 'json'], dir).stdout).some((id) => id.startsWith('rendered.txt')));
    rmSync(join(dir, 'rendered.txt'));
  });

  it('a Kustomize patch named alone reports what it introduces, not what the base has', () => {
    mkdirSync(join(dir, 'overlay'));
    writeFileSync(join(dir, 'overlay/kustomization.yaml'), 'resources: [../base]\npatches:\n  - path: debug.yaml\n');
    writeFileSync(join(dir, 'overlay/debug.yaml'), 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          securityContext: {privileged: true}\n');
    const result = run(['scan', 'overlay/debug.yaml', '-f', 'json'], dir);
    assert.deepEqual(ruleIds(result.stdout), ['overlay/debug.yaml:9 k8s/privileged-container']);
    // Piped in under its name, it is the same patch.
    const piped = run(['scan', '-', '--stdin-filename', 'overlay/debug.yaml', '-f', 'json'], dir, 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n');
    assert.deepEqual(ruleIds(piped.stdout), []);
  });
});
