// Grammar-aware generators of hostile RUN instructions for the shell model's property test: the
// constructs of shell scripts (subshells, case, functions, groups, loops, substitutions, arithmetic,
// expansions, heredocs, comments) nested into each other, broken (unbalanced, truncated) and mixed
// with random characters, in every place a Dockerfile holds a script.
import fc from 'fast-check';

const word = fc.constantFrom('a', 'x86_64', '-y', '/usr/local', 'curl', 'sh', 'sudo', 'apt-get', 'install', '"$x"', "'q )'", '$v', '${v%%)*}', '${w:-"a}"}', 'a=b', '2>&1', '&>/dev/null', '>|f', '<f', '--opt=v', '*', '\\)', '$\'\\\'x\'');

/** Fragments that open or close something without their partner, or break a line mid-construct. */
const brokenPiece = fc.constantFrom('(', ')', '((', '))', '$(', '$((', '${', '}', '{', '`', '"', "'", '\\', '<<', '<<EOF', '<<-', '<<<', ';;', ';&', 'case', 'in', 'esac', 'then', 'fi', 'do', 'done', '[[', ']]', 'function', '()', '&', '|', '#', '\n', '\\\n', '\r\n', '$\'');

/** Random characters, control bytes and astral ones included. */
const randomText = fc.string({ unit: 'binary', maxLength: 12 });

const { script } = fc.letrec<{ script: string; command: string }>((tie) => ({
  command: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.array(word, { minLength: 1, maxLength: 5 }).map((words) => words.join(' ')),
    tie('script').map((s) => `(${s})`),
    tie('script').map((s) => `{ ${s}; }`),
    tie('script').map((s) => `echo $(${s}) "$(${s})" x$(${s})y`),
    tie('script').map((s) => `echo \`${s}\``),
    tie('script').map((s) => `diff <(${s}) >(${s})`),
    tie('script').map((s) => `f() { ${s}; }; function g { ${s}; }`),
    fc.tuple(tie('script'), tie('script')).map(([a, b]) => `case "$arch" in (x86_64|amd64) ${a} ;; arm*) ${b} ;& *) ${a} ;;& esac`),
    fc.tuple(tie('script'), tie('script')).map(([a, b]) => `if ${a}; then ${b}; elif ${b}; then :; else ${a}; fi`),
    tie('script').map((s) => `for i in 1 2; do ${s}; done; for ((i=0; i<2; i++)); do ${s}; done`),
    tie('script').map((s) => `while ${s}; do ${s}; done < f; until ${s}; do :; done`),
    tie('script').map((s) => `[[ -n "$(${s})" && ( a || b ) ]] && echo $((1 + (2 * 3))) && (( n++ ))`),
    tie('script').map((s) => `cat <<EOF\n${s}\nEOF\ncat <<-'T' | sh\n\t${s}\n\tT\n${s}`),
    tie('script').map((s) => `${s} # comment ) ( \` $(\n${s}`),
    brokenPiece,
    randomText,
  ),
  script: fc.array(fc.tuple(tie('command'), fc.constantFrom(' && ', ' || ', ' | ', '; ', ' & ', ' |& ', '\n', ' \\\n  ', ' ')), { minLength: 1, maxLength: 4 }).map((parts) => parts.map(([c, op]) => c + op).join('')),
}));

/** Cuts a text at a random point, as a file being typed is. */
function truncated(text: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(text, fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { freq: 3 })).map(([t, cut]) => (cut === null ? t : t.slice(0, Math.floor(t.length * cut))));
}

/** A script in each place a Dockerfile holds one: shell form (continued), exec form, RUN heredocs. */
const runInstruction = fc.oneof(
  script.map((s) => `RUN ${s.replace(/\n/g, ' \\\n')}`),
  script.map((s) => `RUN --mount=type=cache,target=/x ${s.replace(/\n/g, ' \\\n# comment ) (\n')}`),
  script.map((s) => `RUN ${JSON.stringify(['sh', '-c', s])}`),
  script.map((s) => `RUN <<EOF\n${s}\nEOF`),
  script.map((s) => `RUN bash -e <<'EOF'\n#!/bin/bash\n${s}\nEOF`),
  fc.tuple(script, script).map(([a, b]) => `RUN cat <<A && sh <<B\n${a}\nA\n${b}\nB`),
);

export const shellDockerfile: fc.Arbitrary<string> = truncated(
  fc.tuple(fc.constantFrom('', '# escape=`\n'), fc.array(runInstruction, { minLength: 1, maxLength: 3 }), fc.constantFrom('\n', '\r\n')).map(([directive, runs, eol]) => `${directive}FROM alpine:3.20\n${runs.join('\n')}\n`.replace(/\n/g, eol)),
);
