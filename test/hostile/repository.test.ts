// One repository holding every trap of the threat model (SECURITY.md), opened in the language server
// and scanned by the CLI, as a user who cloned it would: nothing hangs or crashes, nothing outside the
// repository is read, quoted or published on, no control byte reaches the terminal, and the genuine
// finding in it is still reported. Each trap also has a focused test next to the code that defends it.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { DidOpenTextDocumentNotification, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { ScanWorkspaceRequest } from '../../server/src/lsp/protocol.js';
import { FAKE_TOKENS } from '../secrets/fakes.js';
import { TestLspClient } from '../support/lspClient.js';

const CLI = resolve('dist/cli.js');
/** Planted in files outside the repository: it must never be printed, published or logged. */
const CANARY = 'canary-outside-the-repository-7f3a';
/** Planted inside the repository as a secret (its checksum holds, as a minted one's does): only its redacted preview may be shown. */
const TOKEN = FAKE_TOKENS['github-token'];
const ESCAPE = '\u001b';
const RUN_TIMEOUT_MS = 60_000;

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostPID: true\n  containers:\n    - name: web\n      image: ghcr.io/acme/web:1.4.2\n';

function aliasBomb(): string {
  const levels = ['l0: &l0 [x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 9; i++) levels.push(`l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(', ')}]`);
  return `${levels.join('\n')}\n`;
}

function mergeBomb(): string {
  const levels = ['l0: &l0 {a: 1}'];
  for (let i = 1; i < 10; i++) levels.push(`l${i}: &l${i} {<<: [*l${i - 1}, *l${i - 1}]}`);
  return `${levels.join('\n')}\napiVersion: v1\nkind: Pod\nmetadata: {name: m}\nspec: {containers: []}\n`;
}

/** The repository and, beside it, the files a hostile config or link points at. */
function plantRepository(): { root: string; outside: string } {
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'manifestlint-hostile-')));
  const outside = join(base, 'outside');
  const root = join(base, 'repo');
  const write = (path: string, content: string | Buffer) => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  };
  write(join(outside, 'shadow'), `root:$6$${CANARY}$:19000:0:99999:7:::\n`);
  write(join(outside, 'secret.yaml'), `password: ${CANARY}\n`);
  mkdirSync(join(root, '.git'), { recursive: true });

  // Files that are not what their names say (under app/; configs/ holds the hostile configs, which
  // stop a CLI scan that includes them with exit 2, as any invalid config does).
  const app = join(root, 'app');
  write(join(app, 'pod.yaml'), POD);
  write(join(app, 'merge-bomb.yaml'), mergeBomb());
  write(join(app, 'bin', 'Dockerfile'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 0x1b, 0x5b, 0x32, 0x4a, ...Buffer.from('FROM alpine\n')]));
  write(join(app, 'Dockerfile'), `FROM ghcr.io/acme/base:1.0\nRUN case "$(uname -m)" in x86_64) echo 64 ;; *) echo other ;; esac; (cd /tmp && echo $((1 + 2)))\n${TOKEN}\nUSER 1000\n`);
  write(join(app, 'chart', 'Chart.yaml'), 'apiVersion: v2\nname: c\nversion: 0.1.0\n');
  write(join(app, 'chart', 'values.yaml'), 'securityContext:\n  privileged: true\n');
  write(join(app, 'chart', 'templates', 'deployment.yaml'), 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          securityContext: {{ toYaml .Values.securityContext | nindent 12 }}\n');
  execFileSync('mkfifo', [join(app, 'chart', 'templates', 'pipe.yaml')]);
  execFileSync('mkfifo', [join(app, 'fifo.yaml')]);
  symlinkSync('/dev/zero', join(app, 'zero.yaml'));
  symlinkSync(join(outside, 'secret.yaml'), join(app, 'linked-secret.yaml'));
  write(join(app, `evil${ESCAPE}[2J${ESCAPE}]0;owned\u0007.yaml`), POD);

  // Configs that try to read out of the repository or to exhaust the linter.
  write(join(root, 'configs', 'extends-outside', '.manifestlint.yaml'), `extends: ${join(outside, 'shadow')}\n`);
  write(join(root, 'configs', 'extends-outside', 'pod.yaml'), POD);
  write(join(root, 'configs', 'alias-bomb', '.manifestlint.yaml'), aliasBomb());
  write(join(root, 'configs', 'alias-bomb', 'pod.yaml'), POD);
  return { root, outside };
}

function everythingPrinted(result: { stdout: string; stderr: string }): string {
  return result.stdout + result.stderr;
}

describe('a hostile repository', () => {
  let root: string;
  let outside: string;

  before(() => {
    const build = spawnSync(process.execPath, ['esbuild.mjs'], { encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
    ({ root, outside } = plantRepository());
  });
  after(() => execFileSync('rm', ['-rf', dirname(root)]));

  describe('scanned by the CLI', () => {
    function scan(...args: string[]) {
      const result = spawnSync(process.execPath, [CLI, 'scan', ...args, '--no-color'], { cwd: root, encoding: 'utf8', timeout: RUN_TIMEOUT_MS, input: '' });
      assert.equal(result.error, undefined, `the scan did not finish: ${String(result.error)}`);
      return result;
    }

    it('finishes, reports the real findings, and prints nothing from outside and no control byte', () => {
      const result = scan('app', 'app/fifo.yaml', 'app/zero.yaml', 'app/linked-secret.yaml');
      const printed = everythingPrinted(result);
      assert.ok([1, 2].includes(result.status ?? -1), `exit ${result.status}\n${printed}`);
      assert.ok(!printed.includes(CANARY), 'a file outside the repository was read into the report');
      assert.ok(!printed.includes(TOKEN), 'a token was printed in full');
      assert.ok(!printed.includes(ESCAPE), 'a raw escape byte reached the terminal');
      assert.match(printed, /pod\.yaml[\s\S]*k8s\/host-pid/, 'the genuine finding is reported');
      assert.match(printed, /secrets\/token/, 'the token pasted as a Dockerfile line is found');
      assert.match(printed, /binary/i, 'the binary file is named as such');
      for (const trap of ['fifo.yaml', 'zero.yaml', 'linked-secret.yaml']) assert.match(printed, new RegExp(trap.replace('.', '\\.')), `${trap} is reported as not linted`);
    });

    it('refuses a config that extends a file outside the repository, naming the path and quoting nothing', () => {
      const result = scan('configs/extends-outside');
      const printed = everythingPrinted(result);
      assert.equal(result.status, 2, printed);
      assert.ok(printed.includes(join(outside, 'shadow')), printed);
      assert.ok(!printed.includes(CANARY), printed);
    });

    it('refuses an alias-bomb config with a message, in seconds', () => {
      const result = scan('configs/alias-bomb');
      assert.equal(result.status, 2, everythingPrinted(result));
      assert.match(everythingPrinted(result), /alias/i);
    });
  });

  describe('opened in the language server', () => {
    let client: TestLspClient;

    before(async () => {
      client = new TestLspClient();
      await client.initialize(root, { workspace: { workspaceFolders: true } });
    });
    after(() => client.dispose());

    async function open(relativePath: string, languageId: string, text: string): Promise<PublishDiagnosticsParams> {
      const uri = pathToFileURL(join(root, relativePath)).href;
      const linted = client.nextDiagnostics(uri);
      await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
      return linted;
    }

    it('lints what is opened, a merge bomb and a config that reads outside included, and keeps answering', async () => {
      assert.ok((await open('app/pod.yaml', 'yaml', POD)).diagnostics.some((d) => d.code === 'k8s/host-pid'));
      await open('app/merge-bomb.yaml', 'yaml', mergeBomb());
      assert.ok((await open('configs/extends-outside/pod.yaml', 'yaml', POD)).diagnostics.some((d) => d.code === 'k8s/host-pid'), 'the defaults apply when the config is refused');
      assert.ok((await open('configs/alias-bomb/pod.yaml', 'yaml', POD)).diagnostics.some((d) => d.code === 'k8s/host-pid'));
    });

    it('scans the workspace past its FIFOs and links, publishing only inside it, with nothing from outside', async () => {
      const result = await client.connection.sendRequest(ScanWorkspaceRequest, undefined);
      assert.equal(result.cancelled, false);
      assert.ok(result.files > 0 && result.findings > 0, JSON.stringify(result));
      const rootUri = pathToFileURL(root).href;
      for (const { uri, diagnostics } of client.published) {
        assert.ok(uri.startsWith(`${rootUri}/`), `diagnostics published outside the repository: ${uri}`);
        for (const { message } of diagnostics) {
          const text = typeof message === 'string' ? message : message.value;
          assert.ok(!text.includes(CANARY) && !text.includes(TOKEN), text);
        }
      }
      assert.ok(!client.stderr.join('').includes(CANARY), 'the server log quotes a file outside the repository');
      assert.ok((await open('app/Dockerfile', 'dockerfile', 'FROM ghcr.io/acme/base:1.0\nUSER 1000\n')).diagnostics !== undefined, 'the server still answers');
    });
  });
});
