// No output format of the CLI prints a secret back: stylish text, JSON and SARIF are checked over
// the same planted-secret corpus as the findings themselves.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { LEAK_CASES, leaks } from './leakCorpus.js';

describe('CLI output never contains a planted secret', () => {
  const root = mkdtempSync(join(tmpdir(), 'manifestlint-leak-'));
  LEAK_CASES.forEach((c, i) => writeFileSync(join(root, `${i}-${c.filename}`), c.code));
  // Issuer prefixes (`github_pat_`, a webhook's `https://hooks.slack.com/services/`) are public and
  // whole reports also hold URLs and rule ids (`github.com`, `k8s/service-account-token`): only the
  // secret part after such a prefix is searched for.
  const PUBLIC_PREFIX = /^(?:github_pat_|https?:\/\/[^/]+\/(?:services\/)?)/;
  const secrets = LEAK_CASES.flatMap((c) => c.secrets).map((secret) => secret.replace(PUBLIC_PREFIX, ''));

  for (const format of ['stylish', 'json', 'sarif']) {
    it(`--format ${format}`, () => {
      const run = spawnSync(process.execPath, [resolve('dist/cli.js'), 'scan', '.', '--format', format, '--no-color'], { cwd: root, encoding: 'utf8' });
      assert.equal(run.status, 1, run.stderr);
      assert.match(run.stdout, /secrets\/token/, 'the corpus is reported at all');
      for (const secret of secrets) assert.equal(leaks(run.stdout + run.stderr, secret), undefined, `${format} output leaks part of a secret`);
    });
  }
});
