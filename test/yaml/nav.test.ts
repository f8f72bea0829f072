// Reading through aliases and `<<` merge keys: the answers YAML merge gives, in linear time however the
// merges nest, and the aliases Kubernetes' decoder would refuse to expand.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Pair, type YAMLMap } from 'yaml';
import { YamlNav } from '../../server/src/yaml/nav.js';

function navOf(text: string) {
  const doc = parseDocument(text, { uniqueKeys: false });
  return { doc, nav: new YamlNav(doc), root: doc.contents as YAMLMap };
}

/** The value of `key` in `root.<name>`, read through merges, as a string (or undefined). */
function read(text: string, name: string, key: string): unknown {
  const { nav, root } = navOf(text);
  const pair = nav.pair(nav.map(root, name) as YAMLMap, key);
  const value = nav.resolve(pair?.value);
  return isScalar(value) ? value.value : undefined;
}

/**
 * YAML 1.1 merge as the spec words it, written the obvious recursive way (exponential on shared
 * sources, fine on the small documents generated here): own keys first, then each merged mapping in
 * order, each with its own merges; an alias inside the node it names is not followed.
 */
function referencePair(map: YAMLMap, key: string, nav: YamlNav, inside: ReadonlySet<YAMLMap> = new Set()): Pair | undefined {
  for (const item of map.items) if (isScalar(item.key) && item.key.value === key) return item as Pair;
  const merge = map.items.find((item) => isScalar(item.key) && item.key.value === '<<');
  if (!merge) return undefined;
  const within = new Set(inside).add(map);
  const written = isAlias(merge.value) ? nav.resolve(merge.value) : merge.value;
  if (isMap(written) && within.has(written as YAMLMap)) return undefined;
  for (const item of isSeq(written) ? written.items : [written]) {
    const source = nav.resolve(item);
    if (!isMap(source) || within.has(source as YAMLMap)) continue;
    const found = referencePair(source as YAMLMap, key, nav, within);
    if (found) return found;
  }
  return undefined;
}

describe('YamlNav: merge keys', () => {
  it('own keys win over merged ones, and earlier sources over later ones', () => {
    const text = 'a: &a {x: a, y: a}\nb: &b {x: b, z: b}\nm:\n  <<: [*a, *b]\n  y: own\n';
    assert.equal(read(text, 'm', 'x'), 'a');
    assert.equal(read(text, 'm', 'y'), 'own');
    assert.equal(read(text, 'm', 'z'), 'b');
    assert.equal(read(text, 'm', 'w'), undefined);
  });

  it('follows merges of merges, an inline mapping, and an alias to a sequence of mappings', () => {
    const text = 'a: &a {deep: 1}\nb: &b {<<: *a}\nlist: &list [*b, {other: 2}]\nm:\n  <<: *list\nn:\n  <<: {<<: *b}\n';
    assert.equal(read(text, 'm', 'deep'), 1);
    assert.equal(read(text, 'm', 'other'), 2);
    assert.equal(read(text, 'n', 'deep'), 1);
  });

  it('does not follow an alias inside the mapping it names, and keeps that mapping’s own keys', () => {
    const text = 'm: &m\n  <<: *m\n  own: 1\nl: &l\n  <<: [*l, {from: list}]\n';
    assert.equal(read(text, 'm', 'own'), 1);
    assert.equal(read(text, 'm', 'missing'), undefined);
    assert.equal(read(text, 'l', 'from'), 'list');
  });

  it('answers a key forty levels of `<<: [*prev, *prev]` down, and a chain of 20,000 merges, without recursing', () => {
    const levels = ['l0: &l0 {deep: found}', ...Array.from({ length: 40 }, (_, i) => `l${i + 1}: &l${i + 1} {<<: [*l${i}, *l${i}]}`)];
    assert.equal(read(levels.join('\n'), 'l40', 'deep'), 'found');
    const chain = ['c0: &c0 {deep: found}', ...Array.from({ length: 20_000 }, (_, i) => `c${i + 1}: &c${i + 1} {<<: *c${i}}`)];
    assert.equal(read(chain.join('\n'), 'c20000', 'deep'), 'found');
    assert.equal(read(chain.join('\n'), 'c20000', 'missing'), undefined);
  });

  it('gives the answer YAML merge gives, on generated merge graphs', () => {
    const names = ['a', 'b', 'c', 'd', 'e'];
    const keys = ['k', 'l', 'm'];
    const mapping = fc.record({
      own: fc.subarray(keys),
      merges: fc.array(fc.constantFrom(...names), { maxLength: 3 }),
      inline: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(mapping, { minLength: 1, maxLength: names.length }), (maps) => {
        // Each mapping may merge any name: earlier anchors, itself, later (unknown) ones.
        const lines = maps.map(({ own, merges, inline }, i) => {
          const entries = own.map((key) => `${key}: ${names[i]}`);
          const aliases = merges.map((name) => `*${name}`);
          if (aliases.length) entries.unshift(`<<: ${inline ? `{<<: [${aliases}]}` : `[${aliases}]`}`);
          return `${names[i]}: &${names[i]} {${entries.join(', ')}}`;
        });
        const text = lines.join('\n');
        const { nav, root } = navOf(text);
        for (const name of names.slice(0, maps.length)) {
          const map = nav.map(root, name) as YAMLMap;
          for (const key of keys) assert.equal(nav.pair(map, key), referencePair(map, key, nav), `${name}.${key} in\n${text}`);
        }
      }),
      { seed: 13, numRuns: 300 },
    );
  });
});

describe('YamlNav: aliases', () => {
  it('resolves an alias to the last anchor of its name before it', () => {
    const { nav, root } = navOf('a: &x 1\nb: *x\nc: &x 2\nd: *x\n');
    const value = (key: string) => (nav.resolve(nav.pair(root, key)?.value) as { value?: unknown } | undefined)?.value;
    assert.equal(value('b'), 1);
    assert.equal(value('d'), 2);
  });

  it('lists the aliases without an anchor before them', () => {
    const { nav } = navOf('a: *later\nb: &later 1\nc: *nowhere\nd: *later\n');
    assert.deepEqual(
      nav.unresolvedAliases().map((alias) => alias.source),
      ['later', 'nowhere'],
    );
  });

  it('finds the alias whose expansion Kubernetes refuses (excessive aliasing), and not an ordinary one', () => {
    const laughs = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`)].join('\n');
    assert.equal(navOf(laughs).nav.excessiveAlias()?.source, 'c');
    const nine = ['l0: &l0 {a: 1}', ...Array.from({ length: 9 }, (_, i) => `l${i + 1}: &l${i + 1} {<<: [*l${i}, *l${i}]}`), 'pod: {<<: *l9}'].join('\n');
    assert.equal(navOf(nine).nav.excessiveAlias()?.source, 'l8');
    const ordinary = 'defaults: &d {cpu: 1, memory: 2}\n' + Array.from({ length: 2000 }, (_, i) => `c${i}: {<<: *d, name: c${i}}`).join('\n');
    assert.equal(navOf(ordinary).nav.excessiveAlias(), undefined);
    assert.equal(navOf('a: &a {b: *a}\nc: *a\n').nav.excessiveAlias(), undefined);
  });
});
