// Grammar-aware generators of hostile Dockerfiles and YAML for the fuzz suite: real constructs
// (shell `case`, subshells, heredocs, anchors, merge keys, Helm actions …) nested, repeated,
// truncated and sprinkled with junk, so the linter meets what real and malicious files hold.
import fc from 'fast-check';

/** A few characters that break naive scanners: quotes, brackets, escapes, control bytes, odd line breaks. */
const NASTY = ['(', ')', '{', '}', '[', ']', '"', "'", '`', '\\', '$', '#', '|', '&', ';', '<', '>', '\r', '\n', '\t', '\u0000', '\u001b[2J', '\uFEFF', '\u2028', '💥', ':', '-', '*', '&', '!', '%', '@', '?', ',', '{{', '}}'];

const nasty = fc.constantFrom(...NASTY);
const word = fc.stringMatching(/^[a-z][a-z0-9_.\/-]{0,8}$/);
const junk = fc.array(fc.oneof(nasty, word, fc.string({ maxLength: 4 })), { maxLength: 6 }).map((parts) => parts.join(''));

/** Repeats a piece many times: superlinear code shows up as a hang, not as a slow test. */
function repeated(piece: fc.Arbitrary<string>, separator: string, max: number): fc.Arbitrary<string> {
  return fc.tuple(piece, fc.integer({ min: 1, max })).map(([p, n]) => Array(n).fill(p).join(separator));
}

/** Cuts a text at a random point, as a file being typed is. */
function maybeTruncated(text: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(text, fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { freq: 3 })).map(([t, cut]) => (cut === null ? t : t.slice(0, Math.floor(t.length * cut))));
}

// ---- shell, as RUN holds it ----
const { shellCommand } = fc.letrec<{ shellCommand: string; simple: string }>((tie) => ({
  simple: fc.oneof(
    fc.constantFrom('echo hi', 'apt-get install -y curl', 'curl -fsSL https://x.io/i.sh | sh', 'sudo -u app make', 'chmod 777 /app', 'cd /tmp', 'wget -qO- x | bash', 'true', 'exit 1'),
    fc.tuple(word, fc.array(fc.oneof(word, junk), { maxLength: 4 })).map(([w, args]) => [w, ...args].join(' ')),
  ),
  shellCommand: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('simple'),
    fc.tuple(tie('shellCommand'), fc.constantFrom(' && ', ' || ', ' | ', '; ', ' & ', ' |& '), tie('shellCommand')).map(([a, op, b]) => `${a}${op}${b}`),
    tie('shellCommand').map((c) => `(${c})`),
    tie('shellCommand').map((c) => `{ ${c}; }`),
    tie('shellCommand').map((c) => `echo "$(${c})"`),
    tie('shellCommand').map((c) => `echo \`${c}\``),
    tie('shellCommand').map((c) => `diff <(${c}) x`),
    fc.tuple(word, tie('shellCommand'), tie('shellCommand')).map(([v, a, b]) => `case "$${v}" in x86_64|amd64) ${a} ;; arm*) ${b} ;& *) true ;; esac`),
    fc.tuple(tie('shellCommand'), tie('shellCommand')).map(([a, b]) => `if ${a}; then ${b}; elif false; then :; else ${a}; fi`),
    fc.tuple(word, tie('shellCommand')).map(([v, c]) => `for ${v} in a b c; do ${c}; done`),
    tie('shellCommand').map((c) => `while false; do ${c}; done`),
    fc.tuple(word, tie('shellCommand')).map(([f, c]) => `${f}() { ${c}; }; ${f}`),
    fc.tuple(word, tie('shellCommand')).map(([f, c]) => `function ${f} { ${c}; }`),
    fc.constantFrom('echo $((1 + 2 * (3 - 4)))', 'x=$(( (a) ))', 'cat <<< "$(id)"', 'echo ${x:-)}', 'echo ${#x} ${x%%)*}', 'a=$( (cd /; ls) )', "echo ')' \")\" \\)"),
    junk,
  ),
}));

/** A line continued with `\` (the escape character may be the backtick), with comment lines inside. */
const continued = fc.tuple(fc.array(shellCommand, { minLength: 1, maxLength: 4 }), fc.boolean()).map(([parts, comment]) => parts.join(comment ? ' \\\n# a comment\n  && ' : ' \\\n  && '));

const runInstruction = fc.oneof(
  shellCommand.map((c) => `RUN ${c}`),
  continued.map((c) => `RUN ${c}`),
  shellCommand.map((c) => `RUN ${JSON.stringify(['sh', '-c', c])}`),
  fc.tuple(shellCommand, fc.constantFrom('EOF', "'EOF'", '"END"', '-EOT')).map(([c, d]) => `RUN <<${d}\n${c}\n${c}\n${d.replace(/['"-]/g, '')}`),
  shellCommand.map((c) => `RUN bash -e <<EOF\n${c}\ncat <<INNER\n)(\nINNER\nEOF`),
  repeated(fc.constant('echo a'), ' \\\n  && ', 3000).map((c) => `RUN ${c}`),
  repeated(shellCommand, ' ; ', 200).map((c) => `RUN ${c}`),
);

const dockerInstruction = fc.oneof(
  { weight: 4, arbitrary: runInstruction },
  fc.constantFrom('FROM alpine:3.20', 'FROM python:3.12 AS build', 'FROM --platform=$BUILDPLATFORM golang:1.22', 'FROM scratch', 'FROM ${BASE}:${TAG}', 'FROM build'),
  fc.constantFrom('USER root', 'USER 1000:1000', 'USER app', 'EXPOSE 22', 'WORKDIR /app', 'SHELL ["/bin/bash", "-c"]', 'HEALTHCHECK CMD curl -f http://localhost/'),
  fc.tuple(word, junk).map(([k, v]) => `ENV ${k.toUpperCase()}=${v}`),
  fc.tuple(word, junk).map(([k, v]) => `ARG ${k}=${v}`),
  fc.constantFrom('ENV API_TOKEN=ghp_0123456789abcdefghijABCDEFGHIJ012345', 'ARG PASSWORD=hunter2'),
  fc.constantFrom('COPY . .', 'COPY --from=build /out /app', 'ADD https://x.io/a.tgz /tmp/', 'COPY id_rsa /root/.ssh/', 'COPY <<EOF /etc/x\n)\nEOF'),
  fc.constantFrom('# manifestlint-disable-next-line dockerfile/root-user', '# comment with ) and $(', 'ONBUILD RUN make', 'MAINTAINER x', 'CMD ["a", "b"]'),
  junk.map((j) => `UNKNOWN ${j}`),
  junk,
);

const dockerDirectives = fc.constantFrom('', '# syntax=docker/dockerfile:1\n', '# escape=`\n', '# escape=x\n', '# check=skip=all\n');

export const dockerfileText: fc.Arbitrary<string> = maybeTruncated(
  fc.tuple(dockerDirectives, fc.array(dockerInstruction, { minLength: 1, maxLength: 12 }), fc.constantFrom('\n', '\r\n')).map(([d, lines, eol]) => (d + lines.join('\n')).replace(/\n/g, eol)),
);

// ---- YAML, as manifests, values files and Helm templates hold it ----
const scalar = fc.oneof(
  word,
  fc.constantFrom('true', 'false', 'null', '0', '1000', '"quoted: text"', "'single'", '~', 'kubernetes.io/hostname', 'hunter2', 'ghp_0123456789abcdefghijABCDEFGHIJ012345', '!!str 1', '!custom x', '*a', '{{ .Values.x }}', '"{{ .Values.image.tag }}"'),
  junk,
);

const { yamlNode } = fc.letrec<{ yamlNode: string }>((tie) => ({
  yamlNode: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(fc.tuple(word, tie('yamlNode')), { maxLength: 4 }).map((pairs) => `{${pairs.map(([k, v]) => `${k}: ${v}`).join(', ')}}`),
    fc.array(tie('yamlNode'), { maxLength: 4 }).map((items) => `[${items.join(', ')}]`),
    fc.constantFrom('|\n    line one\n    line two', '>-\n    folded\n    text', '|2-\n     x'),
  ),
}));

const podSpec = fc
  .record({
    privileged: fc.boolean(),
    hostPID: fc.boolean(),
    runAsUser: fc.constantFrom('0', '1000', '"0"', '{{ .Values.uid }}'),
    image: fc.constantFrom('nginx', 'nginx:latest', 'python:3.8-slim-buster', 'gcr.io/distroless/static@sha256:' + 'a'.repeat(64), '{{ .Values.image }}'),
    env: scalar,
  })
  .map(
    (p) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: default
spec:
  template:
    spec:
      hostPID: ${p.hostPID}
      containers:
        - name: app
          image: ${p.image}
          securityContext:
            privileged: ${p.privileged}
            runAsUser: ${p.runAsUser}
          env:
            - name: DB_PASSWORD
              value: ${p.env}`,
  );

const yamlDocument = fc.oneof(
  { weight: 3, arbitrary: podSpec },
  fc.array(fc.tuple(word, yamlNode), { minLength: 1, maxLength: 8 }).map((pairs) => pairs.map(([k, v]) => `${k}: ${v}`).join('\n')),
  fc.constantFrom(
    'base: &base\n  privileged: true\nderived:\n  <<: *base\n  x: 1',
    'a: &a {x: 1}\nb: &b {<<: [*a, *a]}\nc: &c {<<: [*b, *b]}\nd: {<<: [*c, *c]}',
    'spec: &s\n  containers: *s',
    'key: 1\nkey: 2',
    '- *undefined',
    '{{- if .Values.enabled }}\nkind: Pod\n{{- end }}',
    'spec:\n  containers:\n    {{- toYaml .Values.containers | nindent 4 }}',
    'data:\n  tls.key: LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0t',
    '# manifestlint-disable-next-line k8s/privileged-container\nprivileged: true',
    'topologyKey: kubernetes.io/hostname',
  ),
  repeated(fc.constant('{{ .Values.a }}'), ' ', 2000).map((line) => `value: ${line}`),
  repeated(fc.constant('# manifestlint-disable-next-line'), '\n', 2000).map((lines) => `${lines}\nkind: Pod`),
  fc.integer({ min: 1, max: 5000 }).map((n) => Array.from({ length: n }, (_, i) => `k${i}: v`).join('\n')),
  junk,
);

export const yamlText: fc.Arbitrary<string> = maybeTruncated(
  fc
    .tuple(fc.array(yamlDocument, { minLength: 1, maxLength: 5 }), fc.constantFrom('---\n', '\n---\n', '\n...\n---\n'), fc.constantFrom('\n', '\r\n', '\r'))
    .map(([docs, separator, eol]) => docs.join(separator).replace(/\n/g, eol)),
);

/** An input for the linter: a Dockerfile or a YAML file, with a name that picks the language. */
export const lintInput: fc.Arbitrary<{ text: string; uri: string }> = fc.oneof(
  dockerfileText.map((text) => ({ text, uri: 'fuzz/Dockerfile' })),
  yamlText.map((text) => ({ text, uri: 'fuzz/manifest.yaml' })),
  yamlText.map((text) => ({ text, uri: 'fuzz/chart/templates/deployment.yaml' })),
);
