// Duplicate keys are found with a set per mapping (the `yaml` package's `uniqueKeys` is quadratic):
// the same keys, at the same places, as `uniqueKeys` reports them. A mapping of 100,000 keys: scaling.test.ts.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseAllDocuments, type Document } from 'yaml';
import { duplicateKeys } from '../../server/src/yaml/duplicateKeys.js';

function parse(text: string, uniqueKeys: boolean): Document.Parsed[] {
  const docs = parseAllDocuments(text, { uniqueKeys });
  return Array.isArray(docs) ? docs : [];
}

/** Where `uniqueKeys` reports a duplicate, and where duplicateKeys finds one. */
function both(text: string) {
  return {
    uniqueKeys: parse(text, true).flatMap((doc) => doc.errors.filter((e) => e.code === 'DUPLICATE_KEY').map((e) => e.pos[0])),
    ours: parse(text, false).flatMap((doc) => duplicateKeys(doc).map((key) => key.range?.[0])),
  };
}

const CASES = [
  'a: 1\na: 2\n',
  'a: 1\n"a": 2\n',
  "1: x\n'1': y\n",
  '{a: 1, a: 2}\n',
  '? a\n: 1\n? a\n: 2\n',
  '&x a: 1\n&y a: 2\n',
  '!!str a: 1\n!!str a: 2\n',
  ': 1\n: 2\n',
  'a:\n  b: 1\n  c: 2\n  b: 3\n',
  '- {x: 1, x: 1}\n- [{y: 2, y: 3}]\n',
  '.nan: 1\n.nan: 2\n',
  'null: 1\n~: 2\n',
  'true: 1\nTrue: 2\n',
  '0x10: 1\n16: 2\n',
  '[a: 1, a: 2]\n',
  '<<: {a: 1}\n<<: {b: 2}\n',
  'x: {? a: 1, a: 2}\n',
  'a: 1\n---\na: 2\n---\nb: 1\nb: 1\nb: 1\n',
];

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

describe('duplicate keys', () => {
  for (const text of CASES) {
    it(`as uniqueKeys finds them: ${JSON.stringify(text)}`, () => {
      const { uniqueKeys, ours } = both(text);
      assert.deepEqual(ours, uniqueKeys);
    });
  }

  it('as uniqueKeys finds them, in every example and fixture', () => {
    for (const file of [...yamlFiles('examples'), ...yamlFiles('test/fixtures')]) {
      const { uniqueKeys, ours } = both(readFileSync(file, 'utf8'));
      assert.deepEqual(ours, uniqueKeys, file);
    }
  });
});
