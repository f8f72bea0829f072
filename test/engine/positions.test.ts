// Offsets ↔ LSP positions for every line ending an editor knows: LF, CRLF and a lone CR (old Mac files).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineIndex } from '../../server/src/text/positions.js';

describe('LineIndex', () => {
  for (const eol of ['\n', '\r\n', '\r'] as const) {
    it(`counts lines ended by ${JSON.stringify(eol)} and inserts lines with the same break`, () => {
      const text = ['kind: Pod', 'spec:', '  hostPID: true', ''].join(eol);
      const index = new LineIndex(text);
      assert.equal(index.lineCount, 4);
      assert.equal(index.eol, eol);
      const offset = text.indexOf('hostPID');
      assert.deepEqual(index.positionAt(offset), { line: 2, character: 2 });
      assert.equal(index.offsetAt({ line: 2, character: 2 }), offset);
      assert.equal(index.lineText(1), 'spec:');
    });
  }
});
