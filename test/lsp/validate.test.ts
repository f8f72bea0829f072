// A document whose lint throws gets one diagnostic saying so; the next document is linted normally.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintDocument } from '../../server/src/linter/lint.js';
import { validateText } from '../../server/src/lsp/validate.js';

describe('validateText', () => {
  it('turns a failing lint into one error diagnostic at the top of the file', () => {
    const failing = () => {
      throw new Error('rule exploded');
    };
    const { diagnostics, result } = validateText('kind: Pod', 3, { uri: 'file:///a.yaml' }, failing as unknown as typeof lintDocument);
    assert.equal(result, undefined);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].code, 'internal-error');
    assert.match(String(diagnostics[0].message), /^manifestlint failed on this file: rule exploded/);
    assert.deepEqual(diagnostics[0].range.start, { line: 0, character: 0 });
  });

  it('links each diagnostic to its finding and document version for code actions', () => {
    const text = 'apiVersion: v1\nkind: Pod\nspec:\n  hostPID: true\n  containers: []\n';
    const { diagnostics } = validateText(text, 7, { uri: 'file:///pod.yaml' });
    const hostPid = diagnostics.find((d) => d.code === 'k8s/host-pid');
    assert.ok(hostPid);
    assert.deepEqual(hostPid.data, { index: diagnostics.indexOf(hostPid), version: 7 });
  });
});
