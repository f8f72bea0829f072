// Inputs far larger than real Dockerfiles, as a hostile or generated file holds: each parses and its
// commands and ranges are right. Before: 100,000 continuation lines took minutes (every offset lookup
// scanned every line) and 200,000 bad lines overflowed the stack (`problems.push(...all)`).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDockerfile } from '../../server/src/dockerfile/model.js';

describe('Dockerfile model at scale', () => {
  it('one RUN of 100,000 continuation lines: every command, mapped to its own line', () => {
    const lines = 100_000;
    const text = `FROM alpine:3.20\nRUN echo start${' \\\n  && echo line'.repeat(lines)}\n`;
    const [, run] = parseDockerfile(text, 'Dockerfile').instructions;
    const commands = run.commands;
    assert.equal(commands.length, lines + 1);
    const last = commands[commands.length - 1];
    assert.equal(text.slice(last.range.start, last.range.end), 'echo line');
    assert.equal(text.lastIndexOf('echo line'), last.range.start);
    assert.equal(text.slice(run.argsRange.start, run.argsRange.end).endsWith('&& echo line'), true);
  });

  it('100,000-fold nesting, unclosed: read flat past a depth, each command still found', () => {
    for (const opener of ['(', '$(', '`', '{ ', 'case x in a) ', '"$(']) {
      const text = `FROM a\nRUN ${`${opener}echo `.repeat(100_000)}\n`;
      const commands = parseDockerfile(text, 'Dockerfile').instructions[1].commands;
      assert.ok(commands.length > 0, opener);
      for (const command of commands) assert.ok(command.range.start <= command.range.end && command.range.end <= text.length, opener);
    }
  });

  it('100,000 comments inside backticks on one line: each ends at its backtick', () => {
    const text = `FROM a\nRUN ${'echo `# x`; '.repeat(100_000)}\n`;
    assert.equal(parseDockerfile(text, 'Dockerfile').instructions[1].commands.length, 100_000);
  });

  it('200,000 unknown instructions and no FROM: one problem each, and one noFrom', () => {
    const file = parseDockerfile('garbage line here\n'.repeat(200_000), 'Dockerfile');
    assert.equal(file.problems.length, 200_001);
    assert.deepEqual(file.problems[0].data, { keyword: 'GARBAGE', suggestion: '' });
  });

  it('200,000 instructions before a missing FROM: only the noFrom', () => {
    const file = parseDockerfile('RUN x\n'.repeat(200_000), 'Dockerfile');
    assert.deepEqual(file.problems.map((p) => p.kind), ['noFrom']);
  });

  it('a 1 MB keyword: no suggestion searched, not carried in the problem', () => {
    const file = parseDockerfile(`FROM a\n${'ENTRYPOINTX'.repeat(100_000)} x\n`, 'Dockerfile');
    assert.deepEqual(file.problems[0].data, { keyword: '', suggestion: '' });
  });
});
