// Values a message quotes from the file (names, redacted previews, alias names) never carry control
// characters to the editor or the terminal: they are shown as escapes. Found by `npm run fuzz`.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../server/src/linter/lint.js';

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe('message values', () => {
  it('a credential starting with an escape sequence is previewed with the escape written out', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      env:\n        - name: DB_PASSWORD\n          value: "\\e[2Jhunter2hunter2"\n';
    const credential = lint(text, { uri: 'pod.yaml' }).find((f) => f.ruleId === 'secrets/hardcoded-credential');
    assert.ok(credential, 'the credential is found');
    assert.doesNotMatch(credential.message, CONTROL);
    assert.match(credential.message, /\\e\[/);
  });

  it('an unknown alias whose name holds a control character is named with it escaped', () => {
    const [syntax] = lint('a: *bad\u0007name\n', { uri: 'x.yaml' }).filter((f) => f.ruleId === 'k8s/yaml-syntax');
    assert.ok(syntax);
    assert.doesNotMatch(syntax.message, CONTROL);
  });
});
