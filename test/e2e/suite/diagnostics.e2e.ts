// What a user sees on opening files: manifestlint's diagnostics with exact ranges, rule ids, severities
// and docs links, and silence where there is nothing to report (e.g. YAML that is not Kubernetes).
import * as assert from 'node:assert/strict';
import { ON_OPEN, PRIVILEGED_YAML } from './fixtures.js';
import { activateManifestlint, closeAllEditorsWithoutSaving, expectDiagnostics, manifestlintDiagnostics, openFixture, seenIn, workspaceUri } from './support.js';

suite('diagnostics on open', () => {
  suiteSetup(activateManifestlint);
  teardown(closeAllEditorsWithoutSaving);

  test('every fixture shows exactly its expected findings, each on its exact range', async () => {
    const files = Object.keys(ON_OPEN);
    const silent = files.filter((file) => ON_OPEN[file].length === 0);
    const flagged = files.filter((file) => !silent.includes(file));
    // Silent files open first: the server lints documents in the order they open, so once every flagged
    // file's findings have arrived, the silent ones have been linted too.
    for (const file of [...silent, ...flagged]) await openFixture(file);
    for (const file of flagged) await expectDiagnostics(workspaceUri(file), ON_OPEN[file]);
    for (const file of silent) assert.deepEqual(seenIn(workspaceUri(file)), [], `${file} has no findings`);
  });

  test('each diagnostic links to its rule documentation', async () => {
    await openFixture(PRIVILEGED_YAML);
    await expectDiagnostics(workspaceUri(PRIVILEGED_YAML), ON_OPEN[PRIVILEGED_YAML]);
    for (const diagnostic of manifestlintDiagnostics(workspaceUri(PRIVILEGED_YAML))) {
      const code = diagnostic.code;
      assert.ok(typeof code === 'object', 'the code carries a link');
      assert.match(code.target.toString(), new RegExp(`/docs/rules/${code.value}\\.md$`));
    }
  });
});
