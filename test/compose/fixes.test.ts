// Every fix a Compose rule offers, applied alone and through fix-all, over a hand-written Compose file
// (LF and CRLF): the text still parses, the fixed finding is gone, nothing new is reported, and lines
// outside the edit are byte-identical. The same proof as test/fixes/roundTrip.test.ts, on Compose.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { presetConfig } from '../../server/src/config/presets.js';
import { fixAll } from '../../server/src/fixes/fixAll.js';
import { fixToEdits } from '../../server/src/fixes/fixToEdits.js';
import { lintDocument } from '../../server/src/linter/lint.js';
import { applyEdits } from '../../server/src/text/edits.js';
import { assertFixSound, assertOnlyEditedLinesChanged } from '../support/fixChecks.js';

const config = presetConfig('all');
const uri = 'docker-compose.yml';
const fixture = readFileSync(join('test', 'compose', 'fixtures', 'docker-compose.yml'), 'utf8');

describe('Compose quick fixes, proven by re-linting', () => {
  for (const [name, text] of [['LF', fixture], ['CRLF', fixture.replace(/\n/g, '\r\n')]] as const) {
    it(name, () => {
      const before = lintDocument(text, { uri, config });
      const offered = before.findings.flatMap((finding) => (finding.fixes ?? []).map((fix) => ({ finding, fix })));
      assert.ok(offered.length >= 12, `expected the fixture's fixes, got ${offered.length}`);
      for (const { finding, fix } of offered) {
        const context = `${finding.ruleId} "${fix.title}"`;
        const edits = fixToEdits(text, fix, before.lines, before.file);
        const output = applyEdits(text, edits);
        assertOnlyEditedLinesChanged(text, edits, output, context);
        assertFixSound(before, lintDocument(output, { uri, config }), edits, [finding], `${context}, output:\n${output}`);
      }
      const all = fixAll(text, before.findings, before.file, before.lines);
      assertOnlyEditedLinesChanged(text, all.edits, all.text, 'fix-all');
      assertFixSound(before, lintDocument(all.text, { uri, config }), all.edits, all.applied, `fix-all, output:\n${all.text}`);
    });
  }
});
