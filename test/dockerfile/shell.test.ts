import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { commandsOf } from './commands.js';

describe('RUN commands', () => {
  it('splits on ; && || | & and keeps quoted words whole', () => {
    assert.deepEqual(commandsOf('FROM a\nRUN a "b c" && d || e; f | g & h\n'), [
      { words: ['a', 'b c'], text: 'a "b c"', pipedFrom: undefined, into: undefined },
      { words: ['d'], text: 'd', pipedFrom: undefined, into: undefined },
      { words: ['e'], text: 'e', pipedFrom: undefined, into: undefined },
      { words: ['f'], text: 'f', pipedFrom: undefined, into: undefined },
      { words: ['g'], text: 'g', pipedFrom: 3, into: undefined },
      { words: ['h'], text: 'h', pipedFrom: undefined, into: undefined },
    ]);
  });

  it('maps words across continuations and links <( ) and $( ) to the command that reads them', () => {
    const [bash, curl] = commandsOf('FROM a\nRUN bash \\\n  <(curl -s x)\n');
    assert.deepEqual([bash.words, curl.words, curl.into], [['bash'], ['curl', '-s', 'x'], 0]);
    assert.equal(curl.text, 'curl -s x');
  });

  it('reads heredoc scripts for RUN <<EOF and RUN bash <<EOF, not for RUN python3 <<EOF', () => {
    assert.deepEqual(commandsOf('FROM a\nRUN <<EOF\n# comment\nset -e\napk add x\nEOF\n').map((c) => c.text), ['<<EOF', 'set -e', 'apk add x']);
    assert.deepEqual(commandsOf('FROM a\nRUN bash -e <<EOF\necho hi\nEOF\n').map((c) => c.text), ['bash -e <<EOF', 'echo hi']);
    assert.deepEqual(commandsOf('FROM a\nRUN python3 <<EOF\nimport os; os.system("x")\nEOF\n').map((c) => c.text), ['python3 <<EOF']);
  });

  it('reads ["sh", "-c", "…"] and maps it back through the JSON string’s escapes', () => {
    assert.deepEqual(commandsOf('FROM a\nRUN ["sh", "-c", "a | b"]\n').map((c) => c.text), ['a', 'b']);
    assert.deepEqual(commandsOf('FROM a\nRUN ["/bin/bash", "-c", "echo \\"x\\" && \\u0063url -s y"]\n').map((c) => [c.words, c.text]), [
      [['echo', 'x'], 'echo \\"x\\"'],
      [['curl', '-s', 'y'], '\\u0063url -s y'],
    ]);
    assert.deepEqual(commandsOf('FROM a\nRUN --mount=type=secret,id="npm" ["sh", "-c", "npm ci"]\n').map((c) => c.text), ['npm ci']);
    assert.deepEqual(commandsOf('FROM a\nRUN ["npm", "ci"]\n'), []);
    assert.deepEqual(commandsOf('FROM a\nCMD a | b\n'), []);
  });
});
