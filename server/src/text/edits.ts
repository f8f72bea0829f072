// Offset-based text edits: what every fix and suppression comment becomes, applied in memory (CLI, tests) or sent as LSP edits.
import type { LineIndex, Range } from './positions.js';

/** Replace `[start, end)` of the original text by `newText`; `start === end` is an insertion. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** An LSP `TextEdit` (structurally identical to vscode-languageserver's, without importing it here). */
export interface RangeTextEdit {
  range: Range;
  newText: string;
}

export function byPosition(a: TextEdit, b: TextEdit): number {
  return a.start - b.start || a.end - b.end;
}

/**
 * Applies edits that do not overlap. Edits at the same offset keep their given order (insertions first,
 * in order, then the replacement that starts there), so callers control how same-point insertions stack.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort(byPosition);
  let result = '';
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.start < cursor) throw new RangeError(`overlapping edits at offset ${edit.start}`);
    result += text.slice(cursor, edit.start) + edit.newText;
    cursor = edit.end;
  }
  return result + text.slice(cursor);
}

export function sameEdit(a: TextEdit, b: TextEdit): boolean {
  return a.start === b.start && a.end === b.end && a.newText === b.newText;
}

/**
 * Whether two edits cannot both apply: their replaced ranges overlap, an insertion falls strictly inside
 * the other's range, or both insert different text at the same point (their order would be a guess).
 * Edits that merely touch (one ends where the other starts) are compatible.
 */
export function editsConflict(a: TextEdit, b: TextEdit): boolean {
  if (sameEdit(a, b)) return false;
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  if (a.start === a.end) return a.start > b.start && a.start < b.end;
  if (b.start === b.end) return b.start > a.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

/** Whether a list of edits (one fix's) is well-formed: sorted, they never overlap. */
export function editsAreDisjoint(edits: readonly TextEdit[]): boolean {
  const sorted = [...edits].sort(byPosition);
  return sorted.every((edit, i) => i === 0 || edit.start >= sorted[i - 1].end);
}

export function toRangeEdits(edits: readonly TextEdit[], lines: LineIndex): RangeTextEdit[] {
  return edits.map((edit) => ({ range: lines.rangeOf(edit), newText: edit.newText }));
}
