// The Dockerfile text the secret detectors read: a token pasted on a line of its own parses as an
// unknown instruction whose keyword is the token, and must be read like any argument.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDockerfile } from '../../server/src/dockerfile/model.js';
import { instructionTexts } from '../../server/src/secrets/dockerfileSource.js';
import { scanTokens } from '../../server/src/secrets/tokens.js';
import { FAKE_TOKENS } from '../secrets/fakes.js';

/** Every token the detectors find in the file's instructions, as the document text of its range. */
function tokensFound(text: string): string[] {
  const file = parseDockerfile(text, 'Dockerfile');
  return file.instructions.flatMap((instruction) =>
    instructionTexts(instruction).flatMap((piece) => scanTokens(piece.text).map((match) => {
      const range = piece.range(match.start, match.end);
      return text.slice(range.start, range.end);
    })),
  );
}

describe('instructionTexts', () => {
  const token = FAKE_TOKENS['github-token'];

  it('reads the keyword of an unknown instruction: a token pasted as a line', () => {
    assert.deepEqual(tokensFound(`FROM alpine:3.20\n${token}\n`), [token]);
    assert.deepEqual(tokensFound(`FROM alpine:3.20\n  ${token} trailing words\n`), [token]);
  });

  it('reads arguments across continuations and heredoc bodies, not known keywords twice', () => {
    assert.deepEqual(tokensFound(`FROM alpine:3.20\nRUN echo \\\n  ${token}\nRUN <<EOF\nexport T=${token}\nEOF\n`), [token, token]);
    const file = parseDockerfile('FROM alpine:3.20\nRUN echo\n', 'Dockerfile');
    assert.deepEqual(instructionTexts(file.instructions[1]).map((piece) => piece.text), ['echo']);
  });
});
