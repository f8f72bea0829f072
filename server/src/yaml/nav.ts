// Reads values out of one parsed YAML document: follows aliases and `<<` merge keys, and hands back
// each value with the source range of the key/value pair where it is written.
import { isAlias, isMap, isPair, isScalar, isSeq, type Alias, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { OffsetRange } from '../text/positions.js';
import { excessiveAlias } from './aliasExpansion.js';
import { aliasTargets, type AliasTargets } from './aliases.js';

/** A value read from a mapping, with where it stands in the text. */
export interface Field<T = unknown> {
  value: T;
  /** The key/value pair as written (for removal and ranges). */
  pair: Pair;
  /** The value node, aliases resolved. */
  node: Node;
  /** From the key's first character to the value's last. */
  readonly range: OffsetRange;
  readonly keyRange: OffsetRange;
  readonly valueRange: OffsetRange;
  /** Helm: a template action writes this value (or adds to it), so it is unknown, neither good nor bad. */
  templated?: boolean;
}

/**
 * A field whose ranges are read from the tree when asked, never copied: the parse cache moves a kept
 * document's tree after an edit above it, and a field (or a model built on fields) kept with that
 * tree then still says where it stands.
 */
export class TreeField<T = unknown> implements Field<T> {
  templated?: boolean;

  constructor(
    public value: T,
    public pair: Pair,
    public node: Node,
  ) {}

  get keyRange(): OffsetRange {
    return nodeRange(this.pair.key as Node) ?? { start: 0, end: 0 }; // nav.field makes none without a key range
  }

  /** Where the value is written here: an alias (`*defaults`) rather than its anchor. */
  get valueRange(): OffsetRange {
    return nodeRange(this.pair.value as Node) ?? this.keyRange;
  }

  get range(): OffsetRange {
    const key = this.keyRange;
    return { start: key.start, end: Math.max(this.valueRange.end, key.end) };
  }
}

export function nodeRange(node: { range?: [number, number, number] | null } | null | undefined): OffsetRange | undefined {
  return node?.range ? { start: node.range[0], end: node.range[1] } : undefined;
}

/** What the YAML model asks about template actions (see YamlNav.isTemplated). */
export interface TemplatedNodes {
  /** True when a template action writes this node's value or adds content to it. */
  has(node: unknown): boolean;
  /** The text of a value as written, actions included (`{{ .Chart.Name }}`), without YAML quotes. */
  written(range: OffsetRange): string;
  /** True when an `if`/`with`/`range` block encloses the offset: the text there may not be rendered. */
  inControlBlock(offset: number): boolean;
}

/** Navigation within one document (aliases need their document to resolve). */
export class YamlNav {
  private aliases?: AliasTargets;
  /** Merge lookups already made: mapping → key → the pair its `<<` brings, or null for none. */
  private readonly merged = new Map<YAMLMap, Map<string, Pair | null>>();
  /** The mappings each mapping's `<<` brings, for every key looked up in it. */
  private readonly sources = new Map<YAMLMap, YAMLMap[]>();

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

  /** Aliases without an anchor before them, in document order. */
  unresolvedAliases(): readonly Alias[] {
    return this.aliasTargets().unresolved;
  }

  /** The alias whose expansion makes Kubernetes refuse the document, if any (see aliasExpansion.ts). */
  excessiveAlias(): Alias | undefined {
    return excessiveAlias(this.doc.contents, this.aliasTargets());
  }

  /** Built when first needed: most documents have no alias. */
  private aliasTargets(): AliasTargets {
    return (this.aliases ??= aliasTargets(this.doc.contents));
  }

  /** The node itself, or the node an alias names (never another alias: an alias cannot be anchored). */
  resolve(node: unknown): Node | undefined {
    const current = isAlias(node) ? this.aliasTargets().targets.get(node) : node;
    return current && typeof current === 'object' ? (current as Node) : undefined;
  }

  /** The pair for `key`, looking through `<<` merge keys (own keys win, as YAML 1.1 merge says). */
  pair(map: YAMLMap, key: string): Pair | undefined {
    return ownPair(map, key) ?? (mergeKeyOf(map) ? this.mergedPair(map, key) : undefined);
  }

  /**
   * What `map`'s merge key brings for `key`: the first source, in order and with its own merges, that
   * has it. Sources form an acyclic graph (an alias names a node written before it; an alias inside the
   * node it names is not followed), so each (mapping, key) is worked out once and remembered: nine
   * levels of `<<: [*prev, *prev]` cost nine steps, not 2⁹. A depth-first walk on an explicit stack,
   * since a chain of merges can be longer than the call stack is deep.
   */
  private mergedPair(map: YAMLMap, key: string): Pair | undefined {
    const known = (source: YAMLMap): Pair | null | undefined => this.merged.get(source)?.get(key);
    const remember = (source: YAMLMap, pair: Pair | null): void => {
      const byKey = this.merged.get(source) ?? new Map<string, Pair | null>();
      this.merged.set(source, byKey.set(key, pair));
    };
    if (known(map) === undefined) {
      const frames = [{ map, sources: this.mergeSources(map), next: 0 }];
      let found: Pair | null = null;
      while (frames.length > 0) {
        const frame = frames[frames.length - 1];
        if (found || frame.next === frame.sources.length) {
          // This mapping's merges are searched: the answer is its parent's too, unless nothing was found.
          remember(frame.map, found);
          frames.pop();
          if (!found && frames.length > 0) frames[frames.length - 1].next++;
          continue;
        }
        const source = frame.sources[frame.next];
        const memo = known(source);
        if (memo !== undefined) found = memo;
        else if ((found = ownPair(source, key) ?? null)) remember(source, found);
        else if (mergeKeyOf(source)) frames.push({ map: source, sources: this.mergeSources(source), next: 0 });
        else remember(source, null);
        if (!found && frames[frames.length - 1] === frame) frame.next++;
      }
    }
    return known(map) ?? undefined;
  }

  /** The mappings `map`'s merge key brings, first first: one mapping, or a sequence of them. */
  private mergeSources(map: YAMLMap): YAMLMap[] {
    let sources = this.sources.get(map);
    if (!sources) this.sources.set(map, (sources = this.readMergeSources(map)));
    return sources;
  }

  private readMergeSources(map: YAMLMap): YAMLMap[] {
    const written = mergeKeyOf(map)?.value;
    if (this.isRecursiveAlias(written)) return [];
    const value = this.resolve(written);
    const sources: YAMLMap[] = [];
    for (const item of isSeq(value) ? value.items : [value]) {
      const source = this.isRecursiveAlias(item) ? undefined : this.resolve(item);
      if (isMap(source)) sources.push(source as YAMLMap);
    }
    return sources;
  }

  private isRecursiveAlias(node: unknown): boolean {
    return isAlias(node) && this.aliasTargets().recursive.has(node);
  }

  field(map: YAMLMap | undefined, key: string): Field | undefined {
    if (!map) return undefined;
    const pair = this.pair(map, key);
    if (!pair) return undefined;
    const node = this.resolve(pair.value);
    if (!node || !(pair.key as Node | null)?.range) return undefined;
    const field = new TreeField(isScalar(node) ? node.value : node, pair, node);
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

/** The first pair of `map` whose key is `key`, merge keys aside. */
function ownPair(map: YAMLMap, key: string): Pair | undefined {
  for (const item of map.items) if (isPair(item) && isScalar(item.key) && item.key.value === key) return item as Pair;
  return undefined;
}

/** The first `<<` pair of `map`: a second one is a duplicate key. */
function mergeKeyOf(map: YAMLMap): Pair | undefined {
  return ownPair(map, '<<');
}
