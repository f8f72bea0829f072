// Which nodes of a masked Helm template a template action writes, so rules can treat their values as
// unknown: scalars that overlap an action, the mappings/sequences/empty values that a line-only
// `include`/`toYaml` action fills with content the parser never saw, and a value written only when the
// chart value of the same name is set (`{{- if .Values.operator.hostNetwork }} hostNetwork: true`):
// the values file decides it, as if the template wrote `{{ .Values.operator.hostNetwork }}`.
import { isCollection, isMap, isPair, isScalar, type Document, type Node } from 'yaml';
import type { TemplatedNodes } from '../yaml/nav.js';
import { forEachNode } from '../yaml/walk.js';
import type { OffsetRange } from '../text/positions.js';
import type { TemplateLines } from './lines.js';
import type { TemplateAction, TemplateInsertion, TemplateMask } from './mask.js';

class DocumentTemplates implements TemplatedNodes {
  constructor(
    private readonly nodes: ReadonlySet<unknown>,
    private readonly original: string,
    /** Computed on first use: most templates never ask (only a pod spec declaring its OS does). */
    private readonly controlBlocks: () => Enclosures,
  ) {}

  has(node: unknown): boolean {
    return this.nodes.has(node);
  }

  inControlBlock(offset: number): boolean {
    return this.controlBlocks().enclose(offset);
  }

  written(range: OffsetRange): string {
    const text = this.original.slice(range.start, range.end).replace(/\s+/g, ' ').trim();
    const quoted = text.length >= 2 && (text[0] === '"' || text[0] === "'") && text[text.length - 1] === text[0];
    return quoted ? text.slice(1, -1) : text;
  }
}

/** One TemplatedNodes per parsed document of the masked text. */
export function templatedNodesOf(docs: readonly Document.Parsed[], mask: TemplateMask, original: string): TemplatedNodes[] {
  let blocks: Enclosures | undefined;
  const blocksOf = () => (blocks ??= controlBlocks(mask.actions));
  let byKey: Map<string, Enclosures> | undefined;
  const guards = () => (byKey ??= valueGuards(mask.actions));
  return docs.map((doc, i) => {
    const nodes = new Set<unknown>();
    forEachNode(doc.contents, (node) => {
      if (isScalar(node) && node.range && overlapsAny(mask.templatedRanges, node.range[0], node.range[1])) nodes.add(node);
      if (guards().size && isMap(node)) for (const value of guardedValues(node, guards())) nodes.add(value);
    });
    const start = i === 0 ? 0 : doc.range[0];
    const end = i + 1 < docs.length ? docs[i + 1].range[0] : original.length;
    // Insertions are sorted by offset: start at the document's first one instead of scanning them all.
    for (let k = firstAtOrAfter(mask.insertions, start); k < mask.insertions.length && mask.insertions[k].offset < end; k++) {
      const owner = ownerOf(doc.contents, mask.insertions[k], mask.lines);
      if (owner) nodes.add(owner);
    }
    return new DocumentTemplates(nodes, original, blocksOf);
  });
}

/** `if .Values.a.b.hostNetwork`: a block rendered only when that one chart value is set. Segments are dot-delimited: no backtracking. */
const VALUE_GUARD = /^if\s+\.Values((?:\.\w+)+)$/;

/** The `if .Values.…` blocks (from the `if` to its `end`) by the key the guarding value names (`hostNetwork`). */
function valueGuards(actions: readonly TemplateAction[]): Map<string, Enclosures> {
  const byKey = new Map<string, OffsetRange[]>();
  const open: ({ start: number; key: string } | undefined)[] = [];
  for (const action of actions) {
    if (BLOCK_OPENING.test(action.body)) {
      const path = VALUE_GUARD.exec(action.body)?.[1].split('.');
      // `.Values.operator.hostNetwork`, or `.Values.hostNetwork.enabled` (prometheus-adapter's)
      const key = path?.at(-1) === 'enabled' && path.length > 2 ? path.at(-2) : path?.at(-1);
      open.push(key === undefined ? undefined : { start: action.start, key });
    } else if (BLOCK_END.test(action.body)) {
      const guard = open.pop();
      if (!guard) continue;
      const list = byKey.get(guard.key) ?? [];
      list.push({ start: guard.start, end: action.end });
      byKey.set(guard.key, list);
    }
  }
  return new Map([...byKey].map(([key, ranges]) => [key, new Enclosures(ranges)]));
}

/** The scalar values of `map` written inside a guard named like their own key. */
function guardedValues(map: { items: unknown[] }, guards: ReadonlyMap<string, Enclosures>): Node[] {
  const found: Node[] = [];
  for (const item of map.items) {
    if (!isPair(item) || !isScalar(item.key) || typeof item.key.value !== 'string' || !isScalar(item.value) || !item.value.range) continue;
    if (guards.get(item.key.value)?.enclose(item.value.range[0])) found.push(item.value);
  }
  return found;
}

const BLOCK_OPENING = /^(?:if|with|range|define|block)\b/;
const BLOCK_END = /^end\b/;

/**
 * From each `if`/`with`/`range` (and `define`/`block`) action to its `end`; an unclosed block runs to
 * the text's end.
 */
function controlBlocks(actions: readonly TemplateAction[]): Enclosures {
  const blocks: OffsetRange[] = [];
  const open: number[] = [];
  for (const action of actions) {
    if (BLOCK_OPENING.test(action.body)) open.push(action.start);
    else if (BLOCK_END.test(action.body) && open.length) blocks.push({ start: open.pop() ?? 0, end: action.end });
  }
  for (const start of open) blocks.push({ start, end: Number.MAX_SAFE_INTEGER });
  return new Enclosures(blocks);
}

/** Whether one of some ranges encloses an offset, by binary search: ranges by start, with the furthest end reached so far. */
class Enclosures {
  private readonly starts: number[] = [];
  private readonly furthestEnds: number[] = [];

  constructor(ranges: OffsetRange[]) {
    let furthest = -1;
    for (const range of ranges.sort((a, b) => a.start - b.start)) {
      furthest = Math.max(furthest, range.end);
      this.starts.push(range.start);
      this.furthestEnds.push(furthest);
    }
  }

  /** Whether a range starting at or before `offset` ends after it. */
  enclose(offset: number): boolean {
    let low = 0;
    let high = this.starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.starts[mid] <= offset) low = mid + 1;
      else high = mid;
    }
    return low > 0 && this.furthestEnds[low - 1] > offset;
  }
}

/** Ranges are sorted and disjoint: binary search for the first that ends after `start`. */
function overlapsAny(ranges: readonly OffsetRange[], start: number, end: number): boolean {
  let low = 0;
  let high = ranges.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (ranges[mid].end <= start) low = mid + 1;
    else high = mid;
  }
  return low < ranges.length && ranges[low].start < end;
}

function firstAtOrAfter(insertions: readonly TemplateInsertion[], offset: number): number {
  let low = 0;
  let high = insertions.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (insertions[mid].offset < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Where an item is written: a pair's key, else the item itself (an empty key `: v`, at its value). */
function startOf(item: unknown): number | undefined {
  const node = isPair(item) ? (item.key ?? item.value) : item;
  return (node as Node | null)?.range?.[0];
}

/** The last item written before `offset`: items are in text order, so a binary search. */
function lastItemBefore(items: readonly unknown[], offset: number): unknown {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((startOf(items[mid]) ?? -1) < offset) low = mid + 1;
    else high = mid;
  }
  return low > 0 ? items[low - 1] : undefined;
}

/**
 * The node a line-only action's output lands in, read from its indentation the way YAML would:
 * output at a block collection's own column adds keys or items to it; deeper output belongs to the
 * value of the last key (or item) written before it.
 */
function ownerOf(root: unknown, insertion: TemplateInsertion, lines: TemplateLines): unknown {
  let node = root;
  for (;;) {
    if (!isCollection(node) || node.flow || !node.range) return node;
    const column = lines.columnOf(node.range[0]);
    if (insertion.offset < node.range[0] || insertion.indent <= column) return node;
    const last = lastItemBefore(node.items, insertion.offset);
    if (last === undefined) return node;
    const value = isPair(last) ? last.value : last;
    if (!isCollection(value) || value.flow || !value.range) {
      // An empty value (`securityContext:`) or a scalar: the action writes it.
      return isScalar(value) || isCollection(value) ? value : last;
    }
    if (value.range[0] > insertion.offset || insertion.indent < lines.columnOf(value.range[0])) return value;
    node = value;
  }
}
