import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDockerfile, rootStage, shippedStage, stageChain, type DockerfileFile } from '../../server/src/dockerfile/model.js';
import type { OffsetRange } from '../../server/src/text/positions.js';
import { dedent } from '../support/ruleTester.js';

const parse = (text: string): DockerfileFile => parseDockerfile(text, 'Dockerfile');
const textAt = (file: DockerfileFile, range: OffsetRange | undefined): string | undefined => range && file.text.slice(range.start, range.end);

describe('Dockerfile model: instructions', () => {
  it('joins continuation lines, drops comment and blank lines inside them, and maps offsets back', () => {
    const file = parse('FROM alpine:3.20\nRUN apk add \\\n    # the shell\n\n    bash \\\n    curl\nUSER 1000\n');
    const run = file.instructions[1];
    assert.equal(run.keyword, 'RUN');
    assert.equal(run.args, 'apk add     bash     curl');
    assert.equal(textAt(file, run.keywordRange), 'RUN');
    assert.equal(textAt(file, run.argsRange), 'apk add \\\n    # the shell\n\n    bash \\\n    curl');
    const curl = run.words.find((w) => w.value === 'curl');
    assert.equal(textAt(file, curl?.range), 'curl');
    assert.equal(file.text.slice(run.range.start, run.range.end).endsWith('curl'), true);
    assert.deepEqual(file.comments.map((c) => c.text), ['the shell']);
    assert.equal(file.instructions[2].keyword, 'USER');
  });

  it('a range ending at a line break does not spill onto the next line', () => {
    const file = parse('FROM alpine\nRUN echo one \\\n  two\n');
    const run = file.instructions[1];
    assert.deepEqual(textAt(file, run.rangeOf(0, run.args.indexOf('one') + 4)), 'echo one ');
  });

  it('honours the escape directive (backtick), so a backslash is a path character', () => {
    const file = parse('# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY C:\\app\\ C:\\app\\\nRUN dir `\n    C:\\app\n');
    assert.equal(file.escape, '`');
    assert.deepEqual(file.directives.map((d) => [d.name, d.value]), [['escape', '`']]);
    assert.deepEqual(file.instructions[1].operands.map((w) => w.value), ['C:\\app\\', 'C:\\app\\']);
    assert.equal(file.instructions[2].args, 'dir     C:\\app');
    assert.equal(file.instructions.length, 3);
  });

  it('stops reading directives at the first other line', () => {
    const file = parse('# syntax=docker/dockerfile:1\n# a comment\n# escape=`\nFROM alpine\n');
    assert.deepEqual(file.directives.map((d) => d.name), ['syntax']);
    assert.equal(file.escape, '\\');
  });

  it('reads heredocs: bodies, <<- tab stripping, quoted delimiters, several per instruction', () => {
    const file = parse('FROM alpine\nRUN <<EOF\necho hi | sh\nEOF\nRUN <<-"A" cat - <<B\n\techo a\n\tA\nb\nB\nCMD ["sh"]\n');
    const [, first, second, cmd] = file.instructions;
    assert.equal(first.heredocs.length, 1);
    assert.equal(first.heredocs[0].body, 'echo hi | sh\n');
    assert.equal(textAt(file, first.heredocs[0].bodyRange), 'echo hi | sh\n');
    assert.equal(textAt(file, first.heredocs[0].range), '<<EOF');
    assert.deepEqual(second.heredocs.map((h) => [h.name, h.stripTabs, h.quoted, h.body]), [['A', true, true, '\techo a\n'], ['B', false, false, 'b\n']]);
    assert.equal(textAt(file, second.range)?.endsWith('\nB'), true);
    assert.equal(cmd.keyword, 'CMD');
  });

  it('does not mistake a quoted "<<" or a JSON-form argument for a heredoc', () => {
    const file = parse('FROM alpine\nRUN echo "<<EOF"\nRUN echo done\n');
    assert.equal(file.instructions[1].heredocs.length, 0);
    assert.equal(file.instructions[2].args, 'echo done');
  });

  it('finds heredoc words as BuildKit does under `# escape=`: continued with a backtick, split with `\\` as the escape (so `` `" `` still opens a quote)', () => {
    const file = parse('# escape=`\nFROM alpine\nRUN cat `\n  <<EOF > /a\nbody\nEOF\nRUN echo \\"a <<B\nb\nB\nRUN echo `"a <<C\nUSER 1000\n');
    const [, continued, escapedQuote, quoted, user] = file.instructions;
    assert.deepEqual(continued.heredocs.map((h) => [h.name, h.body, textAt(file, h.range)]), [['EOF', 'body\n', '<<EOF']]);
    assert.deepEqual(escapedQuote.heredocs.map((h) => [h.name, h.body]), [['B', 'b\n']]);
    assert.deepEqual([quoted.heredocs.length, user.keyword], [0, 'USER']);
  });

  it('maps CRLF documents exactly, in directives, continuations and heredocs', () => {
    const file = parse('# escape=`\r\nFROM alpine\r\nRUN a `\r\n  b\r\nCOPY <<EOF /x\r\nbody\r\nEOF\r\n');
    assert.equal(file.eol, '\r\n');
    assert.equal(file.instructions[1].args, 'a   b');
    assert.equal(textAt(file, file.instructions[1].words[1].range), 'b');
    assert.equal(file.instructions[2].heredocs[0].body, 'body\r\n');
    assert.equal(file.instructions[2].heredocs[0].terminated, true);
    assert.equal(textAt(file, file.directives[0].valueRange), '`');
  });

  it('tells the JSON (exec) form from the shell form', () => {
    const file = parse('FROM alpine\nCMD ["node", "server.js"]\nENTRYPOINT node server.js\nRUN [not json]\nCOPY ["a b", "/dst/"]\n');
    assert.deepEqual(file.instructions.slice(1).map((i) => i.form), ['json', 'shell', 'shell', 'json']);
    assert.deepEqual(file.instructions[1].json, ['node', 'server.js']);
  });

  it('reads flags, and ENV/ARG/LABEL pairs with key and value ranges (quoted, legacy, no default)', () => {
    const file = parse(dedent(`
      ARG VERSION=1.2 PLAIN
      FROM alpine
      ENV A=1 B="two words" \\
          C='x=y'
      ENV LEGACY value with spaces
      LABEL "org.example.title"="my app"
      COPY --from=build --chmod=755 /src /dst
    `));
    const pairs = (i: number) => file.instructions[i].pairs.map((p) => [p.key, p.value, textAt(file, p.keyRange), textAt(file, p.valueRange)]);
    assert.deepEqual(pairs(0), [['VERSION', '1.2', 'VERSION', '1.2'], ['PLAIN', undefined, 'PLAIN', undefined]]);
    assert.deepEqual(pairs(2), [['A', '1', 'A', '1'], ['B', 'two words', 'B', '"two words"'], ['C', 'x=y', 'C', "'x=y'"]]);
    assert.deepEqual(pairs(3), [['LEGACY', 'value with spaces', 'LEGACY', 'value with spaces']]);
    assert.deepEqual(pairs(4), [['org.example.title', 'my app', '"org.example.title"', '"my app"']]);
    const copy = file.instructions[5];
    assert.deepEqual(copy.flags.map((f) => [f.name, f.value, textAt(file, f.range), textAt(file, f.valueRange)]), [['from', 'build', '--from=build', 'build'], ['chmod', '755', '--chmod=755', '755']]);
    assert.deepEqual(copy.operands.map((w) => w.value), ['/src', '/dst']);
    const env = file.instructions[2];
    for (const pair of [...env.pairs, ...file.instructions[3].pairs]) {
      const owner = env.pairs.includes(pair) ? env : file.instructions[3];
      assert.equal(owner.args.slice(pair.valueStart, (pair.valueStart ?? 0) + (pair.rawValue?.length ?? 0)), pair.rawValue, pair.key);
    }
  });

  it('skips a UTF-8 byte order mark and copes with a file that ends mid-instruction', () => {
    const file = parse('\uFEFFFROM alpine\nRUN echo \\');
    assert.equal(file.instructions.length, 2);
    assert.equal(textAt(file, file.instructions[0].keywordRange), 'FROM');
    assert.equal(file.instructions[1].args, 'echo');
    assert.deepEqual(file.problems, []);
  });
});

describe('Dockerfile model: stages', () => {
  it('reads FROM [--platform] image AS name and parses the image reference', () => {
    const file = parse('FROM --platform=$BUILDPLATFORM docker.io/library/golang:1.23@sha256:' + 'a'.repeat(64) + ' AS Build\nFROM gcr.io/distroless/static-debian13:nonroot\n');
    const [build, final] = file.stages;
    assert.equal(build.name, 'build');
    assert.equal(textAt(file, build.nameRange), 'Build');
    assert.equal(build.platform?.value, '$BUILDPLATFORM');
    assert.equal(build.base.kind, 'image');
    if (build.base.kind !== 'image') return;
    assert.deepEqual([build.base.ref.registry, build.base.ref.dockerHub, build.base.ref.repository, build.base.ref.name, build.base.ref.tag], ['docker.io', true, 'golang', 'golang', '1.23']);
    assert.equal(textAt(file, build.base.range)?.startsWith('docker.io/library/golang:1.23@sha256:'), true);
    assert.equal(textAt(file, build.base.tagRange), '1.23');
    assert.equal(textAt(file, build.base.digestRange), 'sha256:' + 'a'.repeat(64));
    assert.equal(final.isFinal, true);
    assert.equal(file.finalStage, final);
    assert.equal(final.base.kind === 'image' && final.base.ref.repository, 'gcr.io/distroless/static-debian13');
  });

  it('substitutes ARG defaults declared before the first FROM (${X}, $X, ${X:-d})', () => {
    const file = parse('ARG REGISTRY=docker.io\nARG NODE=22\nARG VARIANT\nFROM $REGISTRY/node:${NODE}${VARIANT:--slim}\n');
    const base = file.stages[0].base;
    assert.equal(base.kind, 'image');
    if (base.kind !== 'image') return;
    assert.equal(base.ref.text, 'docker.io/node:22-slim');
    assert.deepEqual(base.substitutedArgs.map((p) => p.key), ['REGISTRY', 'NODE']);
    assert.equal(base.tagRange, undefined, 'a substituted tag has no range of its own');
    assert.equal(textAt(file, base.range), '$REGISTRY/node:${NODE}${VARIANT:--slim}');
  });

  it('leaves FROM unresolved when a variable has no default, or is only known at build time', () => {
    const file = parse('ARG BASE\nFROM ${BASE}\nFROM node:$TARGETARCH\nARG LATE=x\nFROM $LATE\n');
    assert.deepEqual(file.stages.map((s) => s.base.kind === 'unresolved' && s.base.variables), [['BASE'], ['TARGETARCH'], ['LATE']]);
  });

  it('follows FROM <stage> chains to the root image, case-insensitively, and knows scratch', () => {
    const file = parse('FROM node:22 AS Base\nFROM base AS deps\nFROM DEPS\nUSER node\nFROM scratch\n');
    const [base, deps, third, last] = file.stages;
    assert.equal(deps.base.kind === 'stage' && deps.base.stage, base);
    assert.equal(rootStage(third), base);
    assert.deepEqual(stageChain(third), [third, deps, base]);
    assert.equal(last.base.kind, 'scratch');
    assert.deepEqual(third.instructions.map((i) => i.keyword), ['USER']);
    assert.equal(third.instructions[0].stage, third);
    assert.equal(shippedStage(file), last);
    assert.equal(shippedStage(file, 'DEPS'), deps);
    assert.equal(shippedStage(file, 'nope'), last, 'a target this Dockerfile lacks: its final stage ships');
  });

  it('a later stage name is not a base for an earlier FROM', () => {
    const file = parse('FROM app\nFROM alpine AS app\n');
    assert.equal(file.stages[0].base.kind === 'image' && file.stages[0].base.ref.repository, 'app');
  });
});

describe('Dockerfile model: parse problems', () => {
  const problems = (text: string) => {
    const file = parse(text);
    return file.problems.map((p) => [p.kind, textAt(file, p.range), p.data]);
  };

  it('an unknown instruction, with the closest keyword', () => {
    assert.deepEqual(problems('FROM alpine\nRUNN echo\nFOO bar\n'), [
      ['unknownInstruction', 'RUNN', { keyword: 'RUNN', suggestion: 'RUN' }],
      ['unknownInstruction', 'FOO', { keyword: 'FOO', suggestion: '' }],
    ]);
  });

  it('no FROM at all is one problem, at the first instruction', () => {
    assert.deepEqual(problems('# nothing\nRUN a\nRUN b\n'), [['noFrom', 'RUN', {}]]);
    assert.deepEqual(problems('# only comments\n\n'), []);
    assert.deepEqual(problems(''), []);
  });

  it('an instruction before the first FROM (other than ARG)', () => {
    assert.deepEqual(problems('ARG A=1\nENV B=2\nFROM alpine\n'), [['beforeFrom', 'ENV', { keyword: 'ENV' }]]);
  });

  it('FROM without image, with junk after the image, with an invalid reference', () => {
    assert.deepEqual(problems('FROM --platform=linux/amd64\nFROM alpine AS\nFROM alpine base\nFROM Ubuntu:22.04\nFROM alpine AS a b\n'), [
      ['fromWithoutImage', 'FROM', {}],
      ['fromSyntax', 'AS', {}],
      ['fromSyntax', 'base', {}],
      ['invalidImage', 'Ubuntu:22.04', { image: 'Ubuntu:22.04', reason: 'repository names are lower case' }],
      ['fromSyntax', 'b', {}],
    ]);
  });

  it('duplicate stage names, an invalid escape directive, an unterminated heredoc', () => {
    assert.deepEqual(problems('# escape=x\nFROM alpine AS a\nFROM alpine AS A\nRUN <<EOF\necho\n'), [
      ['invalidEscape', 'x', { value: 'x' }],
      ['duplicateStage', 'A', { name: 'a' }],
      ['unterminatedHeredoc', '<<EOF', { name: 'EOF' }],
    ]);
  });

  it('never throws on hostile input', () => {
    for (const text of ['\\', '`', 'FROM', 'FROM \\\n', '<<EOF', 'RUN <<', 'RUN <<EOF', '# escape=`\n`', 'FROM ${', 'FROM $', 'ENV =', 'ENV "a', "LABEL 'x", 'FROM a@sha256:zz', '\r\r\n\n', 'COPY [', 'FROM a AS']) {
      assert.doesNotThrow(() => {
        const file = parse(text);
        for (const i of file.instructions) void [i.words, i.flags, i.pairs, i.json];
      }, text);
    }
  });
});
