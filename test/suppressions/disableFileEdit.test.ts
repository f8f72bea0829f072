// Where the "disable for this file" quick fix writes its comment in a Dockerfile: after the parser
// directives as the Dockerfile parser reads them, so `# escape=` and `# syntax=` keep their effect.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDockerfile } from '../../server/src/dockerfile/model.js';
import { lintDocument } from '../../server/src/linter/lint.js';
import { disableFileEdit } from '../../server/src/suppressions/commentEdits.js';

const RULE = 'dockerfile/pipe-to-shell';

/** The Dockerfile with the file-level disable comment inserted, its reason filled in. */
function withDisableFile(text: string): string {
  const { file, lines } = lintDocument(text, { uri: 'Dockerfile' });
  const edit = disableFileEdit(RULE, lines, file);
  return (text.slice(0, edit.start) + edit.newText + text.slice(edit.end)).replace('<reason>', 'vendor installer');
}

describe('disableFileEdit in Dockerfiles', () => {
  it('goes after indented parser directives, which keep their effect (CRLF kept)', () => {
    const text = '  # syntax=docker/dockerfile:1\r\n\t# escape=`\r\nFROM alpine:3.20\r\nRUN curl -fsSL https://example.invalid/i.sh | sh\r\n';
    const edited = withDisableFile(text);
    assert.equal(edited, text.replace('FROM', `# manifestlint-disable-file ${RULE} -- vendor installer\r\nFROM`));
    assert.equal(parseDockerfile(edited, 'Dockerfile').escape, '`');
    const { findings } = lintDocument(edited, { uri: 'Dockerfile', config: { rules: { [RULE]: {} } }, keepSuppressed: true });
    assert.deepEqual(findings.map((f) => [f.ruleId, f.suppressed?.justification]), [[RULE, 'vendor installer']]);
  });

  it('goes at the top when the first line is a comment, not a directive', () => {
    const text = '# build image\n# escape=`\nFROM alpine:3.20\n';
    assert.equal(withDisableFile(text), `# manifestlint-disable-file ${RULE} -- vendor installer\n${text}`);
  });

  it('goes on a new last line when the file is only directives without a final line break', () => {
    assert.equal(withDisableFile('# syntax=docker/dockerfile:1'), `# syntax=docker/dockerfile:1\n# manifestlint-disable-file ${RULE} -- vendor installer`);
  });
});
