// Where things stand in a parsed YAML text: the document and collection that hold a node, where an
// item's text starts (anchor and tag included) and where its content ends (trailing comments excluded).
import { isCollection, isPair, isScalar, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { YamlDocument, YamlFile } from '../k8s/yamlFile.js';

export type YamlCollection = YAMLMap | YAMLSeq;
/** A pair of a mapping or an item of a sequence. */
export type YamlItem = Pair | Node;

export interface ItemPlace {
  collection: YamlCollection;
  index: number;
}

/** The document (tree and navigation) whose text holds `offset`. */
export function documentAt(file: YamlFile, offset: number): YamlDocument | undefined {
  return file.documents.find(({ doc }) => doc.range[0] <= offset && offset <= doc.range[2]);
}

/** The first offset of an item's own text: a pair's key, or the node (the `- ` of a block item excluded). */
export function itemOffset(item: unknown): number | undefined {
  if (isPair(item)) return (item.key as Node | null)?.range?.[0];
  return (item as Node | null)?.range?.[0] ?? undefined;
}

/** The collection and index of `target` (a pair, or a sequence item / pair value) inside `doc`. */
export function placeOf(doc: Document.Parsed, target: YamlItem): ItemPlace | undefined {
  const offset = itemOffset(target);
  if (offset === undefined) return undefined;
  let current: unknown = doc.contents;
  for (let depth = 0; isCollection(current) && depth < 256; depth++) {
    const collection: YamlCollection = current;
    const index = collection.items.findIndex((item) => item === target || (isPair(item) && item.value === target));
    if (index !== -1) return { collection, index };
    current = collection.items.map((item) => (isPair(item) ? item.value : item)).find((child) => isCollection(child) && contains(child, offset));
  }
  return undefined;
}

function contains(node: Node, offset: number): boolean {
  return !!node.range && node.range[0] <= offset && offset <= node.range[1];
}

/** Where the last character of an item's content is, past nested values but before trailing comments. */
export function contentEnd(item: unknown, text: string): number | undefined {
  if (isPair(item)) {
    // An empty value (`key:`) is a null scalar placed just after the colon.
    return (item.value ? contentEnd(item.value, text) : undefined) ?? (item.key as Node | null)?.range?.[1];
  }
  if (isCollection(item) && !item.flow && item.items.length > 0) return contentEnd(item.items[item.items.length - 1], text);
  const range = (item as Node | null)?.range;
  if (!range) return undefined;
  // Block scalars end after their line break (and any kept blank lines): the content ends before them.
  let end = range[1];
  while (end > range[0] && /\s/.test(text[end - 1])) end--;
  return end;
}

/** `key:` with nothing after it (or an explicit `~`/`null`): a place where a mapping can grow. */
export function isNullValue(node: unknown): boolean {
  return node === null || node === undefined || (isScalar(node) && node.value === null);
}

const PROPERTIES_BEFORE = /(?:[&!][^\s,[\]{}]*[ \t]+)+$/;

/** Extends an item's start back over its anchor and tag (`&web !!map `), which belong to it. */
export function withProperties(text: string, start: number, lineStart: number): number {
  const match = PROPERTIES_BEFORE.exec(text.slice(lineStart, start));
  return match ? start - match[0].length : start;
}

/** The `-` that introduces a block sequence item starting at `start` (undefined if it is not there). */
export function dashBefore(text: string, start: number, lineStart: number): number | undefined {
  let i = start - 1;
  while (i >= lineStart && (text[i] === ' ' || text[i] === '\t')) i--;
  return i >= lineStart && text[i] === '-' ? i : undefined;
}

/** The scalar whose text contains `offset` (a key, a value or a sequence item), aliases not followed. */
export function scalarAt(file: YamlFile, offset: number): Node | undefined {
  let current: unknown = documentAt(file, offset)?.doc.contents;
  for (let depth = 0; current && depth < 256; depth++) {
    if (isScalar(current)) return contains(current, offset) ? current : undefined;
    if (!isCollection(current)) return undefined;
    const children = current.items.flatMap((item) => (isPair(item) ? [item.key, item.value] : [item]));
    current = children.find((child) => isScalar(child) || isCollection(child) ? contains(child as Node, offset) : false);
  }
  return undefined;
}
