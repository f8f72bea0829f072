// In the editor, a keystroke in a Dockerfile re-runs instruction rules on the instructions whose text
// changed and reuses what they found on the others. The user must not be able to tell: after any edit,
// the findings (and their fixes) are exactly those of a lint from scratch.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { allRules } from '../../rules/index.js';
import { presetConfig } from '../../server/src/config/presets.js';
import { InstructionFindingsCache } from '../../server/src/engine/instructionFindings.js';
import { runRules } from '../../server/src/engine/runRules.js';
import type { Rule } from '../../server/src/engine/types.js';
import { lintDocument } from '../../server/src/linter/lint.js';
import { FAKE_TOKENS } from '../secrets/fakes.js';

const config = presetConfig('all');
const uri = 'file:///work/Dockerfile';

/** Lints each version as the editor does (one cache across versions) and compares with a lint from scratch. */
function assertSameAsFromScratch(versions: string[]): void {
  const instructionFindings = new InstructionFindingsCache();
  for (const [i, text] of versions.entries()) {
    const cached = lintDocument(text, { uri, config, instructionFindings }).findings;
    const fresh = lintDocument(text, { uri, config }).findings;
    assert.deepEqual(cached, fresh, `version ${i} differs from a lint from scratch`);
  }
}

const GH = FAKE_TOKENS['github-token'];
const STAGE = (name: string) =>
  [
    `FROM node:20 AS ${name}`,
    `ENV API_TOKEN=${GH} \\`,
    '    NODE_ENV=production',
    'COPY id_rsa /root/.ssh/id_rsa',
    'RUN curl -fsSL https://get.example.com/install.sh | sh && \\',
    '    npm config set strict-ssl false',
    'RUN <<EOF',
    `curl -k -H "Authorization: Bearer ${GH}" https://api.example.com`,
    'EOF',
    'COPY . .',
  ].join('\n');
const FILE = ['# build', STAGE('one'), STAGE('two'), STAGE('three'), 'USER 10001', 'CMD ["node", "server.js"]', ''].join('\n');

describe('instruction rules in the editor', () => {
  it('give the findings of a lint from scratch after edits before, inside and between instructions', () => {
    assertSameAsFromScratch([
      FILE,
      FILE.replace('# build', '# build, longer now\n# and two lines'), // every instruction moved
      FILE.replace('strict-ssl false', 'strict-ssl true'), // one instruction changed (three identical ones)
      FILE.replace(`${STAGE('two')}\n`, ''), // a stage deleted
      `${FILE}RUN wget -qO- https://x.example.com/i.sh | bash\n`, // one added at the end
      FILE.replace('https://get.example.com/install.sh | sh', 'https://get.example.com/install.sh -o i.sh'),
      FILE.replace('RUN <<EOF', 'RUN <<EOF\nset -e'), // inside a heredoc
      `# escape=\`\n${FILE.replaceAll('\\\n', '`\n')}`, // another escape character: every instruction re-read
      `# escape=\`\n${FILE}`, // the same instructions under another escape character
      FILE,
    ]);
  });

  it('give the findings of a lint from scratch on the bundled examples, edited at the top', () => {
    const examples = join(__dirname, '..', '..', 'examples', 'docker');
    for (const name of readdirSync(examples)) {
      const text = readFileSync(join(examples, name), 'utf8');
      assertSameAsFromScratch([text, `# edited\n${text}`, `# edited twice\n\n${text}`]);
    }
  });

  it('check each distinct instruction once, and after an edit only the instruction that changed', () => {
    const checked: string[] = [];
    const probe: Rule = {
      meta: { ...allRules[0].meta, id: 'dockerfile/probe' },
      checkInstruction(instruction) {
        checked.push(instruction.args);
      },
    };
    const options = { uri, config: { rules: { 'dockerfile/probe': {} } }, instructionFindings: new InstructionFindingsCache() };
    const rules = [probe];
    const text = 'FROM node:20 AS a\nCOPY . .\nFROM node:20 AS b\nCOPY . .\n';
    runRules(text, options, rules);
    assert.deepEqual(checked, ['node:20 AS a', '. .', 'node:20 AS b'], 'the second `COPY . .` is the first one again');
    checked.length = 0;
    runRules(`# moved\n${text.replace('AS b', 'AS c')}`, options, rules);
    assert.deepEqual(checked, ['node:20 AS c']);
    checked.length = 0;
    runRules(text, { ...options, config: { rules: { 'dockerfile/probe': {} } } }, rules);
    assert.deepEqual(checked, ['node:20 AS a', '. .', 'node:20 AS b'], 'a new config object is a new run: nothing reused');
  });
});
