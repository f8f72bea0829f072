// A YAML syntax error never quotes the source it choked on: that text may be a secret, or hold bytes
// that drive a terminal. The diagnostic's range shows where it is.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../server/src/linter/lint.js';

const TOKEN = `ghp_${'A1b2C3d4E5'.repeat(3)}abcdef`;

function syntaxMessages(text: string): string[] {
  return lint(text, { uri: 'x.yaml' }).flatMap((f) => (f.ruleId === 'k8s/yaml-syntax' ? [f.message] : []));
}

describe('YAML syntax error messages', () => {
  const cases: Record<string, string> = {
    'a stray token': `a: b\n\u0001${TOKEN}\n`,
    'a bad escape': `a: "\\q${TOKEN}"\n`,
    'a bad block scalar header': `a: |x${TOKEN}\n  b\n`,
    'a token after the end of a flow mapping': `{a: 1}}${TOKEN}\n`,
  };
  for (const [name, text] of Object.entries(cases)) {
    it(`quote nothing of ${name}`, () => {
      const messages = syntaxMessages(text);
      assert.ok(messages.length > 0, 'a syntax error is reported');
      for (const message of messages) {
        assert.ok(!message.includes(TOKEN.slice(4, 14)), message);
        assert.doesNotMatch(message, /[\u0000-\u001f]/);
      }
    });
  }
});
