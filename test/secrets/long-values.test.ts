// Issue 16 §2 "Size": a value longer than the 64 KiB the token table reads at once is read in
// overlapping windows, so a secret at byte 70,000 or at the end of a 1 MB scalar is found, once.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../server/src/linter/lint.js';
import { scanTokensInChunks, WINDOW_LENGTH } from '../../server/src/secrets/chunkedTokens.js';
import { scanTokens } from '../../server/src/secrets/tokens.js';
import { onlyRule } from '../support/ruleTester.js';
import { FAKE_TOKENS, randomChars } from './fakes.js';

const token = FAKE_TOKENS['aws-access-key-id'];
/** Filler that no pattern matches: words, ending in a space so that a token after it stands apart. */
const filler = (length: number) => `${'lorem ipsum '.repeat(Math.ceil(length / 12)).slice(0, length - 1)} `;

describe('secrets in long values', () => {
  it('finds a token at byte 70,000, which a single 64 KiB read misses', () => {
    const text = `${filler(70_000)}${token} ${filler(1_000)}`;
    assert.equal(scanTokens(text).length, 0, 'the single read stops at 64 KiB');
    const found = scanTokensInChunks(text);
    assert.deepEqual(found.map((m) => [m.start, m.end]), [[70_000, 70_000 + token.length]]);
  });

  it('finds a token at the end of a 1 MB text, once', () => {
    const text = `${filler(1024 * 1024)}${token}`;
    assert.deepEqual(scanTokensInChunks(text).map((m) => m.secret.slice(0, 4)), [token.slice(0, 4)]);
  });

  it('reports every token once wherever it falls against the window edges', () => {
    // Tokens every 997 characters over three windows: each edge and each overlap is crossed somewhere.
    const parts: string[] = [];
    const starts: number[] = [];
    let length = 0;
    while (length < 3 * WINDOW_LENGTH) {
      const gap = ` ${filler(996 - token.length)}`;
      starts.push(length + gap.length);
      parts.push(gap, token);
      length += gap.length + token.length;
    }
    const found = scanTokensInChunks(parts.join(''));
    assert.deepEqual(found.map((m) => m.start).sort((a, b) => a - b), starts);
  });

  it('secrets/token finds a token at the end of a 1 MB scalar, and in a 1 MB comment', () => {
    const value = `${filler(1024 * 1024)}${token}`;
    const code = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  blob: "${value}"\n# ${value}\n`;
    const findings = lint(code, { uri: 'big.yaml', config: onlyRule('secrets/token') });
    assert.deepEqual(findings.map((f) => code.slice(f.offsets.start, f.offsets.end)), [token, token]);
  });

  it('secrets/hardcoded-credential finds a password at the end of a 1 MB script in a ConfigMap', () => {
    const script = Array.from({ length: 1024 * 1024 / 64 }, (_, i) => `echo "step ${i} ${randomChars(40, undefined, i)}"`).join('\n');
    const code = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  run.sh: |\n${`${script}\nexport DB_PASSWORD=Zx9Lq2wPm7Vb`.replace(/^/gm, '    ')}\n`;
    const findings = lint(code, { uri: 'big.yaml', config: onlyRule('secrets/hardcoded-credential') });
    assert.deepEqual(findings.map((f) => code.slice(f.offsets.start, f.offsets.end)), ['Zx9Lq2wPm7Vb']);
  });
});
