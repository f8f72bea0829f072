// A file past a limit gets one clear "not linted" message instead of findings; the limits come from
// the config, or the lint options, over the defaults.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../server/src/linter/lint.js';
import { NotLintedError } from '../../server/src/text/limits.js';
import { recommendedConfig } from '../../server/src/config/presets.js';
import { validateText } from '../../server/src/lsp/validate.js';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostPID: true\n  containers: []\n';

function notLinted(run: () => unknown): NotLintedError {
  try {
    run();
  } catch (error) {
    if (error instanceof NotLintedError) return error;
    throw error;
  }
  assert.fail('the file was linted');
}

describe('lint limits', () => {
  it('does not lint a file over the size limit, and says what the limit is', () => {
    const big = POD + `# ${'x'.repeat(1024 * 1024)}\n`;
    const error = notLinted(() => lint(big, { uri: 'pod.yaml', limits: { maxFileSizeMB: 1 } }));
    assert.equal(error.reason, 'tooLarge');
    assert.match(error.message, /^Not linted: the file is larger than 1 MB/);
    assert.ok(lint(big, { uri: 'pod.yaml', limits: { maxFileSizeMB: 2 } }).some((f) => f.ruleId === 'k8s/host-pid'));
  });

  it('takes the limit from the team config', () => {
    const config = { ...recommendedConfig(), limits: { maxFileSizeMB: 0.00001 } };
    assert.equal(notLinted(() => lint(POD, { uri: 'pod.yaml', config })).reason, 'tooLarge');
  });

  it('says a binary file is binary, once, instead of reporting its bytes', () => {
    const binary = 'FROM alpine\u0000\u0001\u0002\u001b[2J'.repeat(100);
    const error = notLinted(() => lint(binary, { uri: 'Dockerfile' }));
    assert.equal(error.reason, 'binary');
    assert.doesNotMatch(error.message, /[\u0000-\u001f]/);
  });

  it('abandons a lint that runs past its time budget', () => {
    let now = 0;
    const clock = () => (now += 10); // every look at the clock costs 10 ms
    const error = notLinted(() => lint(POD, { uri: 'pod.yaml', limits: { timeBudgetMs: 50 }, clock }));
    assert.equal(error.reason, 'timeBudget');
    assert.match(error.message, /took longer than 50 ms/);
  });

  it('becomes one warning diagnostic in the editor, not a crash report', () => {
    const validation = validateText('FROM x\u0000', { uri: 'file:///w/Dockerfile' });
    assert.ok(!validation.result);
    const { diagnostics, error } = validation;
    assert.equal(error, undefined);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].code, 'not-linted');
    assert.equal(diagnostics[0].severity, 2);
  });
});
