// Turns structured YAML changes (set, insert, append, remove) into minimal text edits that keep the
// document's indentation, block/flow style, quoting, comments and line breaks. Changes planned together
// (one fix, or every fix of a fix-all) share one plan: inserts into the same mapping become one block.
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { FixChange, YamlPlain } from '../engine/types.js';
import type { YamlDocument, YamlFile } from '../k8s/yamlFile.js';
import { byPosition, editsAreDisjoint, type TextEdit } from '../text/edits.js';
import type { LineIndex } from '../text/positions.js';
import { blockLines, flowEntries, flowValue, isPlainMap, scalarInStyle, sequenceItemLines, type YamlLayout } from './style.js';
import { contentEnd, dashBefore, documentAt, isNullValue, itemOffset, placeOf, withProperties, type YamlCollection, type YamlItem } from './tree.js';

export type YamlChange = Extract<FixChange, { kind: `yaml.${string}` }>;

/** Keys to add below one mapping (or below a `key:` whose value is still null). */
interface Growth {
  at: { kind: 'map'; map: YAMLMap } | { kind: 'null'; pair: Pair };
  entries: { [key: string]: YamlPlain };
}

/** An edit plus how to stack it with other insertions at the same offset: deeper text goes first. */
interface PlannedEdit extends TextEdit {
  column: number;
  /** At equal column, a sequence item goes before a mapping key (the key would end the sequence). */
  rank: number;
}

const COMMENT_OR_NOTHING = /^\s*(?:#.*)?$/;

/** The text the changes apply to, as the planner reads it (the fix layer's FixSource is one). */
export interface YamlSource {
  readonly text: string;
  readonly lines: LineIndex;
  /** Indentation conventions, so inserted lines look like the user wrote them. */
  readonly layout: YamlLayout;
}

export function yamlChangesToEdits(changes: readonly YamlChange[], source: YamlSource, file: YamlFile): TextEdit[] | undefined {
  return new YamlEditPlan(source, file).plan(changes);
}

class YamlEditPlan {
  private readonly text: string;
  private readonly removed = new Set<unknown>();
  private readonly growths = new Map<object, Growth>();
  private readonly appends = new Map<YAMLSeq, YamlPlain[]>();
  private readonly edits: PlannedEdit[] = [];

  constructor(
    private readonly source: YamlSource,
    private readonly file: YamlFile,
  ) {
    this.text = source.text;
  }

  plan(changes: readonly YamlChange[]): TextEdit[] | undefined {
    for (const change of changes) if (change.kind === 'yaml.remove') this.removed.add(change.target);
    for (const change of changes) {
      const planned =
        change.kind === 'yaml.set' ? this.set(change.node, change.value)
        : change.kind === 'yaml.insert' ? this.insert(change.map, change.path, change.value)
        : change.kind === 'yaml.append' ? this.append(change.seq, change.value)
        : true;
      if (!planned) return undefined;
    }
    // Removals last: whether a collection ends up empty depends on what the same plan adds to it.
    for (const change of changes) if (change.kind === 'yaml.remove' && !this.remove(change.target)) return undefined;
    for (const growth of this.growths.values()) if (!this.grow(growth)) return undefined;
    for (const [seq, values] of this.appends) if (!this.appendItems(seq, values)) return undefined;
    return this.finish();
  }

  // ── set ────────────────────────────────────────────────────────────────────────────────────────
  private set(node: Node, value: string | number | boolean): boolean {
    const start = node.range?.[0];
    const end = contentEnd(node, this.text);
    if (start === undefined || end === undefined) return false;
    const newText = isScalar(node) ? scalarInStyle(value, node.type) : scalarInStyle(value, undefined);
    if (this.text.slice(start, end) !== newText) this.add({ start, end, newText }, 0);
    return true;
  }

  // ── insert ─────────────────────────────────────────────────────────────────────────────────────
  /**
   * Walks existing mappings along `path` as rules read them (through aliases and `<<` merge keys); only
   * the missing remainder is added, where the walk stopped. A key on the path that the mapping only has
   * through a merge makes the change impossible: writing it as an own key would hide every setting the
   * merge brings under it (and editing the merged source would change every mapping that merges it).
   */
  private insert(map: YAMLMap, path: readonly string[], value: YamlPlain): boolean {
    const nav = this.documentOf(map)?.nav;
    if (!nav || path.length === 0) return false;
    let current = map;
    for (let i = 0; i < path.length; i++) {
      const pair = nav.pair(current, path[i]);
      if (pair && !current.items.includes(pair)) return false;
      if (!pair || this.removed.has(pair)) return this.addGrowth({ kind: 'map', map: current }, path.slice(i), value);
      const existing = nav.resolve(pair.value);
      if (i === path.length - 1) return this.insertOverExisting(existing, value);
      if (isMap(existing)) current = existing;
      else if (isNullValue(existing) && !isAlias(pair.value)) return this.addGrowth({ kind: 'null', pair }, path.slice(i + 1), value);
      else return false;
    }
    return false;
  }

  /** The key is already there: a scalar gets the value; anything else is not ours to overwrite. */
  private insertOverExisting(existing: unknown, value: YamlPlain): boolean {
    if (!isScalar(existing) || (typeof value === 'object' && value !== null)) return false;
    return this.set(existing, value);
  }

  private addGrowth(at: Growth['at'], path: readonly string[], value: YamlPlain): boolean {
    const key = at.kind === 'map' ? at.map : at.pair;
    const growth = this.growths.get(key) ?? { at, entries: {} };
    this.growths.set(key, growth);
    let entries = growth.entries;
    for (const step of path.slice(0, -1)) {
      const next = entries[step] ?? {};
      if (!isPlainMap(next)) return false;
      entries[step] = next;
      entries = next;
    }
    const leaf = path[path.length - 1];
    // Two fixes adding the same key agree only if they add the same value.
    if (leaf in entries) return JSON.stringify(entries[leaf]) === JSON.stringify(value);
    entries[leaf] = value;
    return true;
  }

  private grow({ at, entries }: Growth): boolean {
    if (at.kind === 'null') return this.growNullValue(at.pair, entries);
    const map = at.map;
    const remaining = this.remainingItems(map);
    if (map.flow) {
      const start = remaining.length ? contentEnd(remaining[remaining.length - 1], this.text) : openingBracketEnd(map);
      if (start === undefined) return false;
      this.add({ start, end: start, newText: `${remaining.length ? ', ' : ''}${flowEntries(entries)}` }, this.columnOf(start));
      return true;
    }
    const firstKey = itemOffset(map.items[0]);
    if (firstKey === undefined) return false;
    const column = this.columnOf(firstKey);
    const lines = blockLines(entries, column, this.source.layout);
    if (remaining.length) return this.insertLinesAfter(contentEnd(remaining[remaining.length - 1], this.text), lines, column, 1);
    // Every key is being removed: the new keys take the first one's place (whole lines only).
    const lineStart = this.lineStartOf(firstKey);
    if (this.text.slice(lineStart, firstKey).trim() !== '') return false;
    this.add({ start: lineStart, end: lineStart, newText: lines.map((l) => l + this.source.lines.eol).join('') }, column, 1);
    return true;
  }

  /** `securityContext:` (or `: ~`) becomes a block mapping indented one step below its key. */
  private growNullValue(pair: Pair, entries: Growth['entries']): boolean {
    const keyStart = itemOffset(pair);
    const keyEnd = (pair.key as Node | null)?.range?.[1];
    if (keyStart === undefined || keyEnd === undefined) return false;
    const colon = this.text.indexOf(':', keyEnd);
    if (colon === -1) return false;
    // An explicit `~` / `null` goes; an empty value (a zero-width scalar, maybe before a comment) has no text.
    const value = pair.value as Node | null;
    const written = value?.range && value.range[1] > value.range[0] ? contentEnd(value, this.text) : undefined;
    if (written !== undefined) this.add({ start: colon + 1, end: written, newText: '' }, 0);
    const valueEnd = written ?? colon + 1;
    const column = this.columnOf(keyStart) + this.source.layout.indent;
    return this.insertLinesAfter(valueEnd, blockLines(entries, column, this.source.layout), column, 1);
  }

  // ── append ─────────────────────────────────────────────────────────────────────────────────────
  private append(seq: YAMLSeq, value: YamlPlain): boolean {
    this.appends.set(seq, [...(this.appends.get(seq) ?? []), value]);
    return true;
  }

  private appendItems(seq: YAMLSeq, values: YamlPlain[]): boolean {
    const remaining = this.remainingItems(seq);
    if (seq.flow) {
      const start = remaining.length ? contentEnd(remaining[remaining.length - 1], this.text) : openingBracketEnd(seq);
      if (start === undefined) return false;
      this.add({ start, end: start, newText: `${remaining.length ? ', ' : ''}${values.map(flowValue).join(', ')}` }, this.columnOf(start));
      return true;
    }
    const firstStart = itemOffset(seq.items[0]);
    const dash = firstStart === undefined ? undefined : dashBefore(this.text, firstStart, this.lineStartOf(firstStart));
    if (dash === undefined || remaining.length === 0) return false;
    const column = this.columnOf(dash);
    const lines = values.flatMap((value) => sequenceItemLines(value, column, this.source.layout));
    return this.insertLinesAfter(contentEnd(remaining[remaining.length - 1], this.text), lines, column, 0);
  }

  // ── remove ─────────────────────────────────────────────────────────────────────────────────────
  private remove(target: YamlItem): boolean {
    const doc = this.documentOf(target)?.doc;
    const place = doc && placeOf(doc, target);
    if (!place) return false;
    const { collection, index } = place;
    const item = collection.items[index];
    const itemStart = itemOffset(item);
    const end = contentEnd(item, this.text);
    if (itemStart === undefined || end === undefined) return false;
    const lineStart = this.lineStartOf(itemStart);
    let start = withProperties(this.text, itemStart, lineStart);
    const previous = this.neighbour(collection, index, -1);
    const next = this.neighbour(collection, index, +1);
    const emptied = this.remainingItems(collection).length === 0;

    if (collection.flow) {
      if (next !== undefined) return this.addRemoval(start, this.startOf(next, collection));
      if (previous !== undefined) return this.addRemoval(contentEnd(previous, this.text), end);
      const open = openingBracketEnd(collection);
      const close = collection.range?.[1];
      return open !== undefined && close !== undefined && this.addRemoval(open, close - 1);
    }
    if (isSeq(collection)) {
      const dash = dashBefore(this.text, start, lineStart);
      if (dash === undefined) return false;
      start = dash;
    }
    // A block collection left with no items would read as null: its first removed item becomes `{}` / `[]`.
    const growing = this.growths.has(collection) || (isSeq(collection) && this.appends.has(collection));
    if (emptied && !growing && collection.items.find((other) => this.isRemoved(other)) === item) {
      this.add({ start, end, newText: isMap(collection) ? '{}' : `${this.emptySequencePadding(doc, collection, start)}[]` }, 0);
      return true;
    }
    const ownsLines = this.text.slice(lineStart, start).trim() === '' && COMMENT_OR_NOTHING.test(this.text.slice(end, this.lineEndOf(end)));
    if (ownsLines) return this.removeLines(start, end);
    // Shares its line (the first key after a `- `): join the next item onto that line instead.
    if (next !== undefined) return this.addRemoval(start, this.startOf(next, collection));
    if (previous !== undefined) return this.addRemoval(contentEnd(previous, this.text), end);
    return false;
  }

  /**
   * `key:\n- item` (a sequence not indented under its key) cannot become `key:\n[]`: at the key's column
   * `[]` would start a new key. It is pushed one indent step to the right of the key instead.
   */
  private emptySequencePadding(doc: Document.Parsed, seq: YamlCollection, dash: number): string {
    const parent = placeOf(doc, seq);
    const owner = parent?.collection.items[parent.index];
    const keyStart = isPair(owner) ? itemOffset(owner) : undefined;
    if (keyStart === undefined) return '';
    const needed = this.columnOf(keyStart) + this.source.layout.indent - this.columnOf(dash);
    return needed > 0 && this.columnOf(dash) <= this.columnOf(keyStart) ? ' '.repeat(needed) : '';
  }

  private removeLines(start: number, end: number): boolean {
    const lines = this.source.lines;
    const first = lines.positionAt(start).line;
    const last = lines.positionAt(end).line;
    if (last + 1 < lines.lineCount) return this.addRemoval(lines.lineStart(first), lines.lineStart(last + 1));
    // The last line of a file without a final line break: take the break before it instead.
    return this.addRemoval(first > 0 ? lines.lineEnd(first - 1) : 0, this.text.length);
  }

  private addRemoval(start: number | undefined, end: number | undefined): boolean {
    if (start === undefined || end === undefined || end < start) return false;
    this.add({ start, end, newText: '' }, 0);
    return true;
  }

  /** The nearest item in direction `step` that this plan keeps. */
  private neighbour(collection: YamlCollection, index: number, step: -1 | 1): unknown {
    for (let i = index + step; i >= 0 && i < collection.items.length; i += step) {
      if (!this.isRemoved(collection.items[i])) return collection.items[i];
    }
    return undefined;
  }

  /** Where an item's text begins: its `- ` in a block sequence, its anchor/tag otherwise. */
  private startOf(item: unknown, collection: YamlCollection): number | undefined {
    const offset = itemOffset(item);
    if (offset === undefined) return undefined;
    const lineStart = this.lineStartOf(offset);
    const start = withProperties(this.text, offset, lineStart);
    return isSeq(collection) && !collection.flow ? dashBefore(this.text, start, lineStart) : start;
  }

  private remainingItems(collection: YamlCollection): unknown[] {
    return collection.items.filter((item) => !this.isRemoved(item));
  }

  private isRemoved(item: unknown): boolean {
    return this.removed.has(item) || (isPair(item) && this.removed.has(item.value));
  }

  // ── text positions ─────────────────────────────────────────────────────────────────────────────
  private insertLinesAfter(offset: number | undefined, lines: string[], column: number, rank: number): boolean {
    if (offset === undefined) return false;
    const index = this.source.lines;
    const eol = index.eol;
    const line = index.positionAt(offset).line;
    if (line + 1 < index.lineCount) {
      const start = index.lineStart(line + 1);
      this.add({ start, end: start, newText: lines.map((l) => l + eol).join('') }, column, rank);
    } else {
      this.add({ start: this.text.length, end: this.text.length, newText: lines.map((l) => eol + l).join('') }, column, rank);
    }
    return true;
  }

  private add(edit: TextEdit, column: number, rank = 0): void {
    this.edits.push({ ...edit, column, rank });
  }

  private documentOf(node: YamlItem): YamlDocument | undefined {
    const offset = itemOffset(node);
    return offset === undefined ? undefined : documentAt(this.file, offset);
  }

  private columnOf(offset: number): number {
    return offset - this.lineStartOf(offset);
  }

  private lineStartOf(offset: number): number {
    return this.source.lines.lineStart(this.source.lines.positionAt(offset).line);
  }

  private lineEndOf(offset: number): number {
    return this.source.lines.lineEnd(this.source.lines.positionAt(offset).line);
  }

  /**
   * Sorted edits: insertions at one offset merged (deepest first) so they read as one block, and
   * overlapping deletions (two items removed from one flow collection) merged into one.
   */
  private finish(): TextEdit[] | undefined {
    const sorted = [...this.edits].sort((a, b) => byPosition(a, b) || b.column - a.column || a.rank - b.rank);
    const merged: TextEdit[] = [];
    for (const edit of sorted) {
      const last = merged[merged.length - 1];
      const bothInsert = last && last.start === last.end && edit.start === edit.end && last.start === edit.start;
      const bothDeleteOverlapping = last && last.newText === '' && edit.newText === '' && edit.start < last.end;
      if (bothInsert) last.newText += edit.newText;
      else if (bothDeleteOverlapping) last.end = Math.max(last.end, edit.end);
      else merged.push({ start: edit.start, end: edit.end, newText: edit.newText });
    }
    return editsAreDisjoint(merged) ? merged : undefined;
  }
}

function openingBracketEnd(collection: YamlCollection): number | undefined {
  const start = collection.range?.[0];
  return start === undefined ? undefined : start + 1;
}
