// Lints a large generated collection of Helm templates: every fixture template in many realistic
// variations (CRLF, wider indentation, trim markers on or off, quoted actions, extra conditionals and
// comments, multi-line actions, `indent` instead of `nindent`, unbalanced `end`s). The engine must not
// throw, must report no error-severity syntax diagnostic, and must keep every offset.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { lint } from '../../server/src/linter/lint.js';
import { maskTemplate } from '../../server/src/helm/mask.js';
import { parseYamlFile } from '../../server/src/k8s/yamlFile.js';

const VARIANTS_PER_TEMPLATE = 40;

type Transform = (text: string, other: string) => string;

const STANDALONE_ACTION = /^( *)(\{\{-? )(.*?)( \| nindent (\d+))( -?\}\})$/;

const transforms: Record<string, Transform> = {
  crlf: (t) => t.replace(/\r?\n/g, '\r\n'),
  // Four-space indentation: a `- ` item's content moves with it (`  - a: 1` → `    -   a: 1`).
  doubleIndent: (t) =>
    t
      .replace(/^( *)(- )?/gm, (_m, spaces: string, dash?: string) => spaces + spaces + (dash ? '-   ' : ''))
      .replace(/\b(n?indent) (\d+)/g, (_m, f: string, n: string) => `${f} ${Number(n) * 2}`),
  withoutTrimMarkers: (t) => t.replace(/\{\{- /g, '{{ ').replace(/ -\}\}/g, ' }}'),
  withTrimMarkers: (t) => t.replace(/^( *)\{\{ /gm, '$1{{- '),
  quotedActions: (t) => t.replace(/: (\{\{ [^"\n]*? \}\})$/gm, ': "$1"').replace(/: (\{\{ [^'\n]*? \}\})\s*$/gm, ": '$1'"),
  wrappedInIf: (t) => `{{- if .Values.enabled }}\n${t.trimEnd()}\n{{- end }}\n`,
  commentLines: (t) =>
    t
      .split('\n')
      .map((line, i) => (i % 5 === 3 && line.trim() ? `${/^ */.exec(line)?.[0] ?? ''}{{/* generated note ${i} */}}\n${line}` : line))
      .join('\n'),
  multiLineActions: (t) => t.split('\n').map((line) => line.replace(STANDALONE_ACTION, (_m, indent: string, open: string, body: string, pipe: string, _n, close: string) => `${indent}${open}${body}\n${indent}   ${pipe.trim()}${close}`)).join('\n'),
  indentAtColumnZero: (t) => t.split('\n').map((line) => line.replace(STANDALONE_ACTION, (_m, _indent, _open, body: string, _pipe, n: string) => `{{ ${body} | indent ${n} }}`)).join('\n'),
  secondDocument: (t, other) => `${t.trimEnd()}\n---\n${other}`,
  variableFirst: (t) => `{{- $fullName := include "app.fullname" . -}}\n{{- $root := . }}\n${t}`,
  unbalancedEnd: (t) => t.replace(/\n *\{\{- end \}\}/, ''),
  tabsInComments: (t) => t.replace(/\{\{\/\*/g, '\t{{/*'),
};

function seeds(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return seeds(path);
    return path.includes('/templates/') && /\.ya?ml$/.test(name) ? [path] : [];
  });
}

/** A small deterministic generator, so a failure names a reproducible file. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

function lineBreaks(text: string): number[] {
  return [...text.matchAll(/\r|\n/g)].map((m) => m.index);
}

describe('Helm template corpus', () => {
  const dir = mkdtempSync(join(tmpdir(), 'manifestlint-helm-corpus-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('lints every variation without internal failures or error-severity syntax diagnostics', () => {
    const templates = seeds('test/fixtures/helm').map((path) => readFileSync(path, 'utf8'));
    const names = Object.keys(transforms);
    const next = random(9);
    const files: string[] = [];
    templates.forEach((template, t) => {
      const chart = join(dir, `chart-${t}`, 'templates');
      mkdirSync(chart, { recursive: true });
      for (let v = 0; v < VARIANTS_PER_TEMPLATE; v++) {
        const chosen = v === 0 ? [] : names.filter(() => next() < 0.3);
        const other = templates[(t + v) % templates.length];
        const text = chosen.reduce((acc, name) => transforms[name](acc, other), template);
        const path = join(chart, `variant-${v}.yaml`);
        writeFileSync(path, text);
        files.push(path);
      }
    });

    const failures: string[] = [];
    const errorSyntax: string[] = [];
    let infoSyntax = 0;
    let documents = 0;
    let unlintedDocuments = 0;
    let findings = 0;
    const started = performance.now();
    for (const path of files) {
      const text = readFileSync(path, 'utf8');
      try {
        const masked = maskTemplate(text).text;
        assert.equal(masked.length, text.length);
        assert.deepEqual(lineBreaks(masked), lineBreaks(text));
        const result = lint(text, { uri: path });
        findings += result.length;
        for (const f of result.filter((x) => x.ruleId === 'k8s/yaml-syntax')) {
          if (f.severity === 'error') errorSyntax.push(`${path}:${f.range.start.line + 1}: ${f.message}`);
          else infoSyntax++;
        }
        const parsed = parseYamlFile(text, path);
        documents += parsed.documents.length;
        unlintedDocuments += parsed.documents.filter((d) => d.hasErrors).length;
      } catch (error) {
        failures.push(`${path}: ${error instanceof Error ? error.stack : String(error)}`);
      }
    }
    const elapsed = Math.round(performance.now() - started);
    console.log(
      `helm corpus: ${files.length} files from ${templates.length} templates, ${documents} documents (${unlintedDocuments} left unlinted after masking), ` +
        `${findings} findings, ${failures.length} internal failures, ${errorSyntax.length} error / ${infoSyntax} info syntax diagnostics, ${elapsed} ms`,
    );
    assert.ok(files.length >= 500, `only ${files.length} files`);
    assert.deepEqual(failures, []);
    assert.deepEqual(errorSyntax, []);
    // A document whose masked text does not parse is left unlinted (quiet); only broken templates should.
    assert.ok(unlintedDocuments <= documents * 0.02, `${unlintedDocuments} of ${documents} documents unlinted`);
  });
});
