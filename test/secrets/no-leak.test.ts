// Output safety: no finding of the secrets rules ever carries a secret back. Every positive fixture
// is linted with all rules on; each message, related message and fix title is checked against the
// planted secrets, and against the source text each finding points at.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { presetConfig } from '../../server/src/config/presets.js';
import { lint } from '../../server/src/linter/lint.js';
import type { Finding } from '../../server/src/engine/types.js';
import { LEAK_CASES, leaks } from './leakCorpus.js';

function texts(finding: Finding): string[] {
  return [finding.message, ...(finding.related ?? []).map((r) => r.message), ...(finding.fixes ?? []).map((f) => f.title)];
}

function assertNoLeak(code: string, findings: Finding[], secrets: string[]): void {
  for (const finding of findings.filter((f) => f.ruleId.startsWith('secrets/'))) {
    // A finding that points at one word points at the secret (or its encoding) itself.
    const pointedAt = code.slice(finding.offsets.start, finding.offsets.end);
    const candidates = /^[^\s{}"']+$/.test(pointedAt) ? [...secrets, pointedAt] : secrets;
    for (const output of texts(finding)) {
      for (const secret of candidates) {
        const leaked = leaks(output, secret);
        assert.equal(leaked, undefined, `${finding.ruleId} output "${output}" contains "${leaked}"`);
      }
    }
  }
}

describe('secrets never leak into findings', () => {
  for (const fixture of LEAK_CASES) {
    it(fixture.name, () => {
      const findings = lint(fixture.code, { uri: fixture.filename, config: presetConfig('all') });
      const secretFindings = findings.filter((f) => f.ruleId.startsWith('secrets/'));
      assert.ok(secretFindings.length >= fixture.secrets.length / 2, `the fixture is detected (${secretFindings.length} findings)`);
      assertNoLeak(fixture.code, findings, fixture.secrets);
    });
  }

  it('every finding on every planted secret of the corpus is found (nothing slips through unreported)', () => {
    for (const fixture of LEAK_CASES) {
      const findings = lint(fixture.code, { uri: fixture.filename, config: presetConfig('all') }).filter((f) => f.ruleId.startsWith('secrets/'));
      const covered = (secret: string) => findings.some((f) => {
        const at = fixture.code.slice(f.offsets.start, f.offsets.end);
        return at.includes(secret.split('\n')[0]) || secret.includes(at);
      });
      const missed = fixture.secrets.filter((secret) => !covered(secret) && fixture.code.includes(secret.split('\n')[0]));
      assert.deepEqual(missed.map((s) => s.slice(0, 4)), [], fixture.name);
    }
  });

  it('the examples in examples/secrets leak nothing', () => {
    const dir = join('examples', 'secrets');
    for (const name of readdirSync(dir)) {
      const code = readFileSync(join(dir, name), 'utf8');
      const findings = lint(code, { uri: name, config: presetConfig('all') });
      assert.ok(findings.some((f) => f.ruleId.startsWith('secrets/')), `${name} shows secrets findings`);
      assertNoLeak(code, findings, []);
    }
  });
});
