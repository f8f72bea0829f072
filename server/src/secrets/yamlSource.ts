// Maps a secret found in a YAML scalar's parsed value back to its characters in the source: quoted,
// folded and block scalars differ from their value, so the source slice is searched, never offset into.
import { Scalar } from 'yaml';
import type { OffsetRange } from '../text/positions.js';

/** The characters of a scalar's content: inside the quotes, after a block scalar's header line. */
export function scalarContentRange(text: string, node: Scalar): OffsetRange {
  const [start, end] = node.range ?? [0, 0, 0];
  if (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE) return { start: start + 1, end: Math.max(start + 1, end - 1) };
  if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) {
    const header = text.indexOf('\n', start);
    let from = header === -1 || header >= end ? end : header + 1;
    while (from < end && (text[from] === ' ' || text[from] === '\t')) from++;
    let to = end;
    while (to > from && /\s/.test(text[to - 1] ?? '')) to--;
    return { start: from, end: to };
  }
  return { start, end };
}

/**
 * Finds pieces of one scalar's parsed value in its source text. A piece is looked for as the same
 * occurrence of its first line: the third `hunter2` of the value is the third `hunter2` written. Pieces
 * asked for in order (as a scan finds them) are counted from the last one found, not from the start:
 * 20,000 secrets in one block scalar cost one pass over it, not 20,000.
 */
export class ScalarSource {
  private readonly content: OffsetRange;
  private readonly source: string;
  /** The last piece found: its offset in the value, and where it is written (in `source`). */
  private valueAt = 0;
  private sourceAt = 0;

  constructor(
    text: string,
    node: Scalar,
    private readonly value: string,
  ) {
    this.content = scalarContentRange(text, node);
    this.source = text.slice(this.content.start, this.content.end);
  }

  /**
   * Where `value.slice(start, end)` is written. A multi-line secret (a PEM block) runs from its first
   * line's first character to its last line's last. When the text cannot be found as written (escape
   * sequences in a double-quoted scalar), the scalar's whole content is the honest answer.
   */
  locate(start: number, end: number): OffsetRange {
    const { content, source, value } = this;
    const needle = value.slice(start, end);
    const firstBreak = needle.indexOf('\n');
    const firstLine = firstBreak === -1 ? needle : needle.slice(0, firstBreak);
    const lastLine = firstBreak === -1 ? needle : needle.slice(needle.lastIndexOf('\n') + 1);
    if (firstLine === '') return content;
    if (start < this.valueAt) this.valueAt = this.sourceAt = 0; // asked out of order: count from the start
    const at = nthIndexOf(source, firstLine, occurrences(value, firstLine, this.valueAt, start), this.sourceAt);
    if (at === -1) return content;
    this.valueAt = start;
    this.sourceAt = at;
    if (firstBreak === -1) return { start: content.start + at, end: content.start + at + needle.length };
    const last = source.indexOf(lastLine, at + firstLine.length);
    return last === -1 ? content : { start: content.start + at, end: content.start + last + lastLine.length };
  }
}

/** The offset of the `n`th (0-based) occurrence of `needle` at or after `from`, or -1. */
function nthIndexOf(haystack: string, needle: string, n: number, from: number): number {
  let at = haystack.indexOf(needle, from);
  for (let k = 0; k < n && at !== -1; k++) at = haystack.indexOf(needle, at + 1);
  return at;
}

/** How many times `needle` starts in [from, before). */
function occurrences(text: string, needle: string, from: number, before: number): number {
  let count = 0;
  for (let at = text.indexOf(needle, from); at !== -1 && at < before; at = text.indexOf(needle, at + 1)) count++;
  return count;
}

/** One piece of one scalar (see ScalarSource.locate). */
export function locateInScalar(text: string, node: Scalar, value: string, start: number, end: number): OffsetRange {
  return new ScalarSource(text, node, value).locate(start, end);
}
