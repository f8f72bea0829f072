// The CLI as CI uses it: discovery, every format, exit codes, --output, --max-warnings, --quiet.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type * as Sarif from 'sarif';
import { HARDENED_POD, PRIVILEGED_POD, WARNING_ONLY_POD } from './pods.js';
import { tempWorkspace } from '../support/tempWorkspace.js';

const CLI = resolve('dist/cli.js');

const workspace = (files: Record<string, string>) => tempWorkspace('cli', files);

function run(args: string[], cwd: string) {
  // Reports of 150 files run past spawnSync's default 1 MB buffer, which would kill the CLI mid-report.
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('manifestlint scan', () => {
  it('prints file:line:col  severity  message  rule-id, a summary, and exits 1 on an error finding', () => {
    const root = workspace({ 'k8s/pod.yaml': PRIVILEGED_POD });
    const { code, stdout } = run(['scan', '--no-color'], root);
    assert.equal(code, 1);
    assert.match(stdout, /^k8s\/pod\.yaml:10:9 {2}error {4}Container "web" runs privileged: it has full access to the host {2}k8s\/privileged-container$/m);
    assert.match(stdout, /✖ \d+ problems \(1 error, \d+ warnings, \d+ info\) in 1 file/);
  });

  it('exits 0 on a clean tree, and on warnings alone', () => {
    assert.equal(run(['scan'], workspace({ 'pod.yaml': HARDENED_POD })).code, 0);
    const warned = run(['scan', '--no-color'], workspace({ 'pod.yaml': WARNING_ONLY_POD }));
    assert.equal(warned.code, 0);
    assert.match(warned.stdout, /k8s\/writable-root-filesystem/);
  });

  it('--max-warnings turns too many warnings into exit 1', () => {
    const root = workspace({ 'pod.yaml': WARNING_ONLY_POD });
    assert.equal(run(['scan', '--max-warnings', '1'], root).code, 0);
    assert.equal(run(['scan', '--max-warnings', '0'], root).code, 1);
  });

  it('--quiet reports errors only', () => {
    const { stdout } = run(['scan', '--quiet', '--no-color'], workspace({ 'pod.yaml': PRIVILEGED_POD }));
    assert.match(stdout, /k8s\/privileged-container/);
    assert.doesNotMatch(stdout, /  warning  /);
  });

  it('exits 2 on usage errors', () => {
    const root = workspace({});
    assert.equal(run(['scan', '--format', 'xml'], root).code, 2);
    assert.equal(run(['scan', '--bogus'], root).code, 2);
    assert.equal(run(['scan', 'missing-folder'], root).code, 2);
    assert.equal(run(['frobnicate'], root).code, 2);
    const { code, stderr } = run(['scan', '--max-warnings', 'many'], root);
    assert.equal(code, 2);
    assert.match(stderr, /--max-warnings takes a whole number/);
  });

  it('finds YAML and Dockerfiles by name, skipping node_modules, .git and .gitignored paths (nested .gitignore files too)', () => {
    const root = workspace({
      'a.yaml': PRIVILEGED_POD,
      'b.yml': PRIVILEGED_POD,
      'node_modules/x/c.yaml': PRIVILEGED_POD,
      '.git/d.yaml': PRIVILEGED_POD,
      'generated/e.yaml': PRIVILEGED_POD,
      '.gitignore': 'generated/\n',
      'svc/.gitignore': 'local-*.yaml\n',
      'svc/local-dev.yaml': PRIVILEGED_POD,
      'svc/app.yaml': PRIVILEGED_POD,
      'notes.txt': 'privileged: true',
    });
    const files = JSON.parse(run(['scan', '--format', 'json'], root).stdout).map((f: { filePath: string }) => f.filePath);
    assert.deepEqual(files, ['a.yaml', 'b.yml', 'svc/app.yaml']);
  });

  it('lints a file named explicitly even if .gitignore excludes its folder', () => {
    const root = workspace({ 'generated/e.yaml': PRIVILEGED_POD, '.gitignore': 'generated/\n' });
    assert.equal(run(['scan', 'generated/e.yaml'], root).code, 1);
  });

  it('--format json gives 1-based positions per finding', () => {
    const [file] = JSON.parse(run(['scan', '--format', 'json'], workspace({ 'pod.yaml': PRIVILEGED_POD })).stdout);
    const privileged = file.findings.find((f: { ruleId: string }) => f.ruleId === 'k8s/privileged-container');
    assert.deepEqual(
      { line: privileged.line, column: privileged.column, endLine: privileged.endLine, endColumn: privileged.endColumn, severity: privileged.severity },
      { line: 10, column: 9, endLine: 10, endColumn: 25, severity: 'error' },
    );
  });

  it('--format sarif is valid SARIF 2.1.0 with rules, help URIs, regions and fingerprints', () => {
    const root = workspace({ 'pod.yaml': PRIVILEGED_POD, 'sub dir/other.yaml': PRIVILEGED_POD });
    const { stdout } = run(['scan', '--format', 'sarif'], root);
    const log: Sarif.Log = JSON.parse(stdout);
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync('test/fixtures/schemas/sarif-2.1.0-rtm.5.json', 'utf8')));
    const valid: boolean = validate(log); // a plain boolean: asserting the type guard would narrow `log` to unknown
    assert.ok(valid, JSON.stringify(validate.errors, null, 2));
    const [run0] = log.runs;
    const rules = run0.tool.driver.rules ?? [];
    const results = run0.results ?? [];
    assert.match(rules.find((r) => r.id === 'k8s/privileged-container')?.helpUri ?? '', /docs\/rules\/k8s\/privileged-container\.md$/);
    const result = results.find((r) => r.ruleId === 'k8s/privileged-container');
    assert.ok(result?.locations);
    assert.equal(result.level, 'error');
    assert.equal(rules[result.ruleIndex ?? -1]?.id, 'k8s/privileged-container');
    assert.deepEqual(result.locations[0].physicalLocation?.region, { startLine: 10, startColumn: 9, endLine: 10, endColumn: 25 });
    assert.equal(result.locations[0].physicalLocation?.artifactLocation?.uriBaseId, 'SRCROOT');
    assert.ok(results.some((r) => r.locations?.[0].physicalLocation?.artifactLocation?.uri === 'sub%20dir/other.yaml'));
    const fingerprints = results.map((r) => r.partialFingerprints?.['manifestlintFinding/v1']);
    assert.equal(new Set(fingerprints).size, fingerprints.length, 'fingerprints are unique per result');
  });

  it('--output writes the report to a file and nothing to stdout', () => {
    const root = workspace({ 'pod.yaml': PRIVILEGED_POD });
    const { code, stdout } = run(['scan', '--format', 'sarif', '--output', 'report.sarif'], root);
    assert.equal(code, 1);
    assert.equal(stdout, '');
    assert.equal(JSON.parse(readFileSync(join(root, 'report.sarif'), 'utf8')).version, '2.1.0');
  });

  it('gives the same report, in the same order, with worker threads as without', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 150; i++) files[`apps/app-${i}/deploy.yaml`] = i % 3 ? PRIVILEGED_POD : HARDENED_POD;
    const root = workspace(files);
    const inThread = run(['scan', '--format', 'sarif', '--jobs', '1'], root);
    const withWorkers = run(['scan', '--format', 'sarif', '--jobs', '2'], root);
    assert.equal(withWorkers.code, 1);
    assert.equal(withWorkers.stdout, inThread.stdout);
    assert.equal(JSON.parse(withWorkers.stdout).runs[0].results.filter((r: Sarif.Result) => r.ruleId === 'k8s/privileged-container').length, 100);
  });

  it('--fix rewrites files in place, keeps their formatting, and reports what remains', () => {
    const source = PRIVILEGED_POD.replace('      image: ghcr.io/acme/web:1.4.2\n', '      image: ghcr.io/acme/web:1.4.2 # pinned by the platform team\n');
    const root = workspace({ 'pod.yaml': source, 'clean.yaml': HARDENED_POD });
    const { code, stdout, stderr } = run(['scan', '--fix', '--no-color'], root);
    const fixed = readFileSync(join(root, 'pod.yaml'), 'utf8');
    assert.match(fixed, /privileged: false/);
    assert.match(fixed, /image: ghcr\.io\/acme\/web:1\.4\.2 # pinned by the platform team\n/, 'comments survive');
    assert.equal(readFileSync(join(root, 'clean.yaml'), 'utf8'), HARDENED_POD, 'a clean file is not rewritten');
    assert.match(stderr, /^manifestlint: fixed \d+ problems in 1 file$/m);
    assert.doesNotMatch(stdout, /k8s\/privileged-container/);
    assert.equal(code, 0, 'no error-severity finding remains');
    assert.deepEqual(run(['scan', '--format', 'json'], root).stdout, run(['scan', '--format', 'json'], root).stdout, 'a second run is stable');
  });

  it('SARIF keeps suppressed findings, with the reason as justification', () => {
    const suppressed = PRIVILEGED_POD.replace('        privileged: true', '        # manifestlint-disable-next-line k8s/privileged-container -- CI builder, isolated node pool\n        privileged: true');
    const root = workspace({ 'pod.yaml': suppressed });
    const log: Sarif.Log = JSON.parse(run(['scan', '--format', 'sarif'], root).stdout);
    const result = log.runs[0].results?.find((r) => r.ruleId === 'k8s/privileged-container');
    assert.deepEqual(result?.suppressions, [{ kind: 'inSource', status: 'accepted', justification: 'CI builder, isolated node pool' }]);
    assert.doesNotMatch(run(['scan', '--no-color'], root).stdout, /privileged-container/, 'stylish output leaves it out');
  });

  it('--version and --help', () => {
    const root = workspace({});
    assert.match(run(['--version'], root).stdout, /^\d+\.\d+\.\d+\n$/);
    const help = run(['--help'], root);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /manifestlint scan \[paths…\]/);
  });
});
