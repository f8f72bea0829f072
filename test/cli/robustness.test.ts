// The CLI on a hostile or odd tree: FIFOs and devices never block or flood it, names cannot drive the
// terminal, nothing that should have been linted is skipped in silence, and exit codes stay honest.
// Every run has a timeout, so a regression fails instead of hanging the suite.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { HARDENED_POD, PRIVILEGED_POD, WARNING_ONLY_POD } from './pods.js';

const CLI = resolve('dist/cli.js');
const RUN_TIMEOUT_MS = 30_000;
/** An unprivileged account, to test what root could read anyway (uid/gid of `nobody` on Debian and most Linux). */
const NOBODY = { uid: 65534, gid: 65534 };

const created: string[] = [];
// `rm -rf` rather than rmSync: it removes a tree deeper than PATH_MAX too.
after(() => execFileSync('rm', ['-rf', ...created]));

function workspace(files: Record<string, string | Buffer> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'manifestlint-robust-'));
  created.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

function run(args: string[], cwd: string, options: SpawnSyncOptions = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: RUN_TIMEOUT_MS, killSignal: 'SIGKILL', ...options });
  assert.equal(result.signal, null, `manifestlint ${args.join(' ')} did not finish within ${RUN_TIMEOUT_MS / 1000} s (killed by ${result.signal})`);
  return { code: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** The JSON report's entries that carry an error, as `[filePath, error]`. */
function failures(stdout: string): [string, string][] {
  return (JSON.parse(stdout) as { filePath: string; error?: string }[]).flatMap((f) => (f.error ? [[f.filePath, f.error] as [string, string]] : []));
}

const mkfifo = (path: string) => execFileSync('mkfifo', [path]);
const NOT_REGULAR = 'Not linted: not a regular file (a pipe, a device or a socket).';

describe('manifestlint scan on files that are not regular files', () => {
  it('a FIFO or a link to a device among chart templates neither hangs Helm detection nor goes unreported', () => {
    const root = workspace({
      'chart/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 1.0.0\n',
      'chart/values.yaml': 'securityContext:\n  privileged: true\n',
      'chart/templates/deployment.yaml': 'spec:\n  securityContext: {{ toYaml .Values.securityContext | nindent 4 }}\n',
    });
    mkfifo(join(root, 'chart/templates/pipe.yaml'));
    symlinkSync('/dev/zero', join(root, 'chart/templates/zero.yaml'));
    const { code, stdout } = run(['scan', '--format', 'json'], root);
    assert.equal(code, 2);
    assert.deepEqual(failures(stdout), [['chart/templates/pipe.yaml', NOT_REGULAR]]);
    const values = (JSON.parse(stdout) as { filePath: string; findings: { message: string }[] }[]).find((f) => f.filePath === 'chart/values.yaml');
    assert.match(values?.findings[0]?.message ?? '', /read by templates\/deployment\.yaml/, 'the readable template still informs the values lint');
  });

  it('a FIFO, a link to /dev/zero and a link to /proc/self/pagemap named on the command line are refused at once', () => {
    const root = workspace({ 'pod.yaml': PRIVILEGED_POD });
    mkfifo(join(root, 'fifo.yaml'));
    symlinkSync('/dev/zero', join(root, 'zero.yaml'));
    symlinkSync('/proc/self/pagemap', join(root, 'Dockerfile'));
    const { code, stdout } = run(['scan', '--format', 'json', 'fifo.yaml', 'zero.yaml', 'Dockerfile', 'pod.yaml'], root);
    assert.equal(code, 2);
    assert.deepEqual(failures(stdout), [
      ['Dockerfile', 'Not linted: the file is larger than 5 MB (limits.maxFileSizeMB in the manifestlint config).'],
      ['fifo.yaml', NOT_REGULAR],
      ['zero.yaml', NOT_REGULAR],
    ]);
    assert.ok(JSON.parse(stdout).some((f: { filePath: string; findings: unknown[] }) => f.filePath === 'pod.yaml' && f.findings.length > 0), 'the other file is linted');
  });

  it('links met inside a folder are not followed, so a link to a device or out of the tree is never read', () => {
    const outside = workspace({ 'secret.yaml': PRIVILEGED_POD });
    const root = workspace({ 'pod.yaml': HARDENED_POD });
    symlinkSync('/dev/zero', join(root, 'zero.yaml'));
    symlinkSync(join(outside, 'secret.yaml'), join(root, 'outside.yaml'));
    const { code, stdout } = run(['scan', '--format', 'json'], root);
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(stdout).map((f: { filePath: string }) => f.filePath), ['pod.yaml']);
  });
});

describe('manifestlint scan never prints raw control characters', () => {
  it('escapes them in file names and in messages that quote the file', () => {
    const name = 'pod\u001b[2J\u0007\u009b31m.yaml';
    const root = workspace({ [name]: PRIVILEGED_POD.replace('name: web', 'name: "web\\e]0;owned\\a\\u202e"') });
    const { code, stdout } = run(['scan', '--no-color'], root);
    assert.equal(code, 1);
    assert.doesNotMatch(stdout, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/, 'nothing but newlines among the controls');
    assert.match(stdout, /^pod\\e\[2J\\x07\\x9b31m\.yaml:10:9 {2}error/m);
    assert.match(stdout, /Container "web\\e\]0;owned\\x07\\u202e"/);
  });

  it('keeps JSON and SARIF reports free of raw controls too, with the same data', () => {
    const name = 'pod\u001b[2J\u009b\u202e.yaml';
    const root = workspace({ [name]: PRIVILEGED_POD });
    for (const format of ['json', 'sarif']) {
      const { stdout } = run(['scan', '--format', format], root);
      assert.doesNotMatch(stdout, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/, format);
    }
    assert.equal(JSON.parse(run(['scan', '--format', 'json'], root).stdout)[0].filePath, name, 'escaped, not altered');
  });

  it('escapes an error message that quotes a path', () => {
    const { code, stderr } = run(['scan', 'missing\u001b[2J.yaml'], workspace());
    assert.equal(code, 2);
    assert.equal(stderr, 'manifestlint: no such file or directory: missing\\e[2J.yaml\n');
  });
});

describe('manifestlint scan reports every path it could not lint', () => {
  it('lints files whose names hold # or ?', () => {
    const root = workspace({ 'pod#1.yaml': PRIVILEGED_POD, 'pod?2.yaml': PRIVILEGED_POD, 'web#blue.Dockerfile': 'FROM alpine:3.20\nUSER root\n' });
    const { code, stdout } = run(['scan', '--format', 'json'], root);
    assert.equal(code, 1);
    const files = JSON.parse(stdout) as { filePath: string; findings: unknown[] }[];
    assert.deepEqual(files.map((f) => [f.filePath, f.findings.length > 0]), [['pod#1.yaml', true], ['pod?2.yaml', true], ['web#blue.Dockerfile', true]]);
  });

  it('reports an unreadable folder and exits 2, linting the rest', () => {
    const root = workspace({ 'pod.yaml': HARDENED_POD, 'locked/secret.yaml': PRIVILEGED_POD });
    chmodSync(join(root, 'locked'), 0o000);
    chmodSync(root, 0o755);
    // root reads any folder: as root, run the CLI as an unprivileged user instead, as CI runners do.
    const asUser = userInfo().uid === 0 ? NOBODY : {};
    const { code, stdout } = run(['scan', '--no-color'], root, asUser);
    chmodSync(join(root, 'locked'), 0o755);
    assert.equal(code, 2);
    assert.match(stdout, /^locked {2}error {2}Not linted: cannot read this folder \(EACCES\), so nothing in it was linted\.$/m);
    assert.match(stdout, /✖ 1 path could not be linted; no problems in 1 file$/m);
  });

  it('reports a folder whose path is longer than the system allows', () => {
    const root = workspace();
    // Created step by step (each mkdir relative to the last): no single call may name a path over PATH_MAX.
    const build = `const fs = require('fs'); for (let i = 0; i < 20; i++) { fs.mkdirSync('${'d'.repeat(250)}'); process.chdir('${'d'.repeat(250)}'); } fs.writeFileSync('pod.yaml', 'kind: Pod\\n');`;
    execFileSync(process.execPath, ['-e', build], { cwd: root });
    const { code, stdout } = run(['scan', '--format', 'json'], root);
    assert.equal(code, 2);
    const [[path, error]] = failures(stdout);
    assert.equal(error, 'Not linted: cannot read this folder (ENAMETOOLONG), so nothing in it was linted.');
    assert.ok(path.length > 4096 - root.length);
  });

  it('reports a path named on the command line that the system cannot stat, instead of crashing', () => {
    // A name over 255 bytes cannot exist on Linux filesystems; naming one is the nearest a user gets.
    const { code, stdout, stderr } = run(['scan', '--no-color', `${'x'.repeat(300)}.yaml`], workspace());
    assert.equal(code, 2);
    assert.match(stdout, /x{300}\.yaml {2}error {2}Not linted: cannot read: ENAMETOOLONG\.$/m);
    assert.equal(stderr, '');
  });

  it('says once that a binary file named Dockerfile is binary', () => {
    const binary = Buffer.alloc(4096);
    for (let i = 0; i < binary.length; i++) binary[i] = (i * 37) % 256;
    const { code, stdout } = run(['scan', '--no-color'], workspace({ Dockerfile: binary, 'pod.yaml': HARDENED_POD }));
    assert.equal(code, 2);
    assert.equal(stdout, 'Dockerfile  error  Not linted: the file holds binary content, not text.\n\n✖ 1 path could not be linted; no problems in 1 file\n');
  });

  it('lints a file named on the command line whatever its name, as YAML (issue 15: it was skipped)', () => {
    const { code, stdout, stderr } = run(['scan', '--no-color', 'README.md', 'pod.yaml'], workspace({ 'README.md': '# hi\n', 'pod.yaml': HARDENED_POD }));
    assert.equal(code, 0);
    assert.equal(stderr, '');
    assert.equal(stdout, '✔ no problems in 2 files\n');
  });
});

describe('manifestlint scan exit codes', () => {
  it('--quiet hides warnings from the report but --max-warnings still counts them', () => {
    const root = workspace({ 'pod.yaml': WARNING_ONLY_POD });
    const quiet = run(['scan', '--quiet', '--max-warnings', '0', '--no-color'], root);
    assert.equal(quiet.code, 1);
    assert.doesNotMatch(quiet.stdout, /warning/);
    assert.equal(run(['scan', '--quiet', '--max-warnings', '5'], root).code, 0);
  });
});
