// The Helm mask: every action replaced in place, nothing moved, so ranges in the masked text are the
// original's; line-only actions vanish, in-line ones leave a scalar of the same length.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { TemplateLines } from '../../server/src/helm/lines.js';
import { findActions, maskTemplate } from '../../server/src/helm/mask.js';

function lineBreaks(text: string): number[] {
  return [...text.matchAll(/\r|\n/g)].map((m) => m.index);
}

function assertShapeKept(original: string, masked: string): void {
  assert.equal(masked.length, original.length, 'same length');
  assert.deepEqual(lineBreaks(masked), lineBreaks(original), 'line breaks where they were');
  assert.ok(!masked.includes('{{') && !masked.includes('}}'), `no action left in ${JSON.stringify(masked)}`);
}

/** What the mask leaves of an action: blanks (`gone`) or a placeholder scalar (`scalar`), same length. */
const gone = (action: string) => ' '.repeat(action.length);
const scalar = (action: string) => '_'.repeat(action.length);

const cases: { name: string; template: string; masked: string }[] = [
  { name: 'if/end lines become blank', template: 'a:\n  {{- if .Values.x }}\n  b: 1\n  {{- end }}\n', masked: `a:\n${gone('  {{- if .Values.x }}')}\n  b: 1\n${gone('  {{- end }}')}\n` },
  { name: 'include … | nindent alone on its line', template: 'labels:\n    {{- include "app.labels" . | nindent 4 }}\n', masked: `labels:\n${gone('    {{- include "app.labels" . | nindent 4 }}')}\n` },
  { name: 'toYaml alone on its line', template: 'sc:\n  {{ toYaml .Values.sc }}\n', masked: `sc:\n${gone('  {{ toYaml .Values.sc }}')}\n` },
  { name: 'comment action', template: '{{/* a note */}}\nk: v\n', masked: `${gone('{{/* a note */}}')}\nk: v\n` },
  { name: 'multi-line comment with trim markers', template: '{{- /* one\ntwo */ -}}\nk: v\n', masked: `${gone('{{- /* one')}\n${gone('two */ -}}')}\nk: v\n` },
  { name: 'two actions on one line', template: '  {{- if .a }}{{- end }}\nk: v\n', masked: `${gone('  {{- if .a }}{{- end }}')}\nk: v\n` },
  { name: 'multi-line action alone on its lines', template: '{{- $x := dict\n     "a" 1 }}\nk: v\n', masked: `${gone('{{- $x := dict')}\n${gone('     "a" 1 }}')}\nk: v\n` },
  { name: 'tab before a line-only action', template: 'k: v\n\t{{- end }}\n', masked: `k: v\n${gone('\t{{- end }}')}\n` },
  { name: 'CRLF line ends', template: 'k: v\r\n{{- if .a }}{{ end }}\r\nj: w\r\n', masked: `k: v\r\n${gone('{{- if .a }}{{ end }}')}\r\nj: w\r\n` },
  { name: 'unquoted value', template: 'name: {{ .Values.name }}\n', masked: `name: ${scalar('{{ .Values.name }}')}\n` },
  { name: 'quoted value', template: 'name: "{{ .Values.name }}"\n', masked: `name: "${scalar('{{ .Values.name }}')}"\n` },
  { name: 'image string of two actions', template: 'image: "{{ .Values.repo }}:{{ .Values.tag }}"\n', masked: `image: "${scalar('{{ .Values.repo }}')}:${scalar('{{ .Values.tag }}')}"\n` },
  { name: 'quotes inside an action inside quotes', template: 'name: "{{ include "app.name" . }}-test"\n', masked: `name: "${scalar('{{ include "app.name" . }}')}-test"\n` },
  { name: 'key position', template: '{{ .Values.key }}: value\n', masked: `${scalar('{{ .Values.key }}')}: value\n` },
  { name: 'sequence item', template: '- {{ . | quote }}\n', masked: `- ${scalar('{{ . | quote }}')}\n` },
  { name: 'flow sequence item', template: 'args: [{{ .Values.a }}, "b"]\n', masked: `args: [${scalar('{{ .Values.a }}')}, "b"]\n` },
  { name: 'nindent after a key: the key\'s value is the block it writes', template: 'resources: {{- toYaml .Values.r | nindent 12 }}\n', masked: `resources: ${gone('{{- toYaml .Values.r | nindent 12 }}')}\n` },
  { name: 'indent (not nindent) after a key stays a scalar', template: 'resources: {{ toYaml .Values.r | indent 2 }}\n', masked: `resources: ${scalar('{{ toYaml .Values.r | indent 2 }}')}\n` },
  { name: 'control flow building a flow sequence', template: 'args: [{{ range $i, $a := .a }}{{ if $i }}, {{ end }}{{ $a }}{{ end }}]\n', masked: `args: [${scalar('{{ range $i, $a := .a }}{{ if $i }}')}, ${scalar('{{ end }}{{ $a }}{{ end }}')}]\n` },
  { name: 'silent action after content becomes blanks', template: 'ok: true{{ end }}\n', masked: `ok: true${gone('{{ end }}')}\n` },
  { name: 'comment after a value', template: 'ok: true {{/* why */}}\n', masked: `ok: true ${gone('{{/* why */}}')}\n` },
  { name: 'if/else inside a value: one scalar', template: 'v: {{ if .a }}x{{ else }}y{{ end }}\n', masked: `v: ${scalar('{{ if .a }}')}x${scalar('{{ else }}')}y${gone('{{ end }}')}\n` },
  { name: '}} inside a string literal', template: 'a: {{ printf "}}" }}\n', masked: `a: ${scalar('{{ printf "}}" }}')}\n` },
  { name: 'raw string literal', template: 'a: {{ `}}` }}\n', masked: `a: ${scalar('{{ `}}` }}')}\n` },
  { name: 'multi-line action in a value: placeholder on its first line only', template: 'x: {{ .Values.a\n  | quote }}\nb: 1\n', masked: `x: ${scalar('{{ .Values.a')}\n${gone('  | quote }}')}\nb: 1\n` },
  { name: 'action inside a YAML comment', template: '# uses {{ .Values.x }}\nk: v\n', masked: `# uses ${scalar('{{ .Values.x }}')}\nk: v\n` },
  { name: 'action inside a block scalar', template: 'data:\n  conf: |\n    port={{ .Values.port }}\n', masked: `data:\n  conf: |\n    port=${scalar('{{ .Values.port }}')}\n` },
  { name: 'unterminated action runs to the end', template: 'bad: {{ .Values.x\nnext: 1\n', masked: `bad: ${scalar('{{ .Values.x')}\n${gone('next: 1')}\n` },
];

describe('maskTemplate', () => {
  for (const { name, template, masked } of cases) {
    it(name, () => {
      const result = maskTemplate(template);
      assert.equal(result.text, masked);
      assertShapeKept(template, result.text);
    });
  }

  it('records where produced content is inserted, with the indentation it will have', () => {
    const template = 'spec:\n  {{- if .a }}\n  labels:\n    {{- include "l" . | nindent 4 }}\n{{ toYaml .Values.x | indent 2 }}\n    {{ .Values.block }}\n  {{- end }}\n  annotations: {{- toYaml .Values.a | nindent 4 }}\n';
    const { insertions } = maskTemplate(template);
    assert.deepEqual(insertions, [
      { offset: template.indexOf('{{- include'), indent: 4 },
      { offset: template.indexOf('{{ toYaml'), indent: 2 },
      { offset: template.indexOf('{{ .Values.block'), indent: 4 },
      { offset: template.indexOf('{{- toYaml .Values.a'), indent: 4 },
    ]);
  });

  it('marks in-line actions and produced blocks as templated, not control flow', () => {
    const template = '{{- if .a }}\nk: {{ .v }}\n{{ include "x" . }}\n{{- end }}\n';
    assert.deepEqual(maskTemplate(template).templatedRanges, [
      { start: template.indexOf('{{ .v'), end: template.indexOf('{{ .v') + 8 },
      { start: template.indexOf('{{ include'), end: template.indexOf('{{ include') + 19 },
    ]);
  });

  it('keeps length and line breaks for every fixture chart file', () => {
    const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
    const templates = files('test/fixtures/helm').filter((f) => f.includes('/templates/'));
    assert.ok(templates.length >= 8);
    for (const file of templates) {
      const text = readFileSync(file, 'utf8');
      const { text: masked } = maskTemplate(text);
      assert.equal(masked.length, text.length, file);
      assert.deepEqual(lineBreaks(masked), lineBreaks(text), file);
    }
  });
});

describe('TemplateLines', () => {
  it('starts and ends lines where YAML does: at \\n, \\r\\n and a lone \\r', () => {
    const text = 'ab\ncd\r\nef\rgh';
    const lines = new TemplateLines(text);
    const line = (offset: number) => text.slice(lines.startOf(offset), lines.endOf(offset));
    assert.deepEqual([0, 2, 3, 5, 7, 9, 10, 12].map(line), ['ab', 'ab', 'cd', 'cd', 'ef', 'ef', 'gh', 'gh']);
    assert.deepEqual([0, 4, 8, 11].map((offset) => lines.columnOf(offset)), [0, 1, 1, 1]);
  });
});

describe('maskTemplate on long lines', () => {
  it('masks 100,000 actions on one line, each a placeholder of its own length', () => {
    const action = '{{ .Values.a }}';
    const template = `data:\n  a: ${action.repeat(100_000)}\n`;
    const mask = maskTemplate(template);
    assert.equal(mask.text, `data:\n  a: ${scalar(action).repeat(100_000)}\n`);
    assert.equal(mask.templatedRanges.length, 100_000);
  });
});

describe('findActions', () => {
  it('reads the body without delimiters and trim markers', () => {
    assert.deepEqual(
      findActions('{{- include "a" . | nindent 4 -}} {{/* c */}} {{.}}').map((a) => a.body),
      ['include "a" . | nindent 4', '/* c */', '.'],
    );
  });

  it('skips `}}` inside a comment', () => {
    const [action] = findActions('{{/* a }} b */}} tail');
    assert.equal(action.end, '{{/* a }} b */}}'.length);
  });
});
