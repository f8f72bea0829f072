// Text from a repository, made safe for a terminal: no control character survives `printable`, and
// `terminalSafeJson` escapes without changing the data.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parse } from 'yaml';
import { printable, terminalSafeJson, terminalSafeYaml } from '../../server/src/report/printable.js';
import { formatStylish } from '../../server/src/report/stylish.js';

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
/** The same, newlines excepted: reports and JSON are made of lines. */
const CONTROL_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
/** Strings rich in the characters that matter here, mixed with ordinary text. */
const hostileText = fc.string({ unit: fc.oneof(fc.constantFrom('\u001b', '[', '2', 'J', '\u0007', '\u009b', '\u202e', '\u2066', '\n', '\r', '\t', '\u0000', '\u007f', '\\'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })) });

describe('printable', () => {
  it('writes controls as visible escapes and leaves other text alone', () => {
    assert.equal(printable('a\u001b[2Jb\tc\nd\re\u0007f\u009bg\u202eh'), 'a\\e[2Jb\\tc\\nd\\re\\x07f\\x9bg\\u202eh');
    assert.equal(printable('déploiement ✔ C:\\k\\pod.yaml'), 'déploiement ✔ C:\\k\\pod.yaml');
  });

  it('never lets a control character through', () => {
    fc.assert(fc.property(hostileText, (text) => !CONTROL.test(printable(text))), { seed: 13, numRuns: 500 });
  });
});

describe('terminalSafeJson', () => {
  it('is JSON for the same value, with no raw control character', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(hostileText, hostileText)), (value) => {
        const json = terminalSafeJson(value);
        assert.deepEqual(JSON.parse(json), value);
        assert.doesNotMatch(json, CONTROL_BUT_NEWLINE);
      }),
      { seed: 13, numRuns: 300 },
    );
  });
});

describe('terminalSafeYaml', () => {
  it('is YAML for the same value, with no raw control character but tabs and newlines', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(hostileText, hostileText)), (value) => {
        const yaml = terminalSafeYaml({ file: '/repo/x.yaml', ignores: value });
        assert.deepEqual(parse(yaml), { file: '/repo/x.yaml', ignores: value });
        assert.doesNotMatch(yaml, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
      }),
      { seed: 13, numRuns: 300 },
    );
  });
});

describe('formatStylish', () => {
  const finding = { ruleId: 'k8s/privileged-container', severity: 'error' as const, message: 'Container "a\u001b[8m" runs privileged', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, offsets: { start: 0, end: 1 } };

  it('colours only its own text: every escape it prints is a colour it chose', () => {
    const text = formatStylish([{ path: '/r/x\u001b[2J.yaml', findings: [finding] }, { path: '/r/y.yaml', findings: [], error: 'Not linted: \u001b]8;;http://evil\u0007' }], { color: true, cwd: '/r' });
    assert.doesNotMatch(text.replace(/\u001b\[(?:1|2|22|31|33|36|39)m/g, ''), CONTROL_BUT_NEWLINE);
    assert.match(text, /^x\\e\[2J\.yaml:1:1/m);
  });

  it('does not claim "no problems" when a file could not be linted', () => {
    const text = formatStylish([{ path: '/r/a.yaml', findings: [] }, { path: '/r/Dockerfile', findings: [], error: 'Not linted: binary', notLinted: true }], { color: false, cwd: '/r' });
    assert.equal(text, 'Dockerfile  error  Not linted: binary\n\n✖ 1 path could not be linted; no problems in 1 file\n');
    const withFindings = formatStylish([{ path: '/r/a.yaml', findings: [finding] }, { path: '/r/b', findings: [], error: 'Not linted: x' }], { color: false, cwd: '/r' });
    assert.match(withFindings, /✖ 1 problem \(1 error, 0 warnings, 0 info\) in 1 file; 1 path could not be linted\n$/);
  });
});
