// Reads values out of one parsed YAML document: follows aliases and `<<` merge keys, and hands back
// each value with the source range of the key/value pair where it is written.
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { OffsetRange } from '../engine/types.js';
import type { TemplatedNodes } from '../helm/templated.js';

/** A value read from a mapping, with where it stands in the text. */
export interface Field<T = unknown> {
  value: T;
  /** The key/value pair as written (for removal and ranges). */
  pair: Pair;
  /** The value node, aliases resolved. */
  node: Node;
  /** From the key's first character to the value's last. */
  range: OffsetRange;
  keyRange: OffsetRange;
  valueRange: OffsetRange;
  /** Helm: a template action writes this value (or adds to it), so it is unknown, neither good nor bad. */
  templated?: boolean;
}

export function nodeRange(node: { range?: [number, number, number] | null } | null | undefined): OffsetRange | undefined {
  return node?.range ? { start: node.range[0], end: node.range[1] } : undefined;
}

const MAX_MERGE_DEPTH = 16;

/** Navigation within one document (aliases need their document to resolve). */
export class YamlNav {
  /** `templates` is set for a Helm template: it knows which nodes template actions write. */
  constructor(
    readonly doc: Document.Parsed,
    readonly templates?: TemplatedNodes,
  ) {}

  /** Helm: true when a template action writes this node's value or adds content to it. */
  isTemplated(node: unknown): boolean {
    return this.templates?.has(node) ?? false;
  }

  /** Helm: true when the node sits inside an `if`/`with`/`range` block, so it may not be rendered at all. */
  isConditional(node: Node): boolean {
    return node.range ? (this.templates?.inControlBlock(node.range[0]) ?? false) : false;
  }

  resolve(node: unknown): Node | undefined {
    let current = node;
    // Bounded: a malformed alias chain must not loop.
    for (let hops = 0; isAlias(current) && hops < 16; hops++) current = current.resolve(this.doc);
    return current && !isAlias(current) && typeof current === 'object' ? (current as Node) : undefined;
  }

  /** The pair for `key`, looking through `<<` merge keys (own keys win, as YAML 1.1 merge says). */
  pair(map: YAMLMap, key: string, depth = 0): Pair | undefined {
    let merged: Pair | undefined;
    for (const item of map.items) {
      if (!isPair(item)) continue;
      const itemKey = isScalar(item.key) ? item.key.value : undefined;
      if (itemKey === key) return item as Pair;
      // Bounded: a mapping can merge itself through an alias (`spec: &s {<<: *s}`).
      if (itemKey === '<<' && !merged && depth < MAX_MERGE_DEPTH) merged = this.mergedPair(item.value, key, depth + 1);
    }
    return merged;
  }

  private mergedPair(source: unknown, key: string, depth: number): Pair | undefined {
    const resolved = this.resolve(source);
    if (isMap(resolved)) return this.pair(resolved, key, depth);
    if (isSeq(resolved)) {
      for (const item of resolved.items) {
        const found = this.mergedPair(item, key, depth);
        if (found) return found;
      }
    }
    return undefined;
  }

  field(map: YAMLMap | undefined, key: string): Field | undefined {
    if (!map) return undefined;
    const pair = this.pair(map, key);
    if (!pair) return undefined;
    const node = this.resolve(pair.value);
    const keyRange = nodeRange(pair.key as Node);
    if (!node || !keyRange) return undefined;
    // Ranges are where the value is written here: an alias (`*defaults`) rather than its anchor.
    const written = nodeRange(pair.value as Node) ?? keyRange;
    const field: Field = {
      value: isScalar(node) ? node.value : node,
      pair,
      node,
      range: { start: keyRange.start, end: Math.max(written.end, keyRange.end) },
      keyRange,
      valueRange: written,
    };
    if (this.isTemplated(node)) field.templated = true;
    return field;
  }

  map(map: YAMLMap | undefined, key: string): YAMLMap | undefined {
    const node = map && this.resolve(this.pair(map, key)?.value);
    return isMap(node) ? (node as YAMLMap) : undefined;
  }

  seq(map: YAMLMap | undefined, key: string): YAMLSeq | undefined {
    const node = map && this.resolve(this.pair(map, key)?.value);
    return isSeq(node) ? (node as YAMLSeq) : undefined;
  }

  /** A mapping reached through a dotted path of keys, e.g. `spec.template.spec`. */
  mapAt(map: YAMLMap | undefined, path: readonly string[]): YAMLMap | undefined {
    let current = map;
    for (const key of path) current = this.map(current, key);
    return current;
  }

  /** Items of a sequence with aliases resolved. */
  items(seq: YAMLSeq | undefined): Node[] {
    if (!seq) return [];
    const nodes: Node[] = [];
    for (const item of seq.items) {
      const node = this.resolve(item);
      if (node) nodes.push(node);
    }
    return nodes;
  }

  /** The string value of `key` when it is a scalar string. */
  string(map: YAMLMap | undefined, key: string): string | undefined {
    const value = this.field(map, key)?.value;
    return typeof value === 'string' ? value : undefined;
  }

  /** `string(map, key)` for messages: a value a Helm template writes comes back as written (`{{ .Chart.Name }}`). */
  displayString(map: YAMLMap | undefined, key: string): string | undefined {
    const field = this.field(map, key);
    if (field?.templated && this.templates) return this.templates.written(field.valueRange);
    return typeof field?.value === 'string' ? field.value : undefined;
  }
}
