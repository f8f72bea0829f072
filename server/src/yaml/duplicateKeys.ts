// Keys written twice in one mapping, which YAML forbids. Found with one set per mapping: the `yaml`
// package's `uniqueKeys` option compares each key with every key before it (100,000 keys: minutes).
import { isMap, isScalar, type Document, type Node } from 'yaml';
import { forEachNode } from './walk.js';

/**
 * The repeated keys of a document (each occurrence after the first), in document order. Keys are
 * equal as `uniqueKeys` compares them: scalars with the same value (`1` and `"1"` differ); other keys
 * (`? [a]`) only when they are one node, which parsed text never has.
 */
export function duplicateKeys(doc: Document.Parsed): Node[] {
  let found = cache.get(doc);
  if (!found) cache.set(doc, (found = findDuplicateKeys(doc.contents)));
  return found;
}

/**
 * Documents the editor's document cache keeps across versions are checked once. Their nodes move with
 * the text (the cache shifts their ranges), so keeping nodes rather than ranges stays right.
 */
const cache = new WeakMap<Document.Parsed, Node[]>();

function findDuplicateKeys(root: unknown): Node[] {
  const repeated: Node[] = [];
  forEachNode(root, (node) => {
    if (!isMap(node) || node.items.length < 2) return;
    const seen = new Set<unknown>();
    for (const { key } of node.items) {
      if (!isScalar(key) || Number.isNaN(key.value)) continue; // NaN equals nothing, itself included
      if (seen.has(key.value)) repeated.push(key);
      else seen.add(key.value);
    }
  });
  return repeated;
}
