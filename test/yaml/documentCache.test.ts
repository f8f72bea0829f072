// Incremental YAML parsing must be invisible: the same trees, ranges and errors as parsing the whole
// text, version after version, while documents that did not change are reused rather than re-parsed.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseAllDocuments, visit, type Document } from 'yaml';
import { lint } from '../../server/src/linter/lint.js';
import type { Finding } from '../../server/src/engine/types.js';
import { YamlDocumentCache } from '../../server/src/yaml/documentCache.js';

const OPTIONS = { prettyErrors: false, keepSourceTokens: false, uniqueKeys: true };

/** Everything positional about parsed documents, in a comparable form. */
function snapshot(docs: readonly Document.Parsed[]) {
  return docs.map((doc) => {
    const ranges: number[][] = [];
    visit(doc, { Node: (_k, node) => void (node.range && ranges.push([...node.range])) });
    return { range: [...doc.range], errors: doc.errors.map((e) => [e.code, ...e.pos]), warnings: doc.warnings.map((w) => [w.code, ...w.pos]), ranges, value: JSON.stringify(doc.toJS()) };
  });
}

function full(text: string) {
  const parsed = parseAllDocuments(text, OPTIONS);
  return Array.isArray(parsed) ? parsed : [];
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

const DEPLOYMENT = (name: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          securityContext: {privileged: true}\n`;

const TRICKY: Record<string, string> = {
  'leading comment and marker': `# top\n---\n${DEPLOYMENT('a')}---\n${DEPLOYMENT('b')}`,
  'document end markers': `a: 1\n...\n---\nb: 2\n...\n`,
  'empty documents': '---\n---\n---\na: 1\n',
  'CRLF line ends': `${DEPLOYMENT('a')}---\r\n${DEPLOYMENT('b')}`.replace(/\n/g, '\r\n').replace(/\r\r/g, '\r'),
  'a marker with content on its line': '--- a: 1\n--- |\n  text\n---\n- x\n',
  'a syntax error in the middle document': `${DEPLOYMENT('a')}---\nb: [1, 2\n---\n${DEPLOYMENT('c')}`,
  'a directive (parsed whole)': '%YAML 1.2\n---\na: 1\n---\nb: 2\n',
  'two identical documents': `${DEPLOYMENT('same')}---\n${DEPLOYMENT('same')}---\n${DEPLOYMENT('same')}`,
  '--- inside a block scalar ends it': 'a: |\n  x\n---\nb: 1\n',
  'not a marker: ---x and indented ---': 'a: ---x\nb: |\n   ---\n',
};

describe('incremental YAML parsing', () => {
  const corpus: Record<string, string> = { ...TRICKY };
  for (const file of [...yamlFiles('examples'), ...yamlFiles('test/fixtures')]) corpus[file] = readFileSync(file, 'utf8');

  for (const [name, text] of Object.entries(corpus)) {
    it(`parses ${name} exactly as a whole-text parse`, () => {
      assert.deepEqual(snapshot(new YamlDocumentCache().parse(text, OPTIONS)), snapshot(full(text)));
    });
  }

  it('reuses unchanged documents across edits, shifting those after the edit', () => {
    const cache = new YamlDocumentCache();
    const v1 = [DEPLOYMENT('a'), DEPLOYMENT('b'), DEPLOYMENT('c')].join('---\n');
    const before = cache.parse(v1, OPTIONS);
    const v2 = v1.replace('name: b', 'name: bee-with-a-longer-name');
    const after = cache.parse(v2, OPTIONS);
    assert.equal(after[0], before[0], 'the document before the edit is the same object');
    assert.notEqual(after[1], before[1], 'the edited document is parsed anew');
    assert.equal(after[2], before[2], 'the document after the edit is reused, moved');
    assert.deepEqual(snapshot(after), snapshot(full(v2)));
  });

  it('reuses identical documents each once, never sharing one tree between two places', () => {
    const cache = new YamlDocumentCache();
    const v1 = [DEPLOYMENT('same'), DEPLOYMENT('same'), DEPLOYMENT('same')].join('---\n');
    const before = cache.parse(v1, OPTIONS);
    const v2 = v1.replace('name: same', 'name: first');
    const after = cache.parse(v2, OPTIONS);
    assert.notEqual(after[1], after[2], 'two places, two trees');
    assert.ok(before.includes(after[1]) && before.includes(after[2]), 'the unchanged copies are reused');
    assert.deepEqual(snapshot(after), snapshot(full(v2)));
  });

  it('gives the same findings as a cache-less lint through a sequence of keystrokes', () => {
    const cache = new YamlDocumentCache();
    const plain = (findings: Finding[]) => findings.map(({ fixes: _fixes, ...rest }) => rest);
    let text = [DEPLOYMENT('a'), DEPLOYMENT('b'), 'broken: [\n', DEPLOYMENT('c')].join('---\n');
    const edits: [string, string][] = [
      ['privileged: true}', 'privileged: false}'],
      ['broken: [', 'broken: []'],
      ['name: a', 'name: alpha'],
      ['---\n', '---\n# a comment that shifts every later document\n'],
      ['name: c\n', 'name: c\n  namespace: prod\n'],
      ['privileged: false}', 'privileged: true}'],
    ];
    for (const [from, to] of edits) {
      text = text.replace(from, to);
      assert.deepEqual(plain(lint(text, { uri: 'all.yaml', yamlCache: cache })), plain(lint(text, { uri: 'all.yaml' })), `after replacing ${JSON.stringify(from)}`);
    }
  });
});
