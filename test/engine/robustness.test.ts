// Pathological input must never crash the engine (speed is measured in bench/, not asserted here).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../server/src/linter/lint.js';

const CASES: Record<string, string> = {
  'deeply nested flow sequences': '['.repeat(20_000) + ']'.repeat(20_000),
  'deeply nested block mappings': Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n'),
  'an alias bomb (billion laughs)': ['a: &a [x,x,x,x,x,x,x,x,x]', ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`)].join('\n'),
  'a pod spec that aliases itself': 'apiVersion: v1\nkind: Pod\nspec: &s\n  containers: *s\n',
  'a mapping that merges itself': 'apiVersion: v1\nkind: Pod\nspec: &s\n  <<: *s\n  containers: []\n',
  'an unknown alias': 'apiVersion: v1\nkind: Pod\nspec:\n  containers: *nope\n',
  'control characters': '\u0001\u0002: \uFFFF\n\t- [',
  'an empty file': '',
};

describe('engine robustness', () => {
  for (const [name, text] of Object.entries(CASES)) {
    it(`survives ${name}`, () => {
      assert.ok(Array.isArray(lint(text, { uri: 'input.yaml' })));
    });
  }

  it('a self-merging mapping still yields its own keys', () => {
    const findings = lint('apiVersion: v1\nkind: Pod\nspec: &s\n  <<: *s\n  hostPID: true\n  containers: []\n', { uri: 'pod.yaml' });
    assert.ok(findings.some((f) => f.ruleId === 'k8s/host-pid'));
  });
});
