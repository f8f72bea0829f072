// Fix-all: every finding's preferred fix that does not collide with another, applied in one edit.
// ESLint semantics: one pass over the text as linted; fixes skipped for a collision wait for the next pass.
import type { ParsedFile } from '../engine/runRules.js';
import { LineIndex } from '../text/positions.js';
import type { Finding, Fix } from '../engine/types.js';
import { FixSource } from './fixSource.js';
import { changesToEdits } from './fixToEdits.js';
import { applyEdits, sameEdit, type TextEdit } from '../text/edits.js';

export interface FixAllResult {
  /** The text with the applied fixes. */
  text: string;
  /** The edits that turn the original text into `text` (what a code action sends). */
  edits: TextEdit[];
  /** Findings whose preferred fix is in `text` (a fix shared by several findings counts for each). */
  applied: Finding[];
  /** Findings with a preferred fix that could not be applied in this pass. */
  skipped: Finding[];
}

export function preferredFix(finding: Finding): Fix | undefined {
  return finding.fixes?.find((fix) => fix.isPreferred);
}

/** `file` is the model the findings were linted from (their fixes point into it). */
export function fixAll(text: string, findings: readonly Finding[], file: ParsedFile | undefined, lines = new LineIndex(text)): FixAllResult {
  const source = new FixSource(text, lines, file);
  // A fix shared by several findings (one object) is planned once, and its changes join the plan once:
  // the same replacement planned twice would overlap itself and sink the joint plan.
  const editsByFix = new Map<Fix, TextEdit[] | undefined>();
  const candidates = findings.flatMap((finding) => {
    const fix = finding.suppressed ? undefined : preferredFix(finding);
    if (!fix) return [];
    if (!editsByFix.has(fix)) editsByFix.set(fix, changesToEdits(fix.changes, source));
    return [{ finding, fix, edits: editsByFix.get(fix) }];
  });
  // First try planning the chosen fixes together, so that two keys added to one mapping (or a mapping
  // that does not exist yet) become one block; if that plan fails, fall back to each fix's own edits.
  const joint = select(candidates, true);
  const jointFixes = new Set(joint.chosen.map((c) => c.fix));
  const jointEdits = changesToEdits([...jointFixes].flatMap((fix) => fix.changes), source);
  const { chosen, skipped } = jointEdits ? joint : select(candidates, false);
  const edits = jointEdits ?? dedupe(chosen.flatMap((c) => c.edits ?? []));
  return { text: applyEdits(text, edits), edits, applied: chosen.map((c) => c.finding), skipped };
}

interface Candidate {
  finding: Finding;
  fix: Fix;
  edits: TextEdit[] | undefined;
}

/**
 * Greedy, in document order. Two insertions at one offset conflict, except in a joint plan where both
 * come from structured YAML changes: the plan then stacks or merges them in a valid order.
 */
function select(candidates: readonly Candidate[], joint: boolean): { chosen: Candidate[]; skipped: Finding[] } {
  const chosen: Candidate[] = [];
  const skipped: Finding[] = [];
  const taken = new TakenEdits();
  for (const candidate of candidates) {
    const { edits, fix } = candidate;
    const structured = joint && fix.changes.every((change) => change.kind.startsWith('yaml.'));
    if (!edits || edits.length === 0 || edits.some((edit) => taken.collides(edit, structured))) {
      skipped.push(candidate.finding);
      continue;
    }
    chosen.push(candidate);
    for (const edit of edits) taken.add(edit, structured);
  }
  return { chosen, skipped };
}

/** What the insertions chosen at one offset write: every text, and the texts of unstructured ones. */
interface InsertionsAt {
  texts: Set<string>;
  unstructuredTexts: Set<string>;
}

/**
 * The edits chosen so far, kept sorted by offset, so that a new edit is tested against its neighbours
 * only (`editsConflict` against every chosen edit made fix-all quadratic: 40,000 fixes took minutes).
 * Chosen replacements never overlap (unless identical), so a binary search finds the one that could.
 */
class TakenEdits {
  /** Replacements (start < end), by start; ends are in order too. */
  private readonly replacements: TextEdit[] = [];
  /** The offsets where insertions were chosen, in order. */
  private readonly insertionOffsets: number[] = [];
  private readonly insertions = new Map<number, InsertionsAt>();

  collides(edit: TextEdit, structured: boolean): boolean {
    const { replacements, insertionOffsets } = this;
    if (edit.start === edit.end) {
      // Inside a replacement, or beside an insertion at the same offset that is not the same one.
      const around = replacements[firstIndex(replacements, (r) => r.end > edit.start)];
      if (around && around.start < edit.start) return true;
      const there = this.insertions.get(edit.start);
      const others = structured ? there?.unstructuredTexts : there?.texts;
      return others !== undefined && (others.size > 1 || (others.size === 1 && !others.has(edit.newText)));
    }
    // Overlapping a replacement that is not the same one, or around an insertion.
    for (let i = firstIndex(replacements, (r) => r.end > edit.start); i < replacements.length && replacements[i].start < edit.end; i++) {
      if (!sameEdit(replacements[i], edit)) return true;
    }
    const inside = insertionOffsets[firstIndex(insertionOffsets, (offset) => offset > edit.start)];
    return inside !== undefined && inside < edit.end;
  }

  add(edit: TextEdit, structured: boolean): void {
    if (edit.start !== edit.end) {
      insertSorted(this.replacements, edit, (r) => r.start > edit.start);
      return;
    }
    let there = this.insertions.get(edit.start);
    if (!there) {
      this.insertions.set(edit.start, (there = { texts: new Set(), unstructuredTexts: new Set() }));
      insertSorted(this.insertionOffsets, edit.start, (offset) => offset > edit.start);
    }
    there.texts.add(edit.newText);
    if (!structured) there.unstructuredTexts.add(edit.newText);
  }
}

/** The first index whose item satisfies `isAfter` (false, then true, along the array), or the length. */
function firstIndex<T>(items: readonly T[], isAfter: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (isAfter(items[mid])) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** Fixes come in document order, so this is nearly always an append. */
function insertSorted<T>(items: T[], item: T, isAfter: (other: T) => boolean): void {
  items.splice(firstIndex(items, isAfter), 0, item);
}

/** The edits without repeats (one replacement planned by two fixes), in their order. */
function dedupe(edits: TextEdit[]): TextEdit[] {
  const seen = new Set<string>();
  return edits.filter((edit) => {
    const key = `${edit.start}:${edit.end}:${edit.newText}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
