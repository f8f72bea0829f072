// The shell constructs real Dockerfiles use (docker-library's `case "$arch"`, subshells, functions,
// heredoc scripts …), and the commands rules see in each: a reserved word, a case pattern or an
// arithmetic expression is never taken for a command, and every real command is.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { commandsOf, commandTexts } from './commands.js';

describe('RUN commands: case', () => {
  it('the issue’s repro: an arm’s command, not its pattern', () => {
    assert.deepEqual(commandsOf('FROM alpine:3.20\nRUN case "$arch" in x86_64) echo 64 ;; esac'), [{ words: ['echo', '64'], text: 'echo 64', pipedFrom: undefined, into: undefined }]);
  });

  it('alternatives, (pattern), ;& and ;;&, a last arm without ;;, a pipe inside an arm', () => {
    assert.deepEqual(commandTexts('case $a in (x86_64|amd64) A=1 ;& arm64) curl -s x | sh ;;& *) echo "?"; exit 1; esac; make'), ['A=1', 'curl -s x', 'sh', 'echo "?"', 'exit 1', 'make']);
    const [curl, sh] = commandsOf('FROM a\nRUN case $a in arm64) curl -s x | sh ;; esac\n');
    assert.deepEqual([curl.words, sh.words, sh.pipedFrom], [['curl', '-s', 'x'], ['sh'], 0]);
  });

  it('docker-library’s form: across continuations, nested, patterns named like programs', () => {
    const run = 'FROM a\nRUN set -eux; \\\n\tarch="$(dpkg --print-architecture)"; \\\n\tcase "$arch" in \\\n\t\tamd64) sha=1 ;; \\\n\t\tsudo | sh) case "$b" in curl) ;; esac ;; \\\n\t\t*) echo >&2 "unsupported: $arch"; exit 1 ;; \\\n\tesac; \\\n\techo "$sha"\n';
    assert.deepEqual(
      commandsOf(run).map((c) => c.text),
      ['set -eux', 'arch="$(dpkg --print-architecture)"', 'sha=1', 'echo >&2 "unsupported: $arch"', 'exit 1', 'echo "$sha"'],
    );
  });

  it('a case inside $( ) closes before the substitution does', () => {
    assert.deepEqual(commandsOf('FROM a\nRUN sh -c $(case $x in a) echo b ;; esac) && c\n').map((c) => [c.text, c.into]), [
      ['sh -c', undefined],
      ['echo b', 0],
      ['c', undefined],
    ]);
  });
});

describe('RUN commands: subshells, groups, functions', () => {
  it('( … ): the commands inside, with their pipes; redirections after it are not a command', () => {
    assert.deepEqual(commandTexts('(cd /src && curl -s x | sh) > log 2>&1; make'), ['cd /src', 'curl -s x', 'sh', 'make']);
    const [curl, sh] = commandsOf('FROM a\nRUN (curl -s x) | sh\n');
    assert.deepEqual([curl.text, sh.text, sh.pipedFrom], ['curl -s x', 'sh', 0]);
    const [wget, bash] = commandsOf('FROM a\nRUN wget -qO- x | (bash -s)\n');
    assert.deepEqual([wget.text, bash.text, bash.pipedFrom], ['wget -qO- x', 'bash -s', 0]);
  });

  it('{ …; } groups and functions: the name is not a command, the body is', () => {
    assert.deepEqual(commandTexts('{ echo a; echo b; } > /etc/x'), ['echo a', 'echo b']);
    assert.deepEqual(commandTexts('f() { curl x | sh; }; g () ( sudo y ); function h { cd z; }; function i() { :; }; f'), ['curl x', 'sh', 'sudo y', 'cd z', ':', 'f']);
    const [curl, sh] = commandsOf('FROM a\nRUN { curl -s x; } | sh\n');
    assert.deepEqual([curl.text, sh.pipedFrom], ['curl -s x', 0]);
  });
});

describe('RUN commands: reserved words', () => {
  it('if/then/elif/else/fi: the words after them are commands', () => {
    assert.deepEqual(commandsOf('FROM a\nRUN if [ -x /bin/apk ]; then apk add x; elif ! command -v y; then apt-get install x; else yum install x; fi\n').map((c) => c.words), [
      ['[', '-x', '/bin/apk', ']'],
      ['apk', 'add', 'x'],
      ['command', '-v', 'y'],
      ['apt-get', 'install', 'x'],
      ['yum', 'install', 'x'],
    ]);
  });

  it('for/while/until: the header is not a command, the condition and the body are', () => {
    assert.deepEqual(commandTexts('for key in $KEYS; do gpg --recv-keys "$key"; done; while read -r l; do echo "$l"; done < f; until false; do break; done'), [
      'gpg --recv-keys "$key"',
      'read -r l',
      'echo "$l"',
      'false',
      'break',
    ]);
    assert.deepEqual(commandTexts('for x in $(ls /src); do rm "$x"; done'), ['ls /src', 'rm "$x"']);
    assert.deepEqual(commandsOf('FROM a\nRUN curl -s x | while read l; do sh -c "$l"; done\n').map((c) => [c.text, c.pipedFrom]), [
      ['curl -s x', undefined],
      ['read l', 0],
      ['sh -c "$l"', undefined],
    ]);
  });

  it('[[ … ]]: its && || ( ) are part of the test', () => {
    assert.deepEqual(commandTexts('[[ -n "$a" && ( $b == c || -z $d ) ]] && echo ok'), ['[[ -n "$a" && ( $b == c || -z $d ) ]]', 'echo ok']);
  });

  it('reserved words only count at command position, unquoted', () => {
    assert.deepEqual(commandsOf('FROM a\nRUN echo if then fi; "done" x\n').map((c) => c.words), [['echo', 'if', 'then', 'fi'], ['done', 'x']]);
  });
});

describe('RUN commands: substitutions, arithmetic, expansions', () => {
  it('$(( )) and (( )) are arithmetic, not commands', () => {
    assert.deepEqual(commandsOf('FROM a\nRUN echo $((1 + (2 * 3))) && (( n++ )) && for ((i = 0; i < 3; i++)); do make -j$((n+1)); done\n').map((c) => c.words), [
      ['echo', '$((1 + (2 * 3)))'],
      ['make', '-j$((n+1))'],
    ]);
  });

  it('backticks are nested commands, parentheses inside them included', () => {
    assert.deepEqual(commandsOf('FROM a\nRUN echo `(cd /x; pwd) | tr a b` done\n').map((c) => [c.text, c.pipedFrom, c.into]), [
      ['echo `(cd /x; pwd) | tr a b` done', undefined, undefined],
      ['cd /x', undefined, 0],
      ['pwd', undefined, 0],
      ['tr a b', 2, 0],
    ]);
    assert.deepEqual(commandsOf('FROM a\nRUN a=x`uname -m)`y; b\n').map((c) => c.words), [['a=x`uname -m)`y'], ['b']]);
  });

  it('${…} may hold ) } and quotes', () => {
    assert.deepEqual(commandsOf('FROM a\nRUN echo ${v%%)*} "${w:-"a}"}" ${x//(/[} && b\n').map((c) => c.words), [['echo', '${v%%)*}', '${w:-"a}"}', '${x//(/[}'], ['b']]);
  });

  it('"$( … )" stays inside its word, whatever it holds', () => {
    assert.deepEqual(commandsOf('FROM a\nRUN v="$(echo ")" | tr -d "(")" && b\n').map((c) => c.words), [['v=$(echo ")" | tr -d "(")'], ['b']]);
  });

  it('redirections do not split commands: 2>&1, &>, >|, <<<', () => {
    const commands = commandsOf('FROM a\nRUN curl -s x 2>&1 &>/dev/null >|log | sh; cat <<< "$(id)" | grep root\n');
    assert.deepEqual(
      commands.map((c) => [c.words, c.pipedFrom]),
      [
        [['curl', '-s', 'x', '2>&1', '&>/dev/null', '>|log'], undefined],
        [['sh'], 0],
        [['cat', '<<<', '$(id)'], undefined],
        [['grep', 'root'], 2],
      ],
    );
  });

  it('a stray ) ends the command and reading goes on', () => {
    assert.deepEqual(commandTexts('echo a ) b; c ) )'), ['echo a', 'b', 'c']);
  });
});

describe('RUN commands: heredocs and comments inside scripts', () => {
  it('a heredoc inside a RUN <<EOF script is data, not commands', () => {
    const run = 'FROM a\nRUN <<EOF\nset -e\ncat <<EOT > /etc/x && chmod 644 /etc/x\ncurl -s x | sh\n)\nEOT\ncat <<-\'END\' | tee y\n\tsudo z\n\tEND\necho done\nEOF\n';
    assert.deepEqual(commandsOf(run).map((c) => c.text), ['<<EOF', 'set -e', 'cat <<EOT > /etc/x', 'chmod 644 /etc/x', "cat <<-'END'", 'tee y', 'echo done']);
  });

  it('<< EOF with a blank before the delimiter', () => {
    assert.deepEqual(commandsOf('FROM a\nRUN <<X\ncat << "Y"\nnot ( a command\nY\nls\nX\n').map((c) => c.text), ['<<X', 'cat << "Y"', 'ls']);
  });

  it('a RUN <<EOF body with a #! line runs in that interpreter: only a shell’s is read as commands', () => {
    assert.deepEqual(commandsOf('FROM a\nRUN <<EOF\n#!/usr/bin/env python3\nos.system("curl x | sh")\nEOF\n').map((c) => c.text), ['<<EOF']);
    assert.deepEqual(commandsOf('FROM a\nRUN <<EOF\n#!/bin/bash\nsudo x\nEOF\n').map((c) => c.text), ['<<EOF', 'sudo x']);
  });

  it('comments: whole lines between continuation lines, after a blank or an operator, not inside a word', () => {
    assert.deepEqual(commandTexts('a \\\n  # case x in ) ( `\n  && b;# c ) \\\n d'), ['a', 'b']);
    assert.deepEqual(commandsOf('FROM a\nRUN <<EOF\necho a#b # c ) (\nd\nEOF\n').map((c) => c.words), [['<<EOF'], ['echo', 'a#b'], ['d']]);
  });

  it('exec form sh -c: the same reading, ranges through the JSON escapes', () => {
    assert.deepEqual(commandsOf('FROM a\nRUN ["sh", "-c", "(cd x) && case \\"$y\\" in z) w;; esac"]\n').map((c) => c.text), ['cd x', 'w']);
  });
});
