// Fix-all: every finding's preferred fix that does not collide with another, applied in one edit.
// ESLint semantics: one pass over the text as linted; fixes skipped for a collision wait for the next pass.
import type { ParsedFile } from '../engine/lint.js';
import { LineIndex } from '../engine/positions.js';
import type { Finding, Fix } from '../engine/types.js';
import { FixSource } from './fixSource.js';
import { changesToEdits } from './fixToEdits.js';
import { applyEdits, editsConflict, sameEdit, type TextEdit } from './textEdits.js';

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
  const taken: { edit: TextEdit; structured: boolean }[] = [];
  for (const candidate of candidates) {
    const { edits, fix } = candidate;
    const structured = joint && fix.changes.every((change) => change.kind.startsWith('yaml.'));
    const collides = (edit: TextEdit) =>
      taken.some((other) => editsConflict(edit, other.edit) && !(structured && other.structured && isInsertionAt(edit, other.edit.start) && isInsertionAt(other.edit, edit.start)));
    if (!edits || edits.length === 0 || edits.some(collides)) {
      skipped.push(candidate.finding);
      continue;
    }
    chosen.push(candidate);
    taken.push(...edits.map((edit) => ({ edit, structured })));
  }
  return { chosen, skipped };
}

function isInsertionAt(edit: TextEdit, offset: number): boolean {
  return edit.start === edit.end && edit.start === offset;
}

function dedupe(edits: TextEdit[]): TextEdit[] {
  return edits.filter((edit, i) => edits.findIndex((other) => sameEdit(other, edit)) === i);
}
