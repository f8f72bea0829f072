// A document whose lint throws gets one diagnostic saying so; the next document is linted normally.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintDocument } from '../../server/src/linter/lint.js';
import { validateText } from '../../server/src/lsp/validate.js';
import { EditorFindings } from '../../server/src/lsp/editorFindings.js';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings.js';

describe('validateText', () => {
  it('turns a failing lint into one error diagnostic at the top of the file', () => {
    const failing = () => {
      throw new Error('rule exploded');
    };
    const validation = validateText('kind: Pod', { uri: 'file:///a.yaml' }, failing as unknown as typeof lintDocument);
    assert.ok(!validation.result);
    const { diagnostics } = validation;
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].code, 'internal-error');
    assert.match(String(diagnostics[0].message), /^manifestlint failed on this file: rule exploded/);
    assert.deepEqual(diagnostics[0].range.start, { line: 0, character: 0 });
  });

  it('links each diagnostic to its finding and document version for code actions', () => {
    const text = 'apiVersion: v1\nkind: Pod\nspec:\n  hostPID: true\n  containers: []\n';
    const uri = 'file:///pod.yaml';
    const { result } = validateText(text, { uri });
    assert.ok(result);
    const diagnostics = new EditorFindings(() => undefined).diagnostics({ uri, version: 7, text, result }, DEFAULT_SETTINGS);
    const hostPid = diagnostics.find((d) => d.code === 'k8s/host-pid');
    assert.ok(hostPid);
    assert.deepEqual(hostPid.data, { index: result.findings.findIndex((f) => f.ruleId === 'k8s/host-pid'), version: 7 });
  });
});
