// Protocol test: a cloned repository's config cannot make the language server read, quote or publish
// diagnostics on files outside the workspace, nor crash it; linting goes on with the defaults.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import {
  ConfigurationRequest,
  DidOpenTextDocumentNotification,
  ShowMessageNotification,
  type PublishDiagnosticsParams,
  type ShowMessageParams,
} from 'vscode-languageserver-protocol/node';
import { TestLspClient } from '../support/lspClient.js';
import { tempWorkspace, type TempWorkspace } from './tempWorkspace.js';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostPID: true\n  containers:\n    - name: web\n      securityContext:\n        privileged: true\n';
const PLANTED = 'planted-outside-the-workspace';
/** How long a diagnostic that should never come is waited for (the server publishes config problems before the document's). */
const NEVER_MS = 3000;

const hasFinding = (ruleId: string) => (p: PublishDiagnosticsParams) => p.diagnostics.some((d) => d.code === ruleId);

describe('a hostile config in the language server', () => {
  let outside: TempWorkspace;
  let ws: TempWorkspace;
  let client: TestLspClient;
  const warnings: string[] = [];
  let configFileSetting = '';

  before(async () => {
    const build = spawnSync(process.execPath, ['esbuild.mjs'], { encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
    outside = tempWorkspace({ 'shadow': `root:$6$${PLANTED}$:19000:0:99999:7:::\n`, 'policy.yaml': `extends: []\n# ${PLANTED}\nrules: { k8s/host-pid: bogus }\n` });
    const levels = ['l0: &l0 [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) levels.push(`l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(', ')}]`);
    ws = tempWorkspace({
      'extends-outside/.manifestlint.yaml': `extends: ${outside.path('shadow')}\n`,
      'extends-outside/pod.yaml': POD,
      'alias-bomb/.manifestlint.yaml': `${levels.join('\n')}\n`,
      'alias-bomb/pod.yaml': POD,
      'setting/pod.yaml': POD,
    });
    client = new TestLspClient();
    client.connection.onNotification(ShowMessageNotification.method, (params: ShowMessageParams) => {
      warnings.push(params.message);
    });
    client.connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => ({ configFile: configFileSetting })));
    await client.initialize(ws.root, { workspace: { configuration: true } });
  });
  after(async () => {
    await client.dispose();
    ws.dispose();
    outside.dispose();
  });

  async function openPod(folder: string): Promise<PublishDiagnosticsParams> {
    const uri = pathToFileURL(ws.path(`${folder}/pod.yaml`)).href;
    const linted = client.nextDiagnostics(uri, hasFinding('k8s/privileged-container'));
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text: POD } });
    return linted;
  }

  /** Fails if the server publishes diagnostics for `path` (outside the workspace) while `action` runs. */
  async function assertNothingPublishedOn(path: string, action: () => Promise<unknown>): Promise<void> {
    const leaked = client.nextDiagnostics(pathToFileURL(path).href, () => true, NEVER_MS).then(
      () => assert.fail(`diagnostics published on ${path}, outside the workspace`),
      () => undefined,
    );
    await action();
    await leaked;
  }

  it('extends: a file outside the workspace: a diagnostic at the entry, the preset in force, the file neither published on nor quoted', async () => {
    const configUri = pathToFileURL(ws.path('extends-outside/.manifestlint.yaml')).href;
    const configProblems = client.nextDiagnostics(configUri, (p) => p.diagnostics.length > 0);
    await assertNothingPublishedOn(outside.path('shadow'), () => openPod('extends-outside'));
    const { diagnostics } = await configProblems;
    assert.deepEqual(
      diagnostics.map((d) => [d.range.start.line, d.range.start.character, d.message]),
      [[0, 9, `extends: "${outside.path('shadow')}" is outside the project folder ${ws.root}: not read`]],
    );
  });

  it('an alias bomb: the server keeps answering, with a diagnostic on the config and the preset in force', async () => {
    const configUri = pathToFileURL(ws.path('alias-bomb/.manifestlint.yaml')).href;
    const configProblems = client.nextDiagnostics(configUri, (p) => p.diagnostics.length > 0);
    const pod = await openPod('alias-bomb');
    assert.ok(pod.diagnostics.some((d) => d.code === 'k8s/host-pid'), 'the recommended preset applies');
    const [problem] = (await configProblems).diagnostics;
    assert.match(typeof problem.message === 'string' ? problem.message : problem.message.value, /^its aliases \(\*name\) expand into more than 100 copies/);
  });

  it('the configFile setting naming a file outside the workspace: refused with a warning that names it, nothing published on it', async () => {
    configFileSetting = outside.path('policy.yaml');
    await assertNothingPublishedOn(outside.path('policy.yaml'), () => openPod('setting'));
    assert.ok(warnings.some((w) => w.startsWith(`manifestlint: config file "${outside.path('policy.yaml')}" is outside the folder ${ws.root}: not read;`)), warnings.join('\n'));
  });

  it('nothing from outside the workspace reached a message or the server log', () => {
    assert.ok(!warnings.join('\n').includes(PLANTED), warnings.join('\n'));
    assert.ok(!client.stderr.join('').includes(PLANTED), client.stderr.join(''));
  });
});
