// Adopting manifestlint on an existing repository: record today's findings, gate only on new ones,
// prune what gets fixed, and lint only what a change touches.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { PRIVILEGED_POD, WARNING_ONLY_POD } from './pods.js';
import { tempWorkspace, writeFiles } from '../support/tempWorkspace.js';

const CLI = resolve('dist/cli.js');

const workspace = (files: Record<string, string>) => tempWorkspace('baseline', files);

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function ruleIds(stdout: string): string[] {
  return (JSON.parse(stdout) as { findings: { ruleId: string }[] }[]).flatMap((file) => file.findings.map((finding) => finding.ruleId));
}

const SECOND_PRIVILEGED = PRIVILEGED_POD.replace('name: p\n', 'name: q\n');

describe('manifestlint baseline', () => {
  it('records every finding, and scan --baseline then reports only new ones', () => {
    const root = workspace({ 'k8s/pod.yaml': PRIVILEGED_POD });
    const written = run(['baseline'], root);
    assert.equal(written.code, 0, written.stderr);
    assert.match(written.stderr, /wrote \d+ findings to \.manifestlint-baseline\.json/);
    const baseline = JSON.parse(readFileSync(join(root, '.manifestlint-baseline.json'), 'utf8')) as { entries: { file: string; ruleId: string }[] };
    assert.ok(baseline.entries.some((entry) => entry.file === 'k8s/pod.yaml' && entry.ruleId === 'k8s/privileged-container'));

    const clean = run(['scan', '--baseline', '.manifestlint-baseline.json', '--format', 'json'], root);
    assert.equal(clean.code, 0, 'nothing new: no error gates the build');
    assert.deepEqual(ruleIds(clean.stdout), []);
    assert.match(clean.stderr, /\d+ findings in the baseline not shown/);

    // Lines added above the finding keep it baselined; a second privileged pod is new.
    writeFiles(root, { 'k8s/pod.yaml': `# owned by team web\n\n${PRIVILEGED_POD}---\n${SECOND_PRIVILEGED}` });
    const changed = run(['scan', '--baseline', '.manifestlint-baseline.json', '--format', 'json'], root);
    assert.equal(changed.code, 1);
    assert.equal(ruleIds(changed.stdout).filter((id) => id === 'k8s/privileged-container').length, 1);
  });

  it('--update-baseline removes the entries of fixed findings and keeps the others', () => {
    const root = workspace({ 'a.yaml': PRIVILEGED_POD, 'b.yaml': WARNING_ONLY_POD });
    run(['baseline'], root);
    const before = JSON.parse(readFileSync(join(root, '.manifestlint-baseline.json'), 'utf8')) as { entries: { file: string; ruleId: string }[] };
    writeFiles(root, { 'a.yaml': PRIVILEGED_POD.replace('privileged: true', 'privileged: false') });
    const updated = run(['scan', '--baseline', '.manifestlint-baseline.json', '--update-baseline'], root);
    assert.match(updated.stderr, /baseline updated, 1 fixed entry removed/);
    const after = JSON.parse(readFileSync(join(root, '.manifestlint-baseline.json'), 'utf8')) as { entries: { file: string; ruleId: string }[] };
    assert.deepEqual(
      after.entries,
      before.entries.filter((entry) => !(entry.file === 'a.yaml' && entry.ruleId === 'k8s/privileged-container')),
    );
  });

  it('a baseline of a partial scan keeps the entries of files it did not scan', () => {
    const root = workspace({ 'a.yaml': PRIVILEGED_POD, 'b.yaml': PRIVILEGED_POD });
    run(['baseline'], root);
    const before = readFileSync(join(root, '.manifestlint-baseline.json'), 'utf8');
    run(['scan', 'a.yaml', '--baseline', '.manifestlint-baseline.json', '--update-baseline'], root);
    assert.equal(readFileSync(join(root, '.manifestlint-baseline.json'), 'utf8'), before);
  });

  it('a file that is not a baseline is a usage error naming it', () => {
    const root = workspace({ 'pod.yaml': PRIVILEGED_POD, 'bogus.json': '{"entries": 3}' });
    const result = run(['scan', '--baseline', 'bogus.json'], root);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /bogus\.json: the baseline is not a manifestlint baseline/);
  });
});

function git(args: string[], cwd: string): void {
  execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', '-c', 'commit.gpgsign=false', ...args], { cwd, stdio: 'ignore' });
}

describe('manifestlint scan --changed-since', () => {
  it('lints only the files changed since the commit, and new ones git does not ignore', () => {
    const root = workspace({ 'old.yaml': PRIVILEGED_POD, 'edited.yaml': WARNING_ONLY_POD, '.gitignore': 'ignored.yaml\n' });
    git(['init', '-q', '-b', 'main'], root);
    git(['add', '.'], root);
    git(['commit', '-q', '-m', 'start'], root);
    writeFiles(root, { 'edited.yaml': PRIVILEGED_POD, 'new.yaml': PRIVILEGED_POD, 'ignored.yaml': PRIVILEGED_POD });
    const result = run(['scan', '--changed-since', 'HEAD', '--format', 'json'], root);
    const files = (JSON.parse(result.stdout) as { filePath: string }[]).map((file) => file.filePath).sort();
    assert.deepEqual(files, ['edited.yaml', 'new.yaml']);
    assert.match(result.stderr, /2 files changed since HEAD/);
  });

  it('judges the changed files with the unchanged ones for the workspace rules: a NetworkPolicy left as it was still counts', () => {
    const policy = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny\n  namespace: shop\nspec:\n  podSelector: {}\n';
    const pod = PRIVILEGED_POD.replace('name: p\n', 'name: p\n  namespace: shop\n');
    const root = workspace({ 'policy.yaml': policy, 'pod.yaml': pod, 'elsewhere.yaml': pod.replace('namespace: shop', 'namespace: other') });
    git(['init', '-q', '-b', 'main'], root);
    git(['add', '.'], root);
    git(['commit', '-q', '-m', 'start'], root);
    writeFiles(root, { 'pod.yaml': pod.replace('name: p\n', 'name: p2\n'), 'elsewhere.yaml': pod.replace('namespace: shop', 'namespace: other').replace('name: p\n', 'name: p3\n') });
    const files = JSON.parse(run(['scan', '--changed-since', 'HEAD', '--format', 'json'], root).stdout) as { filePath: string; findings: { ruleId: string }[] }[];
    const unselected = files.filter((file) => file.findings.some((f) => f.ruleId === 'k8s/namespace-without-network-policy')).map((file) => file.filePath);
    assert.deepEqual(unselected, ['elsewhere.yaml']);
    assert.deepEqual(files.map((file) => file.filePath).sort(), ['elsewhere.yaml', 'pod.yaml']);
  });

  it('says clearly when the folder is not a git repository or the commit does not exist', () => {
    const root = workspace({ 'pod.yaml': PRIVILEGED_POD });
    const outside = run(['scan', '--changed-since', 'HEAD'], root);
    assert.equal(outside.code, 2);
    assert.match(outside.stderr, /--changed-since needs a git repository/);
    git(['init', '-q'], root);
    const unknown = run(['scan', '--changed-since', 'no-such-ref'], root);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /no commit "no-such-ref" in this repository/);
  });

  it('does not let the repository run a program through its git config', () => {
    const root = workspace({ 'pod.yaml': PRIVILEGED_POD });
    git(['init', '-q'], root);
    git(['add', '.'], root);
    git(['commit', '-q', '-m', 'start'], root);
    const marker = join(root, 'ran');
    git(['config', 'core.fsmonitor', `touch ${marker}; false`], root);
    git(['config', 'diff.external', `sh -c 'touch ${marker}'`], root);
    writeFileSync(join(root, 'pod.yaml'), WARNING_ONLY_POD);
    run(['scan', '--changed-since', 'HEAD'], root);
    assert.throws(() => readFileSync(marker), /ENOENT/);
  });
});
