// "Scan Workspace" follows the editor-only settings of the workspace folder, as open documents do:
// `hiddenRules` and `minimumSeverity` keep findings out of what it publishes, and the folder's
// `.manifestlint-baseline.json` makes the findings it holds hints (default) or hides them.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { ConfigurationRequest, DiagnosticSeverity, WorkDoneProgressCreateRequest, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { TestLspClient } from '../support/lspClient.js';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: web\n      securityContext:\n        privileged: true\n';
const CLI = resolve('dist/cli.js');

const messageOf = (diagnostic: Diagnostic): string => (typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value);

describe('workspace scan with the editor settings', () => {
  const root = mkdtempSync(join(tmpdir(), 'manifestlint-scan-settings-'));
  const uriOf = (rel: string) => URI.file(join(root, rel)).toString();
  const client = new TestLspClient();
  let settings: Record<string, unknown> = {};

  /** Scans with these settings; the diagnostics published for the old (baselined) and the new file. */
  async function scan(next: Record<string, unknown>) {
    settings = next;
    const old = client.nextDiagnostics(uriOf('old.yaml'));
    const fresh = client.nextDiagnostics(uriOf('new.yaml'));
    const result = await client.connection.sendRequest<{ findings: number }>('manifestlint/scanWorkspace');
    return { result, old: (await old).diagnostics, fresh: (await fresh).diagnostics };
  }

  before(async () => {
    writeFileSync(join(root, 'old.yaml'), POD);
    execFileSync(process.execPath, [CLI, 'baseline', '.'], { cwd: root, stdio: 'ignore' });
    writeFileSync(join(root, 'new.yaml'), POD);
    client.connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => settings));
    client.connection.onRequest(WorkDoneProgressCreateRequest.method, () => null);
    await client.initialize(root, { workspace: { configuration: true }, window: { workDoneProgress: true } });
  });
  after(() => client.dispose());

  it('publishes no diagnostic for a hidden rule, and baselined findings as hints', async () => {
    const { result, old, fresh } = await scan({ hiddenRules: ['k8s/seccomp'] });
    assert.ok(old.length > 0 && fresh.length > 0);
    assert.ok(![...old, ...fresh].some((d) => d.code === 'k8s/seccomp'), 'a hidden rule is not published');
    for (const diagnostic of old) {
      assert.equal(diagnostic.severity, DiagnosticSeverity.Hint, String(diagnostic.code));
      assert.match(messageOf(diagnostic), / \(in baseline\)$/);
    }
    assert.equal(fresh.find((d) => d.code === 'k8s/privileged-container')?.severity, DiagnosticSeverity.Error, 'a file not in the baseline shows as usual');
    assert.equal(result.findings, old.length + fresh.length, 'the count is of what the scan shows');
  });

  it('minimumSeverity: error publishes only errors; baseline: hide leaves baselined findings out', async () => {
    const { old, fresh } = await scan({ minimumSeverity: 'error', baseline: 'hide' });
    assert.deepEqual(old, []);
    assert.deepEqual(fresh.map((d) => d.code), ['k8s/privileged-container']);
  });
});
