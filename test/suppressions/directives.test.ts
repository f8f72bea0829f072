// Suppression comments as the parser sees them: ids, reason and ranges; only real comments count; and
// which lines each directive covers in YAML and in Dockerfiles (continuation lines with comment and blank
// lines between them, heredoc bodies, escape directive, CRLF).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDockerfile } from '../../server/src/dockerfile/model.js';
import { LineIndex } from '../../server/src/text/positions.js';
import type { Language } from '../../server/src/text/fileKinds.js';
import { findDirectives, parseDirective } from '../../server/src/suppressions/directives.js';
import { parseYamlFile } from '../../server/src/k8s/yamlFile.js';

function parse(text: string, language: Language) {
  return language === 'yaml' ? parseYamlFile(text, 'manifest.yaml') : parseDockerfile(text, 'Dockerfile');
}

function directives(text: string, language: Language) {
  return findDirectives(parse(text, language), new LineIndex(text)).map((d) => ({ kind: d.kind, ids: d.ruleIds.map((r) => r.id), reason: d.reason, lines: d.lines && [d.lines.first + 1, d.lines.last + 1] }));
}

describe('parseDirective', () => {
  it('reads comma- and space-separated ids with their ranges, and the reason after --', () => {
    const comment = '# manifestlint-disable-next-line k8s/host-pid,k8s/host-ipc  secrets/token -- CNI needs the host -- really';
    const directive = parseDirective(comment, 100);
    assert.equal(directive?.kind, 'next-line');
    assert.deepEqual(directive?.ruleIds.map((r) => [r.id, comment.slice(r.range.start - 100, r.range.end - 100)]), [
      ['k8s/host-pid', 'k8s/host-pid'],
      ['k8s/host-ipc', 'k8s/host-ipc'],
      ['secrets/token', 'secrets/token'],
    ]);
    assert.equal(directive?.reason, 'CNI needs the host -- really');
    assert.deepEqual(directive?.range, { start: 100, end: 100 + comment.length });
  });

  it('keeps what is missing visible: no reason, no ids, an unknown variant', () => {
    assert.equal(parseDirective('# manifestlint-disable-line k8s/host-pid', 0)?.reason, undefined);
    assert.equal(parseDirective('# manifestlint-disable-line k8s/host-pid --   ', 0)?.reason, undefined);
    assert.deepEqual(parseDirective('#manifestlint-disable-file -- legacy', 0)?.ruleIds, []);
    assert.equal(parseDirective('# manifestlint-disable k8s/host-pid -- x', 0)?.kind, undefined);
    assert.equal(parseDirective('# manifestlint-disable-line-please k8s/x -- y', 0)?.kind, undefined);
  });

  it('ignores comments that merely mention manifestlint', () => {
    assert.equal(parseDirective('# see manifestlint-disable-line in the docs', 0), undefined);
    assert.equal(parseDirective('# manifestlint-docs: https://example.invalid', 0), undefined);
  });
});

describe('findDirectives in YAML', () => {
  it('finds full-line and trailing comments; next-line skips stacked comment lines', () => {
    const text = [
      '# manifestlint-disable-file k8s/seccomp -- legacy',
      'spec:',
      '  # manifestlint-disable-next-line k8s/host-pid -- a',
      '  # manifestlint-disable-next-line k8s/host-ipc -- b',
      '  hostPID: true',
      '  hostIPC: true # manifestlint-disable-line k8s/host-ipc -- c',
    ].join('\n');
    assert.deepEqual(directives(text, 'yaml'), [
      { kind: 'file', ids: ['k8s/seccomp'], reason: 'legacy', lines: undefined },
      { kind: 'next-line', ids: ['k8s/host-pid'], reason: 'a', lines: [5, 5] },
      { kind: 'next-line', ids: ['k8s/host-ipc'], reason: 'b', lines: [5, 5] },
      { kind: 'line', ids: ['k8s/host-ipc'], reason: 'c', lines: [6, 6] },
    ]);
  });

  it('a # inside a quoted or block scalar is content, not a comment', () => {
    const text = [
      'data:',
      '  a: "x # manifestlint-disable-file k8s/host-pid -- no"',
      '  script: |',
      '    # manifestlint-disable-file k8s/host-ipc -- no',
      '    echo hi',
    ].join('\n');
    assert.deepEqual(directives(text, 'yaml'), []);
  });

  it('finds a directive in a later document, with ranges into the whole file', () => {
    const text = [
      'kind: ConfigMap',
      '---',
      'data:',
      '  script: |',
      '    # manifestlint-disable-file k8s/host-ipc -- content, not a comment',
      '---',
      'spec:',
      '  # manifestlint-disable-next-line k8s/host-pid -- node agent',
      '  hostPID: true',
    ].join('\r\n');
    const found = findDirectives(parse(text, 'yaml'), new LineIndex(text));
    assert.equal(found.length, 1);
    const [directive] = found;
    assert.equal(text.slice(directive.range.start, directive.range.end), '# manifestlint-disable-next-line k8s/host-pid -- node agent');
    assert.deepEqual(directive.ruleIds.map((r) => text.slice(r.range.start, r.range.end)), ['k8s/host-pid']);
    assert.deepEqual(directive.lines, { first: 8, last: 8 });
  });
});

describe('findDirectives in Dockerfiles', () => {
  it('next-line covers a whole instruction continued over several lines', () => {
    const text = ['FROM alpine', '# manifestlint-disable-next-line secrets/token -- revoked', 'RUN curl \\', '      -H "x" \\', '      example.invalid', 'USER app'].join('\n');
    assert.deepEqual(directives(text, 'dockerfile'), [{ kind: 'next-line', ids: ['secrets/token'], reason: 'revoked', lines: [3, 5] }]);
  });

  it('honours the escape parser directive for continuations', () => {
    const text = ['# escape=`', 'FROM mcr.invalid/windows', '# manifestlint-disable-next-line secrets/token -- x', 'RUN a `', '  b', 'RUN c \\', 'RUN d'].join('\n');
    assert.deepEqual(directives(text, 'dockerfile'), [{ kind: 'next-line', ids: ['secrets/token'], reason: 'x', lines: [4, 5] }]);
  });

  const DIRECTIVE = '# manifestlint-disable-next-line dockerfile/pipe-to-shell -- vendor installer';
  const INSTALL = 'curl -fsSL https://example.invalid/install.sh | sh';

  it('next-line covers a heredoc body through its terminator', () => {
    for (const eol of ['\n', '\r\n']) {
      const text = ['FROM alpine', DIRECTIVE, 'RUN <<EOF', 'set -e', INSTALL, 'EOF', 'USER app', ''].join(eol);
      assert.deepEqual(directives(text, 'dockerfile')[0].lines, [3, 6], JSON.stringify(eol));
    }
  });

  it('next-line covers continuation lines after a comment or a blank line inside the instruction', () => {
    for (const eol of ['\n', '\r\n']) {
      for (const between of ['    # then the installer', '', '   ']) {
        const text = ['FROM alpine', DIRECTIVE, 'RUN apk add curl && \\', between, `    ${INSTALL}`, 'USER app'].join(eol);
        assert.deepEqual(directives(text, 'dockerfile')[0].lines, [3, 5], JSON.stringify([eol, between]));
      }
    }
  });

  it('with the backtick escape, a backslash neither continues nor hides a continuation', () => {
    for (const eol of ['\n', '\r\n']) {
      const text = ['# escape=`', 'FROM mcr.invalid/windows', DIRECTIVE, 'RUN a `', '  # comment', '', '  b `', '  c', 'RUN d \\', 'RUN e'].join(eol);
      assert.deepEqual(directives(text, 'dockerfile')[0].lines, [4, 8], JSON.stringify(eol));
    }
  });

  it('next-line on a line that only continues an instruction covers that line', () => {
    const text = ['FROM alpine', 'RUN apk add curl && \\', `    ${DIRECTIVE}`, `    ${INSTALL} && \\`, '    rm -rf /tmp/x'].join('\n');
    assert.deepEqual(directives(text, 'dockerfile')[0].lines, [4, 4]);
  });

  it('a trailing directive on an instruction line covers that line; a file directive the file', () => {
    const text = ['# manifestlint-disable-file secrets/hardcoded-credential -- test image', 'FROM alpine', 'RUN echo "a # b" # manifestlint-disable-line secrets/token -- revoked'].join('\n');
    assert.deepEqual(directives(text, 'dockerfile'), [
      { kind: 'file', ids: ['secrets/hardcoded-credential'], reason: 'test image', lines: undefined },
      { kind: 'line', ids: ['secrets/token'], reason: 'revoked', lines: [3, 3] },
    ]);
  });
});
